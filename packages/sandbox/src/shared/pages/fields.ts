/**
 * One labelled input with its hint and its error, wired for assistive technology: the error has
 * `role="alert"` and is linked with `aria-describedby`, the input says `aria-invalid`, and the field
 * with the error takes focus when the page loads again (plain HTML `autofocus`, no script).
 */
import { type Html, html } from './html.js';

export interface FieldOptions {
  name: string;
  label: string;
  type?: 'text' | 'password';
  autocomplete: string;
  value?: string;
  hint?: string;
  error?: string;
  inputmode?: 'numeric' | 'text';
  placeholder?: string;
  maxlength?: number;
  autofocus?: boolean;
}

export function field(options: FieldOptions): Html {
  const id = `field-${options.name}`;
  const hintId = options.hint ? `${id}-hint` : undefined;
  const errorId = options.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return html`<div class="field">
<label for="${id}">${options.label}</label>
${options.hint && html`<span class="hint" id="${hintId}">${options.hint}</span>`}
<input id="${id}" name="${options.name}" type="${options.type ?? 'text'}" autocomplete="${options.autocomplete}" required${
    options.value !== undefined && html` value="${options.value}"`
  }${options.inputmode && html` inputmode="${options.inputmode}"`}${
    options.placeholder && html` placeholder="${options.placeholder}"`
  }${options.maxlength !== undefined && html` maxlength="${options.maxlength}"`}${
    describedBy && html` aria-describedby="${describedBy}"`
  }${options.error && html` aria-invalid="true"`}${(options.autofocus || options.error) && html` autofocus`}>
${options.error && errorMessage(errorId!, options.error)}
</div>`;
}

/** An error paragraph announced when the page loads (`role="alert"`). */
export function errorMessage(id: string, text: string): Html {
  return html`<p class="error" id="${id}" role="alert">${text}</p>`;
}
