/**
 * The card page's one script (inline, carrying the response's CSP nonce; nothing is loaded from
 * anywhere): groups the number as the shopper types, names the brand, and checks each field on blur
 * and on submit with the same rules as the server (`card-page-form.ts`), showing the messages the
 * server would. Without it the form still works: the server checks and answers with the same page.
 */
export const CARD_PAGE_SCRIPT = `(() => {
  const form = document.getElementById('card-form');
  if (!form) return;
  const messages = JSON.parse(document.getElementById('card-messages').textContent);
  const field = (name) => form.elements.namedItem(name);
  const luhn = (digits) => {
    let sum = 0, double = false;
    for (let i = digits.length - 1; i >= 0; i--) {
      let d = Number(digits[i]);
      if (double) { d *= 2; if (d > 9) d -= 9; }
      sum += d; double = !double;
    }
    return sum % 10 === 0;
  };
  const brand = (digits) => {
    if (digits.startsWith('4')) return 'Visa';
    const two = Number(digits.slice(0, 2)), four = Number(digits.slice(0, 4));
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'Mastercard';
    if (two === 34 || two === 37) return 'American Express';
    return '';
  };
  const checks = {
    number: (value) => {
      const digits = value.replace(/[\\s-]/g, '');
      return /^\\d{12,19}$/.test(digits) && luhn(digits) ? '' : messages.number;
    },
    expiry: (value) => {
      const match = /^(\\d{1,2})\\s*\\/?\\s*(\\d{2}|\\d{4})$/.exec(value.trim());
      if (!match || Number(match[1]) < 1 || Number(match[1]) > 12) return messages.expiry;
      const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
      return Date.now() >= Date.UTC(year, Number(match[1]), 1) ? messages.expired : '';
    },
    cvc: (value) => (/^\\d{3,4}$/.test(value.trim()) ? '' : messages.cvc),
    holder: (value) => (value.trim() === '' ? messages.holder : ''),
  };
  const show = (name, text) => {
    const input = field(name);
    const error = document.getElementById('card-' + name + '-error');
    error.textContent = text;
    error.hidden = text === '';
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  for (const name of Object.keys(checks)) {
    field(name).addEventListener('blur', () => {
      if (field(name).value !== '') show(name, checks[name](field(name).value));
    });
  }
  const number = field('number');
  const brandHint = document.getElementById('card-number-brand');
  number.addEventListener('input', () => {
    const digits = number.value.replace(/\\D/g, '').slice(0, 19);
    const grouped = digits.replace(/(\\d{4})(?=\\d)/g, '$1 ');
    if (grouped !== number.value) number.value = grouped;
    brandHint.textContent = brand(digits);
  });
  form.addEventListener('submit', (event) => {
    let first;
    for (const name of Object.keys(checks)) {
      const text = checks[name](field(name).value);
      show(name, text);
      if (text && !first) first = field(name);
    }
    if (first) {
      event.preventDefault();
      first.focus();
      return;
    }
    form.querySelector('button[type=submit]').disabled = true;
  });
})();`;
