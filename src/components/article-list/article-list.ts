import { isServer, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { isAbort } from '../../content/errors.js';
import { pickItem } from '../../content/items.js';
import type { ParsedFeed } from '../../content/types.js';
import { hostStyles } from '../../theme/tokens.js';
import {
  toCardLayout,
  type CardLayout,
  type LanternArticleCard,
} from '../article-card/article-card.js';
import { articleCardStyles } from '../article-card/article-card.styles.js';
import { lanternEvent, type LanternErrorDetail } from '../shared/events.js';
import { withListText } from '../../i18n/messages-en-list.js';
import { LanternElement, errorDetail } from '../shared/lantern-element.js';
import { articleListStyles } from './article-list.styles.js';
import {
  listSkeleton,
  listTemplate,
  type ListContext,
  type ListLayout,
} from './article-list.views.js';
import { fetchMore, newestFirst, nextPage, oneEach, type ArticleListView } from './list-pages.js';

export type { ListLayout } from './article-list.views.js';
export { newestFirst, withTag, type ArticleListView } from './list-pages.js';

export const DEFAULT_LIMIT = 6;
/**
 * The most cards shown at first or added by one "Load more", however large `limit` is: each
 * card is built in one task, and 1,000 of them held the page for 0.5 to 1.8 s (long items,
 * measured on 2026-12-05); 100 take about 0.1 to 0.3 s.
 */
const MAX_LIMIT = 100;
/** A card that never reports back (removed mid-load) does not hold `updateComplete` forever. */
const CARD_SETTLE_TIMEOUT_MS = 3000;
/** The events after which a card has settled: its content, or its error, is shown. */
const SETTLED = ['lantern-load', 'lantern-error'];

/**
 * Many articles from one JSON Feed as `<lantern-article-card>`s: newest first, optionally only
 * those with one tag, `limit` at a time, with "Load more" that reveals the rest and then
 * follows the feed's `next_url`. Widgets on a page that use the same `src` share one request.
 *
 * Register it with `lantern-widgets/article-list` (which also registers
 * `<lantern-article-card>`, whose element it renders).
 *
 * @summary A list or grid of article cards from one feed.
 *
 * @slot - Fallback content shown before the element upgrades and again if loading fails,
 *   e.g. a plain link to the partner's news page. Also where an inline
 *   `<script type="application/feed+json">` goes.
 *
 * @attr {string} src - URL of a JSON Feed (https:, http: or relative).
 * @attr {number} limit - How many cards to show at first, and how many more each "Load more"
 *   adds (default 6, at most 100).
 * @attr {string} tag - Show only items with this tag (case-insensitive).
 * @attr {'grid'|'list'} layout - `grid` (default): as many columns as fit; `list`: one column.
 * @attr {'vertical'|'horizontal'|'compact'} card-layout - Layout of each card (default:
 *   `vertical` in a grid, `horizontal` in a list).
 * @attr {boolean} hide-images - Show no image and make no image request.
 * @attr {boolean} reveal-warned - Show warned items' images and summaries at once, under their
 *   warnings, instead of behind each card's "Show content" button.
 * @attr {'light'|'dark'|'auto'} theme - Colour scheme; default follows the host page.
 * @attr {number} heading-level - Heading level of each card's title (2–6, default 2).
 * @attr {string} lang - Interface language (`en`, `ko`); default: the closest `[lang]`.
 *
 * @prop {string} src - URL of a JSON Feed.
 * @prop {Feed} feed - A whole feed object (frameworks); takes precedence over the inline
 *   feed and `src`.
 * @prop {number} limit - Cards shown at first and added by each "Load more" (at most 100).
 * @prop {string} tag - Show only items with this tag.
 * @prop {'grid'|'list'} layout - Grid or single column.
 * @prop {'vertical'|'horizontal'|'compact'|undefined} cardLayout - Layout of each card.
 * @prop {boolean} hideImages - Show no image and make no image request.
 * @prop {boolean} revealWarned - Show warned items' images and summaries at once.
 * @prop {'light'|'dark'|'auto'} theme - Colour scheme.
 * @prop {number} headingLevel - Heading level of each card's title.
 *
 * @fires {CustomEvent<LanternLoadDetail>} lantern-load - Cards have rendered, first and after
 *   each "Load more"; `detail.items` is how many are shown.
 * @fires {CustomEvent<LanternErrorDetail>} lantern-error - The feed, or its next page, failed
 *   to load; `detail` names the cause (`kind`, `message`, `url`, `status`).
 *
 * @csspart base - The whole list (and the error box when loading failed).
 * @csspart list - The `<ul>` of cards.
 * @csspart empty - The "No articles to show yet" message.
 * @csspart footer - The area of the "Load more" button.
 * @csspart button - The "Load more" and "Try again" buttons.
 * @csspart card-base - Each card (the card's `base` part).
 * @csspart card-media - Each card's image and credit.
 * @csspart card-body - Each card's text.
 * @csspart card-title - Each card's title heading.
 * @csspart card-meta - Each card's tags and date/byline lines.
 * @csspart card-summary - Each card's summary.
 *
 * @cssprop --lantern-card-media-ratio - Image aspect ratio (default 16 / 9).
 * @cssprop --lantern-list-column-width - Narrowest grid column (default 20em).
 */
export class LanternArticleList extends LanternElement<ArticleListView> {
  static {
    // This widget's English text travels with its code, not in every card page's entry.
    withListText();
  }

  static override styles = [hostStyles, articleCardStyles, articleListStyles];
  static override properties: PropertyDeclarations = {
    limit: { type: Number, reflect: true },
    tag: { reflect: true },
    layout: { reflect: true },
    cardLayout: { attribute: 'card-layout', reflect: true },
    shownCount: { state: true },
    fetchingMore: { state: true },
    moreError: { state: true },
    announcement: { state: true },
  };

  declare limit: number;
  declare tag: string | undefined;
  declare layout: ListLayout;
  declare cardLayout: CardLayout | undefined;
  /** How many cards the reader has asked to see (the first `limit`, plus each "Load more"). */
  declare private shownCount: number;
  declare private fetchingMore: boolean;
  declare private moreError: LanternErrorDetail | undefined;
  declare private announcement: string;
  /** The items arrived while the list was below the screen (see willUpdate). */
  declare private fit?: boolean;

  private moreController: AbortController | undefined;
  declare private cardSettled: WeakMap<Element, { item: unknown; done: Promise<unknown> }>;

  protected override setup(): void {
    this.cardSettled = new WeakMap();
    this.limit = DEFAULT_LIMIT;
    this.layout = 'grid';
    this.shownCount = DEFAULT_LIMIT;
    this.fetchingMore = false;
    this.announcement = '';
  }

  private get pageSize(): number {
    const limit = Math.floor(Number(this.limit));
    return limit >= 1 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT;
  }

  private get listLayout(): ListLayout {
    return this.layout === 'list' ? 'list' : 'grid';
  }

  private get effectiveCardLayout(): CardLayout {
    if (this.cardLayout) return toCardLayout(this.cardLayout);
    return this.listLayout === 'list' ? 'horizontal' : 'vertical';
  }

  protected override dataChanged(changed: PropertyValues): boolean {
    return changed.has('tag');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Items that arrive while the list is below the screen move nothing in view: its cards
    // may take their own height instead of the room kept for any card (the styles' .fit).
    // Decided when a load ends, not on "Load more" (the reader is looking at the list then).
    if (changed.has('status') && this.status === 'ready' && !isServer) {
      this.fit = this.getBoundingClientRect().top > innerHeight;
    }
    if (!this.hasUpdated) return;
    if (['src', 'item', 'feed', 'tag'].some((key) => changed.has(key))) this.abortMore();
    if (changed.has('limit')) this.shownCount = this.pageSize;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abortMore();
  }

  private abortMore(): void {
    this.moreController?.abort();
    this.moreController = undefined;
    this.fetchingMore = false;
  }

  protected override select(parsed: ParsedFeed): ArticleListView {
    this.abortMore();
    this.shownCount = this.pageSize;
    this.moreError = undefined;
    this.announcement = '';
    const visited = new Set<string>();
    if (this.src && !this.feed && typeof this.item !== 'object') {
      visited.add(new URL(this.src, document.baseURI).href);
    }
    // A server render (no page yet) with no base has no origin to load more pages from.
    const origin = this.dataBase ?? (isServer ? 'about:blank' : document.baseURI);
    const seen = newestFirst(parsed.feed.items);
    // No item, and warnings (items given and every one refused, or a feed not as it should
    // be): a broken feed, not an empty one. The error the card gives it ("The feed has no
    // items."), with the warnings above saying why, not "No articles to show yet".
    if (!seen.length && parsed.warnings.length) pickItem(parsed);
    return {
      items: oneEach(seen, this.tag),
      seen,
      nextUrl: nextPage(parsed.feed.next_url, visited, origin, (m) => this.warn(m)),
      visited,
      origin,
    };
  }

  protected override renderedItemCount(view: ArticleListView): number {
    return Math.min(this.shownCount, view.items.length);
  }

  private cards(): LanternArticleCard[] {
    return [...this.renderRoot.querySelectorAll<LanternArticleCard>('.entry')];
  }

  /** Notes, for every card given a new item, when it has rendered (or failed). */
  protected override updated(): void {
    super.updated();
    for (const card of this.cards()) {
      if (this.cardSettled.get(card)?.item === card.item) continue;
      // Whichever comes first settles it (the other's listener, left behind, settles nothing).
      const done = new Promise((resolve) => {
        for (const type of SETTLED) card.addEventListener(type, resolve, { once: true });
      });
      this.cardSettled.set(card, { item: card.item, done });
    }
  }

  /** `updateComplete` (and so `lantern-load`) waits until the cards themselves have rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    const pending = this.cards().map((card) => this.cardSettled.get(card)?.done);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(pending),
      new Promise((resolve) => (timer = setTimeout(resolve, CARD_SETTLE_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    return result;
  }

  /**
   * Shows `limit` more cards: first those already fetched, then the feed's next page.
   * Focus moves to the first new card's title and a polite live region says how many came.
   */
  async loadMore(): Promise<void> {
    const view = this.view;
    if (!view || this.status !== 'ready' || this.fetchingMore) return;
    const before = Math.min(this.shownCount, view.items.length);
    let current = view;
    if (before >= view.items.length && view.nextUrl) {
      const controller = new AbortController();
      this.moreController = controller;
      this.fetchingMore = true;
      this.moreError = undefined;
      try {
        current = await fetchMore(view, {
          tag: this.tag,
          signal: controller.signal,
          timeoutMs: this.timeoutMs,
          warn: (m) => this.warn(m),
        });
      } catch (cause) {
        if (controller.signal.aborted || isAbort(cause)) return;
        this.moreController = undefined;
        this.fetchingMore = false;
        // The next page failed: the cards stay, a message says so, "Load more" tries again.
        const detail = (this.moreError = errorDetail(cause));
        this.warn(`${detail.message}${detail.url ? ` (${detail.url})` : ''}`);
        this.dispatchEvent(lanternEvent('lantern-error', detail));
        return;
      }
      if (controller.signal.aborted || this.view !== view) return;
      this.moreController = undefined;
      this.fetchingMore = false;
      this.view = current;
    }
    this.shownCount = before + this.pageSize;
    const added = Math.min(this.shownCount, current.items.length) - before;
    this.announcement = '';
    await this.updateComplete;
    this.announcement = this.messages.itemsLoaded(added);
    // The button may be gone now: focus the first new card, or the last one if none came.
    const cards = this.cards();
    (cards[before] ?? cards[cards.length - 1])?.focus();
    this.dispatchEvent(lanternEvent('lantern-load', { items: this.renderedItemCount(current) }));
  }

  protected override renderSkeleton(): TemplateResult {
    return listSkeleton(this as unknown as ListContext, this.pageSize);
  }

  protected override renderView(view: ArticleListView): TemplateResult {
    return listTemplate(this as unknown as ListContext, view);
  }
}
