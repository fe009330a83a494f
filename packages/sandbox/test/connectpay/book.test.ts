import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPaymentBook, PaymentNotFoundError } from '../../src/providers/connectpay/book.js';
import {
  type ConnectPayMethod,
  type ConnectPayStatus,
  IllegalTransitionError,
  type NewPayment,
} from '../../src/providers/connectpay/model.js';
import {
  CONFIRMATION_CODE,
  FAKE_BANK_ID,
  FAKE_BANK_PASSWORD,
  FAKE_BANK_USERNAME,
  SIAULIU_BANK_ID,
  TEST_CARDS,
} from '../../src/providers/connectpay/test-data.js';

const NOW = new Date('2026-11-25T12:00:00Z');

function newBook() {
  return createPaymentBook({ now: () => NOW });
}

function newPayment(overrides: Partial<NewPayment> = {}): NewPayment {
  return {
    kind: 'merchant',
    clientId: 'sandbox-client',
    allowedMethods: ['PIS', 'CARD', 'GooglePay', 'ApplePay'],
    language: 'EN',
    amount: '19.99',
    currency: 'EUR',
    merchantReference: 'order-1',
    generic: {},
    redirectUrl: 'https://shop.example/return?order=1',
    knobs: { notificationDelayMs: 0, duplicateNotifications: false, reorderNotifications: false },
    ...overrides,
  };
}

const validCard = (number: string) => ({ number, expiry: '12/30', cvc: '123', name: 'Anna Example' });

function startCard(book: ReturnType<typeof newBook>, overrides: Partial<NewPayment> = {}) {
  return book.create(newPayment({ allowedMethods: ['CARD'], ...overrides }));
}

describe('ConnectPay payment book: creation', () => {
  it('starts Initiated with a method choice when several methods are allowed', () => {
    const payment = newBook().create(newPayment());
    assert.equal(payment.status, 'Initiated');
    assert.equal(payment.step, 'choose-method');
    assert.equal(payment.method, undefined);
    assert.equal(payment.history.length, 1);
    assert.equal(payment.history[0].status, 'Initiated');
    assert.notEqual(payment.paymentId, payment.key);
  });

  it('skips the method choice when only one method is allowed', () => {
    const book = newBook();
    const steps = (['PIS', 'CARD', 'GooglePay', 'ApplePay'] as ConnectPayMethod[]).map(
      (method) => book.create(newPayment({ allowedMethods: [method] })).step,
    );
    assert.deepEqual(steps, ['choose-bank', 'card', 'wallet', 'wallet']);
  });

  it('skips bank selection when the merchant preselected a bank, and takes its country', () => {
    const payment = newBook().create(newPayment({ allowedMethods: ['PIS'], providerId: FAKE_BANK_ID }));
    assert.equal(payment.step, 'bank-login');
    assert.equal(payment.providerCountryCode, 'DE');
  });

  it('finds payments by id and by widget key, and forgets them on reset', () => {
    const book = newBook();
    const payment = book.create(newPayment());
    assert.equal(book.get(payment.paymentId)?.key, payment.key);
    assert.equal(book.byKey(payment.key)?.paymentId, payment.paymentId);
    assert.equal(book.list().length, 1);
    book.reset();
    assert.equal(book.get(payment.paymentId), undefined);
    assert.equal(book.byKey(payment.key), undefined);
  });

  it('hands out copies, so a caller cannot change a payment behind the book', () => {
    const book = newBook();
    const payment = book.create(newPayment());
    payment.status = 'Completed';
    payment.history.length = 0;
    assert.equal(book.get(payment.paymentId)?.status, 'Initiated');
    assert.equal(book.get(payment.paymentId)?.history.length, 1);
  });

  it('throws PaymentNotFoundError for an unknown widget key or payment id', () => {
    const book = newBook();
    assert.throws(() => book.cancel('no-such-key'), PaymentNotFoundError);
    assert.throws(() => book.approve('no-such-id'), PaymentNotFoundError);
  });
});

describe('ConnectPay payment book: PIS (docs/test-data.md)', () => {
  it('DE Fake Bank: wrong password fails and may be retried, wrong code too, then the payment completes', () => {
    const book = newBook();
    const payment = book.create(newPayment({ allowedMethods: ['PIS'], providerCountryCode: 'DE' }));
    assert.equal(book.chooseBank(payment.key, FAKE_BANK_ID).ok, true);

    const wrongLogin = book.bankLogin(payment.key, FAKE_BANK_USERNAME, 'not-the-secret');
    assert.equal(wrongLogin.ok, false);
    assert.equal(!wrongLogin.ok && wrongLogin.error, 'wrong_credentials');
    assert.equal(wrongLogin.payment.status, 'Initiated');
    assert.equal(wrongLogin.payment.step, 'bank-login');
    assert.equal(wrongLogin.payment.attempts, 1);

    const login = book.bankLogin(payment.key, FAKE_BANK_USERNAME, FAKE_BANK_PASSWORD);
    assert.equal(login.ok, true);
    assert.equal(login.payment.status, 'Pending');
    assert.equal(login.payment.step, 'bank-code');

    const wrongCode = book.bankCode(payment.key, '000000');
    assert.equal(!wrongCode.ok && wrongCode.error, 'wrong_code');
    assert.equal(wrongCode.payment.status, 'Pending');

    const code = book.bankCode(payment.key, CONFIRMATION_CODE);
    assert.equal(code.ok, true);
    assert.equal(code.payment.status, 'Completed');
    assert.equal(code.payment.step, 'done');
    assert.equal(code.payment.providerId, FAKE_BANK_ID);
    assert.deepEqual(
      code.payment.history.map((entry) => entry.note),
      [
        'payment initiated',
        'bank chosen: Fake Bank with Client Keys',
        'bank login failed',
        'bank login succeeded; waiting for the confirmation code',
        'wrong confirmation code',
        'confirmation code accepted (SCA passed)',
      ],
    );
  });

  it('Fake Bank refuses any login other than username / secret', () => {
    const book = newBook();
    const payment = book.create(newPayment({ allowedMethods: ['PIS'], providerId: FAKE_BANK_ID }));
    assert.equal(book.bankLogin(payment.key, 'anna', 'secret').ok, false);
    assert.equal(book.bankLogin(payment.key, 'username', '').ok, false);
  });

  it('LT Siauliu bankas accepts any non-empty login and the code 123456', () => {
    const book = newBook();
    const payment = book.create(newPayment({ allowedMethods: ['PIS'], providerCountryCode: 'LT' }));
    book.chooseBank(payment.key, SIAULIU_BANK_ID);
    assert.equal(book.bankLogin(payment.key, '', '').ok, false);
    assert.equal(book.bankLogin(payment.key, 'jonas', 'anything').ok, true);
    assert.equal(book.bankCode(payment.key, CONFIRMATION_CODE).payment.status, 'Completed');
  });

  it('BaaS top-up by PIS completes with the DE and the LT stage bank', () => {
    const book = newBook();
    for (const providerId of [FAKE_BANK_ID, SIAULIU_BANK_ID]) {
      const topUp = book.create(
        newPayment({
          kind: 'topup',
          allowedMethods: ['PIS'],
          providerId,
          creditorIban: 'LT601010012345678901',
        }),
      );
      assert.equal(book.bankLogin(topUp.key, FAKE_BANK_USERNAME, FAKE_BANK_PASSWORD).ok, true);
      assert.equal(book.bankCode(topUp.key, CONFIRMATION_CODE).payment.status, 'Completed');
      assert.equal(book.get(topUp.paymentId)?.history[0].note, 'top-up initiated');
    }
  });

  it('refuses an unknown bank', () => {
    const book = newBook();
    const payment = book.create(newPayment({ allowedMethods: ['PIS'] }));
    const result = book.chooseBank(payment.key, '00000000-0000-0000-0000-000000000000');
    assert.equal(!result.ok && result.error, 'unknown_bank');
    assert.equal(result.payment.step, 'choose-bank');
  });
});

describe('ConnectPay payment book: cards (docs/test-data.md)', () => {
  for (const number of [TEST_CARDS.visaChallenge, TEST_CARDS.mastercardChallenge]) {
    it(`${number}: 3-D Secure challenge, then success`, () => {
      const book = newBook();
      const payment = startCard(book);
      const submitted = book.submitCard(payment.key, validCard(number));
      assert.equal(submitted.payment.status, 'Pending');
      assert.equal(submitted.payment.step, 'three-ds');
      const passed = book.completeThreeDS(payment.key, true);
      assert.equal(passed.payment.status, 'Completed');
    });
  }

  it('a failed 3-D Secure challenge fails the payment (AuthenticationFailed)', () => {
    const book = newBook();
    const payment = startCard(book);
    book.submitCard(payment.key, validCard(TEST_CARDS.visaChallenge));
    const failed = book.completeThreeDS(payment.key, false);
    assert.equal(failed.payment.status, 'Failed');
    assert.equal(failed.payment.statusReason, 'AuthenticationFailed');
  });

  it('4485040371536584: frictionless, completes without a challenge', () => {
    const book = newBook();
    const payment = startCard(book);
    const result = book.submitCard(payment.key, validCard(TEST_CARDS.visaFrictionless));
    assert.equal(result.payment.status, 'Completed');
    assert.equal(result.payment.step, 'done');
  });

  it('4544249167673670: rejected, insufficient funds', () => {
    const book = newBook();
    const payment = startCard(book);
    const result = book.submitCard(payment.key, validCard(TEST_CARDS.insufficientFunds));
    assert.equal(result.payment.status, 'Rejected');
    assert.equal(result.payment.statusReason, 'InsufficientFunds');
  });

  it('4539253655711767: rejected, stolen card', () => {
    const book = newBook();
    const payment = startCard(book);
    const result = book.submitCard(payment.key, validCard(TEST_CARDS.stolenCard));
    assert.equal(result.payment.status, 'Rejected');
    assert.equal(result.payment.statusReason, 'StolenCard');
  });

  it('4539467987109256 fails a top-up but is an ordinary challenge card in a merchant payment', () => {
    const book = newBook();
    const topUp = startCard(book, { kind: 'topup', creditorIban: 'LT601010012345678901' });
    const declined = book.submitCard(topUp.key, validCard(TEST_CARDS.topUpDeclined));
    assert.equal(declined.payment.status, 'Rejected');
    assert.equal(declined.payment.statusReason, 'TopUpCardDeclined');

    const merchant = startCard(book);
    assert.equal(book.submitCard(merchant.key, validCard(TEST_CARDS.topUpDeclined)).payment.step, 'three-ds');
  });

  it('a top-up with 4242424242424242 succeeds', () => {
    const book = newBook();
    const topUp = startCard(book, { kind: 'topup', creditorIban: 'LT601010012345678901' });
    book.submitCard(topUp.key, validCard(TEST_CARDS.visaChallenge));
    assert.equal(book.completeThreeDS(topUp.key, true).payment.status, 'Completed');
  });

  it('keeps only brand and last four digits, never the number or the CVC', () => {
    const book = newBook();
    const payment = startCard(book);
    book.submitCard(payment.key, { number: '5436 0310 3060 6378', expiry: '01/2031', cvc: '987', name: 'A' });
    const stored = book.get(payment.paymentId)!;
    assert.deepEqual(stored.card, { brand: 'Mastercard', last4: '6378' });
    const everything = JSON.stringify(book.list());
    assert.equal(everything.includes('5436031030606378'), false);
    // the CVC as a stored value or under any key (bare digits could occur in a generated id or a time)
    assert.equal(everything.includes('"987"'), false);
    assert.equal(/cvc/i.test(everything), false);
  });

  const invalid: [string, { number?: string; expiry?: string; cvc?: string; name?: string }, string][] = [
    ['a number failing Luhn', { number: '4242424242424241' }, 'invalid_card_number'],
    ['a number with letters', { number: '4242abcd42424242' }, 'invalid_card_number'],
    ['an expiry that is not MM/YY', { expiry: '13/30' }, 'invalid_expiry'],
    ['an expiry in the past', { expiry: '10/26' }, 'card_expired'],
    ['a 4-digit CVC', { cvc: '1234' }, 'invalid_cvc'],
    ['an empty name', { name: '  ' }, 'missing_name'],
  ];
  for (const [label, change, error] of invalid) {
    it(`refuses ${label} (${error}) and lets the shopper retry`, () => {
      const book = newBook();
      const payment = startCard(book);
      const result = book.submitCard(payment.key, { ...validCard(TEST_CARDS.visaChallenge), ...change });
      assert.equal(!result.ok && result.error, error);
      assert.equal(result.payment.status, 'Initiated');
      assert.equal(result.payment.step, 'card');
      assert.equal(book.submitCard(payment.key, validCard(TEST_CARDS.visaFrictionless)).ok, true);
    });
  }

  it('accepts a card that expires at the end of the current month', () => {
    const book = newBook();
    const payment = startCard(book);
    const result = book.submitCard(payment.key, {
      ...validCard(TEST_CARDS.visaFrictionless),
      expiry: '11/26',
    });
    assert.equal(result.ok, true);
  });
});

describe('ConnectPay payment book: manual review (99.99 EUR)', () => {
  it('stops a payment that would complete in PendingProvider; an admin approves it', () => {
    const book = newBook();
    const payment = startCard(book, { amount: '99.99' });
    const result = book.submitCard(payment.key, validCard(TEST_CARDS.visaFrictionless));
    assert.equal(result.payment.status, 'PendingProvider');
    assert.equal(result.payment.statusReason, 'ManualReview');
    assert.equal(result.payment.step, 'done');
    const approved = book.approve(payment.paymentId);
    assert.equal(approved.status, 'Completed');
    assert.equal(approved.statusReason, undefined);
  });

  it('an admin may reject it instead (ManualReviewRejected)', () => {
    const book = newBook();
    const payment = book.create(
      newPayment({ allowedMethods: ['PIS'], providerId: SIAULIU_BANK_ID, amount: '99.99' }),
    );
    book.bankLogin(payment.key, 'jonas', 'pw');
    assert.equal(book.bankCode(payment.key, CONFIRMATION_CODE).payment.status, 'PendingProvider');
    const rejected = book.reject(payment.paymentId);
    assert.equal(rejected.status, 'Rejected');
    assert.equal(rejected.statusReason, 'ManualReviewRejected');
  });

  it('a declined card at 99.99 EUR is still declined, not reviewed', () => {
    const book = newBook();
    const payment = startCard(book, { amount: '99.99' });
    assert.equal(book.submitCard(payment.key, validCard(TEST_CARDS.stolenCard)).payment.status, 'Rejected');
  });

  it('only exactly 99.99 EUR is reviewed', () => {
    const book = newBook();
    for (const [amount, currency, expected] of [
      ['99.990', 'EUR', 'PendingProvider'],
      ['99.98', 'EUR', 'Completed'],
      ['99.99', 'USD', 'Completed'],
    ] as const) {
      const payment = startCard(book, { amount, currency });
      assert.equal(
        book.submitCard(payment.key, validCard(TEST_CARDS.visaFrictionless)).payment.status,
        expected,
      );
    }
  });
});

describe('ConnectPay payment book: wallets and cancel', () => {
  for (const method of ['GooglePay', 'ApplePay'] as const) {
    it(`${method}: the confirmed sheet completes the payment`, () => {
      const book = newBook();
      const payment = book.create(newPayment());
      assert.equal(book.chooseMethod(payment.key, method).payment.step, 'wallet');
      const result = book.confirmWallet(payment.key);
      assert.equal(result.payment.status, 'Completed');
      assert.equal(result.payment.method, method);
    });
  }

  it('refuses a method the merchant did not allow', () => {
    const book = newBook();
    const payment = book.create(newPayment({ allowedMethods: ['PIS', 'CARD'] }));
    const result = book.chooseMethod(payment.key, 'ApplePay');
    assert.equal(!result.ok && result.error, 'method_not_allowed');
  });

  it('the shopper can cancel on any open step (here: the 3-D Secure challenge)', () => {
    const book = newBook();
    const payment = startCard(book);
    book.submitCard(payment.key, validCard(TEST_CARDS.visaChallenge));
    const result = book.cancel(payment.key);
    assert.equal(result.payment.status, 'Cancelled');
    assert.equal(result.payment.statusReason, 'CancelledByConsumer');
    assert.equal(result.payment.step, 'done');
  });

  it('nothing more happens at the widget once the payment is final', () => {
    const book = newBook();
    const payment = startCard(book);
    book.cancel(payment.key);
    const again = book.cancel(payment.key);
    assert.equal(!again.ok && again.error, 'already_final');
    const card = book.submitCard(payment.key, validCard(TEST_CARDS.visaFrictionless));
    assert.equal(!card.ok && card.error, 'already_final');
    assert.equal(book.get(payment.paymentId)?.status, 'Cancelled');
  });

  it('an action for another step is refused as wrong_step without a change', () => {
    const book = newBook();
    const payment = startCard(book);
    const result = book.bankCode(payment.key, CONFIRMATION_CODE);
    assert.equal(!result.ok && result.error, 'wrong_step');
    assert.equal(result.payment.status, 'Initiated');
  });
});

describe('ConnectPay payment book: state machine and listeners', () => {
  it('approve and reject outside manual review throw IllegalTransitionError', () => {
    const book = newBook();
    const payment = book.create(newPayment());
    assert.throws(
      () => book.approve(payment.paymentId),
      (error: unknown) => {
        assert.ok(error instanceof IllegalTransitionError);
        assert.equal(error.code, 'illegal_state_transition');
        assert.equal(error.message, 'A payment in status Initiated cannot move to Completed.');
        return true;
      },
    );
    assert.throws(() => book.reject(payment.paymentId), IllegalTransitionError);
  });

  it('a final payment cannot be approved, rejected or expired', () => {
    const book = newBook();
    const payment = startCard(book, { amount: '99.99' });
    book.submitCard(payment.key, validCard(TEST_CARDS.visaFrictionless));
    book.approve(payment.paymentId);
    assert.throws(() => book.approve(payment.paymentId), /Completed cannot move to Completed/);
    assert.throws(() => book.reject(payment.paymentId), /Completed cannot move to Rejected/);
    assert.throws(() => book.expire(payment.paymentId), /Completed cannot move to Expired/);
  });

  it('expires a payment the shopper never finished', () => {
    const book = newBook();
    const payment = book.create(newPayment());
    assert.equal(book.expire(payment.paymentId).status, 'Expired');
    const result = book.chooseMethod(payment.key, 'CARD');
    assert.equal(!result.ok && result.error, 'already_final');
  });

  it('calls listeners synchronously after each status change, with the previous status', () => {
    const book = newBook();
    const seen: [ConnectPayStatus, ConnectPayStatus][] = [];
    const unsubscribe = book.onStatusChange((payment, previous) => seen.push([previous, payment.status]));
    const payment = startCard(book, { amount: '99.99' });
    book.submitCard(payment.key, { ...validCard(TEST_CARDS.visaChallenge), number: '1234' }); // user error: no change
    book.submitCard(payment.key, validCard(TEST_CARDS.visaChallenge));
    assert.deepEqual(seen, [['Initiated', 'Pending']]);
    book.completeThreeDS(payment.key, true);
    book.approve(payment.paymentId);
    assert.deepEqual(seen, [
      ['Initiated', 'Pending'],
      ['Pending', 'PendingProvider'],
      ['PendingProvider', 'Completed'],
    ]);
    unsubscribe();
    book.cancel(startCard(book).key);
    assert.equal(seen.length, 3);
  });

  it('a failing listener neither undoes the change nor silences the other listeners', (t) => {
    t.mock.method(console, 'error', () => {});
    const book = newBook();
    const seen: string[] = [];
    book.onStatusChange(() => {
      throw new Error('subscriber broke');
    });
    book.onStatusChange((payment) => seen.push(payment.status));
    const payment = startCard(book);
    const result = book.cancel(payment.key);
    assert.equal(result.payment.status, 'Cancelled');
    assert.deepEqual(seen, ['Cancelled']);
  });

  it('records every status change in the history with the time of the clock', () => {
    const book = newBook();
    const payment = startCard(book);
    book.submitCard(payment.key, validCard(TEST_CARDS.insufficientFunds));
    const history = book.get(payment.paymentId)!.history;
    assert.deepEqual(
      history.map((entry) => [entry.status, entry.statusReason]),
      [
        ['Initiated', undefined],
        ['Rejected', 'InsufficientFunds'],
      ],
    );
    assert.ok(history.every((entry) => entry.at === NOW.toISOString()));
  });

  it('addNote and setKnobs record a line without changing the status', () => {
    const book = newBook();
    const payment = book.create(newPayment());
    book.addNote(payment.paymentId, 'notification attempt 1: 500');
    const changed = book.setKnobs(payment.paymentId, { duplicateNotifications: true });
    assert.equal(changed.knobs.duplicateNotifications, true);
    assert.equal(changed.knobs.notificationDelayMs, 0);
    assert.equal(changed.status, 'Initiated');
    assert.equal(changed.history[1].note, 'notification attempt 1: 500');
  });
});
