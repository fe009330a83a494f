import type { BankOption, CreateSessionRequest, OptionsResponse } from '@pay-checkout/contract';

/** One request the element made, as the fake server saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body?: CreateSessionRequest;
}

/** How the fake answers one `POST sessions`: a status and JSON body, or a network-level failure. */
export type SessionReply = { status: number; body: unknown } | 'network-error' | 'hang';

export const BANKS: BankOption[] = [
  { id: 'de-fake', name: 'Fake Bank with Client Keys', country: 'DE' },
  {
    id: 'de-spark',
    name: 'Sparkasse Köln',
    country: 'DE',
    logo: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
  },
  { id: 'de-volks', name: 'Volksbank Berlin', country: 'DE' },
  { id: 'lt-swed', name: 'Swedbank', country: 'LT' },
  { id: 'lt-seb', name: 'SEB bankas', country: 'LT' },
];

/**
 * A stand-in for server-kit at the network edge: `window.fetch` is replaced, everything above it (the
 * element's request code, timeouts, JSON parsing) runs for real. Answers `GET options` and
 * `POST sessions` under `/checkout` with the wire shapes of docs/architecture.md.
 */
export class FakeServer {
  readonly requests: SeenRequest[] = [];
  mode: 'live' | 'sandbox' = 'sandbox';
  methods = ['pis', 'card', 'googlepay', 'applepay'] as const as readonly string[];
  languages = ['en', 'de', 'lt', 'ar'];
  amount = { value: 1999, currency: 'EUR' };
  /** The bank countries server-kit lists (undefined: an older kit without the country picker). */
  countries?: string[] = ['DE', 'LT'];
  /** The merchant's default country, answered when the asked one is not listed. */
  defaultCountry?: string;
  /** Set to make `GET options` fail. */
  optionsReply?: SessionReply;
  /** Replies for the next `POST sessions`, in order; when empty, a 201 with an https redirect. */
  readonly sessionReplies: SessionReply[] = [];
  private readonly realFetch = window.fetch;

  install(): this {
    window.fetch = (input, init) => this.handle(new Request(input, init), init?.signal ?? undefined);
    return this;
  }

  uninstall(): void {
    window.fetch = this.realFetch;
  }

  sessionRequests(): SeenRequest[] {
    return this.requests.filter((r) => r.method === 'POST');
  }

  optionsRequests(): SeenRequest[] {
    return this.requests.filter((r) => r.method === 'GET');
  }

  private async handle(request: Request, signal?: AbortSignal): Promise<Response> {
    const url = new URL(request.url);
    const seen: SeenRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
    };
    if (request.method === 'POST') seen.body = await request.json();
    this.requests.push(seen);
    await new Promise((resolve) => setTimeout(resolve, 1)); // a real round trip is never synchronous
    if (url.pathname === '/checkout/options' && request.method === 'GET') {
      return this.reply(this.optionsReply ?? { status: 200, body: this.options(url.searchParams) }, signal);
    }
    if (url.pathname === '/checkout/sessions' && request.method === 'POST') {
      const next = this.sessionReplies.shift() ?? {
        status: 201,
        body: {
          sessionId: `ses_${this.requests.length}`,
          redirectUrl: 'https://bank.example/authorize?s=1',
          status: 'pending',
        },
      };
      return this.reply(next, signal);
    }
    return Response.json({ error: { code: 'not_found', message: 'no such route' } }, { status: 404 });
  }

  private options(query: URLSearchParams): OptionsResponse {
    const asked = query.get('country') ?? undefined;
    const language = query.get('language') ?? 'en';
    const labels: Record<string, string> = language.startsWith('de')
      ? { pis: 'Zahlung per Bank (server)', card: 'Karte (server)', googlepay: 'Google Pay' }
      : { pis: 'Pay by bank', card: 'Card', googlepay: 'Google Pay' };
    // As server-kit: the asked country when listed, else the merchant's default, else none.
    const country = this.countries
      ? asked && this.countries.includes(asked)
        ? asked
        : this.defaultCountry
      : asked;
    return {
      mode: this.mode,
      amount: this.amount,
      methods: this.methods.map((id) => ({ id: id as 'pis', label: labels[id] ?? id })),
      banks: this.countries && !country ? [] : BANKS.filter((bank) => !country || bank.country === country),
      languages: this.languages,
      ...(this.countries ? { countries: this.countries } : {}),
      ...(this.countries && country ? { country } : {}),
    };
  }

  private reply(reply: SessionReply, signal?: AbortSignal): Promise<Response> {
    if (reply === 'network-error') return Promise.reject(new TypeError('Failed to fetch'));
    if (reply === 'hang') {
      return new Promise((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(signal.reason)),
      );
    }
    return Promise.resolve(Response.json(reply.body, { status: reply.status }));
  }
}
