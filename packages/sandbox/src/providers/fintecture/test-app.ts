/**
 * The Fintecture stage's built-in test application: what a merchant gets from Fintecture's console (an
 * app id, an app secret and the RSA key pair whose public half is registered with the application).
 * Test data, published with the package; the stage knows no other application.
 */
import { TEST_APP_PRIVATE_KEY_PEM, TEST_APP_PUBLIC_KEY_PEM } from './keys/test-app-keys.js';

export interface FintectureApp {
  /** The application id: the OAuth client id, the `app_id` header and the `keyId` of every signature. */
  readonly appId: string;
  /** The OAuth client secret (`Authorization: Basic base64(app_id:app_secret)` on the token call). */
  readonly appSecret: string;
  /** Signs API requests (the merchant keeps it) and decrypts webhook signatures. */
  readonly privateKeyPem: string;
  /** Registered with the application: verifies request signatures, encrypts webhook signatures. */
  readonly publicKeyPem: string;
}

export const fintectureTestApp: FintectureApp = Object.freeze({
  appId: 'a3c9f1e2-7b4d-4e58-9c61-0f2d8b7e5a14',
  appSecret: 'sandbox-secret-5d8e2f7a9c1b4e36',
  privateKeyPem: TEST_APP_PRIVATE_KEY_PEM,
  publicKeyPem: TEST_APP_PUBLIC_KEY_PEM,
});
