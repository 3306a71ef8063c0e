import { html, isServer, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { cutText, itemExcerpt } from '../../content/excerpt.js';
import { authorNames, isWarnedItem, itemReadingMinutes, pickItem } from '../../content/items.js';
import type { FeedItem, ParsedFeed } from '../../content/types.js';
import { formatDate, formatList } from '../../i18n/index.js';
import { hostStyles } from '../../theme/tokens.js';
import { headingTemplate } from '../shared/heading.js';
import { contentWarning, feedImage, pseudonymNote } from '../shared/templates.js';
import { LanternElement } from '../shared/lantern-element.js';
import { setState } from '../shared/states.js';
import { articleCardStyles } from './article-card.styles.js';

export type CardLayout = 'vertical' | 'horizontal' | 'compact';

/**
 * The picture's box with no picture in it: a warned item's, not yet requested (`placeholder`,
 * shaded), or plain, the box a card without one keeps where it replaced a placeholder with a
 * picture in view (below); or the skeleton's (`skeleton-block`), its part named with
 * `cardSkeleton`'s prefix.
 */
const emptyMedia = (kind = '', partPrefix = '') =>
  html`<div class="media" part="${partPrefix}media" aria-hidden="true">
    <div class="media-frame ${kind}"></div>
    <p class="credit"></p>
  </div>`;

/** An attribute value as a known layout; anything else is the default, `vertical`. */
export function toCardLayout(value: string | null | undefined): CardLayout {
  return value === 'horizontal' || value === 'compact' ? value : 'vertical';
}

/**
 * The placeholder of one card, the same size as a loaded card without a content warning.
 * Shared with `<lantern-article-list>`, which shows these while its feed loads (its styles
 * include the card's, so the sizes agree). `partPrefix` names the parts as the list exports
 * them (`card-base`…), so a partner's `::part` rules reach the placeholder too.
 * `notices` goes between the meta lines and the summary: the list reserves there the safety
 * notices a story card may carry, as it cannot know its items yet.
 */
export function cardSkeleton(
  layout: CardLayout,
  withImage: boolean,
  partPrefix = '',
  notices: unknown = nothing,
): TemplateResult {
  return html`
    <div class="card skeleton ${layout}" part="${partPrefix}base" aria-hidden="true">
      ${withImage && layout !== 'compact' ? emptyMedia('skeleton-block', partPrefix) : nothing}
      <div class="body" part="${partPrefix}body">
        <div class="tags"><span class="skeleton-block line"></span></div>
        <div class="title">
          <span class="skeleton-block line"></span><span class="skeleton-block line short"></span>
        </div>
        <div class="meta">
          <span class="skeleton-block line"></span><span class="skeleton-block line short"></span>
        </div>
        ${notices}
        <div class="summary">
          <span class="skeleton-block line"></span><span class="skeleton-block line"></span
          ><span class="skeleton-block line short"></span>
        </div>
      </div>
    </div>
  `;
}

/**
 * One article from a JSON Feed: image with alt text and credit, tags, the title as a real
 * link, date, byline, reading time, the "name changed for safety" note and the summary.
 * A content warning comes first, before the image and the text; a warned item's image and
 * summary stay hidden (no image is even requested) until the reader presses "Show content".
 *
 * @summary An article card for a partner's page.
 *
 * @slot - Fallback content shown before the element upgrades and again if loading fails,
 *   e.g. a plain `<a href>` to the article. Also where an inline
 *   `<script type="application/feed+json">` (a feed or a single item) goes.
 *
 * @attr {string} src - URL of a JSON Feed (https:, http: or relative).
 * @attr {string} item - Id of the item to show (default: the first item).
 * @attr {'vertical'|'horizontal'|'compact'} layout - Card layout (default `vertical`);
 *   `horizontal` puts the image beside the text when the card is at least 34em wide;
 *   `compact` has no image.
 * @attr {boolean} hide-images - Show no image and make no image request.
 * @attr {boolean} reveal-warned - Show a warned item's image and summary at once, under its
 *   content warning, instead of behind a "Show content" button.
 * @attr {'light'|'dark'|'auto'} theme - Colour scheme; default follows the host page.
 * @attr {number} heading-level - Heading level of the title (2–6, default 2).
 * @attr {string} lang - Interface language (`en`, `ko`); default: the closest `[lang]`.
 *
 * @prop {string} src - URL of a JSON Feed.
 * @prop {FeedItem | string} item - An item object (frameworks; takes precedence over the
 *   inline feed and `src`), or the id of the item to show.
 * @prop {Feed} feed - A whole feed object (frameworks); takes precedence over everything.
 * @prop {'vertical'|'horizontal'|'compact'} layout - Card layout.
 * @prop {boolean} hideImages - Show no image and make no image request.
 * @prop {boolean} revealWarned - Show a warned item's image and summary at once.
 * @prop {'light'|'dark'|'auto'} theme - Colour scheme.
 * @prop {number} headingLevel - Heading level of the title.
 *
 * @fires {CustomEvent<LanternLoadDetail>} lantern-load - The article has rendered;
 *   `detail.items` is 1.
 * @fires {CustomEvent<LanternErrorDetail>} lantern-error - Loading or validation failed;
 *   `detail` names the cause (`kind`, `message`, `url`, `status`).
 *
 * @csspart base - The card (and the error box when loading failed).
 * @csspart media - The image and its credit.
 * @csspart body - Everything below (or beside) the image.
 * @csspart title - The title heading.
 * @csspart meta - The tags line and the date/byline/reading-time line.
 * @csspart summary - The summary.
 * @csspart button - The "Try again" button of the error state.
 *
 * @cssprop --lantern-card-media-ratio - Image aspect ratio (default 16 / 9).
 */
export class LanternArticleCard extends LanternElement<FeedItem> {
  static override styles = [hostStyles, articleCardStyles];
  static override properties: PropertyDeclarations = {
    layout: { reflect: true },
    imageFailed: { state: true },
    revealed: { state: true },
  };

  declare layout: CardLayout;
  /** The image did not load: show the plain placeholder instead of a broken image (unset until then). */
  declare private imageFailed?: boolean;
  /** The reader pressed "Show content" for this item. */
  declare private revealed?: boolean;
  /**
   * Whether the box the card's next render replaces is picture-sized: after a render, whether
   * it drew a placeholder or a card with a picture or its room. Unset before the first render,
   * where `replacesPlaceholderInView` asks whether the element had `lantern.css`'s box (it was
   * not created by script, a list's card or a framework's, nor server-rendered: no room kept).
   */
  private drew?: boolean;
  private pendingFocus: FocusOptions | undefined;
  /**
   * Carries `:state(text-only)`: no picture, no room for one and no warning, so a list keeps
   * room for neither.
   */
  private readonly internals = isServer ? undefined : this.attachInternals();

  constructor() {
    super();
    this.layout = 'vertical';
  }

  protected override select(parsed: ParsedFeed): FeedItem {
    this.imageFailed = this.revealed = false;
    return pickItem(parsed, typeof this.item === 'string' ? this.item : undefined);
  }

  /**
   * Moves focus to the title link, the card's one interactive element; while the card is
   * still loading, it does so as soon as the title is there.
   */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot?.querySelector<HTMLElement>('[data-focus]');
    if (target) {
      this.pendingFocus = undefined;
      target.focus(options);
    } else {
      this.pendingFocus = options ?? {};
    }
  }

  protected override updated(): void {
    super.updated();
    if (this.pendingFocus && this.status === 'ready') this.focus(this.pendingFocus);
  }

  protected override renderSkeleton(): TemplateResult {
    this.drew = !this.hideImages;
    return html`
      <div class="loading" aria-busy="true">
        <span class="visually-hidden">${this.messages.loading}</span
        >${cardSkeleton(toCardLayout(this.layout), !this.hideImages)}
      </div>
    `;
  }

  /** A warned item's image and summary wait for the reader (or `reveal-warned`). */
  private hidesWarned(item: FeedItem): boolean {
    return isWarnedItem(item) && !this.revealWarned && !this.revealed;
  }

  /**
   * The image and its credit, or `nothing`: an item without an image, or whose image failed to
   * load, gets a card without a picture box (`text-only`), never an empty frame.
   */
  private renderMedia(
    item: FeedItem,
    layout: CardLayout,
    /** The item's language, where it has one: of the alt text and the credit. */
    lang: string | undefined,
  ): TemplateResult | typeof nothing {
    const ext = item._lantern ?? {};
    const image = item.image;
    if (layout === 'compact' || !this.imagesAllowed(item) || !image || this.imageFailed) {
      return nothing;
    }
    // Hidden means not requested either: the placeholder keeps the box until the reader chooses.
    if (this.hidesWarned(item)) return emptyMedia('placeholder');
    return html`
      <figure class="media" part="media">
        ${feedImage(image, ext.image_alt ?? '', {
          className: 'media-frame',
          width: 1200,
          height: 675,
          lang,
          onError: () => (this.imageFailed = true),
        })}
        <figcaption class="credit">
          ${ext.image_credit && this.messages.imageCredit}<span lang=${ifDefined(lang)}
            >${ext.image_credit}</span
          >
        </figcaption>
      </figure>
    `;
  }

  protected override renderView(item: FeedItem): TemplateResult {
    const m = this.messages;
    const locale = this.locale;
    const ext = item._lantern ?? {};
    const itemLang = item.language;
    // The item's language, where it has one (the attribute left out where not).
    const lang = ifDefined(itemLang);
    const minutes = itemReadingMinutes(item);
    const authors = authorNames(item);
    const date = formatDate(item.date_published, locale);
    const href = item.url ?? item.external_url;
    const hidden = this.hidesWarned(item);
    // A screen reader that jumps to the title (by heading or Tab) hears the warning above it:
    // the title link is described by the warning's id (only a warned item has one).
    const warningId = isWarnedItem(item) ? 'warning' : undefined;
    const excerpt = itemExcerpt(item);
    const time = date
      ? html`<time datetime=${item.date_published!} lang=${locale}>${date}</time>`
      : nothing;
    // An untitled item (a micro-post) is named by its date, else by its opening words.
    // A card shows three lines of title, and a screen reader hears it whole up to 1,000
    // characters; past that (a crafted feed) the rest would only cost layout.
    const label = (item.title && cutText(item.title, 1_000)) || date;
    const title = item.title ? label : date ? time : (!hidden && cutText(excerpt, 80)) || href;
    const layout = toCardLayout(this.layout);
    const media = this.renderMedia(item, layout, itemLang);
    // The placeholder had a picture: without one, the card may keep its box (`room`).
    const textOnly = media === nothing && layout !== 'compact' && !this.hideImages;
    // Without a picture, the card keeps the picture's box, empty, where it replaces a
    // placeholder with one in view or above it, where shrinking would move the page. (Never on a
    // server: an element there is not connected, and renders once.)
    const room = textOnly && this.replacesPlaceholderInView(this.drew);
    this.drew = media !== nothing || room;
    // A list sizes a card without a picture's room without it, nor a warning's (a warned
    // card keeps both: its warning and button need more than the picture's room gives back).
    setState(this.internals?.states, 'text-only', textOnly && !room && !warningId);
    return html`
      <article class="card ${layout}" part="base" lang=${locale}>
        ${contentWarning(m, ext.content_warning, itemLang, {
          id: 'warning',
          revealed: this.revealed,
          subject: label,
          // No button where it would show nothing (no picture, no summary): the warning only.
          onToggle:
            this.revealWarned || !(this.revealed || excerpt || media !== nothing)
              ? undefined
              : () => (this.revealed = !this.revealed),
        })}${room ? emptyMedia() : media}
        <div class="body" part="body">
          <p class="tags" part="meta" lang=${lang}>
            ${(item.tags ?? []).map((tag) => html`<span>${tag}</span>`)}
          </p>
          ${headingTemplate(
            this.headingLevel,
            href
              ? html`<a
                  href=${href}
                  referrerpolicy="no-referrer"
                  lang=${lang}
                  aria-describedby=${ifDefined(warningId)}
                  data-focus
                  >${title}</a
                >`
              : html`<span lang=${lang} tabindex="-1" data-focus>${title}</span>`,
          )}
          <p class="meta" part="meta">
            <span class="byline"
              >${authors[0] && m.by}<span lang=${lang}
                >${formatList(authors, itemLang ?? locale)}</span
              ></span
            >
            <span class="dateline"
              >${item.title ? time : nothing}
              ${minutes ? html`<span>${m.minutesToRead(minutes)}</span>` : nothing}</span
            >
          </p>
          ${pseudonymNote(m.pseudonym, ext.pseudonym)}${
            hidden ? nothing : html`<p class="summary" part="summary" lang=${lang}>${excerpt}</p>`
          }
        </div>
      </article>
    `;
  }
}
