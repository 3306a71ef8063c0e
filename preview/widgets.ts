/**
 * One entry per widget: its element, its layouts, the choosers for what it shows, and the
 * attributes and fallback link its embed code gets. Adding a widget to the preview is adding an
 * entry here (and its names to strings.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { tagNames, type ElementKind, type TagName } from '../src/tags.js';
import {
  chosenItem,
  chosenPart,
  chosenSeries,
  feedItems,
  publishedParts,
  seriesChoices,
  tagList,
  type Catalogue,
} from './catalogue.js';
import { DRAFT_ID } from './draft.js';
import { select } from './fields.js';
import type { EmbedSpec } from './snippet.js';
import { clampLimit, type PreviewState } from './state.js';
import type { PreviewStrings } from './strings.js';

export interface WidgetContext {
  state: PreviewState;
  catalogue: Catalogue;
  /** The content is a draft carried in the code: there is no published page to link to. */
  isDraft: boolean;
  layout: string;
}

export interface ControlsContext extends WidgetContext {
  strings: PreviewStrings;
  set: (change: Partial<PreviewState>) => void;
}

interface WidgetEmbed {
  /** After `src` and before the attributes every widget shares, in the order they are written. */
  attributes: EmbedSpec['attributes'];
  fallback?: EmbedSpec['fallback'];
}

export interface WidgetEntry {
  tag: TagName;
  layouts: readonly string[];
  /** The layout a draft is shown in when none is picked. */
  draftLayout?: string;
  embed: (context: WidgetContext) => WidgetEmbed;
  controls: (context: ControlsContext) => TemplateResult | typeof nothing;
}

/** The layout in use: the pick if this widget has it, else the draft's or the first. */
export function chosenLayout(state: PreviewState): string {
  const entry = widgets[state.widget];
  const picked = state.layout[state.widget];
  if (picked && entry.layouts.includes(picked)) return picked;
  if (state.source === 'draft' && entry.draftLayout) return entry.draftLayout;
  return entry.layouts[0] ?? '';
}

/**
 * The fallback link's address where the preview knows none (a draft's story, a feed without
 * `home_page_url`): the README asks for a link in every element, so the code carries this
 * placeholder, and the note below the code asks to replace it.
 */
export const PLACEHOLDER_LINK = 'https://YOUR-NGO/';

/** The link's words where the data has no title, in the widget's language. */
export function linkWords(state: PreviewState): string {
  return state.language === 'ko' ? '웹사이트에서 읽기' : 'Read it on our website';
}

/** `item="…"` for a card or report, and the link a reader without JavaScript follows. */
function itemEmbed(context: WidgetContext, kind: 'card' | 'report'): WidgetEmbed {
  const item = chosenItem(context.state, context.catalogue, kind);
  // A one-item feed (a draft) needs no `item`: the first item is the default anyway.
  const many = feedItems(context.catalogue).length > 1;
  const href =
    kind === 'report'
      ? (item?.url ?? item?.attachments?.[0]?.url)
      : (item?.url ?? item?.external_url);
  return {
    attributes: [['item', item && many ? item.id : undefined]],
    fallback: item && {
      href: href ?? PLACEHOLDER_LINK,
      text: item.title ?? href ?? linkWords(context.state),
    },
  };
}

function itemControls(context: ControlsContext, kind: 'card' | 'report') {
  const items = feedItems(context.catalogue);
  if (items.length < 2) return nothing;
  const { strings: s, state, set } = context;
  return select(
    'item',
    kind === 'report' ? s.report : s.item,
    items.map((item) => ({ value: item.id, label: item.title ?? item.id })),
    chosenItem(state, context.catalogue, kind)?.id ?? '',
    (id) => set({ item: { ...state.item, [kind]: id } }),
  );
}

export const widgets: Record<ElementKind, WidgetEntry> = {
  card: {
    tag: tagNames.card,
    layouts: ['vertical', 'horizontal', 'compact'],
    embed: (context) => {
      const { attributes, fallback } = itemEmbed(context, 'card');
      const layout = context.layout === 'vertical' ? undefined : context.layout;
      return { attributes: [...attributes, ['layout', layout]], fallback };
    },
    controls: (context) => itemControls(context, 'card'),
  },

  list: {
    tag: tagNames.list,
    layouts: ['grid', 'list'],
    embed: ({ state, catalogue, layout }) => {
      const feed = catalogue.parsed?.feed;
      return {
        attributes: [
          ['layout', layout],
          ['limit', String(state.limit)],
          ['tag', tagList(catalogue).includes(state.tag) ? state.tag : undefined],
        ],
        fallback: feed && {
          href: feed.home_page_url ?? PLACEHOLDER_LINK,
          text: feed.title || linkWords(state),
        },
      };
    },
    controls: ({ state, catalogue, strings: s, set }) => {
      const tags = tagList(catalogue);
      return html`
        ${
          tags.length
            ? select(
                'tag',
                s.tag,
                [
                  { value: '', label: s.allTags },
                  ...tags.map((tag) => ({ value: tag, label: tag })),
                ],
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
            .value=${String(state.limit)}
            @change=${(e: Event) => {
              // Not live(): a re-render while someone types must not put the old number back.
              // The clamped number is written back here instead.
              const input = e.target as HTMLInputElement;
              const limit = clampLimit(input.value);
              input.value = String(limit);
              set({ limit });
            }}
          />
        </div>
      `;
    },
  },

  navigator: {
    tag: tagNames.navigator,
    layouts: ['full', 'compactNav', 'reader'],
    // A draft has no published page to link to, so the navigator shows the story itself.
    draftLayout: 'reader',
    embed: ({ state, catalogue, isDraft, layout }) => {
      const attributes: EmbedSpec['attributes'] = [];
      let fallback: EmbedSpec['fallback'];
      const series = chosenSeries(state, catalogue);
      if (series) {
        const part = chosenPart(state, series);
        const current = series.parts[part - 1]?.item;
        attributes.push(['series', series.id]);
        attributes.push(['part', isDraft && series.id === DRAFT_ID ? undefined : String(part)]);
        fallback = {
          href: current?.url ?? PLACEHOLDER_LINK,
          text: current?.title ?? series.title ?? linkWords(state),
        };
      }
      attributes.push(['variant', layout === 'compactNav' ? 'compact' : undefined]);
      attributes.push(['mode', layout === 'reader' ? 'reader' : undefined]);
      return { attributes, fallback };
    },
    controls: ({ state, catalogue, strings: s, set }) => {
      const series = chosenSeries(state, catalogue);
      if (!series) return nothing;
      const choices = seriesChoices(catalogue);
      // Only published parts: a part the feed does not have is an error state, not a preview.
      const parts = publishedParts(series).map((number) => {
        const title = series.parts[number - 1]?.item?.title;
        // Titles such as "Yoon Ha's Story: Part 3 - …" already say which part they are.
        const named = title && /\b(part|부)\s*\d|\d+\s*부/i.test(title);
        return { value: String(number), label: named ? title : s.partOption(number, title) };
      });
      return html`
        ${
          choices.length > 1
            ? select(
                'series',
                s.series,
                choices.map((choice) => ({ value: choice.id, label: choice.title })),
                series.id,
                (id) => set({ series: id, part: 0 }),
              )
            : nothing
        }
        ${
          parts.length > 1
            ? select('part', s.part, parts, String(chosenPart(state, series)), (part) =>
                set({ part: Number(part) }),
              )
            : nothing
        }
      `;
    },
  },

  report: {
    tag: tagNames.report,
    layouts: [],
    embed: (context) => itemEmbed(context, 'report'),
    controls: (context) => itemControls(context, 'report'),
  },
};
