/**
 * What the staff member has chosen, and its place in the address bar so a preview can be
 * bookmarked or shared. Plain data and pure functions: the app owns the one live copy.
 */
import { elementKinds, type ElementKind } from '../src/tags.js';
import type { PreviewView } from './protocol.js';

export type Source = 'demo' | 'series12' | 'url' | 'draft';
export type Language = 'en' | 'ko';
export type Width = 360 | 768 | 1200;

export const SOURCES: readonly Source[] = ['demo', 'series12', 'url', 'draft'];
export const LANGUAGES: readonly Language[] = ['en', 'ko'];
export const WIDTHS: readonly Width[] = [360, 768, 1200];
export const THEMES: readonly string[] = ['', 'light', 'dark', 'auto'];
export const VIEWS: readonly PreviewView[] = ['widget', 'partner'];

export interface PreviewState {
  /** The preview page's own language. */
  ui: Language;
  source: Source;
  feedUrl: string;
  draft: string;
  widget: ElementKind;
  /** What the staff member picked, per widget; checked against the feed before use. */
  item: Partial<Record<ElementKind, string>>;
  series: string;
  part: number;
  tag: string;
  limit: number;
  layout: Partial<Record<ElementKind, string>>;
  theme: string;
  /** The widget's language. */
  language: Language;
  hideImages: boolean;
  width: Width;
  view: PreviewView;
}

const DEFAULT_LIMIT = 6;

/** The number of items typed (or in the query) kept to 1–50; nothing or not a number is 6. */
export function clampLimit(value: string | null): number {
  const n = Math.round(Number(value));
  if (!value?.trim() || Number.isNaN(n)) return DEFAULT_LIMIT;
  return Math.min(50, Math.max(1, n));
}

/**
 * The state a query string describes; anything missing or unknown takes its default (the
 * width's is the device's: the phone frame on a phone).
 * `layoutsOf` names the layouts each widget offers (from the widget table).
 */
export function readState(
  params: URLSearchParams,
  layoutsOf: (kind: ElementKind) => readonly string[],
  ui: Language = 'en',
  defaultWidth: Width = 1200,
): PreviewState {
  const pick = <T extends string | number>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = params.get(name);
    const value = allowed.find((option) => String(option) === raw);
    return value ?? fallback;
  };
  const widget = pick('widget', elementKinds, 'card');
  const layout = params.get('layout');
  const item = params.get('item');
  return {
    ui: pick('ui', LANGUAGES, ui),
    source: pick('source', SOURCES, 'demo'),
    feedUrl: params.get('url') ?? '',
    draft: '',
    widget,
    item: item ? { [widget]: item } : {},
    series: params.get('series') ?? '',
    part: Number(params.get('part')) || 0,
    tag: params.get('tag') ?? '',
    limit: clampLimit(params.get('limit')),
    layout: layout && layoutsOf(widget).includes(layout) ? { [widget]: layout } : {},
    theme: pick('theme', THEMES, ''),
    language: pick('lang', LANGUAGES, 'en'),
    hideImages: params.get('hide-images') === '1',
    width: pick('width', WIDTHS, defaultWidth),
    view: pick('view', VIEWS, 'widget'),
  };
}

/** The query string for `state`: only what differs from the defaults, only what applies. */
export function stateQuery(state: PreviewState, defaultWidth: Width = 1200): string {
  const params = new URLSearchParams();
  const put = (name: string, value: string | number | undefined, fallback: string | number) => {
    if (value !== undefined && value !== '' && value !== fallback) params.set(name, String(value));
  };
  put('ui', state.ui, 'en');
  put('source', state.source, 'demo');
  if (state.source === 'url') put('url', state.feedUrl, '');
  put('widget', state.widget, 'card');
  if (state.widget === 'card' || state.widget === 'report') {
    put('item', state.item[state.widget], '');
  }
  if (state.widget === 'navigator') {
    put('series', state.series, '');
    put('part', state.part, 0);
  }
  if (state.widget === 'list') {
    put('tag', state.tag, '');
    put('limit', state.limit, DEFAULT_LIMIT);
  }
  put('layout', state.layout[state.widget], '');
  put('theme', state.theme, '');
  put('lang', state.language, 'en');
  if (state.hideImages) params.set('hide-images', '1');
  put('width', state.width, defaultWidth);
  put('view', state.view, 'widget');
  return params.toString();
}
