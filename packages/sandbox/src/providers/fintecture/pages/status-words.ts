/** The outcome of a Fintecture status in the shared status page's words and tones. */
import type { StatusWords } from '../../../shared/pages/status-page.js';
import type { FintectureSession } from '../model.js';
import type { ConnectWords } from '../words.js';

export function statusWords(session: FintectureSession, words: ConnectWords): StatusWords {
  const { statusHeadline: head, statusDetail: detail } = words;
  switch (session.status) {
    case 'payment_created':
      return { tone: 'ok', headline: head.completed, detail: detail.completed };
    case 'payment_pending':
    case 'provider_required':
    case 'sca_required':
      return { tone: 'wait', headline: head.inProgress, detail: detail.inProgress };
    case 'payment_unsuccessful':
      switch (session.statusReason) {
        case 'cancelled_by_psu':
          return { tone: 'bad', headline: head.cancelled, detail: detail.cancelled };
        case 'insufficient_funds':
          return { tone: 'bad', headline: head.declined, detail: detail.insufficientFunds };
        default:
          return { tone: 'bad', headline: head.declined, detail: detail.declined };
      }
    case 'payment_expired':
      return { tone: 'bad', headline: head.expired, detail: detail.expired };
    default: {
      const unsupported: never = session.status;
      throw new Error(`Unsupported Fintecture status ${String(unsupported)}`);
    }
  }
}
