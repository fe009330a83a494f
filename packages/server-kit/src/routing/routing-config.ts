import { CountryCode, CurrencyCode, PaymentMethod, ProviderId } from '@pay-checkout/contract';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import type { ProviderAdapter } from '../providers/provider.js';

/**
 * One entry of config `routing`: payments of `method` (in `country`, in `currency`, when given) go to
 * `providers` in this order, each tried when the previous one certainly created nothing.
 */
export const RoutingRule = z
  .object({
    method: PaymentMethod,
    country: CountryCode.optional(),
    currency: CurrencyCode.optional(),
    providers: z
      .array(ProviderId, { message: 'must be an array of provider ids' })
      .min(1, 'must list at least one provider id')
      .superRefine((ids, context) => {
        ids.forEach((id, index) => {
          if (ids.indexOf(id) !== index) {
            context.addIssue({ code: 'custom', path: [index], message: `lists "${id}" twice` });
          }
        });
      }),
  })
  // A typo (`countries`, `provider`) would otherwise silently widen the rule.
  .strict();
export type RoutingRule = z.infer<typeof RoutingRule>;

/** Config `routing`: the first rule that matches a payment decides its providers (config order). */
export const RoutingConfig = z.array(RoutingRule, { message: 'must be an array of routing rules' });
export type RoutingConfig = z.infer<typeof RoutingConfig>;

/**
 * Checks the routing rules against the configured adapters at start-up, so that a rule that can never
 * work fails at boot, named (`config.routing[1].providers[0]: no provider with id "x"`), instead of at
 * a shopper's payment. Throws one `ConfigError` listing every problem.
 */
export function validateRouting(
  routing: readonly RoutingRule[] | undefined,
  adapters: readonly ProviderAdapter[],
): void {
  if (!routing) return;
  const byId = new Map(adapters.map((adapter) => [adapter.id, adapter]));
  const problems: string[] = [];
  routing.forEach((rule, ruleIndex) => {
    const shadowing = routing.findIndex((earlier, i) => i < ruleIndex && covers(earlier, rule));
    if (shadowing !== -1) {
      problems.push(
        `config.routing[${ruleIndex}]: never used, config.routing[${shadowing}] comes first and matches every payment it would`,
      );
    }
    rule.providers.forEach((id, providerIndex) => {
      const problem = providerProblem(rule, id, byId);
      if (problem) problems.push(`config.routing[${ruleIndex}].providers[${providerIndex}]: ${problem}`);
    });
  });
  if (problems.length > 0) throw new ConfigError(`createCheckout: ${problems.join('; ')}`);
}

/** Why `id` cannot serve `rule`, or undefined when it can. */
function providerProblem(
  rule: RoutingRule,
  id: string,
  byId: ReadonlyMap<string, ProviderAdapter>,
): string | undefined {
  const adapter = byId.get(id);
  if (!adapter) return `no provider with id "${id}" (configured: ${[...byId.keys()].join(', ')})`;
  const { methods, countries, currencies } = adapter.capabilities;
  if (!methods.includes(rule.method)) {
    return `provider "${id}" does not offer ${rule.method} (it offers ${methods.join(', ') || 'nothing'})`;
  }
  if (rule.country && countries && !countries.includes(rule.country)) {
    return `provider "${id}" does not serve country ${rule.country} (it serves ${countries.join(', ')})`;
  }
  if (rule.currency && currencies && !currencies.includes(rule.currency)) {
    return `provider "${id}" does not accept ${rule.currency} (it accepts ${currencies.join(', ')})`;
  }
  return undefined;
}

/** True when every payment `later` matches is matched by `earlier` too (first match wins). */
function covers(earlier: RoutingRule, later: RoutingRule): boolean {
  return (
    earlier.method === later.method &&
    (earlier.country === undefined || earlier.country === later.country) &&
    (earlier.currency === undefined || earlier.currency === later.currency)
  );
}
