import { PAGE_CATALOG } from './i18n/catalog.js';
import type { PageMessages } from './i18n/page-messages.js';

/**
 * Locale choice for the hosted pages: an explicit `?lang` wins if we speak it, then the best
 * `Accept-Language` match (RFC 4647 "lookup": `pt-PT` → `pt`, plus the likely script: `zh-CN` →
 * `zh-Hans`), then English.
 */

const DEFAULT_PAGE_LOCALE = 'en';

/** The locales the hosted pages are translated into. */
export const PAGE_LOCALES: readonly string[] = Object.freeze(Object.keys(PAGE_CATALOG));

/** Accept-Language is attacker-controlled: bound the work spent on it. */
const MAX_HEADER_LENGTH = 1024;
const MAX_RANGES = 32;

/** The well-formed, canonical form of a tag (`pt-br` → `pt-BR`), or undefined. */
function canonical(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}

/** Catalog keys by their lower-case form: tags are case-insensitive (`PT-br` is `pt-BR`). */
const KEY_BY_LOWER_CASE: ReadonlyMap<string, string> = new Map(
  Object.keys(PAGE_CATALOG).map((key) => [key.toLowerCase(), key]),
);

// Languages that read another locale's table, as in the element: Norwegian (no, nn) reads Bokmål.
const ALIASES: Readonly<Record<string, string>> = { no: 'nb', nn: 'nb' };

/**
 * The candidates for a canonical tag, most specific first: the tag with subtags dropped from the end
 * (`pt-AO` → `pt`), then, just before the bare language, the language with its likely script
 * (`zh-CN` → `zh-Hans`, `zh-TW` → `zh-Hant`, which we do not have), then an alias. The same chain as the
 * element's, so the pages speak the language the element spoke.
 */
function fallbackChain(tag: string): string[] {
  const parts = tag.split('-');
  const chain: string[] = [];
  for (let length = parts.length; length > 0; length--) {
    // Single-letter subtags (`x-…`, extensions) only make sense with what follows them.
    if (parts[length - 1].length === 1) continue;
    chain.push(parts.slice(0, length).join('-'));
  }
  const { language, script } = new Intl.Locale(tag).maximize();
  if (script) chain.splice(chain.length - 1, 0, `${language}-${script}`);
  if (Object.hasOwn(ALIASES, language)) chain.push(ALIASES[language]);
  return chain;
}

/**
 * The supported locale (its catalog key, e.g. `pt-BR`) a tag falls back to, or undefined when none
 * matches. The last step of the chain, English, is the caller's choice.
 */
export function matchPageLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const tagCanonical = canonical(tag);
  if (!tagCanonical) return undefined;
  for (const candidate of fallbackChain(tagCanonical)) {
    const key = KEY_BY_LOWER_CASE.get(candidate.toLowerCase());
    if (key) return key;
  }
  return undefined;
}

/** Parses `de-CH, de;q=0.9, *;q=0.1` into ranges by descending quality (stable for equal q). */
function parseAcceptLanguage(header: string): string[] {
  const ranges: { tag: string; q: number; index: number }[] = [];
  const items = header.slice(0, MAX_HEADER_LENGTH).split(',').slice(0, MAX_RANGES);
  items.forEach((item, index) => {
    const [tag, ...params] = item.trim().split(';');
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key?.trim().toLowerCase() === 'q') q = Number(value);
    }
    if (tag && tag !== '*' && Number.isFinite(q) && q > 0) ranges.push({ tag: tag.trim(), q, index });
  });
  return ranges.sort((a, b) => b.q - a.q || a.index - b.index).map((range) => range.tag);
}

/** The page locale for a request: explicit `requested` (`?lang`) if supported, else Accept-Language, else en. */
export function negotiateLocale(acceptLanguage: string | null, requested?: string | null): string {
  const explicit = matchPageLocale(requested);
  if (explicit) return explicit;
  for (const tag of parseAcceptLanguage(acceptLanguage ?? '')) {
    const match = matchPageLocale(tag);
    if (match) return match;
  }
  return DEFAULT_PAGE_LOCALE;
}

/** The messages for a locale, following the fallback chain down to English. */
export function pageMessages(locale: string): { locale: string; messages: PageMessages } {
  const match = matchPageLocale(locale) ?? DEFAULT_PAGE_LOCALE;
  return { locale: match, messages: PAGE_CATALOG[match] };
}

/**
 * The locale to format numbers with: the caller's tag when it is well-formed (so `pt-BR` keeps
 * Brazilian formatting even though the words come from `pt`), else the message locale.
 */
export function formattingLocale(locale: string, fallback: string): string {
  const tag = canonical(locale);
  return tag && Intl.NumberFormat.supportedLocalesOf(tag).length > 0 ? tag : fallback;
}
