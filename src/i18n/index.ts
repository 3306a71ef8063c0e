/** The one language resolver and the one set of `Intl` formatters. */
import { canonicalTag } from '../content/validate.js';
import { en, type Messages } from './messages.js';

export type { Messages } from './messages.js';
export type InterfaceLanguage = 'en' | 'ko';

/**
 * The element's own `lang`, else the closest `[lang]` ancestor (crossing shadow roots), else
 * the document's, else the browser's; English where that language has no interface text (a
 * German or Arabic page), so labels, dates and the `lang` a screen reader's voice follows agree.
 */
export function resolveLocale(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return canonical(lang);
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return canonical(document.documentElement.lang || navigator.language || 'en');
}

/** The tag canonicalised when it is English or Korean (any region), else `en`. */
export function canonical(tag: string): string {
  const locale = canonicalTag(tag);
  return locale && /^(en|ko)\b/.test(locale) ? locale : 'en';
}

/** Korean for `ko` and its regions (not `kok`, Konkani), else English. */
export function interfaceLanguage(locale: string): InterfaceLanguage {
  return /^ko\b/i.test(locale) ? 'ko' : 'en';
}

/** Korean text once loaded: English pages never download it. */
let ko: Messages | undefined;
let koLoading: Promise<void> | undefined;

/** Loads the interface text `locale` needs; resolves at once when it is there (always for English). */
export function loadMessages(locale: string): Promise<void> {
  if (interfaceLanguage(locale) === 'en' || ko) return Promise.resolve();
  koLoading ??= import('./messages-ko.js').then(
    (module) => {
      ko = module.ko;
    },
    (error: unknown) => {
      koLoading = undefined;
      console.warn('Lantern: Korean text not loaded; English shown.', error);
    },
  );
  return koLoading;
}

/** Whether the interface text for `locale` is loaded (widgets wait for it before showing content). */
export function messagesReady(locale: string): boolean {
  return interfaceLanguage(locale) === 'en' || ko !== undefined;
}

/** The interface text for `locale`: English until Korean has loaded (see `loadMessages`). */
export function messagesFor(locale: string): Messages {
  if (interfaceLanguage(locale) === 'ko') {
    if (ko) return ko;
    void loadMessages(locale);
  }
  return en;
}

/**
 * Building an `Intl` formatter costs far more than using one (a new date formatter per card was
 * a fifth of a card's render time): one per locale and options. A page has a handful of locales,
 * but a feed's `language` fields are untrusted, so the cache is bounded.
 */
const formatters = new Map<string, unknown>();
const MAX_FORMATTERS = 64;

export function cached<T>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

function dateFormatter(locale: string): Intl.DateTimeFormat {
  return cached(
    `date ${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
  );
}

/**
 * A publication date as a reader of `locale` writes it ("27 November 2026", "2026년 11월 27일").
 * The calendar date is the one the publisher wrote (`2025-03-04T08:00+09:00` is 4 March), not
 * that moment's date in UTC or in the reader's zone.
 */
export function formatDate(iso: string | undefined, locale: string): string {
  // Read as `new Date(iso)` reads it; no date at all is NaN too.
  const time = Date.parse(iso ?? '');
  if (isNaN(time)) return '';
  const written = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso!);
  const day = written ? Date.UTC(+written[1]!, +written[2]! - 1, +written[3]!) : time;
  return dateFormatter(locale).format(day);
}

export function formatList(items: string[], locale: string): string {
  // A long conjunction ("A, B, and C"): ListFormat's defaults.
  return cached(`list ${locale}`, () => new Intl.ListFormat(locale)).format(items);
}
