/** Reading untrusted JSON fields one at a time: the budgets (`MAX_…`, `LIMITS`) and the `Reader` that warns as it goes. */
import { decodeEntities } from './text.js';
import type { FeedWarning } from './types.js';
import { isRelativeUrl, safeUrl, type UrlUse } from './url.js';

export type Json = Record<string, unknown>;

/** Groups: 1 = time part, 2 = zone. */
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:([T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;
const RFC2822_DATE = /^(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\b/i;

/*
 * Budgets for untrusted lists and strings: far above any real story, low enough that no feed
 * up to the 5 MB cap costs more than a moment to validate and render. Past a budget the rest
 * is left out with a warning naming the path. (Constants, not fields of one object: a minifier
 * writes each where it is used.)
 */
export const MAX_ITEMS = 1000;
export const MAX_TAGS = 50;
export const MAX_TAG_CHARS = 100;
export const MAX_AUTHORS = 20;
/** An author's name: twenty long names once made a byline of 40,000 characters to lay out. */
export const MAX_NAME_CHARS = 200;
/** Titles, names, credits, alt text, warnings, report facts. */
export const MAX_TEXT_CHARS = 2000;
/** Summaries, descriptions and citations. */
export const MAX_LONG_TEXT_CHARS = 10_000;
/** Item and series ids: keys for lookups and session storage, never shortened. */
export const MAX_ID_CHARS = 2048;

/** The budgets in one object, as the tests read them. */
export const LIMITS = {
  items: MAX_ITEMS,
  tags: MAX_TAGS,
  tagChars: MAX_TAG_CHARS,
  authors: MAX_AUTHORS,
  nameChars: MAX_NAME_CHARS,
  textChars: MAX_TEXT_CHARS,
  longTextChars: MAX_LONG_TEXT_CHARS,
  idChars: MAX_ID_CHARS,
} as const;

/** Cuts `text` to `max` UTF-16 units without splitting a surrogate pair, marking the cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/**
 * A warning nobody can read: whitespace, format and control characters, combining marks with
 * nothing to sit on, and blank-looking letters (U+2800 braille blank, U+3164 Hangul filler…);
 * with the ellipsis a shortened one ends with, which is no warning either.
 */
const INVISIBLE = /^[\s\p{Cc}\p{Cf}\p{Cs}\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}⠀ᅟᅠㅤﾠ…]*$/u;

/** Reads fields of one feed, collecting a warning for each it drops or shortens. */
export class Reader {
  readonly warnings: FeedWarning[] = [];
  /** Where relative URLs resolve (parseFeed sets it to the feed's own feed_url when it has none). */
  constructor(public base: string | undefined) {}

  /** Notes a warning at `path` (a feed's own fields, read at path "", are named without the dot). */
  warn(path: string, message: string): void {
    this.warnings.push({ path: path.replace(/^\./, ''), message });
  }

  /** The string at `key`, or nothing (another type is warned). */
  private string(obj: Json, key: string, path: string): string | undefined {
    const value = obj[key];
    if (typeof value === 'string') return value;
    if (value != null) this.warn(`${path}.${key}`, 'expected a string');
    return undefined;
  }

  /**
   * A plain-text field: absent, null and "" are all "not given". Longer than `max` characters
   * (after trimming) it is shortened with a warning; `max` of `Infinity` is for bodies, which
   * the 5 MB feed cap bounds.
   */
  text(
    obj: Json,
    key: string,
    path: string,
    decode = true,
    max: number = MAX_TEXT_CHARS,
  ): string | undefined {
    const value = this.string(obj, key, path);
    const trimmed = value?.trim();
    if (!trimmed) return undefined;
    // Undecoded text that fits is kept as given, untrimmed. Shortened text that is decoded ends
    // before an entity it would cut in two: a warning of 2,001 `&#8203;` read "&#82…", which is
    // no warning.
    let text = decode ? trimmed : value!;
    if (trimmed.length > max) {
      this.warn(`${path}.${key}`, `longer than ${max} characters; shortened`);
      text = shorten(trimmed, max);
      if (decode) text = text.replace(/&[#\w]*…$/, '…');
    }
    return decode ? decodeEntities(text) : text;
  }

  /** A `language` field: a BCP 47 tag, else dropped with a warning. */
  language(obj: Json, path: string): string | undefined {
    const tag = this.text(obj, 'language', path, false);
    if (tag && !canonicalTag(tag)) {
      this.warn(`${path}.language`, 'expected a language tag');
      return undefined;
    }
    return tag;
  }

  /** Reads at most `max` entries of an array, warning when there were more. */
  capped(list: unknown[], max: number, path: string, what: string): unknown[] {
    if (list.length <= max) return list;
    this.warn(path, `more than ${max} ${what}; only the first ${max} are read`);
    return list.slice(0, max);
  }

  /**
   * A content warning fails closed: present but unreadable (wrong type, or nothing visible)
   * it becomes "" — "warned, no readable text" — and the widgets show a generic warning.
   */
  warning(obj: Json, key: string, path: string): string | undefined {
    const value = obj[key];
    if (value == null) return undefined;
    const text = typeof value === 'string' ? (this.text(obj, key, path) ?? '') : undefined;
    if (text === undefined || INVISIBLE.test(text)) {
      this.warn(
        `${path}.${key}`,
        `${text === undefined ? 'expected a string' : 'no visible text'}; a generic warning is shown`,
      );
      return '';
    }
    return text;
  }

  url(obj: Json, key: string, path: string, use: UrlUse = 'link'): string | undefined {
    const value = this.string(obj, key, path);
    if (!value) return undefined;
    const safe = safeUrl(value, this.base, use);
    if (safe === null) {
      this.warn(
        `${path}.${key}`,
        this.base === undefined && use !== 'link' && isRelativeUrl(value)
          ? 'relative, with no base (base-url, feed_url): not loaded'
          : `not an allowed URL (https:, http:, mailto: or relative)`,
      );
      return undefined;
    }
    return safe;
  }

  /**
   * A safety flag (hide images, a pseudonym): any value but `false` sets it (fails closed);
   * `false` is as good as none.
   */
  bool(obj: Json, key: string, path: string): true | undefined {
    const value = obj[key];
    if (value == null) return undefined;
    if (typeof value !== 'boolean')
      this.warn(`${path}.${key}`, 'expected true or false; read as true');
    return value !== false || undefined;
  }

  /**
   * RFC 3339, plus two forms real feeds use: no seconds/zone (read as UTC, the zone dates are
   * shown in) and RFC 2822. `Date.parse` alone would accept "1" or "Monday" as a date.
   */
  date(obj: Json, key: string, path: string): string | undefined {
    const raw = obj[key];
    // (`text` keeps undecoded text that fits untrimmed: " 2025-02-20T10:00:00Z\n" is a date. Any
    // other type given is read as '', which is no date: warned below.)
    const value =
      typeof raw === 'string'
        ? this.text(obj, key, path, false)?.trim()
        : raw == null
          ? undefined
          : '';
    if (value === undefined) return undefined;
    const time = Date.parse(value);
    const iso = ISO_DATE.exec(value);
    if (isNaN(time) || (!iso && !RFC2822_DATE.test(value))) {
      this.warn(`${path}.${key}`, 'expected an RFC 3339 date');
      return undefined;
    }
    if (!iso) return new Date(time).toISOString();
    return iso[1] && !iso[2] ? `${value.replace(' ', 'T')}Z` : value;
  }
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops the fields left `undefined`, so a parsed object holds only what the feed gave. */
export function definedOnly<T extends object>(obj: T): T {
  for (const key of Object.keys(obj) as (keyof T)[]) {
    if (obj[key] === undefined) delete obj[key];
  }
  return obj;
}

/** The canonical form of a BCP 47 language tag (`EN-us` → `en-US`); `undefined` if it is not one. */
export function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
