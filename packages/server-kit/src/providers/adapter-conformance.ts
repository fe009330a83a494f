import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  BankOption,
  isFinalStatus,
  NextAction,
  PAYMENT_METHODS,
  type PaymentMethod,
  SessionStatus,
} from '@pay-checkout/contract';
import { CheckoutError } from '../errors.js';
import type {
  ProviderAdapter,
  ProviderInitiation,
  ProviderPaymentRef,
  ProviderSessionInput,
} from './provider.js';

/** What the suite needs besides the adapter: how to reach the provider's test side. */
export interface AdapterHarness {
  /** The adapter under test, pointed at a sandbox or stage. Called once. */
  makeAdapter(): Promise<ProviderAdapter> | ProviderAdapter;
  /** Where the kit would be mounted (return and notification URLs are built on it). */
  publicUrl?: string;
  /** Amount, currency and country the provider's test side accepts (default 19.99 EUR, DE). */
  payment?: { amount: number; currency: string; country?: string; bank?: string };
  /**
   * Plays the shopper at the provider until the payment succeeds (the sandbox's bank login or test
   * card). Without it the suite checks everything but the final status.
   */
  completePayment?(initiation: ProviderInitiation, input: ProviderSessionInput): Promise<void>;
  /**
   * The URL the provider would send the shopper back to, for `state`-style adapters (their query
   * parameters on our `return/{id}`). Required when `capabilities.returnStyle` is `state`.
   */
  returnUrlFor?(input: ProviderSessionInput, initiation: ProviderInitiation): string;
  close?(): Promise<void>;
}

/**
 * The behaviour every provider adapter must show (the adapter contract in `providers/provider.ts`),
 * as node:test specs: identity and capabilities that agree with the methods it has, initiations whose
 * next action the kit can follow safely, lookups by our reference (the kit's answer to a lost
 * response), statuses from the contract's closed set, banks in the contract's shape, notifications that
 * refuse garbage with a 4xx error instead of crashing, `state` returns that resolve, and — given a
 * harness that can pay — a payment that ends `succeeded`. Exported as
 * `runAdapterConformance` from `@pay-checkout/server-kit/conformance`; `docs/adding-a-provider.md` explains how to run it.
 */
export function runAdapterConformance(name: string, harness: AdapterHarness): void {
  describe(name, () => {
    let adapter: ProviderAdapter;
    const run = randomUUID().slice(0, 8);
    let counter = 0;
    const base = harness.publicUrl ?? 'http://127.0.0.1:9/checkout';
    const payment = harness.payment ?? { amount: 1999, currency: 'EUR', country: 'DE' };

    before(async () => {
      adapter = await harness.makeAdapter();
    });
    after(async () => {
      await harness.close?.();
    });

    function input(
      method: PaymentMethod,
      overrides: Partial<ProviderSessionInput> = {},
    ): ProviderSessionInput {
      const sessionId = `conf${run}${String(++counter).padStart(4, '0')}`;
      const stateStyle = adapter.capabilities.returnStyle === 'state';
      return {
        sessionId,
        reference: `pc-${sessionId}`,
        orderId: `order-${sessionId}`,
        amount: { value: payment.amount, currency: payment.currency },
        description: `Conformance order ${counter}`,
        method,
        ...(payment.country ? { country: payment.country } : {}),
        ...(method === 'pis' && payment.bank ? { bank: payment.bank } : {}),
        language: 'en',
        returnUrl: `${base}/return/${stateStyle ? adapter.id : sessionId}`,
        state: sessionId,
        notificationUrl: `${base}/notifications/${adapter.id}`,
        ...overrides,
      };
    }

    function refOf(initiation: ProviderInitiation, from: ProviderSessionInput): ProviderPaymentRef {
      return {
        providerRef: initiation.providerRef,
        reference: from.reference,
        providerData: initiation.providerData,
      };
    }

    function assertFollowable(initiation: ProviderInitiation): void {
      const next = NextAction.parse(initiation.next);
      if (next.type === 'none') return;
      const url = new URL(next.url);
      assert.ok(
        url.protocol === 'https:' || (url.protocol === 'http:' && adapter.sandbox),
        `next action ${next.type} must be https (http only for sandbox adapters): ${url.protocol}`,
      );
      assert.ok(
        adapter.redirectHosts.map((h) => h.toLowerCase()).includes(url.host.toLowerCase()),
        `next action host ${url.host} must be in redirectHosts (${adapter.redirectHosts.join(', ')})`,
      );
    }

    it('has an instance id, a kind and capabilities that agree with its methods', () => {
      assert.match(adapter.id, /^[a-z0-9-]{1,64}$/);
      assert.match(adapter.kind, /^[a-z0-9-]+$/);
      const { capabilities } = adapter;
      assert.ok(capabilities.methods.length > 0, 'offers at least one method');
      for (const method of capabilities.methods) assert.ok(PAYMENT_METHODS.includes(method), method);
      assert.ok(['signed', 'hint'].includes(capabilities.notifications));
      assert.ok(['path', 'state'].includes(capabilities.returnStyle));
      for (const kind of ['capture', 'void', 'refund'] as const) {
        assert.equal(
          capabilities.operations[kind] !== undefined && capabilities.operations[kind] !== false,
          typeof adapter[kind] === 'function',
          `capabilities.operations.${kind} and the ${kind}() method go together`,
        );
      }
      if (capabilities.returnStyle === 'state') {
        assert.equal(typeof adapter.resolveReturn, 'function', 'state returns need resolveReturn()');
      }
      assert.ok(adapter.redirectHosts.length > 0, 'names the hosts shoppers are sent to');
    });

    it('opens a payment for every method with a next action the kit can follow', async () => {
      for (const method of adapter.capabilities.methods) {
        const from = input(method);
        const initiation = await adapter.initiate(from);
        assert.ok(initiation.providerRef.length > 0, `${method}: a provider reference`);
        SessionStatus.parse(initiation.status.status);
        assert.notEqual(initiation.status.status, 'created', `${method}: the provider has the payment now`);
        assert.equal(typeof initiation.status.raw, 'string');
        assertFollowable(initiation);
        if (initiation.next.type === 'none') {
          // Right after opening, `none` says the shopper has nothing left to do: the payment is final.
          assert.ok(isFinalStatus(initiation.status.status), `${method}: 'none' only with a final status`);
        }
      }
    });

    it('finds a payment by our reference after a lost answer, and nothing for an unknown one', async () => {
      const from = input(adapter.capabilities.methods[0]);
      const initiation = await adapter.initiate(from);
      const found = await adapter.findByReference(from);
      assert.ok(found, 'the payment is found by our reference');
      assert.equal(found.providerRef, initiation.providerRef);
      assertFollowable(found);
      assert.equal(await adapter.findByReference(input(adapter.capabilities.methods[0])), undefined);
    });

    it('reads a payment back with the reference and provider data the kit stored', async () => {
      const from = input(adapter.capabilities.methods[0]);
      const initiation = await adapter.initiate(from);
      const status = await adapter.status(refOf(initiation, from));
      SessionStatus.parse(status.status);
      assert.equal(typeof status.raw, 'string');
    });

    it('lists PIS banks in the contract shape, each naming this instance', async (t) => {
      if (!adapter.capabilities.methods.includes('pis')) return t.skip('the adapter offers no PIS');
      const banks = await adapter.banks(payment.country ?? 'DE');
      assert.ok(banks.length > 0, 'the test country has banks');
      for (const bank of banks) {
        BankOption.parse(bank);
        assert.equal(bank.provider, adapter.id);
      }
    });

    it('refuses a notification that is not one with a 4xx CheckoutError, never a crash', async () => {
      for (const raw of ['not json', '{}', '\u0000']) {
        await assert.rejects(
          adapter.parseNotification(new TextEncoder().encode(raw), new Headers()),
          (error) => {
            assert.ok(error instanceof CheckoutError, `a CheckoutError, got ${String(error)}`);
            assert.ok(error.status >= 400 && error.status < 500, `a 4xx, got ${error.status}`);
            return true;
          },
        );
      }
    });

    it('resolves a state return to the session it was opened for', async (t) => {
      if (adapter.capabilities.returnStyle !== 'state') return t.skip('the adapter returns to our path');
      assert.ok(harness.returnUrlFor, 'the harness must say how the provider returns (returnUrlFor)');
      const from = input(adapter.capabilities.methods[0]);
      const initiation = await adapter.initiate(from);
      const target = adapter.resolveReturn?.(new URL(harness.returnUrlFor(from, initiation)));
      assert.ok(target, 'the return names a session');
      if ('state' in target) assert.equal(target.state, from.state);
      else assert.equal(target.providerRef, initiation.providerRef);
    });

    it('reports success once the shopper paid', async (t) => {
      if (!harness.completePayment) return t.skip('the harness cannot play the shopper');
      const method = adapter.capabilities.methods.includes('pis') ? 'pis' : adapter.capabilities.methods[0];
      const from = input(method);
      const initiation = await adapter.initiate(from);
      await harness.completePayment(initiation, from);
      let status = await adapter.status(refOf(initiation, from));
      for (let i = 0; i < 50 && !isFinalStatus(status.status); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = await adapter.status(refOf(initiation, from));
      }
      assert.equal(status.status, 'succeeded');
    });
  });
}
