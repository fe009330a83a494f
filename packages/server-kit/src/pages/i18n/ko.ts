import type { PageMessages } from './page-messages.js';

/** Korean (polite form). */
export const ko: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: '결제 대기 중', text: '결제가 아직 시작되지 않았습니다.' },
    pending: {
      heading: '결제 확인 대기 중',
      text: '은행 또는 결제 서비스 제공업체의 결제 확인을 기다리고 있습니다.',
    },
    processing: { heading: '결제 처리 중', text: '결제를 처리하고 있습니다.' },
    authorized: { heading: '결제 승인됨', text: '결제가 승인되었으며 곧 완료됩니다.' },
    succeeded: { heading: '결제 완료', text: '감사합니다. 결제가 완료되었습니다.' },
    failed: { heading: '결제 실패', text: '결제가 처리되지 않았습니다.' },
    cancelled: { heading: '결제 취소됨', text: '결제가 취소되었습니다.' },
    expired: { heading: '결제 만료', text: '결제가 제한 시간 내에 완료되지 않았습니다.' },
  },
  reasons: {
    insufficient_funds: '은행에서 결제를 거절했습니다: 잔액이 부족합니다.',
    card_lost_or_stolen: '은행에서 이 카드를 거절했습니다. 다른 카드나 다른 결제 수단을 사용하세요.',
    declined: '은행에서 결제를 거절했습니다.',
    authentication_failed: '결제를 확인할 수 없습니다: 은행 본인 인증에 실패했습니다.',
    cancelled_by_shopper: '결제를 취소하셨습니다.',
    provider_error: '결제 서비스 제공업체에 기술적인 문제가 발생했습니다. 나중에 다시 시도하세요.',
    expired: '이 결제에 허용된 시간이 지났습니다.',
    manual_review:
      '결제 서비스 제공업체에서 결제를 수동으로 검토하고 있습니다. 보통 몇 분 정도 걸리며, ' +
      '경우에 따라 최대 영업일 기준 하루가 걸릴 수 있습니다. 결과가 나오는 즉시 이 페이지가 업데이트됩니다.',
  },
  returnToMerchant: '상점으로 돌아가기',
  amount: '금액',
  order: '주문',
  merchant: '수취인',
  liveUpdates: '이 페이지는 자동으로 업데이트됩니다.',
  returnNoScript: '최신 상태를 보려면 이 페이지를 새로 고치세요.',
  payTitle: '결제',
  continueTitle: '인증으로 이동 중…',
  continueButton: '계속',
  payNoScript: '결제하려면 JavaScript가 필요합니다. JavaScript를 활성화한 후 이 페이지를 새로 고치세요.',
  methodPis: '은행 결제',
  methodCard: '카드',
  notFoundTitle: '결제를 찾을 수 없습니다',
  notFoundText: '이 결제 링크를 알 수 없거나 만료되었습니다. 상점으로 돌아가 다시 시작하세요.',
  pendingNotice: '지금 상점으로 돌아가도 됩니다. 결제가 완료되면 상점에 알림이 전달됩니다.',
  autoForward: '{time} 후 판매자에게 돌아갑니다.',
  stayHere: '이 페이지에 머무르기',
  language: '언어',
};
