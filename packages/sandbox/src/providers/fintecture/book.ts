/**
 * The Fintecture stage's payment sessions and what the Connect page, the API and the admin API do to
 * them. Every status change calls `onChange` once (the stage sends its webhook from there).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { NotificationKnobs } from '../../shared/knobs/knob-board.js';
import { findFintectureBank } from './banks.js';
import {
  type FintectureRefund,
  type FintectureSession,
  type FintectureStatus,
  type FintectureStatusReason,
  isFinal,
  type PsuType,
} from './model.js';
import { FINTECTURE_SCA_CODE, findTestAccount } from './test-data.js';

export type ConnectError =
  | 'unknown_bank'
  | 'wrong_credentials'
  | 'wrong_code'
  | 'already_final'
  | 'wrong_step';
export type ConnectResult =
  | { ok: true; session: FintectureSession }
  | { ok: false; error: ConnectError; session: FintectureSession };

export type RefundResult =
  | { ok: true; refund: FintectureRefund; session: FintectureSession }
  | { ok: false; error: 'not_paid' | 'amount_too_high'; message: string };

export interface NewSession {
  appId: string;
  amount: string;
  currency: string;
  communication?: string;
  endToEndId?: string;
  state: string;
  redirectUri: string;
  originUri?: string;
  provider?: string;
  psuType: PsuType;
  country?: string;
  language?: string;
  psuName?: string;
  psuEmail?: string;
  knobs: NotificationKnobs;
}

export interface FintectureBook {
  create(input: NewSession): FintectureSession;
  get(id: string): FintectureSession | undefined;
  list(filter?: { appId?: string; endToEndId?: string }): FintectureSession[];
  chooseBank(id: string, provider: string): ConnectResult;
  logIn(id: string, username: string, password: string): ConnectResult;
  confirmCode(id: string, code: string): ConnectResult;
  cancel(id: string): ConnectResult;
  /** Admin: a `payment_pending` transfer is executed (`payment_created`), or refused. */
  settle(id: string, outcome: 'payment_created' | 'payment_unsuccessful'): ConnectResult;
  /** Admin: the shopper never finished. */
  expire(id: string): ConnectResult;
  refund(id: string, amountCents: number, amount: string): RefundResult;
  reset(): void;
}

export function createFintectureBook(onChange: (session: FintectureSession) => void): FintectureBook {
  const sessions = new Map<string, FintectureSession>();

  function update(
    session: FintectureSession,
    patch: Partial<Pick<FintectureSession, 'status' | 'statusReason' | 'step' | 'provider' | 'login'>>,
  ): FintectureSession {
    const statusChanged = patch.status !== undefined && patch.status !== session.status;
    Object.assign(session, patch, { updatedAt: new Date().toISOString() });
    if (statusChanged) onChange(session);
    return session;
  }

  function atStep(id: string, step: FintectureSession['step']): ConnectResult | FintectureSession {
    const session = sessions.get(id);
    if (!session) throw new SessionNotFoundError(id);
    if (isFinal(session.status)) return { ok: false, error: 'already_final', session };
    if (session.step !== step) return { ok: false, error: 'wrong_step', session };
    return session;
  }

  function finish(
    session: FintectureSession,
    status: FintectureStatus,
    reason?: FintectureStatusReason,
  ): ConnectResult {
    return { ok: true, session: update(session, { status, statusReason: reason, step: 'done' }) };
  }

  return {
    create(input) {
      const now = new Date().toISOString();
      const preselected =
        input.provider && findFintectureBank(input.provider, input.country) ? input.provider : undefined;
      const session: FintectureSession = {
        // Fintecture's session ids are 32 hex characters.
        id: randomBytes(16).toString('hex'),
        appId: input.appId,
        status: preselected ? 'sca_required' : 'provider_required',
        step: preselected ? 'bank-login' : 'choose-bank',
        amount: input.amount,
        amountCents: Math.round(Number(input.amount) * 100),
        currency: input.currency,
        communication: input.communication,
        endToEndId: input.endToEndId,
        state: input.state,
        redirectUri: input.redirectUri,
        originUri: input.originUri,
        provider: preselected,
        psuType: input.psuType,
        country: input.country,
        language: input.language,
        psuName: input.psuName,
        psuEmail: input.psuEmail,
        knobs: input.knobs,
        refunds: [],
        createdAt: now,
        updatedAt: now,
      };
      sessions.set(session.id, session);
      return session;
    },
    get: (id) => sessions.get(id),
    list: (filter = {}) =>
      [...sessions.values()].filter(
        (session) =>
          (filter.appId === undefined || session.appId === filter.appId) &&
          (filter.endToEndId === undefined || session.endToEndId === filter.endToEndId),
      ),
    chooseBank(id, provider) {
      const session = atStep(id, 'choose-bank');
      if ('ok' in session) return session;
      if (!findFintectureBank(provider, session.country))
        return { ok: false, error: 'unknown_bank', session };
      return { ok: true, session: update(session, { provider, step: 'bank-login', status: 'sca_required' }) };
    },
    logIn(id, username, password) {
      const session = atStep(id, 'bank-login');
      if ('ok' in session) return session;
      const account = findTestAccount(username);
      if (!account || account.password !== password)
        return { ok: false, error: 'wrong_credentials', session };
      return { ok: true, session: update(session, { login: account.username, step: 'bank-code' }) };
    },
    confirmCode(id, code) {
      const session = atStep(id, 'bank-code');
      if ('ok' in session) return session;
      if (code.trim() !== FINTECTURE_SCA_CODE) return { ok: false, error: 'wrong_code', session };
      const account = findTestAccount(session.login ?? '');
      if (!account) return { ok: false, error: 'wrong_step', session };
      return finish(session, account.status, account.statusReason);
    },
    cancel(id) {
      const session = sessions.get(id);
      if (!session) throw new SessionNotFoundError(id);
      if (isFinal(session.status) || session.status === 'payment_pending') {
        return { ok: false, error: 'already_final', session };
      }
      return finish(session, 'payment_unsuccessful', 'cancelled_by_psu');
    },
    settle(id, outcome) {
      const session = sessions.get(id);
      if (!session) throw new SessionNotFoundError(id);
      if (session.status !== 'payment_pending') return { ok: false, error: 'wrong_step', session };
      return finish(session, outcome, outcome === 'payment_unsuccessful' ? 'rejected_by_bank' : undefined);
    },
    expire(id) {
      const session = sessions.get(id);
      if (!session) throw new SessionNotFoundError(id);
      if (isFinal(session.status) || session.status === 'payment_pending') {
        return { ok: false, error: 'already_final', session };
      }
      return finish(session, 'payment_expired');
    },
    refund(id, amountCents, amount) {
      const session = sessions.get(id);
      if (!session) throw new SessionNotFoundError(id);
      if (session.status !== 'payment_created') {
        return { ok: false, error: 'not_paid', message: 'Only a payment_created session can be refunded.' };
      }
      const refunded = session.refunds.reduce(
        (sum, refund) => sum + Math.round(Number(refund.amount) * 100),
        0,
      );
      if (refunded + amountCents > session.amountCents) {
        return {
          ok: false,
          error: 'amount_too_high',
          message: `The refund exceeds what is left to refund (${((session.amountCents - refunded) / 100).toFixed(2)}).`,
        };
      }
      const refund: FintectureRefund = {
        id: randomUUID().replace(/-/g, ''),
        amount,
        status: 'refund_created',
        createdAt: new Date().toISOString(),
      };
      session.refunds.push(refund);
      session.updatedAt = refund.createdAt;
      return { ok: true, refund, session };
    },
    reset: () => sessions.clear(),
  };
}

export class SessionNotFoundError extends Error {
  constructor(readonly sessionId: string) {
    super(`No payment session ${sessionId.slice(0, 40)}.`);
    this.name = 'SessionNotFoundError';
  }
}
