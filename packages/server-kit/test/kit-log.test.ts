import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import pino from 'pino';
import { ProviderError } from '../src/errors.js';
import { createLogger, scrubText } from '../src/log.js';

function capture(): { stream: Writable; lines: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join('') };
}

const SECRETS = [
  'Basic c2FuZGJveC1jbGllbnQ6c2FuZGJveC1zZWNyZXQ=',
  'sandbox-secret',
  '-----BEGIN PRIVATE KEY-----',
  '4544249167673670',
  '4544 2491 6767 3670',
  'LT601010012345678901',
  'anna@example.com',
  'Anna Example',
  '203.0.113.7',
];

describe('logs', () => {
  it('redact authorization headers, secrets, card data, IBANs, names, e-mails and IPs', () => {
    const { stream, lines } = capture();
    const log = createLogger({ level: 'info', destination: stream });
    log.info(
      {
        req: { headers: { authorization: SECRETS[0], 'x-forwarded-for': SECRETS[8] } },
        options: { clientSecret: SECRETS[1], privateKeyPem: SECRETS[2] },
        card: { number: SECRETS[3], cvc: '123' },
        payment: { creditorAccount: { iban: SECRETS[5] }, debtorName: SECRETS[7] },
        consumer: { email: SECRETS[6], ipAddress: SECRETS[8], firstName: 'Anna', fullName: SECRETS[7] },
        sessionId: 'kept-visible',
      },
      `provider said: card ${SECRETS[4]} declined for ${SECRETS[6]}, account ${SECRETS[5]}`,
    );
    log.error({ err: new Error(`bad card ${SECRETS[3]}`) }, 'failed');
    log.error({ err: new ProviderError('refused', { code: 'creditor_account_inactive' }) }, 'refused');
    const out = lines();
    for (const secret of SECRETS) assert.ok(!out.includes(secret), `leaked ${secret}`);
    assert.match(out, /kept-visible/);
    assert.match(out, /"type":"ProviderError"/, "an error's class name stays readable");
    assert.match(out, /"message":"refused"/, "an error's message is logged");
    assert.match(out, /"stack":"ProviderError: refused\\n {4}at /, 'and its stack');
    assert.match(out, /"code":"creditor_account_inactive"/);
    assert.match(out, /\[redacted\]/);
  });

  it("applies the same redaction to a merchant's own pino logger", () => {
    const { stream, lines } = capture();
    const log = createLogger({ logger: pino({ level: 'info' }, stream) });
    log.info({ headers: { authorization: SECRETS[0] }, card: { number: SECRETS[3] } }, 'x');
    const out = lines();
    assert.ok(!out.includes(SECRETS[0]));
    assert.ok(!out.includes(SECRETS[3]));
  });

  it('masks card numbers only when they pass the Luhn check', () => {
    assert.equal(scrubText('pan 4242424242424242'), 'pan [card]');
    assert.equal(scrubText('order 1234567890123456'), 'order 1234567890123456');
  });
});
