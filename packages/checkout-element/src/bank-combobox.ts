import type { BankOption } from '@pay-checkout/contract';
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { recentBanks } from './recent-banks.js';

/** Texts the combobox shows, already translated by the host. */
export interface BankComboboxTexts {
  label: string;
  hint: string;
  none(query: string): string;
  /** Shown when the country has no bank at all (or none is chosen yet). */
  empty: string;
  count(count: number): string;
  recent: string;
}

/** Case- and accent-insensitive form for matching what the shopper types. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// `active` value meaning "open on the selected bank": resolved in render, where the open list exists.
const AT_SELECTION = -2;

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.charAt(0))
    .join('')
    .toUpperCase();
}

/**
 * The bank picker: an editable ARIA combobox with list autocomplete (WAI-ARIA APG pattern). Typing
 * filters the banks; ArrowDown/ArrowUp move through the list (PageDown/PageUp by ten), Home/End move the
 * caret in the input, Enter chooses, Escape closes. Focus stays in the input (aria-activedescendant), so
 * the picker works with the keyboard alone.
 */
export class BankCombobox implements ReactiveController {
  open = false;
  query = '';
  active = -1;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #choose: (bank: BankOption) => void;

  constructor(host: ReactiveControllerHost & HTMLElement, choose: (bank: BankOption) => void) {
    this.#host = host;
    this.#choose = choose;
    host.addController(this);
  }

  /** Keeps the keyboard-highlighted option in view when the list is taller than its box. */
  hostUpdated(): void {
    if (this.open)
      this.#host.shadowRoot?.getElementById(`bank-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  /** Banks matching the typed query, recently used first (in their order of recency). */
  matches(banks: BankOption[], recent: string[]): BankOption[] {
    const query = fold(this.query.trim());
    const found = banks.filter((bank) => fold(bank.name).includes(query));
    const rank = (bank: BankOption) => {
      const index = recent.indexOf(bank.id);
      return index < 0 ? recent.length : index;
    };
    return found.sort((a, b) => rank(a) - rank(b));
  }

  #input(): HTMLInputElement | null | undefined {
    return this.#host.shadowRoot?.querySelector<HTMLInputElement>('#bank');
  }

  focus(): void {
    this.#input()?.focus();
  }

  #show(open: boolean, active = this.active): void {
    this.open = open;
    this.active = open ? active : -1;
    if (!open) this.query = '';
    this.#host.requestUpdate();
  }

  #pick(bank: BankOption | undefined): void {
    if (!bank) return;
    this.#show(false);
    this.#choose(bank);
  }

  #handleInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    this.#show(true, 0);
  }

  #handleKeydown(event: KeyboardEvent, list: BankOption[]): void {
    const last = list.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        this.#show(true, this.open ? Math.min(this.active + 1, last) : AT_SELECTION);
        break;
      case 'ArrowUp':
        this.#show(true, this.open ? Math.max(this.active - 1, 0) : AT_SELECTION);
        break;
      case 'Enter':
        // Enter must never reach a surrounding <form> or the Pay button while choosing a bank.
        if (!this.open) return;
        this.#pick(list[this.active]);
        break;
      case 'PageDown':
      case 'PageUp':
        // Optional in the APG: a jump of ten options, clamped to the list. While the list is closed the
        // keys are left to the page (scrolling), so they do not open the picker by surprise.
        if (!this.open) return;
        this.#show(true, Math.max(Math.min(this.active + (event.key === 'PageUp' ? -10 : 10), last), 0));
        break;
      case 'Home':
      case 'End':
        // The APG leaves a choice: move to the first/last option, or, for an editable combobox, return
        // visual focus to the input and move the caret to its start/end. This input is editable (typing
        // filters), so we do the latter, as the APG's "list autocomplete" example does: the shopper can
        // fix what they typed, and ArrowDown/ArrowUp still reach the options. The browser moves the caret
        // (also Shift+Home/End selection), so no preventDefault; we only drop the active option.
        if (this.open) this.#show(true, -1);
        return;
      case 'Escape':
        // The APG example also clears the input on a second Escape. Here the closed input shows the chosen
        // bank (the first Escape already drops what was typed), so clearing would deselect the bank
        // without a change event, and swallowing Escape would stop it closing a surrounding dialog.
        if (!this.open) return;
        this.#show(false);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  render(
    banks: BankOption[],
    selected: BankOption | undefined,
    texts: BankComboboxTexts,
    invalid: string,
  ): TemplateResult {
    // The options are rendered only while the list is open: a closed picker costs one input, however
    // many banks the country has (keeps "options received → interactive" fast).
    const recent = this.open ? recentBanks() : [];
    const list = this.open ? this.matches(banks, recent) : [];
    if (this.active === AT_SELECTION) this.active = Math.max(selected ? list.indexOf(selected) : 0, 0);
    const activeId = this.open && list[this.active] ? `bank-${this.active}` : '';
    // "No bank found" is visible, not only announced: the country picker above is the way out.
    const none = !banks.length ? texts.empty : this.open && !list.length ? texts.none(this.query) : '';
    const describedBy = `bank-hint${none ? ' bank-none' : ''}${invalid ? ' bank-invalid' : ''}`;
    return html`
      <div part="bank-picker" class="field">
        <label part="label" for="bank">${texts.label}</label>
        <div class="combo">
          <input
            id="bank"
            part="bank-input"
            role="combobox"
            type="text"
            autocomplete="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-controls="bank-list"
            aria-expanded=${this.open}
            aria-activedescendant=${activeId || nothing}
            aria-describedby=${describedBy}
            aria-invalid=${invalid ? 'true' : nothing}
            .value=${this.open ? this.query : (selected?.name ?? '')}
            @input=${(event: InputEvent) => this.#handleInput(event)}
            @keydown=${(event: KeyboardEvent) => this.#handleKeydown(event, list)}
            @click=${() => this.#show(!this.open, AT_SELECTION)}
            @blur=${() => this.#show(false)}
          />
          <ul
            id="bank-list"
            part="bank-list"
            role="listbox"
            aria-label=${texts.label}
            ?hidden=${!list.length}
            @mousedown=${(event: Event) => event.preventDefault()}
          >
            ${list.map(
              (bank, index) => html`<li
                id="bank-${index}"
                part="bank-option${index === this.active ? ' bank-option-active' : ''}"
                role="option"
                aria-selected=${bank === selected}
                class=${index === this.active ? 'active' : ''}
                @click=${() => this.#pick(bank)}
              >
                ${
                  bank.logo
                    ? html`<img part="bank-logo" src=${bank.logo} alt="" width="24" height="24" />`
                    : html`<span part="bank-logo" class="initials" aria-hidden="true">${initials(bank.name)}</span>`
                }
                <span part="bank-name">${bank.name}</span>
                ${recent.includes(bank.id) ? html`<span part="bank-recent" class="recent">${texts.recent}</span>` : nothing}
              </li>`,
            )}
          </ul>
        </div>
        <p id="bank-hint" part="hint" class="hint">${texts.hint}</p>
        ${none ? html`<p id="bank-none" part="no-match" class="invalid">${none}</p>` : nothing}
        ${invalid ? html`<p id="bank-invalid" part="validation" class="invalid">${invalid}</p>` : nothing}
        <p class="sr-only" role="status">${this.open ? (list.length ? texts.count(list.length) : none) : ''}</p>
      </div>
    `;
  }
}
