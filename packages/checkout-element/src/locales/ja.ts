// Japanese (ja): a runtime-mode locale module in the shape lit-localize generates, written by
// hand (see ../messages.ts for the ids, the English source and the {name} placeholders).
import type { MessageId } from '../messages.js';

export const templates = {
  methodLegend: 'お支払い方法',
  bank: '銀行',
  bankHint: '入力して検索し、銀行を選択してください。',
  bankNone: '「{query}」に一致する銀行はありません。',
  bankCount: '{count} 件の銀行が見つかりました。',
  bankRecent: '最近使用',
  bankRequired: '続行するには銀行を選択してください。',
  methodRequired: '続行するにはお支払い方法を選択してください。',
  language: '言語',
  total: '合計',
  pay: '{amount} を支払う',
  bankNote: 'お支払いは銀行で承認します。',
  cardNote: 'カード情報は決済パートナーの安全なページで入力します。',
  testMode: 'テストモード',
  loading: 'お支払い方法を読み込み中…',
  ready: 'お支払い方法の準備ができました。',
  submitting: 'お支払いを開始しています…',
  redirecting: 'お支払いを完了するページへ移動しています…',
  retry: '再試行',
  errorNetwork: '決済サービスに接続できませんでした。接続を確認して、もう一度お試しください。',
  errorTimeout: '決済サービスの応答に時間がかかりすぎました。もう一度お試しください。',
  errorServer: '決済サービスで問題が発生しました。しばらくしてからもう一度お試しください。',
  errorOrderNotFound: 'この注文は見つかりませんでした。ショップに戻って最初からやり直してください。',
  errorInvalid: 'お支払い情報が受け付けられませんでした。',
  errorInProgress: 'このお支払いはすでに処理中です。少し待ってから、もう一度お試しください。',
  errorMismatch: 'このお支払いは別の内容ですでに開始されています。最初からやり直してください。',
  errorRequest: 'お支払いを開始できませんでした。ショップにお問い合わせください。',
  errorRedirect: '決済ページのアドレスが安全ではありません。',
  errorNoMethods: 'この注文で利用できるお支払い方法はありません。',
  errorMethod: 'このお支払い方法はご利用いただけません。別の方法を選択してください。',
  errorUnavailable:
    'このお支払い方法は現在ご利用いただけません。後でもう一度お試しいただくか、別の方法を選択してください。',
  errorAccount: 'このアカウントではお支払いを受け取れません。ショップにお問い合わせください。',
  errorSession:
    'このお支払いは見つからないか、すでに終了しています。ショップに戻って最初からやり直してください。',
  errorPaid: 'この注文はすでに支払い済みです。ショップに戻る',
} satisfies Record<MessageId, string>;
