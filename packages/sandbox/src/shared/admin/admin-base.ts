/**
 * The admin routes every stage has under `{base}/admin` (no auth: the sandbox is a local test tool):
 *
 * - `GET /knobs`, `PUT /knobs` (global knobs), `PUT /knobs?clientId=…` (one API client's latency and
 *   error rate; `null` returns a value to the global one);
 * - `POST /fail-next {clientId?, statuses}`: the client's next API calls answer these statuses;
 * - `GET /notifications[?paymentId=]`: every notification delivery attempt.
 *
 * A stage answers its own admin routes (payments, clients, reset) and hands the rest to `handleAdminBase`.
 */
import { readBodyText } from '../http/body.js';
import { MethodNotAllowedError, NotFoundError } from '../http/errors.js';
import { parseJsonBody } from '../http/json-body.js';
import { jsonResponse } from '../http/responses.js';
import { parseOrThrow } from '../http/validation.js';
import { clientKnobsSchema, failNextSchema, globalKnobsSchema, type KnobBoard } from '../knobs/knob-board.js';
import type { Notifier } from '../notifications/notifier.js';

export interface AdminBaseContext {
  readonly knobs: KnobBoard;
  readonly notifier: Pick<Notifier, 'deliveries'>;
  /** Whether the stage has an API client (merchant account) with this id. */
  hasClient(clientId: string): boolean;
  /** The client `fail-next` targets when the body names none (the stage's built-in test client). */
  readonly defaultClientId: string;
}

/** The JSON body of an admin call. */
export async function readAdminJson(request: Request): Promise<unknown> {
  return parseJsonBody(request, await readBodyText(request));
}

/** Answers `route` (the path after `/admin`) when it is a base route; `undefined` otherwise. */
export async function handleAdminBase(
  route: string,
  request: Request,
  url: URL,
  context: AdminBaseContext,
): Promise<Response | undefined> {
  const method = request.method;
  if (route === '/knobs') {
    if (method === 'GET') return jsonResponse(200, knobsView(context.knobs));
    if (method !== 'PUT') throw new MethodNotAllowedError(method);
    const clientId = url.searchParams.get('clientId');
    if (clientId === null) {
      // zod leaves absent keys out (and JSON has no undefined), so the patch holds only what was sent.
      context.knobs.setGlobal(parseOrThrow(globalKnobsSchema, await readAdminJson(request)));
    } else {
      requireClient(context, clientId);
      context.knobs.setClient(clientId, parseOrThrow(clientKnobsSchema, await readAdminJson(request)));
    }
    return jsonResponse(200, knobsView(context.knobs));
  }
  if (route === '/fail-next') {
    if (method !== 'POST') throw new MethodNotAllowedError(method);
    const body = parseOrThrow(failNextSchema, await readAdminJson(request));
    const clientId = body.clientId ?? context.defaultClientId;
    requireClient(context, clientId);
    context.knobs.queueFailures(clientId, body.statuses);
    return jsonResponse(200, knobsView(context.knobs));
  }
  if (route === '/notifications') {
    if (method !== 'GET') throw new MethodNotAllowedError(method);
    const paymentId = url.searchParams.get('paymentId');
    const deliveries = context.notifier
      .deliveries()
      .filter((attempt) => paymentId === null || attempt.paymentId === paymentId);
    return jsonResponse(200, { notifications: deliveries });
  }
  return undefined;
}

function requireClient(context: AdminBaseContext, clientId: string): void {
  if (!context.hasClient(clientId)) throw new NotFoundError('client_not_found', `No client ${clientId}.`);
}

/** The global knobs, the queued failures per client, and each client's own knobs. */
export function knobsView(knobs: KnobBoard) {
  return { ...knobs.global(), failNext: knobs.pendingFailures(), clients: knobs.clients() };
}
