import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { et } from './et.js';
import { fa } from './fa.js';
import { fi } from './fi.js';
import { fr } from './fr.js';
import { he } from './he.js';
import { it } from './it.js';
import { lt } from './lt.js';
import { lv } from './lv.js';
import { nl } from './nl.js';
import type { PageMessages } from './page-messages.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { sv } from './sv.js';

/**
 * Every locale the hosted pages speak, keyed by its lower-case language subtag. `en` is the fallback.
 * Regional variants (`pt-BR`, `de-AT`) fall back to their language, so a table is only added per
 * region where the words really differ.
 */
export const PAGE_CATALOG: Readonly<Record<string, PageMessages>> = Object.freeze({
  en,
  de,
  lt,
  ar,
  fr,
  es,
  it,
  nl,
  pl,
  pt,
  lv,
  et,
  fi,
  sv,
  he,
  fa,
});
