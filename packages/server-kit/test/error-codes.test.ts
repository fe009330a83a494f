import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ERROR_CODE_INFO, ERROR_CODES } from '@pay-checkout/contract';
import * as kitExports from '../src/index.js';
import {
  BodyAlreadyReadError,
  CheckoutError,
  ConfigError,
  ContinueNotAvailableError,
  IdempotencyInProgressError,
  IdempotencyKeyError,
  IdempotencyMismatchError,
  InvalidJsonError,
  InvalidOrderError,
  MerchantApiDisabledError,
  MethodNotAllowedError,
  MethodUnavailableError,
  NotFoundError,
  OperationInProgressError,
  OperationRefusedError,
  OperationUnsupportedError,
  OrderAlreadyPaidError,
  OrderNotFoundError,
  OriginNotAllowedError,
  PayloadTooLargeError,
  ProviderError,
  ProviderNotAllowedError,
  ProviderRequestError,
  ProviderTimeoutError,
  ProviderUnavailableError,
  ReturnNotResolvedError,
  RouteNotFoundError,
  SessionNotFoundError,
  SignatureError,
  StoreConflictError,
  StoreDependencyMissingError,
  StoreLockedError,
  UnauthorizedError,
  UnsafeRedirectError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../src/index.js';
import { ConnectPayApiError } from '../src/providers/connectpay/client.js';
import { ResponseTooLargeError } from '../src/providers/http/node-transport.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import type { OperationRefusal } from '../src/store/store.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';

const REFUSALS: OperationRefusal[] = [
  'payment_not_final',
  'payment_failed',
  'already_captured',
  'already_voided',
  'not_capturable',
  'amount_exceeds_authorized',
  'amount_exceeds_refundable',
  'nothing_to_refund',
];

type ErrorClass = abstract new (...args: never[]) => CheckoutError;

/** Every error class the kit exports, with one or more instances of it. */
const CASES: [ErrorClass, () => CheckoutError[]][] = [
  [CheckoutError, () => [new CheckoutError('internal_error', 500, 'bug')]],
  [ConfigError, () => [new ConfigError('no providers')]],
  [NotFoundError, () => [new NotFoundError('session_not_found', 'No such session.')]],
  [
    ProviderError,
    () => [
      new ProviderError('down'),
      new ProviderError('unreachable', { code: 'provider_unreachable' }),
      new ProviderError('odd body', { code: 'provider_bad_response', providerStatus: 200 }),
      new ProviderError('refused', { code: 'provider_refused', providerStatus: 422 }),
      new ProviderError('status', { code: 'unsupported_status' }),
    ],
  ],
  [
    ProviderRequestError,
    () => [
      new ProviderRequestError('answered 503', { providerStatus: 503, requestId: 'req-1' }),
      new ProviderRequestError('unreachable', { code: 'provider_unreachable' }),
    ],
  ],
  [ProviderTimeoutError, () => [new ProviderTimeoutError('connectpay', 100)]],
  [SignatureError, () => [new SignatureError('bad signature')]],
  [UnsafeRedirectError, () => [new UnsafeRedirectError('javascript:alert(1)')]],
  [ValidationError, () => [new ValidationError('bank: required')]],
  [OperationInProgressError, () => [new OperationInProgressError()]],
  [OperationRefusedError, () => REFUSALS.map((code) => new OperationRefusedError(code, 'refused'))],
  [
    OperationUnsupportedError,
    () => [
      new OperationUnsupportedError('refund'),
      new OperationUnsupportedError('capture', 'partial amounts'),
    ],
  ],
  [ProviderNotAllowedError, () => [new ProviderNotAllowedError('paytech')]],
  [ProviderUnavailableError, () => [new ProviderUnavailableError('pis')]],
  [BodyAlreadyReadError, () => [new BodyAlreadyReadError()]],
  [ContinueNotAvailableError, () => [new ContinueNotAvailableError()]],
  [IdempotencyInProgressError, () => [new IdempotencyInProgressError()]],
  [IdempotencyKeyError, () => [new IdempotencyKeyError('missing')]],
  [IdempotencyMismatchError, () => [new IdempotencyMismatchError()]],
  [InvalidJsonError, () => [new InvalidJsonError()]],
  [InvalidOrderError, () => [new InvalidOrderError('amount: required')]],
  [MerchantApiDisabledError, () => [new MerchantApiDisabledError()]],
  [MethodNotAllowedError, () => [new MethodNotAllowedError('PUT', ['GET'])]],
  [MethodUnavailableError, () => [new MethodUnavailableError('card')]],
  [OrderNotFoundError, () => [new OrderNotFoundError()]],
  [OrderAlreadyPaidError, () => [new OrderAlreadyPaidError('https://shop.test/orders/1?session=s-1')]],
  [OriginNotAllowedError, () => [new OriginNotAllowedError('https://evil.test')]],
  [PayloadTooLargeError, () => [new PayloadTooLargeError(1024)]],
  [ReturnNotResolvedError, () => [new ReturnNotResolvedError()]],
  [RouteNotFoundError, () => [new RouteNotFoundError('/nope')]],
  [UnauthorizedError, () => [new UnauthorizedError()]],
  [UnsupportedMediaTypeError, () => [new UnsupportedMediaTypeError('application/json')]],
  [SessionNotFoundError, () => [new SessionNotFoundError('s-1')]],
  [StoreConflictError, () => [new StoreConflictError('duplicate')]],
  [StoreLockedError, () => [new StoreLockedError('locked')]],
  [StoreDependencyMissingError, () => [new StoreDependencyMissingError('pg', 'The PostgreSQL store')]],
];

function assertListed(error: CheckoutError, where: string): void {
  assert.ok((ERROR_CODES as readonly string[]).includes(error.code), `${where}: ${error.code} is not listed`);
  assert.equal(error.status, ERROR_CODE_INFO[error.code].status, `${where}: status of ${error.code}`);
}

describe('error codes, from the kit', () => {
  it('has a case here for every error class the kit exports', () => {
    const exported = Object.values(kitExports).filter(
      (value) => typeof value === 'function' && value.prototype instanceof Error,
    );
    const names = (classes: unknown[]) => classes.map((value) => (value as ErrorClass).name).sort();
    assert.deepEqual(names(exported), names(CASES.map(([Class]) => Class)));
  });

  for (const [Class, make] of CASES) {
    it(`${Class.name} answers a listed code with its listed status`, () => {
      for (const error of make()) {
        assert.ok(error instanceof Class, `${Class.name}: instance`);
        assertListed(error, Class.name);
      }
    });
  }

  it('answers the contract status for an OperationRefusedError of each refusal', () => {
    assert.deepEqual(
      REFUSALS.map((code) => [code, new OperationRefusedError(code, 'no').status]),
      [
        ['payment_not_final', 409],
        ['payment_failed', 409],
        ['already_captured', 409],
        ['already_voided', 409],
        ['not_capturable', 409],
        ['amount_exceeds_authorized', 422],
        ['amount_exceeds_refundable', 422],
        ['nothing_to_refund', 409],
      ],
    );
  });

  it("lists the codes of the transport's and ConnectPay's own error classes", () => {
    assertListed(new ResponseTooLargeError(1024), 'ResponseTooLargeError');
    for (const code of [
      'provider_unreachable',
      'provider_bad_response',
      'consumer_not_found',
      'creditor_account_inactive',
      'provider_refused',
    ] as const) {
      assertListed(new ConnectPayApiError('x', { code }), code); // the status follows the code
    }
  });

  describe('over HTTP', () => {
    const store = pgliteStore({ memory: true });
    const book = orderBook({ 'order-1': TEE_ORDER, 'order-2': { ...TEE_ORDER, amount: '5.00' } });
    let kit: KitServer;

    before(async () => {
      kit = await startKit({ providers: [new FakeProvider()], resolveOrder: book.resolveOrder, store });
    });
    after(async () => {
      await kit.close();
      await store.close();
    });

    it('answers an Idempotency-Key reused with another body with the listed code the element translates', async () => {
      assert.equal((await kit.createSession({ order: 'order-1', method: 'card' }, 'reused')).status, 201);
      const response = await kit.createSession({ order: 'order-2', method: 'card' }, 'reused');
      const body = (await response.json()) as { error: { code: string } };
      assert.equal(body.error.code, 'idempotency_key_reused');
      assert.ok((ERROR_CODES as readonly string[]).includes(body.error.code));
      assert.equal(response.status, ERROR_CODE_INFO.idempotency_key_reused.status);
    });

    it('answers listed codes for an unknown route, a bad body and an unknown order', async () => {
      const answers = [
        await fetch(kit.url('nope')),
        await kit.createSession('{not json', 'bad-json'),
        await kit.createSession({ order: 'missing', method: 'card' }, 'missing-order'),
      ];
      const codes: string[] = [];
      for (const response of answers) {
        const { error } = (await response.json()) as { error: { code: string } };
        assert.ok((ERROR_CODES as readonly string[]).includes(error.code), error.code);
        assert.equal(response.status, ERROR_CODE_INFO[error.code as keyof typeof ERROR_CODE_INFO].status);
        codes.push(error.code);
      }
      assert.deepEqual(codes, ['not_found', 'invalid_json', 'order_not_found']);
    });
  });
});
