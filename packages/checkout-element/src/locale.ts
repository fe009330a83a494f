import type { MessageId } from './messages.js';

/** The shape of a locale module (what lit-localize's runtime mode loads). */
export interface LocaleModule {
  templates: Partial<Record<MessageId, string>>;
}

/** The source locale: its strings are compiled into the element, never loaded. */
export const SOURCE_LOCALE = 'en';

// One static import() per locale so every bundler (Vite, the merchant's, web-test-runner) emits each
// locale as its own lazily loaded chunk next to the element: dist/locales/<tag>.js.
const loaders: Record<string, () => Promise<LocaleModule>> = {
  ar: () => import('./locales/ar.js'),
  bg: () => import('./locales/bg.js'),
  cs: () => import('./locales/cs.js'),
  da: () => import('./locales/da.js'),
  de: () => import('./locales/de.js'),
  el: () => import('./locales/el.js'),
  es: () => import('./locales/es.js'),
  et: () => import('./locales/et.js'),
  fa: () => import('./locales/fa.js'),
  fi: () => import('./locales/fi.js'),
  fr: () => import('./locales/fr.js'),
  he: () => import('./locales/he.js'),
  hr: () => import('./locales/hr.js'),
  hu: () => import('./locales/hu.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  ko: () => import('./locales/ko.js'),
  lt: () => import('./locales/lt.js'),
  lv: () => import('./locales/lv.js'),
  nb: () => import('./locales/nb.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  pt: () => import('./locales/pt.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  ro: () => import('./locales/ro.js'),
  ru: () => import('./locales/ru.js'),
  sk: () => import('./locales/sk.js'),
  sl: () => import('./locales/sl.js'),
  sv: () => import('./locales/sv.js'),
  tr: () => import('./locales/tr.js'),
  uk: () => import('./locales/uk.js'),
  'zh-Hans': () => import('./locales/zh-Hans.js'),
};

/** Every locale the element ships, the source locale first. */
export const LOCALES: readonly string[] = [SOURCE_LOCALE, ...Object.keys(loaders)];

/** Loads one shipped target locale's chunk (lit-localize's `loadLocale`). */
export function loadLocale(locale: string): Promise<LocaleModule> {
  const load = loaders[locale];
  // lit-localize only rejects the switch with it: the tag alone says which (and saves bundle bytes)
  return load ? load() : Promise.reject(new Error(locale));
}

// Languages that share a locale under another name: Norwegian (no, nn) reads Bokmål.
const ALIASES: Record<string, string> = { no: 'nb', nn: 'nb' };

/**
 * The fallback chain for any BCP 47 tag, most specific first, always ending in the source locale:
 * `pt-BR` → `pt-BR, pt, en`; `zh-CN` → `zh-CN, zh-Hans, zh, en` (the script comes from
 * `Intl.Locale#maximize`, so Simplified-Chinese regions reach `zh-Hans` and `zh-TW` does not).
 * `maximize: false` leaves the script out, unless the language is Chinese (or undetermined).
 */
export function localeChain(tag: string, maximize = true): string[] {
  const chain: string[] = [];
  try {
    const locale = new Intl.Locale(tag);
    const { language, script, region } =
      maximize || /^(zh|und)$/.test(locale.language) ? locale.maximize() : locale;
    chain.push(locale.baseName);
    if (locale.region) chain.push(`${language}-${region}`);
    if (script) chain.push(`${language}-${script}`);
    chain.push(language);
    if (ALIASES[language]) chain.push(ALIASES[language]);
  } catch {
    // not a valid tag: only the source locale is left
  }
  chain.push(SOURCE_LOCALE);
  return [...new Set(chain)];
}

/**
 * The first shipped locale on `tag`'s fallback chain. The one shipped locale with a script is
 * `zh-Hans`, so other languages resolve without `maximize()`: its likely-subtags data is the slowest
 * Intl work of a cold first render (bench/element/profile-first-render.ts).
 */
export function resolveLocale(tag: string): string {
  return localeChain(tag, false).find((candidate) => LOCALES.includes(candidate)) ?? SOURCE_LOCALE;
}

const RTL_LANGUAGES = ['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb'];

/** Writing direction of a language tag (for the `dir` attribute). */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.includes(tag.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
}
