/**
 * Fintecture in the demo: bank payments (PIS) for France go to it (docs/demo.md). Unset `FINTECTURE_*`
 * variables mean the sandbox's Fintecture stage with its test application (`fintectureTestApp`); with
 * `FINTECTURE_BASE_URL` set, the real Fintecture with the given application. When the demo runs on the
 * ConnectPay stage (no local sandbox) and `FINTECTURE_BASE_URL` is unset, Fintecture is off.
 */
import { readFileSync } from 'node:fs';
import { fintectureTestApp } from '@pay-checkout/sandbox';
import { fintecture, type ProviderAdapter } from '@pay-checkout/server-kit';
import { DemoConfigError } from '../config.js';

type Env = Record<string, string | undefined>;

/** Bank payments from these countries are routed to Fintecture (its home market first). */
export const FINTECTURE_COUNTRIES = ['FR'] as const;

export interface FintectureSetup {
  adapter: ProviderAdapter;
  /** In sandbox mode: registers the kit's webhook URL with the test application (Fintecture's console does it for a real one). */
  registerWebhook(notificationUrl: string): Promise<void>;
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new DemoConfigError(`${name} is required when FINTECTURE_BASE_URL is set`);
  return value;
}

export function fintectureSetup(env: Env, sandboxUrl: string | undefined): FintectureSetup | undefined {
  const baseUrl = env.FINTECTURE_BASE_URL;
  if (baseUrl) {
    const appId = required(env, 'FINTECTURE_APP_ID');
    const appSecret = required(env, 'FINTECTURE_APP_SECRET');
    const keyFile = env.FINTECTURE_PRIVATE_KEY_FILE;
    const privateKeyPem = (
      keyFile ? readFileSync(keyFile, 'utf8') : required(env, 'FINTECTURE_PRIVATE_KEY')
    ).replace(/\\n/g, '\n');
    return {
      adapter: fintecture({
        baseUrl,
        oauthUrl: env.FINTECTURE_OAUTH_URL || undefined,
        appId,
        appSecret,
        privateKeyPem,
      }),
      // The real application's webhook URL is set in Fintecture's console.
      registerWebhook: async () => undefined,
    };
  }
  if (!sandboxUrl) return undefined;
  const stageUrl = `${sandboxUrl}/fintecture`;
  const { appId, appSecret, privateKeyPem } = fintectureTestApp;
  return {
    adapter: fintecture({ baseUrl: stageUrl, appId, appSecret, privateKeyPem }),
    async registerWebhook(notificationUrl) {
      const response = await fetch(`${stageUrl}/admin/applications/${appId}/webhook`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: notificationUrl }),
      });
      if (!response.ok)
        throw new Error(`the Fintecture sandbox refused the webhook URL: HTTP ${response.status}`);
    },
  };
}
