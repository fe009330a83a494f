/**
 * @pay-checkout/sandbox: payment providers' stage environments played locally, each under `/{kind}`
 * (ConnectPay under `/connectpay`). Start it in-process with `startSandbox({port: 0})`, or run
 * `npx pay-sandbox`.
 */

// Card gateway stage (the Paymentz platform's REST API)
export {
  amountOperationChecksum as cardGatewayOperationChecksum,
  callbackChecksum as cardGatewayCallbackChecksum,
  inquiryChecksum as cardGatewayInquiryChecksum,
  paymentChecksum as cardGatewayPaymentChecksum,
  paymentIdChecksum as cardGatewayPaymentIdChecksum,
} from './providers/cardgateway/checksum.js';
export {
  type CardGatewayStage,
  type CardGatewayStageOptions,
  createCardGatewayStage,
} from './providers/cardgateway/index.js';
export {
  type CardGatewayMerchant,
  cardGatewayOtherMerchant,
  cardGatewayTestMerchant,
} from './providers/cardgateway/merchants.js';
export {
  CARDGATEWAY_LONG_STATUSES,
  CARDGATEWAY_SHORT_STATUSES,
  type CardGatewayLongStatus,
  type CardGatewayPayment,
  type CardGatewayShortStatus,
} from './providers/cardgateway/model.js';
export { CARDGATEWAY_TEST_CARDS, type CardGatewayDecline } from './providers/cardgateway/test-cards.js';
// ConnectPay stage
export { type BaasAccount, SANDBOX_BAAS } from './providers/connectpay/accounts.js';
export { SANDBOX_BANKS } from './providers/connectpay/banks.js';
export {
  type ConnectPayClient,
  SANDBOX_CLIENT,
  SANDBOX_CLIENT_B,
  SANDBOX_CLIENTS,
} from './providers/connectpay/clients.js';
export { type ConnectPayPaymentDetails, SANDBOX_MERCHANT_CREDITOR } from './providers/connectpay/details.js';
export {
  type ConnectPayStage,
  type ConnectPayStageOptions,
  createConnectPayStage,
} from './providers/connectpay/index.js';
export {
  CONNECTPAY_LANGUAGES,
  CONNECTPAY_METHODS,
  CONNECTPAY_STATUSES,
  type ConnectPayLanguage,
  type ConnectPayMethod,
  type ConnectPayStatus,
  type ConnectPayStatusReason,
  FINAL_CONNECTPAY_STATUSES,
  type SandboxBank,
} from './providers/connectpay/model.js';
export {
  NOTIFICATION_SIGNATURE_HEADER,
  NotificationSignatureError,
  signNotification,
  verifyNotification,
} from './providers/connectpay/notification-signature.js';
export type { DeliveryAttempt } from './providers/connectpay/notifier.js';
// Signing: API v2 requests (RSA) and the sandbox-only notification signature (HMAC)
export {
  connectPayStringToSign,
  signConnectPayRequest,
  verifyConnectPayRequest,
} from './providers/connectpay/request-signature.js';
export {
  CONFIRMATION_CODE,
  CONNECTPAY_CARD_TABLE,
  type ConnectPayCardDecline,
  FAKE_BANK_ID,
  FAKE_BANK_NAME,
  FAKE_BANK_PASSWORD,
  FAKE_BANK_USERNAME,
  MANUAL_REVIEW_AMOUNT,
  SIAULIU_BANK_ID,
  SIAULIU_BANK_NAME,
  TEST_CARDS,
} from './providers/connectpay/test-data.js';
export type { WidgetVisit, WidgetVisits } from './providers/connectpay/widget-visits.js';
// Fintecture stage
export {
  FINTECTURE_BANKS,
  FINTECTURE_TEST_BANK_ID,
  type FintectureBank,
  findFintectureBank,
} from './providers/fintecture/banks.js';
export { FintectureSignatureError } from './providers/fintecture/errors.js';
export {
  createFintectureStage,
  type FintectureStage,
  type FintectureStageOptions,
} from './providers/fintecture/index.js';
export {
  FINTECTURE_STATUS_REASONS,
  FINTECTURE_STATUSES,
  type FintectureSession,
  type FintectureStatus,
  type FintectureStatusReason,
  PSU_TYPES,
  type PsuType,
} from './providers/fintecture/model.js';
export {
  DATE_TOLERANCE_MS as FINTECTURE_DATE_TOLERANCE_MS,
  parseSignatureHeader,
} from './providers/fintecture/request-signature.js';
export { type FintectureApp, fintectureTestApp } from './providers/fintecture/test-app.js';
export {
  FINTECTURE_SCA_CODE,
  FINTECTURE_TEST_ACCOUNTS,
  FINTECTURE_TEST_PASSWORD,
  type FintectureTestAccount,
} from './providers/fintecture/test-data.js';
export {
  type FintectureShopperOutcome,
  type FintectureTestShopper,
  fintectureTestShopper,
} from './providers/fintecture/test-shopper.js';
export { signFintectureWebhook } from './providers/fintecture/webhook-signature.js';
// pay.tech stage
export {
  createPaytechStage,
  type PaytechStage,
  type PaytechStageOptions,
} from './providers/paytech/index.js';
export {
  FINAL_PAYTECH_STATES,
  PAYTECH_ERROR_CODES,
  PAYTECH_PAYMENT_TYPES,
  PAYTECH_STATES,
  type PaytechErrorCode,
  type PaytechPaymentType,
  type PaytechState,
} from './providers/paytech/model.js';
export { PAYTECH_TEST_SHOP, paytechTestShop } from './providers/paytech/shops.js';
export {
  PAYTECH_CARD_TABLE,
  PAYTECH_SANDBOX_LIMITS,
  PAYTECH_TEST_CARDS,
} from './providers/paytech/test-data.js';
export {
  cancelPaytechCheckout,
  type PaytechCheckoutOptions,
  type PaytechCheckoutOutcome,
  payPaytechCheckout,
} from './providers/paytech/test-shopper.js';
export {
  PAYTECH_SIGNATURE_HEADER,
  signPaytechWebhook,
  verifyPaytechWebhook,
} from './providers/paytech/webhook-signature.js';
export { STAGE_KINDS, STAGES, type StageKind, type StageOf } from './providers/stages.js';
// Server and stages
export { type RunningSandbox, type SandboxOptions, startSandbox } from './server.js';
// Shared by every stage: bank directory, card rules, knobs, notification delivery log
export {
  BANK_COUNTRIES,
  BANK_DIRECTORY,
  bankByBic,
  type DirectoryBank,
  directoryBank,
  directoryBanksIn,
} from './shared/banks/bank-directory.js';
export {
  type CardError,
  type CardInput,
  cardBrand,
  checkCard,
  passesLuhn,
} from './shared/cards/card-rules.js';
export { findTestCard, type TestCard, type ThreeDsFlow } from './shared/cards/test-cards.js';
// Errors
export {
  BadRequestError,
  ConflictError,
  InjectedError,
  NotFoundError,
  PayloadTooLargeError,
  SandboxError,
  UnauthorizedError,
  UnprocessableError,
  ValidationFailedError,
} from './shared/http/errors.js';
export {
  type ClientKnobs,
  DEFAULT_KNOBS,
  type GlobalKnobs,
  type NotificationKnobs,
} from './shared/knobs/knob-board.js';
export {
  createProviderRegistry,
  type FetchHandler,
  type ProviderRegistry,
  type ProviderStage,
  type StageOptions,
} from './shared/stage.js';
export type { StageListing } from './stage-index.js';

// Test helpers
export {
  type ApiAnswer,
  type ConnectPayTestClient,
  connectPayTestClient,
  type InitiateAnswer,
  type TestClientCredentials,
  type WidgetOutcome,
} from './testing.js';
