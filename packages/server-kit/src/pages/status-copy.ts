import { isFinalStatus, SESSION_STATUSES, type SessionStatus, StatusReason } from '@pay-checkout/contract';
import type { PageMessages } from './i18n/page-messages.js';

/** What the return page shows for one status. */
export interface StatusEntry {
  title: string;
  heading: string;
  text: string;
  final: boolean;
  /** The reasons worth showing with this status; any other reason shows the status alone. */
  reasons: StatusReason[];
}

/**
 * The words of the return page for one locale, computed once on the server. The server renders from it,
 * and the page embeds the same table for its inline script, so both pick the words the same way
 * (see `describeStatus`; live-update-script.ts repeats its three lines).
 */
export interface StatusCopyTable {
  statuses: Record<SessionStatus, StatusEntry>;
  reasons: Record<StatusReason, string>;
}

/** What the page shows for a status and reason. */
export interface StatusDescription extends Omit<StatusEntry, 'reasons'> {
  /** The human reason, or '' when there is none worth showing. */
  reason: string;
}

/** Failure reasons explain an unhappy final status; `manual_review` explains a wait. */
function reasonsFor(status: SessionStatus): StatusReason[] {
  if (!isFinalStatus(status)) return ['manual_review'];
  if (status === 'succeeded') return [];
  return StatusReason.options.filter((reason) => reason !== 'manual_review');
}

export function buildStatusCopyTable(messages: PageMessages, merchantName?: string): StatusCopyTable {
  const titleOf = (heading: string) => (merchantName ? `${heading} – ${merchantName}` : heading);
  const statuses = Object.fromEntries(
    SESSION_STATUSES.map((status) => {
      const { heading, text } = messages.statuses[status];
      const entry: StatusEntry = {
        title: titleOf(heading),
        heading,
        text,
        final: isFinalStatus(status),
        reasons: reasonsFor(status),
      };
      return [status, entry];
    }),
  ) as Record<SessionStatus, StatusEntry>;
  return { statuses, reasons: { ...messages.reasons } };
}

export function describeStatus(
  table: StatusCopyTable,
  status: SessionStatus,
  reason?: StatusReason,
): StatusDescription {
  const { reasons, ...entry } = table.statuses[status];
  return { ...entry, reason: reason && reasons.includes(reason) ? table.reasons[reason] : '' };
}
