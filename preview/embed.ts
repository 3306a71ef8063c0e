/**
 * What the widget in the frame gets, and the code the partner pastes: one pure function of the
 * state, the feed and the applied draft, so it can be tested without a page.
 */
import type { Catalogue } from './catalogue.js';
import type { DraftResult } from './draft.js';
import type { WidgetConfig } from './protocol.js';
import type { EmbedSpec } from './snippet.js';
import type { PreviewState } from './state.js';
import { chosenLayout, linkWords, PLACEHOLDER_LINK, widgets } from './widgets.js';

/** Why a draft's code is withheld (see `Embed.withheld`). */
export type Withheld = 'problems' | 'series';

export interface FeedAddresses {
  /** The demo feeds, as this page reaches them. */
  demo: string;
  series12: string;
  /** The public address the demo stands in for, written into the partner's code. */
  publicFeed: string;
}

export interface EmbedInput {
  state: PreviewState;
  catalogue: Catalogue;
  /** The draft as last applied ("Show draft" or a pause in typing). */
  draft: DraftResult | undefined;
  addresses: FeedAddresses;
}

export interface Embed {
  /** The partner's code. */
  spec: EmbedSpec;
  /**
   * Why no code is offered, if none is: the feed builder would refuse the draft (`problems`: a
   * front-matter value it could not read, such as an empty `content_warning:`, is missing from
   * the item, so the code would publish the story without it), or the frame shows what the
   * draft cannot be on a partner's page (`series`: a series made up for the navigator).
   */
  withheld: Withheld | undefined;
  /** The same widget for the frame: local feed addresses, drafts as a property. */
  frame: Omit<WidgetConfig, 'serial'>;
}

/** The feed the choosers and the frame's widget read; `undefined` for a draft or no address. */
export function feedAddress(state: PreviewState, addresses: FeedAddresses): string | undefined {
  if (state.source === 'demo' || state.source === 'series12') return addresses[state.source];
  if (state.source === 'url') return state.feedUrl || undefined;
  return undefined;
}

/** The widget and its code; `undefined` while there is nothing to show (no feed, no draft). */
export function embed({ state, catalogue, draft, addresses }: EmbedInput): Embed | undefined {
  const applied = state.source === 'draft' && draft?.ok ? draft : undefined;
  const address = feedAddress(state, addresses);
  if (state.source === 'draft' ? !applied : !address) return undefined;

  const entry = widgets[state.widget];
  const own = entry.embed({
    state,
    catalogue,
    isDraft: !!applied,
    layout: chosenLayout(state),
  });
  const publicSrc = state.source === 'url' ? address : addresses.publicFeed;
  const attributes: EmbedSpec['attributes'] = [
    ['src', applied ? undefined : publicSrc],
    ...own.attributes,
    ['hide-images', state.hideImages || undefined],
    ['theme', state.theme || undefined],
    ['lang', state.language],
  ];

  const frameAttributes: Record<string, string | true> = {};
  for (const [name, value] of attributes) {
    if (value === undefined || value === '') continue;
    // The frame reads the feed where this page reaches it, not at its public address.
    frameAttributes[name] = name === 'src' ? address! : value;
  }
  // The code carries the draft as written; the frame may be shown more (see DraftResult).
  const value = applied?.feed;
  const shown = applied && 'shown' in applied && applied.shown ? applied.shown : value;
  const isFeed = typeof shown === 'object' && shown !== null && 'items' in shown;
  return {
    spec: {
      tag: entry.tag,
      attributes,
      inline: value,
      fallback: own.fallback ?? { href: PLACEHOLDER_LINK, text: linkWords(state) },
    },
    withheld:
      applied && 'facts' in applied
        ? applied.facts.builder.length
          ? 'problems'
          : applied.facts.madeUpSeries
            ? 'series'
            : undefined
        : undefined,
    frame: {
      tag: entry.tag,
      attributes: frameAttributes,
      data: applied
        ? { property: isFeed || Array.isArray(shown) ? 'feed' : 'item', value: shown }
        : undefined,
      view: state.view,
      pageLanguage: state.language,
    },
  };
}

/**
 * An `http://` address a partner's `https://` page would refuse to load (mixed content): any
 * but this machine's own (`localhost`, `127.0.0.1`, `[::1]`), which browsers trust.
 */
export function insecureAddress(address: string): boolean {
  try {
    const { protocol, hostname } = new URL(address);
    return (
      protocol === 'http:' && !/^(localhost|127(\.\d+){3}|\[::1\])$|\.localhost$/.test(hostname)
    );
  } catch {
    return false;
  }
}
