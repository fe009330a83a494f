import { type Agent, request } from 'node:http';
import type { ConnectPayTestClient, RunningSandbox } from '@pay-checkout/sandbox';
import { StatusWatch, type WatchAttempt } from './sse-watch.js';

/** What a shopper does after opening its session (bench/README.md "Load and fault test"). */
export type Scenario = 'pay' | 'decline' | 'review' | 'abandon';

/** 65 % pay, 10 % a declined card, 12.5 % manual review approved late, 12.5 % abandon. */
export function pickScenario(random: number): Scenario {
  if (random < 0.65) return 'pay';
  if (random < 0.75) return 'decline';
  if (random < 0.875) return 'review';
  return 'abandon';
}

const CARDS = { frictionless: '4485040371536584', lostOrStolen: '4539253655711767' };

/** One order of one shopper, as the run checks it at the end. */
export interface OrderRecord {
  orderId: string;
  scenario: Scenario;
  sessionId?: string;
  /**
   * The widget key of the page the kit's 201 sent the shopper to: the payment a shopper could reach
   * (a second payment of the order with another key was never handed out; bench/load/duplicates.ts).
   */
  widgetKey?: string;
  /** First send → 201, retries with the same key included. */
  openMs?: number;
  /** The shopper's last action (widget answer, approval, expiry) → the stream's final event. */
  actionToFinalMs?: number;
  finalSeen: boolean;
  reconnects: number;
  /** When the shopper's last action happened and its wait for the final status ended (epoch ms). */
  actedAt?: number;
  waitEndedAt?: number;
  /** The stream's connections, reported for a stream that never saw its final status. */
  attempts?: WatchAttempt[];
  /** Answers other than 201 and transport errors (ECONNRESET, refused) while opening. */
  openErrors: number;
}

export interface ShopperContext {
  base: string;
  agent: Agent;
  sandbox: RunningSandbox;
  widget: ConnectPayTestClient;
  errors: Map<string, number>;
  /**
   * Streams whose shopper moved on before their final status (after `SHOPPER_WAIT_MS`, or when the
   * widget failed mid-payment): like a tab left open on the shop's page they stay connected, and the
   * run keeps watching them until its end-of-run deadline (`settleStreams`).
   */
  lingering: Array<{ record: OrderRecord; watch: StatusWatch }>;
}

/** How long a shopper waits on the page for its final status before it moves on to its next order. */
export const SHOPPER_WAIT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Loops orders until `endAt`; each order is pushed to `orders` once opened or given up. */
export async function runShopper(
  context: ShopperContext,
  id: string,
  endAt: number,
  orders: OrderRecord[],
): Promise<void> {
  for (let n = 0; Date.now() < endAt; n++) {
    const scenario = pickScenario(Math.random());
    const record: OrderRecord = {
      orderId: `${id}-${n}-${scenario}`,
      scenario,
      finalSeen: false,
      reconnects: 0,
      openErrors: 0,
    };
    orders.push(record);
    await oneOrder(context, record).catch((error: unknown) => countError(context, error));
  }
}

async function oneOrder(context: ShopperContext, record: OrderRecord): Promise<void> {
  const opened = await openSession(context, record);
  if (!opened) return;
  const { sessionId, redirectUrl } = opened;
  record.sessionId = sessionId;
  const watch = new StatusWatch(`${context.base}/sessions/${sessionId}/events`);
  let done = false;
  try {
    const book = context.sandbox.connectPay.book;
    const key = new URL(redirectUrl).searchParams.get('key');
    if (key !== null) record.widgetKey = key;
    const payment = key === null ? undefined : book.byKey(key);
    // Faults: this payment's later API calls (the kit's re-fetches) take 0–3 s at the sandbox.
    if (payment) context.sandbox.connectPay.knobs.setPaymentLatency(payment.paymentId, Math.random() * 3000);
    let actedAt = Date.now();
    switch (record.scenario) {
      case 'pay':
        await context.widget.payWithCard(redirectUrl, CARDS.frictionless);
        actedAt = Date.now();
        break;
      case 'decline':
        await context.widget.payWithCard(redirectUrl, CARDS.lostOrStolen);
        actedAt = Date.now();
        break;
      case 'review': {
        const outcome = await context.widget.payWithCard(redirectUrl, CARDS.frictionless);
        await sleep(1000 + Math.random() * 2000); // approved late, after the shopper saw "in review"
        book.approve(outcome.paymentId);
        actedAt = Date.now();
        break;
      }
      case 'abandon':
        await sleep(2000 + Math.random() * 2000);
        if (payment) book.expire(payment.paymentId); // the provider gives up on the open widget
        actedAt = Date.now();
        break;
      default: {
        const never: never = record.scenario;
        throw new Error(`unknown scenario ${String(never)}`);
      }
    }
    // The widget sends the shopper back to the shop's return page (which reconciles with the provider
    // first); an abandoning shopper never comes back.
    if (record.scenario !== 'abandon')
      await visit(`${context.base}/return/${sessionId}`).catch(() => undefined);
    record.actedAt = actedAt;
    done = await watch.waitFinal(SHOPPER_WAIT_MS);
    record.waitEndedAt = Date.now();
  } finally {
    if (done) settleWatch(record, watch);
    else context.lingering.push({ record, watch });
  }
}

/** Records what a stream saw and closes it. */
function settleWatch(record: OrderRecord, watch: StatusWatch): void {
  const final = watch.final;
  record.finalSeen = final !== undefined;
  if (final && record.actedAt !== undefined) record.actionToFinalMs = Math.max(0, final.at - record.actedAt);
  record.reconnects = watch.reconnects;
  record.attempts = watch.attempts;
  watch.close();
}

/**
 * Waits, until `deadline`, for the final status on every stream whose shopper moved on without it;
 * answers how many of them saw it after their shopper's wait.
 */
export async function settleStreams(context: ShopperContext, deadline: number): Promise<number> {
  let late = 0;
  await Promise.all(
    context.lingering.map(async ({ record, watch }) => {
      if (await watch.waitFinal(Math.max(0, deadline - Date.now()))) late++;
      settleWatch(record, watch);
    }),
  );
  return late;
}

/** `POST sessions` with one Idempotency-Key, retried on 409 / 5xx / transport errors for up to 30 s. */
async function openSession(
  context: ShopperContext,
  record: OrderRecord,
): Promise<{ sessionId: string; redirectUrl: string } | undefined> {
  const key = `key-${record.orderId}`;
  const body = JSON.stringify({ order: record.orderId, method: 'card' });
  const started = Date.now();
  for (let attempt = 0; Date.now() - started < 30_000; attempt++) {
    try {
      const answer = await post(context.agent, `${context.base}/sessions`, key, body);
      if (answer.status === 201) {
        record.openMs = Date.now() - started;
        return JSON.parse(answer.body) as { sessionId: string; redirectUrl: string };
      }
      record.openErrors++;
      countError(context, `http_${answer.status}`);
      if (answer.status < 500 && answer.status !== 409 && answer.status !== 429) return undefined;
    } catch (error) {
      record.openErrors++;
      countError(context, error);
    }
    await sleep(Math.min(2000, 200 * 2 ** attempt) * Math.random());
  }
  return undefined;
}

function countError(context: ShopperContext, error: unknown): void {
  const code =
    typeof error === 'string'
      ? error
      : ((error as { code?: string }).code ?? (error instanceof Error ? error.name : 'error'));
  context.errors.set(code, (context.errors.get(code) ?? 0) + 1);
}

/** A POST on the keep-alive pool; a reset or refused socket rejects (counted by the caller). */
function post(
  agent: Agent,
  url: string,
  key: string,
  body: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          origin: 'https://shop.test',
          'idempotency-key': key,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.end(body);
  });
}

/** A GET whose body is read and dropped (the return page, as a browser loads it). */
function visit(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy());
    req.end();
  });
}
