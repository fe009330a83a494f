import type { Logger } from 'pino';
import { CheckoutError } from '../errors.js';

/** The request outlived `requestDeadlineMs`: retry in a moment (the work goes on and its result stays). */
export class RequestDeadlineError extends CheckoutError {
  constructor(ms: number) {
    super(
      'provider_timeout',
      504,
      `The payment provider did not answer within ${ms} ms; retry in a moment (with the same Idempotency-Key).`,
    );
  }
}

/**
 * Answers with `work` if it settles within `ms`, else with `RequestDeadlineError`. The work is not
 * abandoned half-way (a provider payment may be on its way): it runs to its end in the background, its
 * answer is dropped and its failure logged, and what it stored is there for the retry.
 */
export async function answerWithin(work: Promise<Response>, ms: number, log: Logger): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RequestDeadlineError(ms)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } catch (error) {
    if (error instanceof RequestDeadlineError) {
      work.then(
        (response) => response.body?.cancel().catch(() => undefined),
        (failure: unknown) => log.warn({ err: failure }, 'work that outlived its request deadline failed'),
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
