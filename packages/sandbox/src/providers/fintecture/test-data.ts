/**
 * The Fintecture stage's test logins (served by `GET /res/v1/testaccounts`): Fintecture's own sandbox
 * test accounts are per bank and not published, so these are ours, the same at every bank. After the
 * login comes the strong-authentication code.
 */
import type { FintectureStatus, FintectureStatusReason } from './model.js';

export const FINTECTURE_TEST_PASSWORD = 'sandbox';
export const FINTECTURE_SCA_CODE = '123456';

export interface FintectureTestAccount {
  username: string;
  password: string;
  /** What the session ends with after the code. */
  status: FintectureStatus;
  statusReason?: FintectureStatusReason;
  description: string;
}

export const FINTECTURE_TEST_ACCOUNTS: readonly FintectureTestAccount[] = Object.freeze([
  {
    username: 'paid',
    password: FINTECTURE_TEST_PASSWORD,
    status: 'payment_created',
    description: 'The bank executes the transfer: payment_created.',
  },
  {
    username: 'pending',
    password: FINTECTURE_TEST_PASSWORD,
    status: 'payment_pending',
    description: 'The bank accepts the transfer and executes it later (admin settle): payment_pending.',
  },
  {
    username: 'refused',
    password: FINTECTURE_TEST_PASSWORD,
    status: 'payment_unsuccessful',
    statusReason: 'rejected_by_bank',
    description: 'The bank refuses the transfer: payment_unsuccessful (rejected_by_bank).',
  },
  {
    username: 'nofunds',
    password: FINTECTURE_TEST_PASSWORD,
    status: 'payment_unsuccessful',
    statusReason: 'insufficient_funds',
    description: 'The account cannot cover the amount: payment_unsuccessful (insufficient_funds).',
  },
]);

export function findTestAccount(username: string): FintectureTestAccount | undefined {
  return FINTECTURE_TEST_ACCOUNTS.find((account) => account.username === username.trim().toLowerCase());
}
