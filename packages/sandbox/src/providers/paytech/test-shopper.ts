/**
 * Plays the shopper on the hosted payment page over plain `fetch` (no browser): card form, then the
 * 3-D Secure challenge when the card asks for one. For tests of adapters and kits against the stage;
 * the e2e journeys use a real browser instead.
 */

export interface PaytechCheckoutOptions {
  /** Pass or fail the 3-D Secure challenge, if the card gets one (default pass). */
  threeDs?: 'pass' | 'fail';
  expiry?: string;
  cvc?: string;
  name?: string;
}

export interface PaytechCheckoutOutcome {
  /** The status of the last page answer (200 once the outcome page shows). */
  status: number;
  /** Where "Return to merchant" points, once the payment is final. */
  returnUrl?: string;
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual',
});

/** Pays the deposit at `redirectUrl` with `card`; resolves once the page shows the outcome. */
export async function payPaytechCheckout(
  redirectUrl: string,
  card: string,
  options: PaytechCheckoutOptions = {},
): Promise<PaytechCheckoutOutcome> {
  const page = new URL(redirectUrl);
  const submitted = await fetch(
    `${page.origin}${page.pathname}/card`,
    form({
      number: card,
      expiry: options.expiry ?? '12/39',
      cvc: options.cvc ?? '123',
      name: options.name ?? 'Test Shopper',
    }),
  );
  await submitted.body?.cancel();
  if (submitted.status !== 303) return { status: submitted.status };
  let shown = await fetch(page);
  let text = await shown.text();
  if (text.includes(`${page.pathname}/3ds`)) {
    const answered = await fetch(
      `${page.origin}${page.pathname}/3ds`,
      form({ result: options.threeDs ?? 'pass' }),
    );
    await answered.body?.cancel();
    shown = await fetch(page);
    text = await shown.text();
  }
  const link = /<a class="button wide" href="([^"]*)"/.exec(text)?.[1];
  return { status: shown.status, ...(link ? { returnUrl: link.replace(/&amp;/g, '&') } : {}) };
}

/** The shopper presses Cancel on the payment page. */
export async function cancelPaytechCheckout(redirectUrl: string): Promise<number> {
  const page = new URL(redirectUrl);
  const response = await fetch(`${page.origin}${page.pathname}/cancel`, form({}));
  await response.body?.cancel();
  return response.status;
}
