/**
 * The feed behind the choosers, and what the staff member's picks mean in it: which item, which
 * series and part, which layout. Pure functions of the state and the parsed feed.
 */
import { findSeries, type Series } from '../src/components/story-navigator/series.js';
import type { FeedItem, ParsedFeed } from '../src/content/types.js';
import type { ElementKind } from '../src/tags.js';
import type { PreviewState } from './state.js';

export interface Catalogue {
  loading: boolean;
  parsed?: ParsedFeed;
  /** Why the feed could not be read. */
  problem?: string;
}

export function feedItems(catalogue: Catalogue): FeedItem[] {
  return catalogue.parsed?.feed.items ?? [];
}

export function tagList(catalogue: Catalogue): string[] {
  const tags = new Set(feedItems(catalogue).flatMap((item) => item.tags ?? []));
  return [...tags].sort((a, b) => a.localeCompare(b));
}

/** Every series in the feed, in the order its first part appears: `{ id, title }`. */
export function seriesChoices(catalogue: Catalogue): Array<{ id: string; title: string }> {
  const seen = new Map<string, string>();
  for (const item of feedItems(catalogue)) {
    const series = item._lantern?.series;
    if (series && !seen.has(series.id)) seen.set(series.id, series.title);
  }
  return [...seen].map(([id, title]) => ({ id, title }));
}

/** The item a card or report shows: the pick if the feed has it, else a sensible first one. */
export function chosenItem(
  state: PreviewState,
  catalogue: Catalogue,
  kind: ElementKind,
): FeedItem | undefined {
  const items = feedItems(catalogue);
  const picked = items.find((item) => item.id === state.item[kind]);
  if (picked) return picked;
  if (kind === 'report') return items.find((item) => item.attachments?.length) ?? items[0];
  return items[0];
}

/** The series the navigator shows (the pick, else the first), as the navigator itself reads it. */
export function chosenSeries(state: PreviewState, catalogue: Catalogue): Series | undefined {
  const choices = seriesChoices(catalogue);
  const id = choices.find((s) => s.id === state.series)?.id ?? choices[0]?.id;
  if (!id || !catalogue.parsed) return undefined;
  try {
    return findSeries(catalogue.parsed, { seriesId: id });
  } catch {
    return undefined;
  }
}

/** Part numbers the feed has published, in order. */
export function publishedParts(series: Series): number[] {
  return series.parts.filter((part) => part.item).map((part) => part.number);
}

/** The part the navigator shows: the pick if it is published, else the latest published. */
export function chosenPart(state: PreviewState, series: Series): number {
  const published = publishedParts(series);
  if (published.includes(state.part)) return state.part;
  return published.at(-1) ?? 1;
}
