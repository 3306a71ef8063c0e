/**
 * The boundary: unknown JSON in, typed feed out. Fields are copied one by one onto fresh
 * objects (never `Object.assign`), so a `__proto__` key or unknown junk cannot ride along.
 * A bad optional field is dropped with a warning; an item that cannot be shown at all is
 * skipped with a warning; a document that is not a feed throws a `FeedError`.
 */
import { FeedError } from './errors.js';
import { decodeEntities } from './text.js';
import type {
  Attachment,
  Author,
  Feed,
  FeedItem,
  FeedWarning,
  LanternItemExtension,
  ParsedFeed,
  ReportInfo,
  SeriesInfo,
} from './types.js';
import { isRelativeUrl, safeUrl, type UrlUse } from './url.js';

type Json = Record<string, unknown>;

/** Groups: 1 = time part, 2 = zone. */
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:([T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;
const RFC2822_DATE = /^(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\b/i;

/**
 * Budgets for untrusted lists and strings: far above any real story, low enough that no feed
 * up to the 5 MB cap costs more than a moment to validate and render. Past a budget the rest
 * is left out with a warning naming the path.
 */
export const LIMITS = {
  items: 1000,
  tags: 50,
  tagChars: 100,
  attachments: 50,
  authors: 20,
  /** Titles, names, credits, alt text, warnings, report facts. */
  textChars: 2000,
  /** Summaries, descriptions and citations. */
  longTextChars: 10_000,
  /** Item and series ids: keys for lookups and session storage, never shortened. */
  idChars: 2048,
} as const;

/** Cuts `text` to `max` UTF-16 units without splitting a surrogate pair, marking the cut. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/**
 * A warning nobody can read: whitespace, format and control characters, combining marks with
 * nothing to sit on, and blank-looking letters (U+2800 braille blank, U+3164 Hangul filler…).
 */
const INVISIBLE = /^[\s\p{Cc}\p{Cf}\p{Cs}\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}⠀ᅟᅠㅤﾠ]*$/u;

export interface ParseOptions {
  /** The URL the feed was fetched from; relative URLs resolve against it. */
  baseUrl?: string;
}

class Reader {
  readonly warnings: FeedWarning[] = [];
  constructor(readonly base: string | undefined) {}

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
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
    max: number = LIMITS.textChars,
  ): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.warn(`${path}.${key}`, 'expected a string');
      return undefined;
    }
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    if (trimmed.length > max) {
      this.warn(`${path}.${key}`, `longer than ${max} characters; shortened`);
      const short = shorten(trimmed, max);
      return decode ? decodeEntities(short) : short;
    }
    return decode ? decodeEntities(trimmed) : value;
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
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.warn(`${path}.${key}`, 'expected a string; a generic warning is shown');
      return '';
    }
    const text = this.text(obj, key, path) ?? '';
    if (INVISIBLE.test(text)) {
      this.warn(`${path}.${key}`, 'no visible text; a generic warning is shown');
      return '';
    }
    return text;
  }

  url(obj: Json, key: string, path: string, use: UrlUse = 'link'): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') {
      this.warn(`${path}.${key}`, 'expected a URL string');
      return undefined;
    }
    const safe = safeUrl(value, this.base, use);
    if (safe === null) {
      this.warn(
        `${path}.${key}`,
        this.base === undefined && use !== 'link' && isRelativeUrl(value)
          ? 'a relative URL with no base (set base-url or feed_url); not loaded'
          : `not an allowed URL (https:, http:, mailto: or relative)`,
      );
      return undefined;
    }
    return safe;
  }

  bool(obj: Json, key: string, path: string): boolean | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') {
      this.warn(`${path}.${key}`, 'expected true or false');
      return undefined;
    }
    return value;
  }

  count(obj: Json, key: string, path: string, min = 0): number | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      this.warn(
        `${path}.${key}`,
        min > 0 ? 'expected a positive integer' : 'expected a non-negative integer',
      );
      return undefined;
    }
    return value;
  }

  /**
   * RFC 3339, plus two forms real feeds use: no seconds/zone (read as UTC, the zone dates are
   * shown in) and RFC 2822. `Date.parse` alone would accept "1" or "Monday" as a date.
   */
  date(obj: Json, key: string, path: string): string | undefined {
    const raw = obj[key];
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      this.warn(`${path}.${key}`, 'expected an RFC 3339 date');
      return undefined;
    }
    const value = this.text(obj, key, path, false)?.trim();
    if (value === undefined) return undefined;
    const time = Date.parse(value);
    const iso = ISO_DATE.exec(value);
    if (Number.isNaN(time) || (!iso && !RFC2822_DATE.test(value))) {
      this.warn(`${path}.${key}`, 'expected an RFC 3339 date');
      return undefined;
    }
    if (!iso) return new Date(time).toISOString();
    return iso[1] && !iso[2] ? `${value.replace(' ', 'T')}Z` : value;
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function definedOnly<T extends object>(obj: T): T {
  for (const key of Object.keys(obj) as (keyof T)[]) {
    if (obj[key] === undefined) delete obj[key];
  }
  return obj;
}

function readAuthor(r: Reader, value: unknown, path: string): Author | undefined {
  if (!isObject(value)) {
    r.warn(path, 'expected an author object');
    return undefined;
  }
  const author = definedOnly<Author>({
    name: r.text(value, 'name', path),
    url: r.url(value, 'url', path),
    avatar: r.url(value, 'avatar', path, 'image'),
  });
  return author.name || author.url ? author : undefined;
}

/** JSON Feed 1.1 `authors`, or 1.0's singular `author`. */
function readAuthors(r: Reader, obj: Json, path: string): Author[] | undefined {
  const list = obj.authors;
  if (Array.isArray(list)) {
    const authors = r
      .capped(list, LIMITS.authors, `${path}.authors`, 'authors')
      .map((a, i) => readAuthor(r, a, `${path}.authors[${i}]`))
      .filter((a): a is Author => a !== undefined);
    if (authors.length) return authors;
  } else if (list !== undefined && list !== null) {
    r.warn(`${path}.authors`, 'expected an array');
  }
  if (obj.author !== undefined && obj.author !== null) {
    const author = readAuthor(r, obj.author, `${path}.author`);
    if (author) return [author];
  }
  return undefined;
}

function readTags(r: Reader, obj: Json, path: string): string[] | undefined {
  const tags = obj.tags;
  if (tags === undefined || tags === null) return undefined;
  // Some WordPress-era feeds publish tags as one comma-separated string; split no further
  // than the budget needs.
  const list = typeof tags === 'string' ? tags.split(',', LIMITS.tags + 1) : tags;
  if (!Array.isArray(list)) {
    r.warn(`${path}.tags`, 'expected an array of strings');
    return undefined;
  }
  const read = r.capped(list, LIMITS.tags, `${path}.tags`, 'tags');
  const out: string[] = [];
  let longest = 0;
  for (const t of read) {
    if (typeof t !== 'string') continue;
    const tag = t.trim();
    // Empty tags ("" or "a,,b") are dropped quietly.
    if (tag === '') continue;
    if (tag.length > longest) longest = tag.length;
    out.push(decodeEntities(shorten(tag, LIMITS.tagChars)));
  }
  // Only non-strings and overlong tags are worth a warning.
  if (read.some((t) => typeof t !== 'string')) {
    r.warn(`${path}.tags`, 'some tags were not strings');
  }
  if (longest > LIMITS.tagChars) {
    r.warn(`${path}.tags`, `a tag longer than ${LIMITS.tagChars} characters was shortened`);
  }
  return out.length ? out : undefined;
}

function readAttachment(r: Reader, value: unknown, path: string): Attachment | undefined {
  if (!isObject(value)) {
    r.warn(path, 'expected an attachment object');
    return undefined;
  }
  const url = r.url(value, 'url', path, 'download');
  const mime = r.text(value, 'mime_type', path, false);
  // A present-but-refused URL or a wrong-typed MIME type has already been warned about.
  if (!url) {
    if (value.url === undefined || value.url === null || value.url === '') {
      r.warn(`${path}.url`, 'required');
    }
    return undefined;
  }
  if (!mime) {
    if (typeof value.mime_type === 'string' || value.mime_type == null) {
      r.warn(`${path}.mime_type`, 'required');
    }
    return undefined;
  }
  const size = r.count(value, 'size_in_bytes', path);
  if (value.size_in_bytes !== undefined && value.size_in_bytes !== null && size === undefined) {
    return undefined;
  }
  const attachment = definedOnly<Attachment>({
    url,
    mime_type: mime,
    title: r.text(value, 'title', path),
    size_in_bytes: size,
    duration_in_seconds: r.count(value, 'duration_in_seconds', path),
  });
  const ext = value._lantern;
  if (ext !== undefined && ext !== null && !isObject(ext)) {
    r.warn(`${path}._lantern`, 'expected an object');
  }
  if (isObject(ext)) {
    const p = `${path}._lantern`;
    const sha256 = r.text(ext, 'sha256', p, false);
    if (sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(sha256)) {
      r.warn(`${p}.sha256`, 'expected 64 hexadecimal digits');
    }
    const language = r.text(ext, 'language', p, false);
    attachment._lantern = definedOnly({
      language: language && isLanguageTag(language) ? language : undefined,
      sha256: sha256 && /^[0-9a-f]{64}$/i.test(sha256) ? sha256.toLowerCase() : undefined,
      pages: r.count(ext, 'pages', p, 1),
    });
    if (language && !isLanguageTag(language)) r.warn(`${p}.language`, 'expected a language tag');
  }
  return attachment;
}

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function readSeries(r: Reader, value: unknown, path: string): SeriesInfo | undefined {
  if (!isObject(value)) {
    r.warn(path, 'expected a series object');
    return undefined;
  }
  if (typeof value.id === 'string' && value.id.trim().length > LIMITS.idChars) {
    // Never shortened: two long ids cut alike would merge two series.
    r.warn(`${path}.id`, `longer than ${LIMITS.idChars} characters; series ignored`);
    return undefined;
  }
  const id = r.text(value, 'id', path, false);
  const title = r.text(value, 'title', path);
  const part = r.count(value, 'part', path, 1);
  const total = r.count(value, 'total', path, 1);
  if (!id || !title || part === undefined || total === undefined) {
    r.warn(path, 'a series needs id, title, part and total');
    return undefined;
  }
  if (part > total) {
    r.warn(`${path}.part`, `part ${part} is beyond total ${total}`);
    return undefined;
  }
  if (total > 500) {
    r.warn(`${path}.total`, 'a series of more than 500 parts is not supported');
    return undefined;
  }
  return { id, title, part, total };
}

function readReport(r: Reader, value: unknown, path: string): ReportInfo | undefined {
  if (!isObject(value)) {
    r.warn(path, 'expected a report object');
    return undefined;
  }
  return definedOnly<ReportInfo>({
    publisher: r.text(value, 'publisher', path),
    edition: r.text(value, 'edition', path),
    pages: r.count(value, 'pages', path, 1),
    license: r.text(value, 'license', path),
    document_id: r.text(value, 'document_id', path),
    citation: r.text(value, 'citation', path, true, LIMITS.longTextChars),
  });
}

function readExtension(r: Reader, value: unknown, path: string): LanternItemExtension | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    r.warn(path, 'expected an object');
    return undefined;
  }
  return definedOnly<LanternItemExtension>({
    content_markdown: r.text(value, 'content_markdown', path, false, Infinity),
    image_alt: r.text(value, 'image_alt', path),
    image_credit: r.text(value, 'image_credit', path),
    series: value.series == null ? undefined : readSeries(r, value.series, `${path}.series`),
    report: value.report == null ? undefined : readReport(r, value.report, `${path}.report`),
    content_warning: r.warning(value, 'content_warning', path),
    pseudonym: r.bool(value, 'pseudonym', path),
    hide_images: r.bool(value, 'hide_images', path),
  });
}

/** Items this module produced: handing one to another widget does not validate it again. */
const validatedItems = new WeakSet<FeedItem>();

function readItem(r: Reader, value: unknown, path: string): FeedItem | undefined {
  const item = readItemFields(r, value, path);
  if (item) validatedItems.add(item);
  return item;
}

function readItemFields(r: Reader, value: unknown, path: string): FeedItem | undefined {
  if (!isObject(value)) {
    r.warn(path, 'expected an item object; item skipped');
    return undefined;
  }
  const rawId = value.id;
  let id: string | undefined;
  if (typeof rawId === 'string' && rawId.trim().length > LIMITS.idChars) {
    // Never shortened: two long ids cut alike would become one item.
    r.warn(`${path}.id`, `longer than ${LIMITS.idChars} characters; item skipped`);
    return undefined;
  }
  if (typeof rawId === 'string' && rawId.trim() !== '') id = rawId.trim();
  else if (typeof rawId === 'number' && Number.isFinite(rawId)) id = String(rawId);
  const url = r.url(value, 'url', path);
  if (id === undefined) {
    if (!url) {
      r.warn(`${path}.id`, 'required; item skipped');
      return undefined;
    }
    r.warn(
      `${path}.id`,
      rawId == null || typeof rawId === 'string'
        ? 'missing; the item URL is used instead'
        : 'expected a string; the item URL is used instead',
    );
    id = url;
  }
  if (value.title !== undefined && value.title !== null && typeof value.title !== 'string') {
    r.warn(`${path}.title`, 'expected a string; item skipped');
    return undefined;
  }
  let attachments: Attachment[] | undefined;
  if (Array.isArray(value.attachments)) {
    attachments = r
      .capped(value.attachments, LIMITS.attachments, `${path}.attachments`, 'attachments')
      .map((a, i) => readAttachment(r, a, `${path}.attachments[${i}]`))
      .filter((a): a is Attachment => a !== undefined);
  } else if (value.attachments !== undefined && value.attachments !== null) {
    r.warn(`${path}.attachments`, 'expected an array');
  }
  const item = definedOnly<FeedItem>({
    id,
    url,
    external_url: r.url(value, 'external_url', path),
    title: r.text(value, 'title', path),
    content_html: r.text(value, 'content_html', path, false, Infinity),
    // Plain text still carries entities in some feeds (`&#8617;`, `&gt;`); it is only ever
    // rendered as text, so decoding them is safe.
    content_text: r.text(value, 'content_text', path, true, Infinity),
    summary: r.text(value, 'summary', path, true, LIMITS.longTextChars),
    image: r.url(value, 'image', path, 'image'),
    banner_image: r.url(value, 'banner_image', path, 'image'),
    date_published: r.date(value, 'date_published', path),
    date_modified: r.date(value, 'date_modified', path),
    authors: readAuthors(r, value, path),
    tags: readTags(r, value, path),
    language: r.text(value, 'language', path, false),
    attachments: attachments?.length ? attachments : undefined,
    _lantern: readExtension(r, value._lantern, `${path}._lantern`),
  });
  if (item.language && !isLanguageTag(item.language)) {
    r.warn(`${path}.language`, 'expected a language tag');
    delete item.language;
  }
  return item;
}

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(\.1)?\/?$/;

/**
 * Validates a JSON Feed (1.0 or 1.1). Returns the typed feed and every warning; throws a
 * `FeedError` of kind `not-a-feed` when the document is not a feed at all.
 */
export function parseFeed(json: unknown, options: ParseOptions = {}): ParsedFeed {
  if (!isObject(json)) {
    const what = Array.isArray(json) ? 'a JSON array' : json === null ? 'null' : `a ${typeof json}`;
    throw new FeedError('not-a-feed', `This is not a JSON Feed: the document is ${what}.`);
  }
  if (!Array.isArray(json.items)) {
    throw new FeedError('not-a-feed', 'This is not a JSON Feed: it has no "items" list.');
  }
  const preliminary = new Reader(options.baseUrl);
  const feedUrl = preliminary.url(json, 'feed_url', '');
  // Relative URLs resolve against where the feed was fetched from, else its own feed_url.
  const r = new Reader(options.baseUrl ?? feedUrl);
  for (const warning of preliminary.warnings) r.warnings.push(warning);
  const version = typeof json.version === 'string' ? json.version : '';
  if (!VERSION.test(version)) {
    r.warn('version', 'expected https://jsonfeed.org/version/1.1');
  }
  const title = r.text(json, 'title', '');
  if (title === undefined && (json.title == null || typeof json.title === 'string')) {
    r.warn('title', 'required');
  }
  const items = r
    .capped(json.items, LIMITS.items, 'items', 'items')
    .map((item, i) => readItem(r, item, `items[${i}]`))
    .filter((item): item is FeedItem => item !== undefined);
  const feed = definedOnly<Feed>({
    version: version || 'https://jsonfeed.org/version/1.1',
    title: title ?? '',
    home_page_url: r.url(json, 'home_page_url', ''),
    feed_url: feedUrl,
    description: r.text(json, 'description', '', true, LIMITS.longTextChars),
    icon: r.url(json, 'icon', '', 'image'),
    favicon: r.url(json, 'favicon', '', 'image'),
    next_url: r.url(json, 'next_url', ''),
    language: r.text(json, 'language', '', false),
    authors: readAuthors(r, json, ''),
    items,
  });
  if (feed.language && !isLanguageTag(feed.language)) {
    r.warn('language', 'expected a language tag');
    delete feed.language;
  }
  const warnings = r.warnings.map((w) => ({ ...w, path: w.path.replace(/^\./, '') }));
  return { feed, warnings };
}

/**
 * Accepts a feed, or a single item object where a widget asks for one item; either way the
 * result is a feed.
 */
export function parseFeedOrItem(json: unknown, options: ParseOptions = {}): ParsedFeed {
  if (isObject(json) && validatedItems.has(json as unknown as FeedItem)) {
    // Already validated (and its entities decoded) by parseFeed: decoding twice would turn a
    // title's literal "&amp;lt;" into "<".
    return {
      feed: {
        version: 'https://jsonfeed.org/version/1.1',
        title: '',
        items: [json as unknown as FeedItem],
      },
      warnings: [],
    };
  }
  if (isObject(json) && !Array.isArray(json.items) && ('id' in json || 'url' in json)) {
    const parsed = parseFeed(
      { version: 'https://jsonfeed.org/version/1.1', title: '', items: [json] },
      options,
    );
    return { ...parsed, warnings: parsed.warnings.filter((w) => w.path !== 'title') };
  }
  return parseFeed(json, options);
}
