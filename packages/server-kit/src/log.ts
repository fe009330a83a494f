import pino, { type Logger } from 'pino';

/**
 * Structured logs (pino) that never carry secrets or personal data. Two layers:
 * 1. `redact` paths for the fields we know about (auth headers, provider credentials, card data,
 *    IBANs, names, e-mails, IPs) at the top level and up to three levels deep;
 * 2. a scrubber for free text (messages, error strings) that masks anything shaped like a card number
 *    (13–19 digits, Luhn-valid), an IBAN or an e-mail address, for the values nobody thought to name.
 * PCI DSS 3.3 / 3.4: a primary account number must never reach a log.
 */
const SENSITIVE_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-signature',
  'clientSecret',
  'client_secret',
  'privateKeyPem',
  'notificationSecret',
  'secret',
  'password',
  'token',
  'access_token',
  'refresh_token',
  'apiKey',
  'number',
  'cardNumber',
  'pan',
  'cvc',
  'cvv',
  'expiry',
  'iban',
  'creditorIban',
  'debtorAccount',
  'creditorAccount',
  'bban',
  // not a bare `name`: pino's own logger name and every error's `name` must stay readable
  'holder',
  'cardholderName',
  'fullName',
  'psuName',
  'firstName',
  'lastName',
  'debtorName',
  'creditorName',
  'email',
  'ip',
  'ipAddress',
  'remoteAddress',
  'x-forwarded-for',
];

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of SENSITIVE_KEYS) {
    // `x-signature` is not an identifier, so pino wants it bracketed: `["x-signature"]`, `*["x-signature"]`.
    const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
    paths.push(segment.replace(/^\./, ''), `*${segment}`, `*.*${segment}`, `*.*.*${segment}`);
  }
  return paths;
}

const CARD_LIKE = /\b(?:\d[ -]?){12,18}\d\b/g;
const IBAN_LIKE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;
const EMAIL_LIKE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Masks card numbers, IBANs and e-mail addresses inside free text. */
export function scrubText(text: string): string {
  return text
    .replace(CARD_LIKE, (match) => {
      const digits = match.replace(/\D/g, '');
      return digits.length >= 13 && luhnValid(digits) ? '[card]' : match;
    })
    .replace(IBAN_LIKE, '[iban]')
    .replace(EMAIL_LIKE, '[email]');
}

function scrubValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubText(value);
  // An Error goes on to the `err` serializer (which scrubs it); copied here it would lose its
  // non-enumerable message and stack and log as `{}`.
  if (depth > 4 || value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = scrubValue(item, depth + 1);
  return out;
}

/** An error as plain data, scrubbed: type, message, stack, and its `code`, `status` and `cause` when present. */
function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return scrubValue(error, 0);
  const out: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  const extra = error as Error & { code?: unknown; status?: unknown };
  if (extra.code !== undefined) out.code = extra.code;
  if (extra.status !== undefined) out.status = extra.status;
  if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, depth + 1);
  return scrubValue(out, 0);
}

/** The kit's logger: the merchant's pino instance (as a child) or a new one at `level`. */
export function createLogger(options: {
  logger?: Logger;
  level?: string;
  destination?: pino.DestinationStream;
}): Logger {
  // A merchant's own logger gets the same redaction through a child (pino child options).
  if (options.logger) {
    return options.logger.child(
      { component: 'pay-checkout' },
      { redact: { paths: redactPaths(), censor: '[redacted]' }, serializers: { err: serializeError } },
    );
  }
  return pino(
    {
      name: 'pay-checkout',
      level: options.level ?? 'info',
      redact: { paths: redactPaths(), censor: '[redacted]' },
      serializers: { err: serializeError },
      formatters: { log: (object) => scrubValue(object, 0) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
    },
    options.destination,
  );
}
