import { MAX_DELAY_MS, type PaymentKnobsPatch } from './knob-board.js';

/**
 * Per-payment knobs read from the `X-Sandbox-*` headers of an initiation (any stage's API may accept
 * them); invalid values → field errors for a 400 `validation_failed`.
 */
export interface HeaderKnobs {
  knobs: PaymentKnobsPatch;
  /** `X-Sandbox-Fail-Next: 500,503`: the statuses the client's next calls answer. */
  failNext: number[];
  errors: { path: string; message: string }[];
}

export function readKnobHeaders(headers: Headers): HeaderKnobs {
  const knobs: PaymentKnobsPatch = {};
  const errors: { path: string; message: string }[] = [];
  const readDelay = (name: string, key: 'latencyMs' | 'notificationDelayMs'): void => {
    const value = headers.get(name);
    if (value === null) return;
    const parsed = Number(value);
    if (!/^\d+$/.test(value.trim()) || parsed > MAX_DELAY_MS) {
      errors.push({ path: `headers.${name}`, message: `must be an integer from 0 to ${MAX_DELAY_MS}` });
    } else knobs[key] = parsed;
  };
  const readFlag = (name: string, key: 'duplicateNotifications' | 'reorderNotifications'): void => {
    const value = headers.get(name);
    if (value === null) return;
    if (!['0', '1', 'true', 'false'].includes(value.trim())) {
      errors.push({ path: `headers.${name}`, message: 'must be 1 or 0' });
    } else knobs[key] = value.trim() === '1' || value.trim() === 'true';
  };
  readDelay('x-sandbox-latency-ms', 'latencyMs');
  readDelay('x-sandbox-notification-delay-ms', 'notificationDelayMs');
  readFlag('x-sandbox-duplicate-notifications', 'duplicateNotifications');
  readFlag('x-sandbox-reorder-notifications', 'reorderNotifications');
  const failNext: number[] = [];
  const failText = headers.get('x-sandbox-fail-next');
  if (failText !== null) {
    for (const item of failText.split(',')) {
      const status = Number(item.trim());
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        errors.push({
          path: 'headers.x-sandbox-fail-next',
          message: 'must list HTTP statuses 400-599, e.g. 500,503',
        });
        break;
      }
      failNext.push(status);
    }
  }
  return { knobs, failNext, errors };
}
