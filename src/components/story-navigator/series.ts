/** A multi-part series gathered from a feed: plain functions, no Lit. */
import { FeedError } from '../../content/errors.js';
import { isWarnedItem } from '../../content/items.js';
import type { FeedItem, ParsedFeed } from '../../content/types.js';
import { messagesFor, type Messages } from '../../i18n/index.js';

export interface SeriesPart {
  /** 1-based part number. */
  number: number;
  /** The published item; `undefined` for a part that is "coming soon". */
  item: FeedItem | undefined;
}

export interface Series {
  id: string;
  title: string;
  /** The language of the part the title comes from. */
  lang?: string;
  total: number;
  /** Every part from 1 to `total`, in order. */
  parts: SeriesPart[];
  /** How many of them are published (a sloppy `total` may claim hundreds more). */
  published: number;
}

export interface SeriesRequest {
  /** The series id the partner named (`series="…"`). */
  seriesId?: string;
  /** The item id the partner named (`item="…"`), which also names its series. */
  itemId?: string;
}

const MAX_DUPLICATE_LINES = 5;

/**
 * Finds the series a navigator shows: the one named, else the series of the named item, else
 * the first series in the feed. Throws a `FeedError` a reader can understand when there is none.
 */
export function findSeries(parsed: ParsedFeed, request: SeriesRequest = {}): Series {
  const items = parsed.feed.items;
  let id = request.seriesId?.trim() || undefined;
  if (!id && request.itemId) {
    // Of copies of the item, the one in a series names it (a warned copy may have no series).
    const copies = items.filter((candidate) => candidate.id === request.itemId);
    if (!copies[0])
      throw new FeedError('not-found', `The feed has no item with the id "${request.itemId}".`);
    id = copies.find((item) => item._lantern?.series)?._lantern?.series?.id;
    if (!id)
      throw new FeedError('not-found', `The item "${request.itemId}" is not part of a series.`);
  }
  id ??= items.find((item) => item._lantern?.series)?._lantern?.series?.id;
  if (!id) throw new FeedError('not-found', 'The feed has no multi-part series.');

  const members = items.filter((item) => item._lantern?.series?.id === id);
  const first = members[0]?._lantern?.series;
  if (!first) throw new FeedError('not-found', `The feed has no series with the id "${id}".`);
  if (request.itemId && !members.some((item) => item.id === request.itemId)) {
    throw new FeedError(
      'not-found',
      `The item "${request.itemId}" is not part of the series "${id}".`,
    );
  }

  // Parts may disagree about the total (a feed updated part by part): the largest wins.
  // A loop, not Math.max(...): spreading a huge list overflows the stack.
  let total = 0;
  const byNumber = new Map<number, FeedItem>();
  let duplicates = 0;
  for (const item of members) {
    // (Every member has a series: the filter above.)
    const { part: number, total: claimed } = item._lantern!.series!;
    total = Math.max(total, claimed);
    const kept = byNumber.get(number);
    if (kept) {
      // A second claim never unwarns a part: a warned item wins, else the first one.
      const replace = isWarnedItem(item) && !isWarnedItem(kept);
      const ignored = replace ? kept : item;
      // A few lines name the items; a flood of duplicates is counted, not printed.
      if (++duplicates <= MAX_DUPLICATE_LINES) {
        console.warn(
          `Lantern: series "${id}" has two items for part ${number}; "${ignored.id}" is ignored${
            replace ? ' (the other one is warned)' : ''
          }.`,
        );
      }
      if (replace) byNumber.set(number, item);
      continue;
    }
    byNumber.set(number, item);
  }
  if (duplicates > MAX_DUPLICATE_LINES) {
    console.warn(
      `Lantern: series "${id}" has ${duplicates - MAX_DUPLICATE_LINES} more duplicate parts, ignored.`,
    );
  }
  // (A warned copy of a part anywhere in the feed, in a series or not, has lent the part its
  // warning when the feed was read: parseFeed.)
  const parts = Array.from({ length: total }, (_, i) => ({
    number: i + 1,
    item: byNumber.get(i + 1),
  }));
  return {
    id,
    title: first.title,
    lang: members[0]!.language,
    total,
    parts,
    published: byNumber.size,
  };
}

/** The nearest published part before (`-1`) or after (`1`) `from`. */
export function neighbour(series: Series, from: number, direction: -1 | 1): SeriesPart | undefined {
  for (let n = from + direction; n >= 1 && n <= series.total; n += direction) {
    const part = series.parts[n - 1];
    if (part?.item) return part;
  }
  return undefined;
}

/** Whether part `number` is published; not for no number (`undefined`). */
export function isPublished(series: Series, number: number | undefined): number is number {
  return !!series.parts[number! - 1]?.item;
}

/** `#part-3` → 3; anything else → `undefined`. */
export function partFromHash(hash: string): number | undefined {
  const match = /^#part-(\d{1,4})$/.exec(hash);
  return match ? Number(match[1]) : undefined;
}

/**
 * A part's title without the series title in front of it ("Yoon Ha's Story: Part 1 - Growing
 * up" → "Part 1 - Growing up"): the navigator already names the series.
 */
export function partTitle(series: Series, item: FeedItem): string {
  const title = (item.title ?? '').trim();
  if (title.startsWith(series.title)) {
    const after = title.slice(series.title.length);
    const rest = after.replace(/^\s*[:,.\-–—|]\s*/, '');
    if (rest && rest !== after) return rest;
  }
  return title;
}

export interface PartRequest {
  /** The `part` attribute's number (`NaN` or out of range is an error). */
  part?: number | null;
  /** The `part` attribute's text, for the error message. */
  partText?: string | null;
  /** The item the partner named, whose part is the current one. */
  itemId?: string;
  /** Reader mode: with nothing named, the first published part. */
  firstPublished?: boolean;
}

/**
 * The part the partner named: `part`, else the named item's part, else (reader mode) the first
 * published one; `undefined` for a series overview. Throws a `FeedError` a reader can understand
 * for a part the series does not have or has not published yet.
 */
export function namedPart(series: Series, request: PartRequest): number | undefined {
  if (request.part != null) {
    const part = Number(request.part);
    if (!Number.isInteger(part) || part < 1 || part > series.total) {
      const named = request.partText ?? String(request.part);
      throw new FeedError(
        'not-found',
        `"${series.title}" has no part ${named}; it has ${series.total}.`,
      );
    }
    if (!isPublished(series, part)) {
      throw new FeedError('not-found', `Part ${part} of "${series.title}" is not published yet.`);
    }
    return part;
  }
  if (request.itemId) return series.parts.find((p) => p.item?.id === request.itemId)?.number;
  return request.firstPublished ? series.parts.find((p) => p.item)?.number : undefined;
}

/** A part's title, or "Part N" when it has none. */
export function partName(m: Messages, series: Series, item: FeedItem, number: number): string {
  return partTitle(series, item) || m.partLabel(number);
}

/**
 * What a screen reader hears before a part's `title`: "Part 2", unless the title already says
 * it, in the reader's language or in the title's own `lang` ("Part 2 - …" under a Korean
 * interface); then nothing (`''`).
 */
export function labelToSay(m: Messages, lang: string, title: string, number: number): string {
  const label = m.partLabel(number);
  return [label, messagesFor(lang).partLabel(number)].some(
    (l) => title.startsWith(l) && !/^\d/.test(title.slice(l.length)),
  )
    ? ''
    : label;
}
