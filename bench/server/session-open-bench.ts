import { randomUUID } from 'node:crypto';
import { paytechTestShop, SANDBOX_CLIENT, signConnectPayRequest } from '@pay-checkout/sandbox';
import { createPool, type LoadResult, type PostTarget, runFixedLoad } from './http-load.js';
import { SHOP_ORIGIN, TEE_ORDER } from './shop.js';
import { type LatencySummary, summarize } from './stats.js';

export interface PhaseFigures extends LatencySummary {
  requestsPerSecond: number;
  failures: number;
  firstFailure?: string;
  /** Requests without any answer (reset or refused sockets), by error code; only when some happened. */
  errors?: Record<string, number>;
}

/** The provider the sessions are opened at (`BENCH_PROVIDER`): the kit's adapter and the direct leg. */
export type BenchProvider = 'connectpay' | 'paytech';

export interface OpenFigures {
  concurrency: number;
  direct: PhaseFigures;
  kit: PhaseFigures;
}

/**
 * The Initiate Payment bodies the direct client sends, built and RSA-signed before any timing starts:
 * the signing cost belongs to whoever calls ConnectPay (inside the kit it is part of the overhead
 * measured), not to the load generator. The body mirrors what the kit's adapter sends for a card.
 */
function presignedDirectTargets(connectPayUrl: string, count: number, runId: string): PostTarget[] {
  const url = `${connectPayUrl}/merchant/payments`;
  const authorization = `Basic ${Buffer.from(`${SANDBOX_CLIENT.clientId}:${SANDBOX_CLIENT.clientSecret}`).toString('base64')}`;
  return Array.from({ length: count }, (_, i) => {
    const body = JSON.stringify({
      merchant: { brandId: SANDBOX_CLIENT.brandId, redirectUrl: TEE_ORDER.returnUrl, language: 'EN' },
      payment: {
        paymentMethod: ['CARD'],
        instructedAmount: { amount: TEE_ORDER.amount, currency: TEE_ORDER.currency },
        remittanceInformationUnstructured: TEE_ORDER.description,
      },
      identifiers: { merchantReference: `bench-${runId}-direct-${i}` },
    });
    const signature = signConnectPayRequest({
      method: 'POST',
      url,
      body,
      privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
    });
    return {
      url,
      body,
      headers: {
        authorization,
        'x-signature': signature,
        'x-request-id': randomUUID(),
        accept: 'application/json;version=2',
        'content-type': 'application/json',
      },
    };
  });
}

/**
 * pay.tech's create-payment requests the direct client sends (`POST {base}/api/v1/payments`, Shop API
 * Key as Bearer), built before any timing starts. The body is the DEPOSIT the kit's adapter sends for a
 * card session with automatic capture (server-kit src/providers/paytech/adapter.ts, `initiate`): the
 * amount in major units, the kit's return and webhook URLs. pay.tech answers 200 (its envelope).
 */
function paytechDirectTargets(
  paytechUrl: string,
  kitUrl: string,
  count: number,
  runId: string,
): PostTarget[] {
  const url = `${paytechUrl}/api/v1/payments`;
  const headers = {
    authorization: `Bearer ${paytechTestShop.apiKey}`,
    accept: 'application/json',
    'content-type': 'application/json',
  };
  return Array.from({ length: count }, (_, i) => ({
    url,
    headers,
    body: JSON.stringify({
      paymentType: 'DEPOSIT',
      paymentMethod: 'BASIC_CARD',
      amount: Number(TEE_ORDER.amount),
      currency: TEE_ORDER.currency.toUpperCase(),
      referenceId: `bench-${runId}-direct-${i}`,
      description: TEE_ORDER.description,
      returnUrl: `${kitUrl}/return/bench-${runId}-direct-${i}`,
      webhookUrl: `${kitUrl}/notifications/paytech`,
    }),
  }));
}

/** `POST {kit}/sessions` as the element sends it: allowed Origin, JSON, a fresh Idempotency-Key. */
function kitTarget(kitUrl: string, runId: string, index: number): PostTarget {
  return {
    url: `${kitUrl}/sessions`,
    body: JSON.stringify({ order: `order-${index}`, method: 'card' }),
    headers: {
      'content-type': 'application/json',
      origin: SHOP_ORIGIN,
      'idempotency-key': `bench-${runId}-${index}`,
    },
  };
}

function figures(result: LoadResult): PhaseFigures {
  return {
    ...summarize(result.latencies),
    requestsPerSecond: result.requestsPerSecond,
    failures: result.failures,
    ...(result.firstFailure ? { firstFailure: result.firstFailure } : {}),
    ...(Object.keys(result.errors).length > 0 ? { errors: result.errors } : {}),
  };
}

/**
 * Opens sessions directly at the sandbox and through the kit, at each concurrency, with fixed
 * request counts after a warm-up of both paths. Direct and kit alternate per concurrency level so
 * both see the same (warm) sandbox.
 */
export async function benchSessionOpening(options: {
  provider: BenchProvider;
  /** The provider's stage on the sandbox: `{sandbox}/connectpay` or `{sandbox}/paytech`. */
  providerUrl: string;
  kitUrl: string;
  levels: { concurrency: number; count: number }[];
  warmup: number;
  /** Called around each measured kit phase (the runner collects the kit's timing spans there). */
  aroundKitPhase?: (concurrency: number, edge: 'start' | 'end') => Promise<void>;
}): Promise<OpenFigures[]> {
  const runId = randomUUID().slice(0, 8);
  const total = options.warmup + options.levels.reduce((sum, level) => sum + level.count, 0);
  const direct =
    options.provider === 'paytech'
      ? paytechDirectTargets(options.providerUrl, options.kitUrl, total, runId)
      : presignedDirectTargets(options.providerUrl, total, runId);
  // The kit answers a new session with 201; ConnectPay's Initiate Payment with 201, pay.tech with 200.
  const directExpected = options.provider === 'paytech' ? 200 : 201;
  let directNext = 0;
  let kitNext = 0;
  const maxConcurrency = Math.max(...options.levels.map((level) => level.concurrency));
  const agent = createPool(maxConcurrency);
  const run = async (path: 'direct' | 'kit', concurrency: number, count: number) =>
    runFixedLoad({
      agent,
      count,
      concurrency,
      expected: path === 'direct' ? directExpected : 201,
      makeTarget: () =>
        path === 'direct' ? direct[directNext++] : kitTarget(options.kitUrl, runId, kitNext++),
    });
  try {
    await run('direct', 16, options.warmup);
    await run('kit', 16, options.warmup);
    const out: OpenFigures[] = [];
    for (const { concurrency, count } of options.levels) {
      const directResult = await run('direct', concurrency, count);
      await options.aroundKitPhase?.(concurrency, 'start');
      const kitResult = await run('kit', concurrency, count);
      await options.aroundKitPhase?.(concurrency, 'end');
      out.push({ concurrency, direct: figures(directResult), kit: figures(kitResult) });
    }
    return out;
  } finally {
    agent.destroy();
  }
}
