/**
 * Test helpers for other packages' tests and merchants' CI: a signed ConnectPay API client and widget
 * drivers over plain `fetch`. Keep these signatures stable: server-kit's tests use them.
 */
export {
  type ApiAnswer,
  type ConnectPayTestClient,
  connectPayTestClient,
  type InitiateAnswer,
  type TestClientCredentials,
  type WidgetOutcome,
} from './providers/connectpay/test-client.js';
