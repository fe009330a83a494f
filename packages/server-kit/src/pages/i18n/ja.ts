import type { PageMessages } from './page-messages.js';

/** Japanese (polite form, with the element's words: ショップ, 決済). */
export const ja: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'お支払い待ち', text: 'お支払いはまだ開始されていません。' },
    pending: {
      heading: 'お支払いの確認待ち',
      text: '銀行または決済サービス事業者によるお支払いの確認をお待ちしています。',
    },
    processing: { heading: 'お支払い処理中', text: 'お支払いを処理しています。' },
    authorized: {
      heading: 'お支払いが承認されました',
      text: 'お支払いは承認されました。まもなく完了します。',
    },
    succeeded: { heading: 'お支払い完了', text: 'ありがとうございます。お支払いが完了しました。' },
    failed: { heading: 'お支払いに失敗しました', text: 'お支払いを完了できませんでした。' },
    cancelled: { heading: 'お支払いのキャンセル', text: 'お支払いはキャンセルされました。' },
    expired: { heading: 'お支払いの期限切れ', text: '期限内にお支払いが完了しませんでした。' },
  },
  reasons: {
    insufficient_funds: 'ご利用の銀行によりお支払いが拒否されました：残高が不足しています。',
    card_lost_or_stolen:
      'ご利用の銀行によりこのカードが拒否されました。別のカードまたは別のお支払い方法をご利用ください。',
    declined: 'ご利用の銀行によりお支払いが拒否されました。',
    authentication_failed: 'お支払いを確認できませんでした：銀行での本人認証に失敗しました。',
    cancelled_by_shopper: 'お支払いをキャンセルしました。',
    provider_error:
      '決済サービス事業者で技術的な問題が発生しました。しばらくしてからもう一度お試しください。',
    expired: 'このお支払いの受付期限が過ぎました。',
    manual_review:
      '決済サービス事業者がお支払いを手動で審査しています。通常は数分で終わりますが、' +
      '最長で1営業日かかる場合があります。結果が出しだい、このページは更新されます。',
  },
  returnToMerchant: 'ショップに戻る',
  amount: '金額',
  order: 'ご注文',
  merchant: 'お支払い先',
  liveUpdates: 'このページは自動的に更新されます。',
  returnNoScript: '最新の状況を確認するには、このページを再読み込みしてください。',
  payTitle: 'お支払い',
  continueTitle: '認証に進んでいます…',
  continueButton: '続行',
  payNoScript: 'お支払いには JavaScript が必要です。有効にしてから、このページを再読み込みしてください。',
  methodPis: '銀行払い',
  methodCard: 'カード',
  notFoundTitle: '支払いが見つかりません',
  notFoundText:
    'この支払いリンクは不明か、有効期限が切れています。ショップに戻って、最初からやり直してください。',
  pendingNotice: '今すぐショップに戻れます。支払いが完了すると、ショップに通知されます。',
  autoForward: '{time}後に加盟店に戻ります。',
  stayHere: 'このページにとどまる',
  language: '言語',
};
