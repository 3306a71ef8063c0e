/**
 * The boundary: unknown JSON in, typed feed out. Fields are copied one by one onto fresh
 * objects (never `Object.assign`), so a `__proto__` key or unknown junk cannot ride along.
 * A bad optional field is dropped with a warning; an item that cannot be shown at all is
 * skipped with a warning; a document that is not a feed throws a `FeedError`.
 */
import { FeedError } from './errors.js';
import { readExtension } from './parse-lantern.js';
import { decodeEntities } from './text.js';
import type {
  Author,
  Feed,
  FeedItem,
  FeedWarning,
  LanternItemExtension,
  ParsedFeed,
} from './types.js';
import {
  definedOnly,
  isObject,
  type Json,
  LIMITS,
  MAX_AUTHORS,
  MAX_ID_CHARS,
  MAX_ITEMS,
  MAX_LONG_TEXT_CHARS,
  MAX_NAME_CHARS,
  MAX_TAG_CHARS,
  MAX_TAGS,
  Reader,
  shorten,
} from './validate.js';

/** The budgets stay importable from the parser that applies them (tests read them here). */
export { LIMITS };

export interface ParseOptions {
  /** The URL the feed was fetched from; relative URLs resolve against it. */
  baseUrl?: string;
}

function readAuthor(r: Reader, value: unknown, path: string): Author | undefined {
  if (!isObject(value)) {
    r.warn(path, 'expected an object');
    return undefined;
  }
  const author = definedOnly<Author>({
    name: r.text(value, 'name', path, true, MAX_NAME_CHARS),
    url: r.url(value, 'url', path),
  });
  return author.name || author.url ? author : undefined;
}

/** JSON Feed 1.1 `authors`, or 1.0's singular `author`. */
function readAuthors(r: Reader, obj: Json, path: string): Author[] | undefined {
  const list = obj.authors;
  if (Array.isArray(list)) {
    const authors = r
      .capped(list, MAX_AUTHORS, `${path}.authors`, 'authors')
      .map((a, i) => readAuthor(r, a, `${path}.authors[${i}]`))
      .filter((a): a is Author => a !== undefined);
    if (authors.length) return authors;
  } else if (list != null) {
    r.warn(`${path}.authors`, 'expected an array');
  }
  if (obj.author != null) {
    const author = readAuthor(r, obj.author, `${path}.author`);
    if (author) return [author];
  }
  return undefined;
}

function readTags(r: Reader, obj: Json, path: string): string[] | undefined {
  const tags = obj.tags;
  if (tags == null) return undefined;
  // Some WordPress-era feeds publish tags as one comma-separated string; split no further
  // than the budget needs.
  const list = typeof tags === 'string' ? tags.split(',', MAX_TAGS + 1) : tags;
  if (!Array.isArray(list)) {
    r.warn(`${path}.tags`, 'expected an array');
    return undefined;
  }
  const read = r.capped(list, MAX_TAGS, `${path}.tags`, 'tags');
  const out: string[] = [];
  let longest = 0;
  for (const t of read) {
    if (typeof t !== 'string') continue;
    const tag = t.trim();
    // Empty tags ("" or "a,,b") are dropped quietly.
    if (tag === '') continue;
    if (tag.length > longest) longest = tag.length;
    out.push(decodeEntities(shorten(tag, MAX_TAG_CHARS)));
  }
  // Only non-strings and overlong tags are worth a warning.
  if (read.some((t) => typeof t !== 'string')) {
    r.warn(`${path}.tags`, 'some were not strings');
  }
  if (longest > MAX_TAG_CHARS) {
    r.warn(`${path}.tags`, `a tag longer than ${MAX_TAG_CHARS} characters was shortened`);
  }
  return out.length ? out : undefined;
}

function readItem(r: Reader, value: unknown, path: string): FeedItem | undefined {
  if (!isObject(value)) {
    r.warn(path, 'expected an object; item skipped');
    return undefined;
  }
  const rawId = value.id;
  let id =
    typeof rawId === 'string'
      ? rawId.trim() || undefined
      : typeof rawId === 'number' && Number.isFinite(rawId)
        ? String(rawId)
        : undefined;
  // (A number's id is far shorter.)
  if (id && id.length > MAX_ID_CHARS) {
    // Never shortened: two long ids cut alike would become one item.
    r.warn(`${path}.id`, `longer than ${MAX_ID_CHARS} characters; item skipped`);
    return undefined;
  }
  const url = r.url(value, 'url', path);
  if (id === undefined) {
    if (!url) {
      r.warn(`${path}.id`, 'required; item skipped');
      return undefined;
    }
    r.warn(`${path}.id`, 'missing or not a string; the URL is used');
    id = url;
  }
  if (value.title != null && typeof value.title !== 'string') {
    r.warn(`${path}.title`, 'expected a string; item skipped');
    return undefined;
  }
  const item = definedOnly<FeedItem>({
    id,
    url,
    external_url: r.url(value, 'external_url', path),
    title: r.text(value, 'title', path),
    content_html: r.text(value, 'content_html', path, false, Infinity),
    // Plain text still carries entities in some feeds (`&#8617;`, `&gt;`): decoded where it is
    // shown, only as far as it is shown (all of a 5 MB body took a second).
    content_text: r.text(value, 'content_text', path, false, Infinity),
    summary: r.text(value, 'summary', path, true, MAX_LONG_TEXT_CHARS),
    image: r.url(value, 'image', path, 'image'),
    date_published: r.date(value, 'date_published', path),
    date_modified: r.date(value, 'date_modified', path),
    authors: readAuthors(r, value, path),
    tags: readTags(r, value, path),
    language: r.language(value, path),
    _lantern: readExtension(r, value._lantern, `${path}._lantern`),
  });
  for (const read of itemReaders) read(r, value, path, item);
  // The raw item is kept, not copied: its bodies are the same strings as the parsed item's.
  unread.set(item, [value, path, r.base, itemReaders.length]);
  return item;
}

/**
 * Reads fields of a raw item onto the validated `item`, warning through `r` like the rest of the
 * parse. The fields only the report and the navigator show (attachments, `_lantern.report`,
 * `_lantern.series`) are read by readers that come with those widgets' code
 * (parse-report.ts, parse-series.ts), so a card page never downloads them.
 */
export type ItemReader = (r: Reader, raw: Json, path: string, item: FeedItem) => void;

const itemReaders: ItemReader[] = [];

/**
 * Every item this module produced (handing one to another widget does not validate it again):
 * its raw object, path and base, and how many of the readers (which only ever get appended) have
 * read it, so that readers that arrive later read it then.
 */
const unread = new WeakMap<FeedItem, [Json, string, string | undefined, number]>();

/** Registers a reader (once) for every item parsed from now on, and for `readLater`. */
export function readItemsWith(reader: ItemReader): void {
  if (!itemReaders.includes(reader)) itemReaders.push(reader);
}

/** Runs the readers that arrived since these items were parsed; returns their warnings. */
export function readLater(items: readonly FeedItem[]): FeedWarning[] {
  const warnings: FeedWarning[] = [];
  for (const item of items) {
    const later = unread.get(item);
    if (!later || later[3] === itemReaders.length) continue;
    const r = new Reader(later[2]);
    for (const read of itemReaders.slice(later[3])) read(r, later[0], later[1], item);
    later[3] = itemReaders.length;
    warnings.push(...r.warnings);
  }
  return warnings;
}

/**
 * Copies of one story (one id) share its safety marks: a content warning, "name changed for
 * safety" and "no pictures" on any of `copies` hold for each of `items`, whichever copy a widget
 * shows (a navigator's part, a card's item, one page of a list or the next). A copy keeps its own
 * warning, and a readable warning is lent before the generic one. An item that gains a mark is
 * a new object (a card given the same object again would not draw it again), known here as
 * parsed; the others are returned as they are.
 */
export function poolMarks(items: FeedItem[], copies: FeedItem[]): FeedItem[] {
  const marks = new Map<string, LanternItemExtension>();
  for (const { id, _lantern: own = {} } of copies) {
    const mark = marks.get(id) ?? {};
    // A readable warning replaces the generic one ("").
    if (own.content_warning !== undefined) mark.content_warning ||= own.content_warning;
    if (own.pseudonym) mark.pseudonym = true;
    if (own.hide_images) mark.hide_images = true;
    marks.set(id, mark);
  }
  return items.map((item) => {
    const own = item._lantern ?? {};
    // The parser sets a flag only to `true`: a copy's own fields add no key a mark lacks.
    const ext = { ...marks.get(item.id), ...own };
    if (Object.keys(ext).length === Object.keys(own).length) return item;
    const copy = { ...item, _lantern: ext };
    // Already validated and decoded: decoding twice would turn "&amp;lt;" into "<". Its own copy
    // of its item's entry: the item stays in use (a feed load.ts shares with other widgets), and
    // each of the two gets what readers that arrive later read. (An item this module did not
    // make has no entry: spreading none throws rather than pass an unread object as parsed.)
    unread.set(copy, [...unread.get(item)!]);
    return copy;
  });
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
  const r = new Reader(options.baseUrl);
  // Data given in the page has no address of its own: a relative feed_url, resolved against the
  // page, would make the partner's own paths the feed's (`"image": "/account/logout"`, loaded
  // with the reader's cookies). It is refused as a relative image is.
  const feedUrl = r.url(json, 'feed_url', '', options.baseUrl ? 'link' : 'image');
  // Relative URLs resolve against where the feed was fetched from, else its own feed_url.
  r.base ??= feedUrl;
  const version = typeof json.version === 'string' ? json.version : '';
  if (!VERSION.test(version)) {
    r.warn('version', 'expected https://jsonfeed.org/version/1.1');
  }
  const title = r.text(json, 'title', '');
  if (title === undefined && (json.title == null || typeof json.title === 'string')) {
    r.warn('title', 'required');
  }
  const items = r
    .capped(json.items, MAX_ITEMS, 'items', 'items')
    .map((item, i) => readItem(r, item, `items[${i}]`))
    .filter((item): item is FeedItem => item !== undefined);
  const feed = definedOnly<Feed>({
    version: version || 'https://jsonfeed.org/version/1.1',
    title: title ?? '',
    home_page_url: r.url(json, 'home_page_url', ''),
    feed_url: feedUrl,
    next_url: r.url(json, 'next_url', ''),
    language: r.language(json, ''),
    authors: readAuthors(r, json, ''),
    items,
  });
  // A content warning on the whole feed (the contract puts it on items; a feed written by hand
  // may put it here) warns each item without its own: it is never dropped. Read as an item's
  // `_lantern` is: not an object, it is the generic warning.
  const warning = readExtension(r, json._lantern, '_lantern')?.content_warning;
  // JSON Feed: an item without authors has the feed's; one without a language is in the feed's
  // (a screen reader reads a German feed's stories in German on an English page).
  for (const item of items) {
    if (feed.authors) item.authors ??= feed.authors;
    if (feed.language) item.language ??= feed.language;
    if (warning !== undefined) (item._lantern ??= {}).content_warning ??= warning;
  }
  feed.items = poolMarks(items, items);
  return { feed, warnings: r.warnings };
}

/**
 * Accepts a feed, or a single item object where a widget asks for one item; either way the
 * result is a feed.
 */
export function parseFeedOrItem(json: unknown, options: ParseOptions = {}): ParsedFeed {
  if (isObject(json) && !Array.isArray(json.items) && ('id' in json || 'url' in json)) {
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: '', items: [json] };
    // An item parseFeed made is already validated (and its entities decoded): decoding twice
    // would turn a title's literal "&amp;lt;" into "<".
    if (unread.has(json as unknown as FeedItem)) {
      return { feed: feed as unknown as Feed, warnings: [] };
    }
    const parsed = parseFeed(feed, options);
    return { ...parsed, warnings: parsed.warnings.filter((w) => w.path !== 'title') };
  }
  return parseFeed(json, options);
}
