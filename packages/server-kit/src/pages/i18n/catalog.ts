import { ar } from './ar.js';
import { bg } from './bg.js';
import { cs } from './cs.js';
import { da } from './da.js';
import { de } from './de.js';
import { el } from './el.js';
import { en } from './en.js';
import { es } from './es.js';
import { et } from './et.js';
import { fa } from './fa.js';
import { fi } from './fi.js';
import { fr } from './fr.js';
import { he } from './he.js';
import { hr } from './hr.js';
import { hu } from './hu.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { lt } from './lt.js';
import { lv } from './lv.js';
import { nb } from './nb.js';
import { nl } from './nl.js';
import type { PageMessages } from './page-messages.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { ptBR } from './pt-BR.js';
import { ro } from './ro.js';
import { ru } from './ru.js';
import { sk } from './sk.js';
import { sl } from './sl.js';
import { sv } from './sv.js';
import { tr } from './tr.js';
import { uk } from './uk.js';
import { zhHans } from './zh-Hans.js';

/**
 * Every locale the hosted pages speak, keyed by the same BCP 47 tag as the element's locale chunks
 * (`pt-BR`, `zh-Hans`), so a shopper sees the pages in the language the element spoke. `en` is the
 * fallback. Lookup is case-insensitive and walks a fallback chain (see ../locale.ts): regional variants
 * reach their language (`de-AT` → `de`, `pt-PT` → `pt`), so a table is only added per region or script
 * where the words really differ.
 */
export const PAGE_CATALOG: Readonly<Record<string, PageMessages>> = Object.freeze({
  en,
  ar,
  bg,
  cs,
  da,
  de,
  el,
  es,
  et,
  fa,
  fi,
  fr,
  he,
  hr,
  hu,
  it,
  ja,
  ko,
  lt,
  lv,
  nb,
  nl,
  pl,
  pt,
  'pt-BR': ptBR,
  ro,
  ru,
  sk,
  sl,
  sv,
  tr,
  uk,
  'zh-Hans': zhHans,
});
