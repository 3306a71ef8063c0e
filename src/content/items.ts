/** Choosing items from a parsed feed: plain functions shared by every widget. */
import { FeedError } from './errors.js';
import { bodyReadingMinutes } from './text.js';
import { safeUrl } from './url.js';
import type { FeedItem, ParsedFeed } from './types.js';

/** Minutes to read an item's body; `undefined` for a link-out item with no body. */
export function itemReadingMinutes(item: FeedItem): number | undefined {
  const body = item._lantern?.content_markdown ?? item.content_html ?? item.content_text;
  return (body && bodyReadingMinutes(body)) || undefined;
}

/** The names of an item's authors, for a byline (authors given only by a URL are left out). */
export function authorNames(item: FeedItem): string[] {
  return (item.authors ?? []).map((a) => a.name).filter((n): n is string => !!n);
}

/**
 * The item carries a content warning, readable or not: validation turns an unreadable one
 * into `""`, which the widgets show as a generic warning.
 */
export function isWarnedItem(item: FeedItem): boolean {
  return item._lantern?.content_warning !== undefined;
}

/**
 * Picks the item a widget was asked for: by id (an RSS `guid`, an Atom `id`), else by its link
 * (an RSS item's `guid` is often not its URL, and partners copy the URL), else the first. Of
 * duplicates (one id, or one URL), a warned copy wins: a warning is never lost to one.
 */
export function pickItem(parsed: ParsedFeed, asked?: string): FeedItem {
  const items = parsed.feed.items;
  const id = asked ?? items[0]?.id;
  // As the parser writes item URLs (absolute, normalised); null when the id is not one.
  const url = id === undefined ? undefined : safeUrl(id, parsed.source);
  const matches = [
    ...items.filter((item) => item.id === id),
    ...items.filter((item) => item.url !== undefined && item.url === url),
  ];
  const found = matches.find(isWarnedItem) ?? matches[0];
  if (found) return found;
  throw new FeedError(
    'not-found',
    asked ? `The feed has no item with the id "${asked}".` : 'The feed has no items.',
  );
}
