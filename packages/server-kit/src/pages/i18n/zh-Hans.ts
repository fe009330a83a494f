import type { PageMessages } from './page-messages.js';

/** Chinese in Simplified script (what zh-CN, zh-SG and plain zh reach; zh-TW does not). */
export const zhHans: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: '等待付款', text: '付款尚未开始。' },
    pending: { heading: '正在等待您的付款', text: '我们正在等待您的银行或支付服务商确认付款。' },
    processing: { heading: '付款处理中', text: '您的付款正在处理中。' },
    authorized: { heading: '付款已授权', text: '您的付款已获授权，即将完成。' },
    succeeded: { heading: '付款成功', text: '谢谢。您的付款已完成。' },
    failed: { heading: '付款失败', text: '付款未能完成。' },
    cancelled: { heading: '付款已取消', text: '此笔付款已取消。' },
    expired: { heading: '付款已过期', text: '付款未在规定时间内完成。' },
  },
  reasons: {
    insufficient_funds: '您的银行拒绝了此笔付款：余额不足。',
    card_lost_or_stolen: '您的银行拒绝了此卡。请使用其他卡或其他支付方式。',
    declined: '您的银行拒绝了此笔付款。',
    authentication_failed: '无法确认付款：您在银行的身份验证未通过。',
    cancelled_by_shopper: '您已取消付款。',
    provider_error: '支付服务商出现技术问题。请稍后重试。',
    expired: '此笔付款的允许时间已过。',
    manual_review:
      '支付服务商正在人工审核您的付款。通常需要几分钟，有时最长需要一个工作日。' +
      '一旦有结果，此页面会立即更新。',
  },
  returnToMerchant: '返回商家',
  amount: '金额',
  order: '订单',
  merchant: '收款方',
  liveUpdates: '此页面会自动更新。',
  returnNoScript: '请重新加载此页面以查看最新状态。',
  payTitle: '结账',
  continueTitle: '正在前往验证…',
  continueButton: '继续',
  payNoScript: '结账需要 JavaScript。请启用后重新加载此页面。',
  methodPis: '银行支付',
  methodCard: '银行卡',
  notFoundTitle: '未找到付款',
  notFoundText: '此付款链接未知或已过期。请返回商店重新开始。',
  pendingNotice: '您现在可以返回商店：付款完成后商店会收到通知。',
  autoForward: '{time}后返回商家。',
  stayHere: '留在此页面',
  language: '语言',
};
