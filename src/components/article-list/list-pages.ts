/** What a list shows and where its next page is: plain functions over feed items, no Lit. */
import { isWarnedItem } from '../../content/items.js';
import { poolMarks } from '../../content/parse.js';
import type { FeedItem } from '../../content/types.js';

/**
 * Whether `url` is on the same origin as `reference` (the feed's final URL): a feed's
 * `next_url` may only continue the feed, never send the widget to another site.
 */
function sameOrigin(url: string, reference: string): boolean {
  try {
    return new URL(url).origin === new URL(reference).origin;
  } catch {
    return false;
  }
}

export interface ArticleListView {
  /** Every matching item fetched so far, in display order (newest first within each page). */
  items: FeedItem[];
  /**
   * Every item fetched, copies and other tags included: a warned copy a tag left out is shown
   * when a later page tags its story.
   */
  seen: FeedItem[];
  /** The next page of the feed, if there is one that has not been fetched yet. */
  nextUrl: string | undefined;
  /** Pages already fetched, so a feed whose `next_url` loops back is not fetched forever. */
  visited: ReadonlySet<string>;
  /** The feed's own URL (final, after redirects) or base: next pages must share its origin. */
  origin: string;
}

/**
 * One item per id, in order, at the first copy's place: of duplicates, a warned copy (a warning
 * is never lost to a duplicate, in a list or across its pages). With `tag`, only the stories one
 * of whose copies carries it: a warned copy without the tag still wins.
 */
export function oneEach(items: readonly FeedItem[], tag?: string): FeedItem[] {
  const tagged = new Set(withTag(items, tag).map((item) => item.id));
  // A Map keeps a key's first place when its value is replaced.
  const byId = new Map<string, FeedItem>();
  for (const item of items) {
    const kept = byId.get(item.id);
    // The first copy, unless a later one is warned and it is not.
    if (!kept || (isWarnedItem(item) && !isWarnedItem(kept))) byId.set(item.id, item);
  }
  return [...byId.values()].filter((item) => tagged.has(item.id));
}

/** One "Load more" click follows at most this many pages that have no matching item. */
const MAX_PAGES_PER_CLICK = 5;

function publishedTime(item: FeedItem): number {
  // No date (undefined) parses as NaN too.
  const time = Date.parse(item.date_published as string);
  return isNaN(time) ? -Infinity : time;
}

/**
 * Newest first by `date_published`; undated items last, in feed order. (The sort is stable, and
 * two undated items compare as NaN, which sorts as equal.)
 */
export function newestFirst(items: readonly FeedItem[]): FeedItem[] {
  return items
    .map((item) => [publishedTime(item), item] as const)
    .sort((a, b) => b[0] - a[0])
    .map(([, item]) => item);
}

/** Items carrying `tag` (compared case-insensitively); all items when no tag is given. */
export function withTag(items: readonly FeedItem[], tag: string | undefined): FeedItem[] {
  const wanted = tag?.trim().toLocaleLowerCase();
  if (!wanted) return [...items];
  return items.filter((item) => item.tags?.some((t) => t.toLocaleLowerCase() === wanted));
}

/** The page to fetch next: not one already fetched, and only on the feed's own origin. */
export function nextPage(
  next: string | undefined,
  visited: ReadonlySet<string>,
  origin: string,
  warn: (message: string) => void,
): string | undefined {
  if (!next || visited.has(next)) return undefined;
  if (!sameOrigin(next, origin)) {
    warn(`next_url ${next} is not on the feed's origin; not loaded.`);
    return undefined;
  }
  return next;
}

export interface MoreOptions {
  tag: string | undefined;
  signal: AbortSignal;
  timeoutMs: number | undefined;
  /** Says a problem on the console, in the element's name. */
  warn: (message: string) => void;
}

/** Follows `next_url` until a page brings at least one new matching item. */
export async function fetchMore(
  view: ArticleListView,
  options: MoreOptions,
): Promise<ArticleListView> {
  const { warn } = options;
  const visited = new Set(view.visited);
  let { items, seen, nextUrl: url } = view;
  // The loader is its own chunk (a list given `src` has it already; one given `.feed` fetches
  // it on its first "Load more").
  const { loadFeed } = await import('../../content/load.js');
  for (
    let page = 0;
    url && items.length === view.items.length && page < MAX_PAGES_PER_CLICK;
    page++
  ) {
    visited.add(url);
    const parsed = await loadFeed(url, options);
    // A next page that redirected to another origin is not the feed's: nothing of it is shown.
    if (parsed.source && !sameOrigin(parsed.source, view.origin)) {
      warn(`${url} redirected to another origin (${parsed.source}); not shown.`);
      url = undefined;
      break;
    }
    for (const warning of parsed.warnings) warn(`${url}: ${warning.path}: ${warning.message}`);
    // An item already shown stays at its place; the page's new stories follow, newest first.
    // Every copy fetched follows them, so a story shows its warned copy, if any page has one,
    // with the tag or not (every shown story has a tagged copy among them).
    seen = [...newestFirst(parsed.feed.items), ...seen];
    // Every copy fetched lends the shown one its safety marks, as copies in one page do.
    items = poolMarks(oneEach([...items, ...seen], options.tag), seen);
    url = nextPage(parsed.feed.next_url, visited, view.origin, warn);
  }
  return { ...view, items, seen, nextUrl: url, visited };
}
