/**
 * The staff preview (`npm start`): pick a widget, its content and its look, see it at a real
 * width — alone or on a partner's page — and copy the embed code. The widget itself is the
 * library's, loaded in a frame exactly as a partner's page loads it.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { loadFeed } from '../src/content/load.js';
import { parseFeedOrItem } from '../src/content/parse.js';
import type { FeedItem, ParsedFeed, SeriesInfo } from '../src/content/types.js';
import { DRAFT_ID, readDraft, type DraftResult } from './draft.js';
import { isFromFrame, type PreviewView, type ToFrame, type WidgetConfig } from './protocol.js';
import { embedSnippet, type EmbedSpec } from './snippet.js';
import { stringsFor, type PreviewStrings, type WidgetKind } from './strings.js';

type Source = 'demo' | 'series12' | 'url' | 'draft';
type Language = 'en' | 'ko';
type Width = 360 | 768 | 1200;

const env = (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env ?? {};
/** Where partners load the library from; set VITE_LANTERN_SCRIPT_URL to fill in the real one. */
const SCRIPT_URL =
  env.VITE_LANTERN_SCRIPT_URL || 'https://YOUR-CDN/lantern-widgets/dist/cdn/lantern.js';
/** The public address of the feed the demo stands in for (VITE_LANTERN_FEED_URL). */
const PUBLIC_FEED_URL = env.VITE_LANTERN_FEED_URL || 'https://YOUR-NGO/feed.json';

const DEMO_FEEDS: Record<'demo' | 'series12', string> = {
  demo: new URL('../demo/feed.json', document.baseURI).href,
  series12: new URL('../demo/series-12.json', document.baseURI).href,
};

const WIDGETS: WidgetKind[] = ['card', 'list', 'navigator', 'report'];
const TAGS: Record<WidgetKind, string> = {
  card: 'lantern-article-card',
  list: 'lantern-article-list',
  navigator: 'lantern-story-navigator',
  report: 'lantern-report-download',
};
const LAYOUTS: Record<WidgetKind, string[]> = {
  card: ['vertical', 'horizontal', 'compact'],
  list: ['grid', 'list'],
  navigator: ['full', 'compactNav', 'reader'],
  report: [],
};
const WIDTHS: Width[] = [360, 768, 1200];
const THEMES = ['', 'light', 'dark', 'auto'];

interface State {
  ui: Language;
  source: Source;
  feedUrl: string;
  draft: string;
  widget: WidgetKind;
  /** What the staff member picked; checked against the feed before use. */
  item: Partial<Record<'card' | 'report', string>>;
  series: string;
  part: number;
  tag: string;
  limit: number;
  layout: Partial<Record<WidgetKind, string>>;
  theme: string;
  language: Language;
  hideImages: boolean;
  width: Width;
  view: PreviewView;
}

interface Catalogue {
  loading: boolean;
  parsed?: ParsedFeed;
  problem?: string;
}

/** What the widget in the frame last reported. */
type Status =
  | { kind: 'loading' }
  | { kind: 'missing'; tag: string }
  | { kind: 'ready'; items: number }
  | { kind: 'error'; message: string };

const state: State = readState(new URLSearchParams(location.search));
let catalogue: Catalogue = { loading: true };
let catalogueKey = '';
/** The draft as last applied ("Show draft" or a pause in typing). */
let appliedDraft: DraftResult | undefined;
let status: Status = { kind: 'loading' };
let linkNote = '';
/** A feed address was submitted that is not one. */
let urlRejected = false;
let copyNote: { text: string; fallback: boolean } | undefined;
let frameReady = false;
let frameHeight = 480;
let stageWidth = 0;
let serial = 0;
let lastSent = '';
let draftTimer: ReturnType<typeof setTimeout> | undefined;

const app = document.getElementById('app')!;
const t = (): PreviewStrings => stringsFor(state.ui);

/* ---------- state in the address bar, so a preview can be bookmarked or shared ---------- */

function readState(params: URLSearchParams): State {
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = params.get(name) as T | null;
    return value !== null && allowed.includes(value) ? value : fallback;
  };
  const widget = pick('widget', WIDGETS, 'card');
  const layout = params.get('layout');
  const width = Number(params.get('width'));
  return {
    ui: pick('ui', ['en', 'ko'] as const, document.documentElement.lang === 'ko' ? 'ko' : 'en'),
    source: pick('source', ['demo', 'series12', 'url', 'draft'] as const, 'demo'),
    feedUrl: params.get('url') ?? '',
    draft: '',
    widget,
    item: widget === 'card' || widget === 'report' ? { [widget]: params.get('item') ?? '' } : {},
    series: params.get('series') ?? '',
    part: Number(params.get('part')) || 0,
    tag: params.get('tag') ?? '',
    limit: clampLimit(Number(params.get('limit')) || 6),
    layout: layout && LAYOUTS[widget].includes(layout) ? { [widget]: layout } : {},
    theme: pick('theme', THEMES, ''),
    language: pick('lang', ['en', 'ko'] as const, 'en'),
    hideImages: params.get('hide-images') === '1',
    width: (WIDTHS as number[]).includes(width) ? (width as Width) : 1200,
    view: pick('view', ['widget', 'partner'] as const, 'widget'),
  };
}

function writeState(): void {
  const params = new URLSearchParams();
  const put = (name: string, value: string | number | undefined, fallback: string | number) => {
    if (value !== undefined && value !== '' && value !== fallback) params.set(name, String(value));
  };
  put('ui', state.ui, 'en');
  put('source', state.source, 'demo');
  if (state.source === 'url') put('url', state.feedUrl, '');
  put('widget', state.widget, 'card');
  if (state.widget === 'card' || state.widget === 'report')
    put('item', state.item[state.widget], '');
  if (state.widget === 'navigator') {
    put('series', state.series, '');
    put('part', state.part, 0);
  }
  if (state.widget === 'list') {
    put('tag', state.tag, '');
    put('limit', state.limit, 6);
  }
  put('layout', state.layout[state.widget], '');
  put('theme', state.theme, '');
  put('lang', state.language, 'en');
  if (state.hideImages) params.set('hide-images', '1');
  put('width', state.width, 1200);
  put('view', state.view, 'widget');
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

function clampLimit(n: number): number {
  return Math.min(50, Math.max(1, Math.round(n)));
}

/* ---------- the feed behind the choosers ---------- */

function feedAddress(): string | undefined {
  if (state.source === 'demo' || state.source === 'series12') return DEMO_FEEDS[state.source];
  if (state.source === 'url') return state.feedUrl || undefined;
  return undefined;
}

/** Loads (or reads the draft into) the feed whose items the choosers offer. */
function refreshCatalogue(): void {
  const address = feedAddress();
  const key = state.source === 'draft' ? `draft:${state.widget === 'navigator'}` : `src:${address}`;
  if (key === catalogueKey && state.source !== 'draft') return;
  catalogueKey = key;
  if (state.source === 'draft') {
    catalogue = { loading: false };
    if (appliedDraft?.ok) {
      try {
        catalogue.parsed = parseFeedOrItem(appliedDraft.feed);
      } catch (error) {
        // The widget reports the same problem itself; the choosers just stay empty.
        catalogue.problem = error instanceof Error ? error.message : String(error);
      }
    }
    return;
  }
  if (!address) {
    catalogue = { loading: false };
    return;
  }
  catalogue = { loading: true };
  loadFeed(address, { reload: state.source === 'url' }).then(
    (parsed) => {
      if (catalogueKey !== key) return;
      catalogue = { loading: false, parsed };
      update();
    },
    (error: unknown) => {
      if (catalogueKey !== key) return;
      catalogue = {
        loading: false,
        problem: error instanceof Error ? error.message : String(error),
      };
      update();
    },
  );
}

function items(): FeedItem[] {
  return catalogue.parsed?.feed.items ?? [];
}

function seriesList(): SeriesInfo[] {
  const seen = new Map<string, SeriesInfo>();
  for (const item of items()) {
    const series = item._lantern?.series;
    if (series && !seen.has(series.id)) seen.set(series.id, series);
  }
  return [...seen.values()];
}

function partsOf(seriesId: string): Map<number, FeedItem> {
  const parts = new Map<number, FeedItem>();
  for (const item of items()) {
    const series = item._lantern?.series;
    if (series?.id === seriesId && !parts.has(series.part)) parts.set(series.part, item);
  }
  return parts;
}

function tagList(): string[] {
  return [...new Set(items().flatMap((item) => item.tags ?? []))].sort((a, b) =>
    a.localeCompare(b),
  );
}

/** The item a card or report shows: the pick if the feed has it, else a sensible first one. */
function chosenItem(widget: 'card' | 'report'): FeedItem | undefined {
  const all = items();
  const picked = all.find((item) => item.id === state.item[widget]);
  if (picked) return picked;
  if (widget === 'report') return all.find((item) => item.attachments?.length) ?? all[0];
  return all[0];
}

function chosenSeries(): SeriesInfo | undefined {
  const list = seriesList();
  return list.find((s) => s.id === state.series) ?? list[0];
}

/** The part the navigator shows: the pick if there is such a part, else the latest published. */
function chosenPart(series: SeriesInfo): number {
  const published = [...partsOf(series.id).keys()];
  if (published.includes(state.part)) return state.part;
  return published.length ? Math.max(...published) : 1;
}

function chosenLayout(): string {
  const options = LAYOUTS[state.widget];
  const picked = state.layout[state.widget];
  if (picked && options.includes(picked)) return picked;
  // A draft has no published page to link to, so the navigator shows it in reader mode.
  if (state.widget === 'navigator' && state.source === 'draft') return 'reader';
  return options[0] ?? '';
}

/* ---------- what the widget gets, and the code the partner pastes ---------- */

interface Embed {
  spec: EmbedSpec;
  frame: WidgetConfig;
}

function embed(): Embed | undefined {
  const widget = state.widget;
  const draft = state.source === 'draft' && appliedDraft?.ok ? appliedDraft : undefined;
  if (state.source === 'draft' && !draft) return undefined;
  const address = feedAddress();
  if (state.source !== 'draft' && !address) return undefined;

  const attributes: EmbedSpec['attributes'] = [];
  const localSrc = draft ? undefined : address;
  const publicSrc = state.source === 'url' ? address : PUBLIC_FEED_URL;
  attributes.push(['src', publicSrc && !draft ? publicSrc : undefined]);
  let fallback: EmbedSpec['fallback'];

  if (widget === 'card' || widget === 'report') {
    const item = chosenItem(widget);
    // A one-item draft needs no `item`; the first item is the default anyway.
    attributes.push(['item', item && items().length > 1 ? item.id : undefined]);
    const href =
      widget === 'report'
        ? (item?.url ?? item?.attachments?.[0]?.url)
        : (item?.url ?? item?.external_url);
    if (item && href && !draft) fallback = { href, text: item.title ?? href };
  } else if (widget === 'navigator') {
    const series = chosenSeries();
    if (series) {
      attributes.push(['series', series.id]);
      const part = chosenPart(series);
      attributes.push(['part', draft && series.id === DRAFT_ID ? undefined : String(part)]);
      const current = partsOf(series.id).get(part);
      if (current?.url && !draft)
        fallback = { href: current.url, text: current.title ?? series.title };
    }
  } else if (widget === 'list') {
    const feed = catalogue.parsed?.feed;
    if (feed?.home_page_url && !draft) fallback = { href: feed.home_page_url, text: feed.title };
  }

  const layout = chosenLayout();
  if (widget === 'card' && layout !== 'vertical') attributes.push(['layout', layout]);
  if (widget === 'list') {
    attributes.push(['layout', layout]);
    attributes.push(['limit', String(state.limit)]);
    attributes.push(['tag', tagList().includes(state.tag) ? state.tag : undefined]);
  }
  if (widget === 'navigator' && layout === 'compactNav') attributes.push(['variant', 'compact']);
  if (widget === 'navigator' && layout === 'reader') attributes.push(['mode', 'reader']);
  attributes.push(['hide-images', state.hideImages || undefined]);
  attributes.push(['theme', state.theme || undefined]);
  attributes.push(['lang', state.language]);

  const spec: EmbedSpec = {
    tag: TAGS[widget],
    attributes,
    inline: draft?.feed,
    fallback,
  };
  const frameAttributes: Record<string, string | true> = {};
  for (const [name, value] of attributes) {
    if (name === 'src') {
      if (localSrc) frameAttributes.src = localSrc;
    } else if (value !== undefined && value !== '') frameAttributes[name] = value;
  }
  const value = draft?.feed;
  const isFeed = typeof value === 'object' && value !== null && 'items' in value;
  return {
    spec,
    frame: {
      serial,
      tag: TAGS[widget],
      attributes: frameAttributes,
      data: draft
        ? { property: isFeed || Array.isArray(value) ? 'feed' : 'item', value }
        : undefined,
      view: state.view,
      pageLanguage: state.language,
    },
  };
}

/** Why there is nothing to hand to a widget yet (the page's own check, before any widget). */
function problem(): string | undefined {
  const p = t().problems;
  if (state.source === 'url' && (urlRejected || !state.feedUrl)) return p.urlInvalid;
  if (state.source !== 'draft') return undefined;
  if (!appliedDraft) return p.draftEmpty;
  if (appliedDraft.ok) return undefined;
  const { problem } = appliedDraft;
  return problem.key === 'draftJson' ? p.draftJson(problem.detail) : p[problem.key];
}

/* ---------- talking to the frame ---------- */

function frame(): HTMLIFrameElement | null {
  return app.querySelector<HTMLIFrameElement>('#stage-frame');
}

function sendToFrame(current: Embed | undefined): void {
  if (!frameReady || !current) return;
  const waitForFeed = state.source !== 'draft' && catalogue.loading;
  if (waitForFeed) return;
  const key = JSON.stringify({ ...current.frame, serial: 0 });
  if (key === lastSent) return;
  lastSent = key;
  serial++;
  status = { kind: 'loading' };
  linkNote = '';
  const message: ToFrame = { type: 'lantern-preview:render', config: { ...current.frame, serial } };
  frame()?.contentWindow?.postMessage(message, location.origin);
}

window.addEventListener('message', (event) => {
  if (event.origin !== location.origin || event.source !== frame()?.contentWindow) return;
  const data: unknown = event.data;
  if (!isFromFrame(data)) return;
  switch (data.type) {
    case 'lantern-preview:ready':
      frameReady = true;
      lastSent = '';
      break;
    case 'lantern-preview:height':
      frameHeight = Math.max(120, data.height);
      break;
    case 'lantern-preview:event':
      if (data.serial !== serial) return;
      status =
        data.event === 'lantern-load'
          ? { kind: 'ready', items: data.detail.items ?? 1 }
          : { kind: 'error', message: data.detail.message ?? '' };
      break;
    case 'lantern-preview:missing':
      if (data.serial !== serial) return;
      status = { kind: 'missing', tag: data.tag };
      break;
    case 'lantern-preview:link':
      if (data.serial !== serial) return;
      linkNote = data.href;
      break;
  }
  update();
});

/* ---------- changes from the controls ---------- */

function set(change: Partial<State>): void {
  Object.assign(state, change);
  copyNote = undefined;
  update();
}

function applyDraft(): void {
  clearTimeout(draftTimer);
  appliedDraft = readDraft(state.draft, {
    language: state.language,
    asSeries: state.widget === 'navigator',
  });
  catalogueKey = '';
  copyNote = undefined;
  update();
}

function onDraftInput(event: Event): void {
  state.draft = (event.target as HTMLTextAreaElement).value;
  clearTimeout(draftTimer);
  draftTimer = setTimeout(applyDraft, 600);
}

function onFeedUrlSubmit(event: SubmitEvent): void {
  event.preventDefault();
  const input = (event.target as HTMLFormElement).elements.namedItem(
    'feed-url',
  ) as HTMLInputElement;
  const value = input.value.trim();
  let valid = false;
  try {
    valid = /^https?:$/.test(new URL(value).protocol);
  } catch {
    valid = false;
  }
  urlRejected = !valid;
  catalogueKey = '';
  if (!valid) {
    update();
    input.focus();
    return;
  }
  set({ feedUrl: value });
}

async function copySnippet(): Promise<void> {
  const field = app.querySelector<HTMLTextAreaElement>('#embed-code');
  if (!field) return;
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(field.value);
    copyNote = { text: t().copiedNote, fallback: false };
  } catch {
    // Clipboard blocked (an insecure address, a policy, an old browser): select it for Ctrl+C.
    field.focus();
    field.select();
    copyNote = { text: t().copyFallback, fallback: true };
  }
  update();
}

/* ---------- the page ---------- */

function radios<T extends string | number>(
  name: string,
  legend: string,
  options: Array<{ value: T; label: string | TemplateResult }>,
  selected: T,
  onPick: (value: T) => void,
  className = 'segmented',
): TemplateResult {
  return html`
    <fieldset class=${className}>
      <legend>${legend}</legend>
      <div class="options">
        ${options.map(
          (option) => html`
            <label>
              <input
                type="radio"
                name=${name}
                .value=${String(option.value)}
                .checked=${live(option.value === selected)}
                @change=${() => onPick(option.value)}
              />
              <span>${option.label}</span>
            </label>
          `,
        )}
      </div>
    </fieldset>
  `;
}

function select(
  id: string,
  label: string,
  options: Array<{ value: string; label: string }>,
  selected: string,
  onPick: (value: string) => void,
): TemplateResult {
  return html`
    <div class="field">
      <label for=${id}>${label}</label>
      <select
        id=${id}
        .value=${live(selected)}
        @change=${(e: Event) => onPick((e.target as HTMLSelectElement).value)}
      >
        ${options.map(
          (o) =>
            html`<option value=${o.value} ?selected=${o.value === selected}>${o.label}</option>`,
        )}
      </select>
    </div>
  `;
}

function sourceFields(s: PreviewStrings): TemplateResult | typeof nothing {
  if (state.source === 'url') {
    return html`
      <form class="field inline-form" @submit=${onFeedUrlSubmit}>
        <label for="feed-url">${s.feedUrl}</label>
        <p class="hint" id="feed-url-hint">${s.feedUrlHint}</p>
        <div class="row">
          <input
            id="feed-url"
            name="feed-url"
            type="url"
            inputmode="url"
            autocomplete="url"
            spellcheck="false"
            placeholder="https://"
            aria-describedby="feed-url-hint"
            .value=${live(state.feedUrl)}
          />
          <button class="button" type="submit">${s.loadFeed}</button>
        </div>
      </form>
    `;
  }
  if (state.source === 'draft') {
    return html`
      <div class="field">
        <label for="draft">${s.draft}</label>
        <p class="hint" id="draft-hint">${s.draftHint}</p>
        <textarea
          id="draft"
          rows="10"
          spellcheck="true"
          aria-describedby="draft-hint"
          .value=${live(state.draft)}
          @input=${onDraftInput}
        ></textarea>
        <button class="button" type="button" @click=${applyDraft}>${s.showDraft}</button>
      </div>
    `;
  }
  return nothing;
}

function contentChoosers(s: PreviewStrings): TemplateResult | typeof nothing {
  const widget = state.widget;
  if (widget === 'card' || widget === 'report') {
    const all = items();
    if (all.length < 2) return nothing;
    const current = chosenItem(widget);
    return select(
      'item',
      widget === 'report' ? s.report : s.item,
      all.map((item) => ({ value: item.id, label: item.title ?? item.id })),
      current?.id ?? '',
      (id) => set({ item: { ...state.item, [widget]: id } }),
    );
  }
  if (widget === 'navigator') {
    const list = seriesList();
    const series = chosenSeries();
    if (!series) return nothing;
    const parts = partsOf(series.id);
    // Only published parts: a part the feed does not have is an error state, not a preview.
    const partOptions = [...parts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([number, item]) => {
        const title = item.title;
        // Titles such as "Yoon Ha's Story: Part 3 - …" already say which part they are.
        const label =
          title && /\b(part|부)\s*\d|\d+\s*부/i.test(title) ? title : s.partOption(number, title);
        return { value: String(number), label };
      });
    return html`
      ${
        list.length > 1
          ? select(
              'series',
              s.series,
              list.map((x) => ({ value: x.id, label: x.title })),
              series.id,
              (id) => set({ series: id, part: 0 }),
            )
          : nothing
      }
      ${
        partOptions.length > 1
          ? select('part', s.part, partOptions, String(chosenPart(series)), (part) =>
              set({ part: Number(part) }),
            )
          : nothing
      }
    `;
  }
  const tags = tagList();
  return html`
    ${
      tags.length
        ? select(
            'tag',
            s.tag,
            [{ value: '', label: s.allTags }, ...tags.map((tag) => ({ value: tag, label: tag }))],
            tags.includes(state.tag) ? state.tag : '',
            (tag) => set({ tag }),
          )
        : nothing
    }
    <div class="field">
      <label for="limit">${s.limit}</label>
      <input
        id="limit"
        type="number"
        min="1"
        max="50"
        inputmode="numeric"
        .value=${live(String(state.limit))}
        @change=${(e: Event) =>
          set({ limit: clampLimit(Number((e.target as HTMLInputElement).value) || 6) })}
      />
    </div>
  `;
}

function controls(s: PreviewStrings): TemplateResult {
  const layouts = LAYOUTS[state.widget];
  return html`
    <section class="panel" aria-labelledby="content-heading">
      <h2 id="content-heading">${s.contentHeading}</h2>
      ${select(
        'source',
        s.source,
        [
          { value: 'demo', label: s.sourceDemo },
          { value: 'series12', label: s.sourceSeries12 },
          { value: 'url', label: s.sourceUrl },
          { value: 'draft', label: s.sourceDraft },
        ],
        state.source,
        (source) => {
          catalogueKey = '';
          set({ source: source as Source, part: 0, series: '', tag: '' });
        },
      )}
      ${sourceFields(s)}
    </section>

    <section class="panel" aria-labelledby="widget-heading">
      <h2 id="widget-heading">${s.widgetHeading}</h2>
      ${radios(
        'widget',
        s.widget,
        WIDGETS.map((w) => ({
          value: w,
          label: html`<strong>${s.widgetNames[w]}</strong><small>${s.widgetBlurbs[w]}</small>`,
        })),
        state.widget,
        (widget) => {
          set({ widget });
          // A markdown draft becomes a series part only for the navigator.
          if (state.source === 'draft' && appliedDraft?.ok && appliedDraft.kind === 'markdown') {
            applyDraft();
          }
        },
        'cards',
      )}
      ${contentChoosers(s)}
      ${
        layouts.length
          ? select(
              'layout',
              s.layout,
              layouts.map((l) => ({ value: l, label: s.layouts[l] ?? l })),
              chosenLayout(),
              (layout) => set({ layout: { ...state.layout, [state.widget]: layout } }),
            )
          : nothing
      }
    </section>

    <section class="panel" aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">${s.appearanceHeading}</h2>
      ${radios(
        'language',
        s.language,
        [
          { value: 'en' as Language, label: html`<span lang="en">English</span>` },
          { value: 'ko' as Language, label: html`<span lang="ko">한국어</span>` },
        ],
        state.language,
        (language) => {
          set({ language });
          if (state.source === 'draft' && appliedDraft?.ok) applyDraft();
        },
      )}
      ${select(
        'theme',
        s.theme,
        THEMES.map((value) => ({ value, label: s.themes[value] ?? value })),
        state.theme,
        (theme) => set({ theme }),
      )}
      <div class="field check">
        <input
          id="hide-images"
          type="checkbox"
          aria-describedby="hide-images-hint"
          .checked=${live(state.hideImages)}
          @change=${(e: Event) => set({ hideImages: (e.target as HTMLInputElement).checked })}
        />
        <label for="hide-images">${s.hideImages}</label>
        <p class="hint" id="hide-images-hint">${s.hideImagesHint}</p>
      </div>
    </section>
  `;
}

function statusLine(s: PreviewStrings, blocked: string | undefined): TemplateResult {
  const warnings =
    state.source !== 'draft' || appliedDraft?.ok ? (catalogue.parsed?.warnings ?? []) : [];
  const feedProblem = state.source === 'url' && catalogue.problem;
  let main: TemplateResult;
  if (blocked) {
    main = html`<p class="status problem">${blocked}</p>`;
  } else if (status.kind === 'error') {
    main = html`<p class="status error">
      <strong>${s.statusError}</strong> <span class="cause">${status.message}</span>
    </p>`;
  } else if (status.kind === 'missing') {
    main = html`<p class="status problem">${s.notInBuild(status.tag)}</p>`;
  } else if (status.kind === 'ready') {
    main = html`<p class="status ok">${s.statusLoaded(status.items)}</p>`;
  } else {
    main = html`<p class="status">${s.statusLoading}</p>`;
  }
  return html`
    <div class="status-area" role="status" aria-live="polite">
      ${main}
      ${
        feedProblem && !blocked && status.kind !== 'error'
          ? html`<p class="status error">${s.problems.feedUnreadable(catalogue.problem ?? '')}</p>`
          : nothing
      }
      ${
        warnings.length
          ? html`<div class="warnings">
              <p>${s.warnings(warnings.length)}</p>
              <ul>
                ${warnings.slice(0, 8).map((w) => html`<li><code>${w.path}</code>: ${w.message}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${linkNote ? html`<p class="status note">${s.linkNote(linkNote)}</p>` : nothing}
    </div>
  `;
}

function stage(s: PreviewStrings, blocked: string | undefined): TemplateResult {
  const scale = stageWidth > 0 ? Math.min(1, stageWidth / state.width) : 1;
  const percent = Math.round(scale * 100);
  const hidden = !!blocked;
  return html`
    <div class="stage" data-width=${state.width}>
      <p class="stage-caption">
        <span>${s.widths[String(state.width)]} · ${state.width} px</span>
        ${percent < 100 ? html`<span>${s.scaled(percent)}</span>` : nothing}
      </p>
      <div
        class="device ${state.width === 360 ? 'phone' : ''}"
        style="width:${Math.round(state.width * scale)}px;height:${Math.round(frameHeight * scale)}px"
        ?hidden=${hidden}
      >
        <iframe
          id="stage-frame"
          src="./frame.html"
          title=${s.frameTitle(s.widgetNames[state.widget])}
          style="width:${state.width}px;height:${frameHeight}px;transform:scale(${scale})"
        ></iframe>
      </div>
      ${hidden ? html`<div class="empty-stage" aria-hidden="true"></div>` : nothing}
    </div>
  `;
}

function embedSection(s: PreviewStrings, current: Embed | undefined): TemplateResult {
  const code = current ? embedSnippet(current.spec, SCRIPT_URL) : '';
  const hasPlaceholder = /YOUR-/.test(code);
  const note =
    state.source === 'draft'
      ? s.draftInlineNote
      : state.source === 'url'
        ? s.scriptNote
        : s.placeholderNote;
  const rows = Math.min(18, Math.max(4, code.split('\n').length));
  return html`
    <section class="panel embed" aria-labelledby="embed-heading">
      <h2 id="embed-heading">${s.embedHeading}</h2>
      <p>${s.embedIntro}</p>
      <label for="embed-code" class="visually-hidden">${s.embedCode}</label>
      <textarea
        id="embed-code"
        readonly
        spellcheck="false"
        rows=${rows}
        aria-describedby=${hasPlaceholder ? 'embed-note' : nothing}
        .value=${live(code)}
      ></textarea>
      <div class="row">
        <button
          class="button primary"
          type="button"
          ?disabled=${!code}
          @click=${() => void copySnippet()}
        >
          ${copyNote && !copyNote.fallback ? `✓ ${s.copied}` : s.copy}
        </button>
        <p class="copy-note ${copyNote?.fallback ? 'fallback' : ''}" role="status">
          ${copyNote?.text ?? ''}
        </p>
      </div>
      ${hasPlaceholder ? html`<p class="hint" id="embed-note">${note}</p>` : nothing}
    </section>
  `;
}

function page(current: Embed | undefined, blocked: string | undefined): TemplateResult {
  const s = t();
  return html`
    <header class="top">
      <div class="brand">
        <span class="logo" aria-hidden="true"></span>
        <div>
          <h1>${s.pageTitle}</h1>
          <p>${s.intro}</p>
        </div>
      </div>
      ${radios(
        'ui',
        s.interfaceLanguage,
        [
          { value: 'en' as Language, label: html`<span lang="en">English</span>` },
          { value: 'ko' as Language, label: html`<span lang="ko">한국어</span>` },
        ],
        state.ui,
        (ui) => set({ ui }),
        'segmented compact',
      )}
    </header>
    <div class="layout">
      <div class="controls">${controls(s)}</div>
      <main class="preview" aria-labelledby="preview-heading">
        <div class="toolbar">
          <h2 id="preview-heading">${s.previewHeading}</h2>
          ${radios(
            'width',
            s.width,
            WIDTHS.map((w) => ({
              value: w,
              label: html`${s.widths[String(w)]} <small>${w}</small>`,
            })),
            state.width,
            (width) => set({ width }),
          )}
          ${radios(
            'view',
            s.view,
            (['widget', 'partner'] as const).map((v) => ({ value: v, label: s.views[v] ?? v })),
            state.view,
            (view) => set({ view }),
          )}
        </div>
        ${statusLine(s, blocked)} ${stage(s, blocked)}
        ${embedSection(s, blocked ? undefined : current)}
      </main>
    </div>
  `;
}

function update(): void {
  refreshCatalogue();
  const blocked = problem();
  const current = blocked ? undefined : embed();
  document.documentElement.lang = state.ui;
  document.title = t().pageTitle;
  writeState();
  if (blocked) lastSent = '';
  else sendToFrame(current);
  render(page(current, blocked), app);
}

update();

// The stage's width decides how far a wide preview is scaled down to fit.
new ResizeObserver((entries) => {
  const width = Math.floor(entries[0]?.contentRect.width ?? 0);
  if (width !== stageWidth) {
    stageWidth = width;
    update();
  }
}).observe(app.querySelector('.stage')!);
