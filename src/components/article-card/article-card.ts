import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { FeedError } from '../../content/errors.js';
import { roughText, readingMinutes } from '../../content/text.js';
import type { FeedItem, ParsedFeed } from '../../content/types.js';
import { formatDate, formatList } from '../../i18n/index.js';
import { hostStyles } from '../../theme/tokens.js';
import { headingTemplate } from '../shared/heading.js';
import { LanternElement } from '../shared/lantern-element.js';
import { articleCardStyles } from './article-card.styles.js';

export type CardLayout = 'vertical' | 'horizontal' | 'compact';

/** Minutes to read an item's body; `undefined` for a link-out item with no body. */
export function itemReadingMinutes(item: FeedItem): number | undefined {
  const body = item._lantern?.content_markdown ?? item.content_html ?? item.content_text;
  if (!body) return undefined;
  return readingMinutes(roughText(body)) || undefined;
}

/** Picks the item a widget was asked for: by id, else the first. */
export function pickItem(parsed: ParsedFeed, id: string | undefined): FeedItem {
  const items = parsed.feed.items;
  if (id) {
    const found = items.find((item) => item.id === id);
    if (!found) throw new FeedError('not-found', `The feed has no item with the id "${id}".`);
    return found;
  }
  const first = items[0];
  if (!first) throw new FeedError('not-found', 'The feed has no items.');
  return first;
}

/**
 * One article from a JSON Feed: image with alt text and credit, tags, the title as a real
 * link, date, byline, reading time, content warning and summary.
 *
 * @summary An article card for a partner's page.
 *
 * @slot - Fallback content shown before the element upgrades and again if loading fails,
 *   e.g. a plain `<a href>` to the article. Also where an inline
 *   `<script type="application/feed+json">` goes.
 *
 * @attr {string} src - URL of a JSON Feed.
 * @attr {string} item - Id of the item to show (default: the first item).
 * @attr {'vertical'|'horizontal'|'compact'} layout - Card layout; `compact` has no image.
 * @attr {boolean} hide-images - Show no image and make no image request.
 * @attr {'light'|'dark'|'auto'} theme - Colour scheme; default follows the host page.
 * @attr {number} heading-level - Heading level of the title (2–6, default 2).
 * @attr {string} lang - Interface language (`en`, `ko`); default: closest `[lang]`.
 *
 * @prop {FeedItem} item - An item object (frameworks); takes precedence over `src`.
 * @prop {Feed} feed - A whole feed object (frameworks); takes precedence over everything.
 *
 * @fires {CustomEvent<LanternLoadDetail>} lantern-load - The article has rendered.
 * @fires {CustomEvent<LanternErrorDetail>} lantern-error - Loading or validation failed; `detail` names the cause.
 *
 * @csspart base - The card.
 * @csspart media - The image and its credit.
 * @csspart title - The title heading.
 * @csspart meta - The tags line and the date/byline/reading-time line.
 * @csspart summary - The summary.
 * @csspart button - The "Try again" button of the error state.
 *
 * @cssprop --lantern-font-family - Font family (default: inherited from the host page).
 * @cssprop --lantern-font-size - Base size; everything scales from it (default 16px).
 * @cssprop --lantern-color-text - Text colour.
 * @cssprop --lantern-color-muted - Secondary text colour.
 * @cssprop --lantern-color-surface - Card background.
 * @cssprop --lantern-color-surface-raised - Image placeholder and hover background.
 * @cssprop --lantern-color-border - Border colour.
 * @cssprop --lantern-color-accent - Links, tags and buttons.
 * @cssprop --lantern-color-warning-surface - Content warning background.
 * @cssprop --lantern-color-warning-text - Content warning text.
 * @cssprop --lantern-radius - Corner radius.
 * @cssprop --lantern-space - Inner spacing.
 * @cssprop --lantern-focus-ring - Focus outline.
 * @cssprop --lantern-card-media-ratio - Image aspect ratio (default 16 / 9).
 */
export class LanternArticleCard extends LanternElement<FeedItem> {
  static override styles = [hostStyles, articleCardStyles];
  static override properties: PropertyDeclarations = {
    layout: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  declare layout: CardLayout;
  declare headingLevel: number;

  constructor() {
    super();
    this.layout = 'vertical';
    this.headingLevel = 2;
  }

  protected override select(parsed: ParsedFeed): FeedItem {
    return pickItem(parsed, typeof this.item === 'string' ? this.item : undefined);
  }

  private get showsImage(): boolean {
    return this.layout !== 'compact';
  }

  private heading(content: TemplateResult): TemplateResult {
    return headingTemplate(this.headingLevel, 'title', content);
  }

  protected override renderSkeleton(): TemplateResult {
    return html`
      <div class="card skeleton ${this.layout}" part="base" aria-busy="true">
        <span class="visually-hidden">${this.messages.loading}</span>
        ${
          this.showsImage
            ? html`<div class="media" part="media">
                ${this.hideImages ? nothing : html`<div class="skeleton-block"></div>`}
                <p class="credit"></p>
              </div>`
            : nothing
        }
        <div class="body">
          <div class="tags"><span class="skeleton-block line"></span></div>
          <div class="title">
            <span class="skeleton-block line"></span><span class="skeleton-block line short"></span>
          </div>
          <div class="meta"><span class="skeleton-block line short"></span></div>
          <div class="summary">
            <span class="skeleton-block line"></span><span class="skeleton-block line"></span
            ><span class="skeleton-block line short"></span>
          </div>
        </div>
      </div>
    `;
  }

  protected override renderView(item: FeedItem): TemplateResult {
    const m = this.messages;
    const locale = this.locale;
    const ext = item._lantern ?? {};
    const minutes = itemReadingMinutes(item);
    const authors = (item.authors ?? []).map((a) => a.name).filter((n): n is string => !!n);
    const date = formatDate(item.date_published, locale);
    const href = item.url ?? item.external_url;
    const image = this.showsImage && this.imagesAllowed(item) ? item.image : undefined;
    const title = item.title ?? item.summary?.slice(0, 80) ?? '';
    return html`
      <article class="card ${this.layout}" part="base" lang=${item.language ?? locale}>
        ${
          this.showsImage && !this.hideImages && !ext.hide_images
            ? html`<figure class="media" part="media">
                ${
                  image
                    ? html`<img
                        src=${image}
                        alt=${ext.image_alt ?? ''}
                        width="1200"
                        height="675"
                        loading="lazy"
                        decoding="async"
                        referrerpolicy="no-referrer"
                      />`
                    : html`<div class="skeleton-block" aria-hidden="true"></div>`
                }
                <figcaption class="credit">
                  ${image && ext.image_credit ? m.imageCredit(ext.image_credit) : nothing}
                </figcaption>
              </figure>`
            : nothing
        }
        <div class="body">
          <p class="tags" part="meta">${(item.tags ?? []).join(' · ')}</p>
          ${this.heading(
            href
              ? html`<a href=${href} data-focus-after-retry>${title}</a>`
              : html`<span tabindex="-1" data-focus-after-retry>${title}</span>`,
          )}
          <p class="meta" part="meta">
            ${
              date
                ? html`<span><time datetime=${item.date_published ?? ''}>${date}</time></span>`
                : nothing
            }
            ${authors.length ? html`<span>${m.by(formatList(authors, locale))}</span>` : nothing}
            ${minutes ? html`<span>${m.minutesToRead(minutes)}</span>` : nothing}
          </p>
          ${ext.pseudonym ? html`<p class="note">${m.pseudonym}</p>` : nothing}
          ${
            ext.content_warning
              ? html`<p class="content-warning">
                  <strong>${m.contentWarning}:</strong> ${ext.content_warning}
                </p>`
              : nothing
          }
          ${item.summary ? html`<p class="summary" part="summary">${item.summary}</p>` : nothing}
        </div>
      </article>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lantern-article-card': LanternArticleCard;
  }
}
