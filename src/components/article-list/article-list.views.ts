import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Messages } from '../../i18n/index.js';
import { cardSkeleton, type CardLayout } from '../article-card/article-card.js';
import type { LanternErrorDetail } from '../shared/events.js';
import { templateStrings } from '../shared/heading.js';
import type { ArticleListView } from './list-pages.js';

// The buttons here have no `type="button"`: in a shadow root a button belongs to no form, so
// the default (`submit`) submits nothing.

export type ListLayout = 'grid' | 'list';

/** The most placeholder cards shown while the feed loads, however large `limit` is. */
const MAX_SKELETON_CARDS = 12;

/**
 * One card of the list, as the strings of an `html` template with the card's tag from tags.ts
 * (what `lit/static-html` builds, without its 0.2 KB and its lookup on every render). Built
 * once: Lit keeps a template per strings array. The values, in order: the item, the card
 * layout, the heading level, hide-images, reveal-warned, and whether it is the first card
 * (the one "Try again" focuses).
 */
const CARD_ITEM = templateStrings([
  `<li class="item"><lantern-article-card class="entry" exportparts="base:card-base,media:card-media,body:card-body,title:card-title,meta:card-meta,summary:card-summary" .item=`,
  ' layout=',
  ' heading-level=',
  ' ?hide-images=',
  ' ?reveal-warned=',
  ' ?data-focus=',
  '></lantern-article-card></li>',
]);

/**
 * What the list's templates read: the element itself, by the names of its members (its
 * settings, its state and its actions; article-list.ts passes `this`, not a copy of them).
 */
export interface ListContext {
  messages: Messages;
  locale: string;
  listLayout: ListLayout;
  effectiveCardLayout: CardLayout;
  /** The cards take their own height, not the room kept for any card. */
  fit?: boolean;
  /** How many cards the reader has asked to see. */
  shownCount: number;
  headingLevel: number;
  hideImages: boolean;
  revealWarned: boolean;
  fetchingMore: boolean;
  moreError: LanternErrorDetail | undefined;
  /** The polite live region's text: how many cards "Load more" brought. */
  announcement: string;
  /** Lit calls an @click listener with `this` the element. */
  loadMore(): void;
}

/**
 * The "name changed" note a story card may carry, in its body. (Its content warning goes above
 * the picture, in the room the cell keeps for it: see --_gate-room.)
 */
const NOTICES = html`<div class="note"><span class="skeleton-block line short"></span></div>`;

/** Placeholder cards, and the "Load more" row a feed usually needs, reserved while it loads. */
export function listSkeleton(c: ListContext, count: number): TemplateResult {
  return html`
    <div class="list ${c.listLayout}" part="base" aria-busy="true">
      <span class="visually-hidden">${c.messages.loading}</span>
      <ul
        class="items"
        part="list"
        role="list"
        data-cards=${c.effectiveCardLayout}
        aria-hidden="true"
      >
        ${Array.from(
          { length: Math.min(count, MAX_SKELETON_CARDS) },
          () =>
            html`<li class="item">
              ${cardSkeleton(c.effectiveCardLayout, !c.hideImages, 'card-', NOTICES)}
            </li>`,
        )}
      </ul>
      <div class="footer" part="footer" aria-hidden="true">
        <span class="skeleton-block button-block"></span>
      </div>
    </div>
  `;
}

export function listTemplate(c: ListContext, view: ArticleListView): TemplateResult {
  const { messages: m } = c;
  const visible = view.items.slice(0, c.shownCount);
  const more = view.items.length > c.shownCount || view.nextUrl;
  return html`
    <div class="list ${c.listLayout} ${c.fit ? 'fit' : ''}" part="base" lang=${c.locale}>
      ${
        visible.length
          ? html`<ul
              class="items"
              part="list"
              role="list"
              data-cards=${c.effectiveCardLayout}
              @lantern-load=${(event: Event) => event.stopPropagation()}
            >
              ${visible.map((item, index) =>
                // Keyed, so a position never shows a new item in the old item's card (its
                // picture, its focus); "Load more" only appends, and appended cards are new.
                keyed(
                  item.id,
                  html(
                    CARD_ITEM,
                    item,
                    c.effectiveCardLayout,
                    c.headingLevel,
                    c.hideImages,
                    c.revealWarned,
                    index === 0,
                  ),
                ),
              )}
            </ul>`
          : html`<p class="empty" part="empty">${m.noItems}</p>`
      }
      ${
        more
          ? html`<div class="footer" part="footer">
              ${c.moreError ? html`<p class="more-error" role="alert">${m.loadMoreFailed}</p>` : nothing}
              <button
                class="button"
                part="button"
                aria-disabled=${c.fetchingMore}
                @click=${c.loadMore}
              >
                ${c.fetchingMore ? m.loadingMore : m.loadMore}
              </button>
            </div>`
          : nothing
      }
      <p class="visually-hidden" role="status">${c.announcement}</p>
    </div>
  `;
}
