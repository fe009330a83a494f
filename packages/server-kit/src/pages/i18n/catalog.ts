import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { lt } from './lt.js';
import type { PageMessages } from './page-messages.js';

/** Every locale the hosted pages speak, keyed by its lower-case BCP 47 tag. `en` is the fallback. */
export const PAGE_CATALOG: Readonly<Record<string, PageMessages>> = Object.freeze({ en, de, lt, ar });
