/**
 * pay.tech in the demo: which pay.tech the shop's card payments go to, from the environment.
 * `PAYTECH_BASE_URL` set: that pay.tech (e.g. `https://engine-sandbox.pay.tech`) with `PAYTECH_API_KEY`
 * and `PAYTECH_SIGNING_KEY`; unset: the local sandbox's test shop, when the demo runs its sandbox.
 * `PAYTECH_CAPTURE` is `manual` (default: card payments are authorized, and the back office captures
 * or voids them) or `automatic` (charged at once).
 */
import { paytechTestShop } from '@pay-checkout/sandbox';
import { type PaytechOptions, paytech } from '@pay-checkout/server-kit';

type Env = Record<string, string | undefined>;

export type PaytechCapture = NonNullable<PaytechOptions['capture']>;

/** Where the demo's pay.tech payments go: the in-process sandbox's test shop, or a pay.tech of the environment's. */
export type PaytechTarget =
  | { kind: 'sandbox'; capture: PaytechCapture }
  | { kind: 'remote'; baseUrl: string; apiKey: string; signingKey: string; capture: PaytechCapture };

/** A missing or malformed `PAYTECH_*` variable; the message names it (never its value). */
export class PaytechConfigError extends Error {
  readonly code = 'demo_config_invalid';
  constructor(message: string) {
    super(message);
    this.name = 'PaytechConfigError';
  }
}

/**
 * The pay.tech the demo uses, or none: without `PAYTECH_BASE_URL` only a demo that runs the local
 * sandbox (`withSandbox`) has one, its test shop.
 */
export function paytechTarget(env: Env, withSandbox: boolean): PaytechTarget | undefined {
  const capture = captureMode(env);
  const baseUrl = env.PAYTECH_BASE_URL;
  if (!baseUrl) return withSandbox ? { kind: 'sandbox', capture } : undefined;
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw new PaytechConfigError('PAYTECH_BASE_URL must be an http(s) URL');
  }
  const apiKey = env.PAYTECH_API_KEY;
  if (!apiKey) throw new PaytechConfigError('PAYTECH_API_KEY is required when PAYTECH_BASE_URL is set');
  const signingKey = env.PAYTECH_SIGNING_KEY;
  if (!signingKey)
    throw new PaytechConfigError('PAYTECH_SIGNING_KEY is required when PAYTECH_BASE_URL is set');
  return { kind: 'remote', baseUrl, apiKey, signingKey, capture };
}

function captureMode(env: Env): PaytechCapture {
  const raw = env.PAYTECH_CAPTURE || 'manual';
  if (raw !== 'manual' && raw !== 'automatic') {
    throw new PaytechConfigError(`PAYTECH_CAPTURE must be manual or automatic, got ${JSON.stringify(raw)}`);
  }
  return raw;
}

/** The adapter for the target; the sandbox's one at `{sandboxUrl}/paytech`. */
export function paytechAdapter(target: PaytechTarget, sandboxUrl: string | undefined) {
  if (target.kind === 'remote') {
    const { baseUrl, apiKey, signingKey, capture } = target;
    return paytech({ baseUrl, apiKey, signingKey, capture });
  }
  if (!sandboxUrl) throw new Error('the sandbox must be started before the checkout');
  return paytech({ baseUrl: `${sandboxUrl}/paytech`, ...paytechTestShop, capture: target.capture });
}
