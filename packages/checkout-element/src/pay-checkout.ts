import { updateWhenLocaleChanges } from '@lit/localize';
import type {
  BankOption,
  CreateSessionRequest,
  MethodOption,
  OptionsResponse,
  PaymentMethod,
} from '@pay-checkout/contract';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { BankCombobox } from './bank-combobox.js';
import { createSession, fetchOptions } from './checkout-api.js';
import { CheckoutError, NoMethodsError, type ResponseError, UnsafeRedirectError } from './checkout-errors.js';
import { countryNames } from './country-names.js';
import { errorMessageId } from './error-messages.js';
import { emit } from './events.js';
import { formatAmount, ownName } from './intl-format.js';
import { directionOf, resolveLocale } from './locale.js';
import { activateLocale, translate } from './localization.js';
import type { MessageId, MessageOverrides } from './messages.js';
import { styles } from './pay-checkout.styles.js';
import { nextAttempt, type PaymentAttempt } from './payment-attempt.js';
import { rememberBank } from './recent-banks.js';
import { isSafeRedirect } from './redirect-policy.js';
import { isWallet, type WalletMethod, walletAvailability } from './wallets.js';

/** Where the element is in the journey; also what the live region announces. */
export type CheckoutPhase = 'loading' | 'ready' | 'submitting' | 'redirecting' | 'error';

// What server-kit accepts as a language (packages/contract LanguageTag); anything else is ignored.
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * An embeddable checkout: the shopper picks a payment method, a bank (for bank payments) and a
 * language, then pays; the element opens a session at the merchant's server-kit and follows its
 * redirect. It never sees card data: cards are typed on the provider's page.
 *
 * @summary Accessible, localized payment method / bank picker and Pay button for server-kit.
 *
 * @fires pay-checkout-loading - Loading the options started, with nothing to show yet (`phase` is `loading`). `detail: {}`.
 * @fires pay-checkout-ready - Options are loaded and the element is interactive. `detail: {methods, amount, mode}`; `methods` are those shown then (wallets join as the browser answers).
 * @fires pay-checkout-change - The shopper changed the method, bank, country or language. `detail: {method, bank, language, country}`.
 * @fires pay-checkout-submit - Cancelable; about to open a session. `detail: {order, method, bank}`.
 * @fires pay-checkout-redirect - Cancelable; about to leave for the provider. `detail: {url, sessionId}`.
 * @fires pay-checkout-error - Loading or paying failed. `detail: {code, message, retryable}`.
 * @fires pay-checkout-wallet-unavailable - A wallet was hidden in this browser. `detail: {method, reason}`.
 * @fires pay-checkout-wallet-available - The browser can pay with a wallet: it joined the shown methods at its place in their order. `detail: {method}`.
 * @fires pay-checkout:ready - Deprecated alias of `pay-checkout-ready`, fired after it; removed in the next release.
 * @fires pay-checkout:change - Deprecated alias of `pay-checkout-change`.
 * @fires pay-checkout:submit - Deprecated alias of `pay-checkout-submit` (cancelable too).
 * @fires pay-checkout:redirect - Deprecated alias of `pay-checkout-redirect` (cancelable too).
 * @fires pay-checkout:error - Deprecated alias of `pay-checkout-error`.
 * @fires pay-checkout:wallet-unavailable - Deprecated alias of `pay-checkout-wallet-unavailable`.
 *
 * @csspart base - The outer box.
 * @csspart badge - The "test mode" badge (sandbox only).
 * @csspart skeleton - The loading placeholder.
 * @csspart amount-label - The "Total" caption.
 * @csspart amount - The formatted amount.
 * @csspart language-label - The language picker's label.
 * @csspart language - The language picker (a select).
 * @csspart methods - The method radio group (a fieldset).
 * @csspart legend - The method group's caption.
 * @csspart method - One method choice; `method-selected` is added to the chosen one.
 * @csspart country-label - The country picker's label.
 * @csspart country - The country picker (a select) for the bank's country.
 * @csspart label - The bank picker's label.
 * @csspart bank-picker - The bank picker's wrapper.
 * @csspart bank-input - The bank search input (the combobox).
 * @csspart bank-list - The bank list (listbox).
 * @csspart bank-option - One bank; `bank-option-active` marks the keyboard-highlighted one.
 * @csspart bank-logo - A bank's logo or initials.
 * @csspart bank-name - A bank's name.
 * @csspart bank-recent - The "recently used" tag on a bank.
 * @csspart hint - Help text under the bank input.
 * @csspart no-match - The visible "no bank found" line.
 * @csspart validation - A validation message.
 * @csspart note - What happens after Pay, per method.
 * @csspart error - The error message box.
 * @csspart retry - The "Try again" button.
 * @csspart pay-button - The Pay button.
 * @csspart status - The polite live region (visually hidden).
 *
 * @cssprop --pay-checkout-accent - Accent colour (Pay button, focus ring), light scheme.
 * @cssprop --pay-checkout-accent-dark - Accent colour, dark scheme.
 * @cssprop --pay-checkout-on-accent - Text on the accent colour, light scheme.
 * @cssprop --pay-checkout-on-accent-dark - Text on the accent colour, dark scheme.
 * @cssprop --pay-checkout-bg - Background, light scheme.
 * @cssprop --pay-checkout-bg-dark - Background, dark scheme.
 * @cssprop --pay-checkout-fg - Text colour, light scheme.
 * @cssprop --pay-checkout-fg-dark - Text colour, dark scheme.
 * @cssprop --pay-checkout-muted - Secondary text, light scheme.
 * @cssprop --pay-checkout-muted-dark - Secondary text, dark scheme.
 * @cssprop --pay-checkout-border - Borders, light scheme.
 * @cssprop --pay-checkout-border-dark - Borders, dark scheme.
 * @cssprop --pay-checkout-error - Error text, light scheme.
 * @cssprop --pay-checkout-error-dark - Error text, dark scheme.
 * @cssprop --pay-checkout-radius - Corner radius.
 * @cssprop --pay-checkout-spacing - Base spacing.
 * @cssprop --pay-checkout-font - Font shorthand (default: inherited).
 */
export class PayCheckout extends LitElement {
  static override styles = styles;

  // Reactive properties declared statically rather than with decorators: the decorator helpers cost
  // ~0.5 KB gzip of the script-tag bundle's 15 KB budget (measured with scripts/report-size.mjs).
  // `state: true` alone: Lit's createProperty forces `attribute: false` for state properties.
  static override properties = {
    endpoint: {},
    order: {},
    methods: {},
    method: {},
    country: {},
    language: {},
    bank: {},
    provider: {},
    disabled: { type: Boolean, reflect: true },
    messages: { attribute: false },
    phase: { reflect: true },
    options: { attribute: false },
    failure: { state: true },
    invalid: { state: true },
    announcement: { state: true },
    refreshing: { state: true },
  };

  /** Base URL of the merchant's server-kit, e.g. `/checkout`. */
  endpoint = '';

  /** The merchant's order id; server-kit resolves the amount from it. */
  order = '';

  /** Space-separated subset and order of methods to offer, e.g. `pis card`. Default: all the server offers. */
  methods = '';

  /** The selected payment method (`pis`, `card`, `googlepay`, `applepay`); set it to preselect. */
  method = '';

  /**
   * ISO 3166-1 alpha-2 country of the shopper's bank. Default: the region of `navigator.language` when
   * the merchant's providers serve it, else the merchant's default country, else the shopper chooses.
   */
  country = '';

  /** BCP 47 language tag. Default: the browser's first language. Falls back along pt-BR → pt → en. */
  language = '';

  /** The selected bank id (for `pis`); set it to preselect. */
  bank = '';

  /** A provider instance id to pin, where the merchant's routing allows it (e.g. `paytech`). */
  provider = '';

  /** Disables every control. */
  disabled = false;

  /** Overrides for any message by id, e.g. `{pay: 'Buy for {amount}'}`. */
  messages: MessageOverrides = {};

  /**
   * Where the element is: `loading` (options on their way), `ready`, `submitting`, `redirecting` or
   * `error`. Read-only (the element sets it): reflected as the `phase` attribute for styling
   * (`pay-checkout[phase=loading]`) and tests.
   * @readonly
   */
  phase: CheckoutPhase = 'loading';
  /**
   * The `GET options` answer, when the page already has it (server-rendered pages): the element then
   * renders at once, without a round trip. A `<script type="application/json">` child with the same
   * JSON does the same without script. Later changes (country, language) fetch as usual.
   */
  options?: OptionsResponse;
  private failure?: CheckoutError;
  private invalid?: MessageId;
  private announcement = '';
  private refreshing = false;

  readonly #banks = new BankCombobox(this, (bank) => this.#handleBank(bank));
  /** Each wallet's answer, once the browser gave it. */
  readonly #wallets = new Map<WalletMethod, boolean>();
  #failedDuring: 'options' | 'session' = 'options';
  #optionsRequest?: AbortController;
  #attempt?: PaymentAttempt;
  #attemptRetryable = false;
  #inlineTaken = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The language in use: the attribute when it is a BCP 47 tag, else the browser's. */
  get effectiveLanguage(): string {
    return LANGUAGE_TAG.test(this.language)
      ? this.language
      : navigator.languages?.[0] || navigator.language || 'en';
  }

  /**
   * The bank's country in use: the one server-kit answered for (the asked one when its providers serve
   * it, else the merchant's default, else none), or, from a kit without a country list, the asked one.
   */
  get effectiveCountry(): string {
    const options = this.options;
    return options?.countries ? (options.country ?? '') : this.#askedCountry;
  }

  /** The `country` attribute when it is a country code, else the region of the browser's language. */
  get #askedCountry(): string {
    if (/^[A-Za-z]{2}$/.test(this.country)) return this.country.toUpperCase();
    try {
      return new Intl.Locale(navigator.language).region ?? '';
    } catch {
      return '';
    }
  }

  /** Methods shown: the server's, narrowed and ordered by `methods`, minus wallets this browser lacks. */
  get visibleMethods(): MethodOption[] {
    return this.#wanted();
  }

  /** The server's methods narrowed and ordered by `methods`; wallets when available (or still `asking`). */
  #wanted(asking?: boolean): MethodOption[] {
    const offered = this.options?.methods ?? [];
    return (this.methods.trim() ? this.methods.trim().split(/\s+/) : offered.map((m) => m.id))
      .map((id) => offered.find((m) => m.id === id))
      .filter(
        (m): m is MethodOption => !!m && (!isWallet(m.id) || (this.#wallets.get(m.id) ?? asking) === true),
      );
  }

  get #countryBanks(): BankOption[] {
    const country = this.effectiveCountry;
    return (this.options?.banks ?? []).filter((bank) => !country || bank.country === country);
  }

  #t(id: MessageId, values?: Record<string, string | number>): string {
    return translate(id, this.messages, values, this.effectiveLanguage);
  }

  /** Opening a session or leaving for the provider. */
  get #paying(): boolean {
    return this.phase === 'submitting' || this.phase === 'redirecting';
  }

  get #locked(): boolean {
    return this.disabled || this.#paying;
  }

  /** Opens a payment session with the current choice and follows its redirect. */
  async submit(): Promise<void> {
    const options = this.options;
    if (!options || this.#locked || this.phase === 'loading') return;
    const method = this.method as PaymentMethod;
    this.invalid = !method ? 'methodRequired' : method === 'pis' && !this.bank ? 'bankRequired' : undefined;
    if (this.invalid) {
      this.announcement = this.#t(this.invalid);
      await this.updateComplete;
      if (method) this.#banks.focus();
      return;
    }
    const bank = method === 'pis' ? this.bank : undefined;
    if (!emit(this, 'submit', { order: this.order, method, bank })) return;
    const body: CreateSessionRequest = { order: this.order, method, language: this.effectiveLanguage };
    if (bank) body.bank = bank;
    if (this.effectiveCountry) body.country = this.effectiveCountry;
    if (this.provider) body.provider = this.provider;
    const attempt = nextAttempt(this.#attempt, this.#attemptRetryable, body);
    this.#attempt = attempt;
    this.failure = undefined;
    this.#setPhase('submitting');
    try {
      const session = await createSession(this.endpoint, attempt.body, attempt.key);
      if (!isSafeRedirect(session.redirectUrl, options.mode))
        throw new UnsafeRedirectError(session.redirectUrl);
      this.#attemptRetryable = false;
      if (bank) rememberBank(bank);
      this.#setPhase('redirecting');
      if (emit(this, 'redirect', { url: session.redirectUrl, sessionId: session.sessionId })) {
        this.navigate(session.redirectUrl);
      }
    } catch (error) {
      this.#attemptRetryable = this.#fail(error, 'session').retryable;
    }
  }

  /** Back to the first screen: the preselected method and bank, no error, and a fresh attempt next time. */
  reset(): void {
    this.method = this.getAttribute('method') ?? '';
    this.bank = this.getAttribute('bank') ?? '';
    this.#attempt = undefined;
    this.#attemptRetryable = false;
    this.failure = this.invalid = undefined;
    if (this.options) {
      this.#keepValidSelection();
      this.#setPhase('ready');
    } else void this.#loadOptions();
  }

  /** Leaves for the provider's page. A seam: tests (and exotic hosts) replace it. */
  protected navigate(url: string): void {
    location.assign(url);
  }

  /** Moves to a phase and announces it: the message of the same id (loading, ready, …), or the error's text. */
  #setPhase(phase: CheckoutPhase, announcement = this.#t(phase as MessageId)): void {
    this.phase = phase;
    this.announcement = announcement;
  }

  #fail(error: unknown, during: 'options' | 'session'): CheckoutError {
    const failure =
      error instanceof CheckoutError
        ? error
        : new CheckoutError('unexpected', String(error), false, undefined, { cause: error });
    const message = this.#t(errorMessageId(failure.code, failure.status));
    this.failure = failure;
    this.#failedDuring = during;
    this.#setPhase('error', message);
    emit(this, 'error', { code: failure.code, message, retryable: failure.retryable });
    return failure;
  }

  /**
   * Asks the browser about the offered wallets it has not answered for yet, all at once, and
   * applies the answers together in the methods' order: a yes shows the wallet and fires
   * `pay-checkout-wallet-available`, a no hides it for good and fires `pay-checkout-wallet-unavailable`.
   * Chromium answers Google Pay's `canMakePayment` from its browser process after
   * trying to fetch Google's payment-method manifest (tens of ms on a cold page), so neither the first
   * render nor `ready` waits for it (bench/element/profile-first-render.ts).
   */
  async #probeWallets(methods: MethodOption[]): Promise<void> {
    const ids = methods
      .map((m) => m.id)
      .filter((id): id is WalletMethod => isWallet(id) && !this.#wallets.has(id));
    const answers = await Promise.all(ids.map(walletAvailability));
    const joined = ids.filter((id, index) => {
      const answer = answers[index];
      this.#wallets.set(id, answer.available);
      if (!answer.available) emit(this, 'wallet-unavailable', { method: id, reason: answer.reason });
      return answer.available;
    });
    this.#keepValidSelection(); // a preselected wallet the browser refused gives way to the first method
    if (!joined.length) return;
    this.requestUpdate();
    await this.updateComplete;
    for (const method of joined) emit(this, 'wallet-available', { method });
  }

  async #loadOptions(): Promise<void> {
    this.#optionsRequest?.abort();
    if (!this.endpoint || !this.order) return;
    const request = new AbortController();
    this.#optionsRequest = request;
    this.refreshing = true;
    if (this.#failedDuring === 'options') this.failure = undefined; // a retry hides the old error
    // Options handed over by the page apply in this update, so the first render is the form: no
    // skeleton frame, no second render.
    let options = this.#inlineOptions();
    if (!options && !this.options) {
      this.#setPhase('loading');
      emit(this, 'loading', {});
    }
    try {
      if (!options) {
        const language = this.effectiveLanguage;
        const pending = fetchOptions(
          this.endpoint,
          { order: this.order, country: this.#askedCountry, language },
          request.signal,
        );
        // The first Intl currency format in a page loads ICU data (~15 ms on a slow machine): do it
        // while the request is in flight, so the response renders without waiting for it.
        formatAmount({ value: 0, currency: 'EUR' }, language);
        countryNames([], language);
        options = await pending;
        if (request.signal.aborted) return;
      }
      this.options = options;
      // Only wallets offered: nothing to show before the browser answered. A preselected wallet is
      // selected once the browser said yes (or the first method once it said no).
      if (!this.visibleMethods.length || isWallet(this.method)) await this.#probeWallets(options.methods);
      if (request.signal.aborted) return;
      this.#keepValidSelection();
      if (!this.visibleMethods.length) throw new NoMethodsError();
      if (this.phase === 'loading' || (this.phase === 'error' && this.#failedDuring === 'options')) {
        this.failure = undefined;
        this.#setPhase('ready');
      }
      await this.updateComplete;
      if (request.signal.aborted) return;
      // The methods shown now; a wallet the browser says yes to later joins with its own event.
      emit(this, 'ready', {
        methods: this.visibleMethods.map((m) => m.id),
        amount: options.amount,
        mode: options.mode,
      });
      // Asked once the form is painted (the task after the next frame's rendering): Google Pay's
      // PaymentRequest costs milliseconds to construct cold, and the browser's answer keeps the
      // renderer busy while it produces that frame (bench/element/profile-first-render.ts). In a
      // hidden tab the frame, and so the question, waits until the tab is shown. (`options` is set
      // for good by now; TypeScript does not carry that into the callback.)
      requestAnimationFrame(() => setTimeout(() => this.#probeWallets(options!.methods)));
    } catch (error) {
      if (!request.signal.aborted) this.#fail(error, 'options');
    } finally {
      if (this.#optionsRequest === request) this.refreshing = false;
    }
  }

  /** The options the page handed over (property or JSON child), used once, for the first render only. */
  #inlineOptions(): OptionsResponse | undefined {
    if (this.#inlineTaken) return;
    this.#inlineTaken = true;
    try {
      return this.options ?? JSON.parse(this.querySelector('script[type="application/json"]')!.textContent!);
    } catch {
      // no or broken inline JSON: fetch as usual
    }
  }

  /** Keeps the method and bank when they are still offered; otherwise the first method and no bank. */
  #keepValidSelection(): void {
    // A preselected wallet the browser has not answered for yet stays selected until it has.
    if (!this.#wanted(true).some((m) => m.id === this.method)) this.method = this.visibleMethods[0]?.id ?? '';
    if (this.bank && !this.#countryBanks.some((b) => b.id === this.bank)) this.bank = '';
  }

  // Runs before each render, so state set here (and by loadOptions up to its first await) joins this
  // update instead of scheduling another.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('language')) void activateLocale(resolveLocale(this.effectiveLanguage));
    if (
      changed.has('endpoint') ||
      changed.has('order') ||
      changed.has('country') ||
      changed.has('language')
    ) {
      void this.#loadOptions();
    }
    if (this.options && (changed.has('methods') || changed.has('method') || changed.has('bank'))) {
      this.#keepValidSelection();
    }
  }

  #changed(): void {
    const bank = this.method === 'pis' && this.bank ? this.bank : undefined;
    emit(this, 'change', {
      method: (this.method || undefined) as PaymentMethod | undefined,
      bank,
      language: this.effectiveLanguage,
      country: this.effectiveCountry || undefined,
    });
  }

  #handleMethod(method: PaymentMethod): void {
    this.method = method;
    this.invalid = undefined;
    this.#changed();
  }

  #handleBank(bank: BankOption): void {
    this.bank = bank.id;
    this.invalid = undefined;
    this.#changed();
  }

  #handleCountry(event: Event): void {
    this.country = (event.target as HTMLSelectElement).value;
    this.bank = '';
    this.#changed();
  }

  #handleLanguage(event: Event): void {
    this.language = (event.target as HTMLSelectElement).value;
    this.#changed();
  }

  #handleRetry(): void {
    if (this.#failedDuring === 'options') void this.#loadOptions();
    else void this.submit();
  }

  override render() {
    const locale = resolveLocale(this.effectiveLanguage);
    // The live region sits outside the aria-busy box: screen readers may hold back announcements from
    // inside a busy region, and "Starting your payment…" is exactly what must be heard then.
    const busy = this.refreshing || this.#paying;
    return html`
      <div part="base" class="base" lang=${this.effectiveLanguage} dir=${directionOf(locale)} aria-busy=${busy}>
        ${
          this.options?.mode === 'sandbox'
            ? html`<p part="badge" class="badge">${this.#t('testMode')}</p>`
            : nothing
        }
        ${this.options ? this.#renderForm(this.options) : html`<div part="skeleton" class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>`}
        ${this.failure ? this.#renderError(this.failure) : nothing}
      </div>
      <p part="status" class="sr-only" role="status" lang=${this.effectiveLanguage}>${this.announcement}</p>
    `;
  }

  #renderError(failure: CheckoutError) {
    const message = this.#t(errorMessageId(failure.code, failure.status));
    const back = (failure as ResponseError).returnUrl;
    return html`<div part="error" class="error">
      <p>${back ? html`<a part="return" href=${back}>${message}</a>` : message}</p>
      ${
        failure.retryable
          ? html`<button part="retry" class="retry" type="button" ?disabled=${this.disabled} @click=${this.#handleRetry}>
            ${this.#t('retry')}
          </button>`
          : nothing
      }
    </div>`;
  }

  #renderForm(options: OptionsResponse) {
    const language = this.effectiveLanguage;
    const amount = formatAmount(options.amount, language);
    const methods = this.visibleMethods;
    // While paying, the note says what is happening (the live region says it to screen readers).
    const phase = this.phase;
    const note = this.#paying
      ? (phase as 'submitting' | 'redirecting')
      : this.method === 'card'
        ? 'cardNote'
        : this.method === 'pis'
          ? 'bankNote'
          : undefined;
    return html`
      <div class="row">
        <p class="amount">
          <span part="amount-label">${this.#t('total')}</span>
          <strong part="amount">${amount}</strong>
        </p>
        ${options.languages.length > 1 ? this.#renderLanguages(options.languages, language) : nothing}
      </div>
      <fieldset part="methods" ?disabled=${this.#locked}>
        <legend part="legend">${this.#t('methodLegend')}</legend>
        ${methods.map(
          (m) => html`<label part="method${m.id === this.method ? ' method-selected' : ''}" class="method">
            <input
              type="radio"
              name="method"
              .value=${m.id}
              .checked=${m.id === this.method}
              @change=${() => this.#handleMethod(m.id)}
            />
            <span>${m.id === 'pis' ? this.#t('methodPis') : m.id === 'card' ? this.#t('methodCard') : m.label}</span>
          </label>`,
        )}
      </fieldset>
      ${this.method === 'pis' ? this.#renderBanks() : nothing}
      ${this.invalid === 'methodRequired' ? html`<p part="validation" class="invalid">${this.#t(this.invalid)}</p>` : nothing}
      ${note ? html`<p part="note" class="note" aria-hidden=${note === phase}>${this.#t(note)}</p>` : nothing}
      <button
        part="pay-button"
        class="pay"
        type="button"
        ?disabled=${this.disabled}
        aria-disabled=${this.#locked ? 'true' : 'false'}
        @click=${() => void this.submit()}
      >
        ${this.#t('pay', { amount })}
      </button>
    `;
  }

  #renderLanguages(languages: string[], current: string) {
    const selected = languages.includes(current) ? current : resolveLocale(current);
    return this.#renderSelect(
      'language',
      languages.map((tag) => [tag, ownName(tag), tag]),
      selected,
      this.#handleLanguage,
    );
  }

  #renderCountries(countries: string[]) {
    const current = this.effectiveCountry;
    const named = countryNames(countries, this.effectiveLanguage);
    // No country yet (the browser's region is not served and the merchant set no default): ask.
    return this.#renderSelect(
      'country',
      current ? named : [['', this.#t('countryChoose')], ...named],
      current,
      this.#handleCountry,
    );
  }

  /** A labelled select (language, country): `choices` are `[value, text, lang?]`. */
  #renderSelect(
    id: 'language' | 'country',
    choices: string[][],
    current: string,
    change: (e: Event) => void,
  ) {
    return html`<span class="field">
      <label part="${id}-label" for=${id}>${this.#t(id)}</label>
      <select id=${id} part=${id} ?disabled=${this.#locked} @change=${change}>
        ${choices.map(([value, text, lang]) => html`<option value=${value} lang=${lang || nothing} ?selected=${value === current}>${text}</option>`)}
      </select>
    </span>`;
  }

  #renderBanks() {
    const banks = this.#countryBanks;
    const countries = this.options?.countries ?? [];
    return html`${countries.length ? this.#renderCountries(countries) : nothing}${this.#banks.render(
      banks,
      banks.find((b) => b.id === this.bank),
      {
        label: this.#t('bank'),
        hint: this.#t('bankHint'),
        none: (query) => this.#t('bankNone', { query }),
        empty: this.#t(this.effectiveCountry ? 'bankEmpty' : 'countryChoose'),
        count: (count) => this.#t('bankCount', { count }),
        recent: this.#t('bankRecent'),
      },
      this.invalid === 'bankRequired' ? this.#t('bankRequired') : '',
    )}`;
  }
}

// Registered here, not with @customElement, so importing the module twice (npm + a script tag) or in a
// non-DOM environment (SSR) does not throw.
if (globalThis.customElements && !customElements.get('pay-checkout')) {
  customElements.define('pay-checkout', PayCheckout);
}

declare global {
  interface HTMLElementTagNameMap {
    'pay-checkout': PayCheckout;
  }
}
