/**
 * Shop amounts are EUR in minor units (the catalogue has only 2-decimal currencies), shown in the
 * shop's own locale. The checkout element and the return page format amounts in the shopper's.
 */
export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat('en-IE', { style: 'currency', currency }).format(minor / 100);
}
