import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { FeedError } from '../../content/errors.js';
import { bodySource, renderRichContent } from '../../content/rich.js';
import type { FeedItem, ParsedFeed } from '../../content/types.js';
import { formatDate, formatList, messagesFor } from '../../i18n/index.js';
import { hostStyles } from '../../theme/tokens.js';
import { itemReadingMinutes } from '../../content/items.js';
import { lanternEvent } from '../shared/events.js';
import { headingTemplate } from '../shared/heading.js';
import {
  contentWarning,
  feedImage,
  isWarned,
  pseudonymNote,
  warningText,
} from '../shared/templates.js';
import { LanternElement } from '../shared/lantern-element.js';
import { markPartRead, partsRead } from './reading-progress.js';
import {
  findSeries,
  isPublished,
  neighbour,
  partFromHash,
  partTitle,
  type Series,
  type SeriesPart,
} from './series.js';
import { storyNavigatorStyles } from './story-navigator.styles.js';

export type NavigatorMode = 'navigation' | 'reader';
export type NavigatorVariant = 'full' | 'compact';

export interface LanternPartChangeDetail {
  /** The part now shown (1-based). */
  part: number;
  /** Its feed item. */
  item: FeedItem;
}

export interface NavigatorView {
  series: Series;
  /** The part being read; `undefined` when none was named (a series overview). */
  current: number | undefined;
  /** The part the attributes name, shown again when the URL loses its `#part-N`. */
  initial: number | undefined;
  /** Parts read in this tab; always empty unless `remember="session"`. */
  read: ReadonlySet<number>;
}

/**
 * A multi-part story: the series title, "Part 3 of 3", every part in order (the current one
 * marked, unpublished ones shown as "coming soon"), and previous/next links. In reader mode it
 * also shows the current part's body and switches parts in place, keeping `#part-N` in the URL.
 * A part's content warning comes before its image and text; in reader mode a warned part's
 * image, summary and body stay hidden (nothing is requested) until the reader presses "Show
 * content". The previous/next links carry their part's warning too.
 *
 * @summary Navigation for a multi-part story, optionally with the story itself.
 *
 * @slot - Fallback content shown before the element upgrades and again if loading fails,
 *   e.g. plain links to the parts. Also where an inline
 *   `<script type="application/feed+json">` goes.
 *
 * @attr {string} src - URL of a JSON Feed.
 * @attr {string} series - Id of the series (default: the series of `item`, else the first in the feed).
 * @attr {number} part - The current part's number.
 * @attr {string} item - Id of the current part's item (also picks its series).
 * @attr {'navigation'|'reader'} mode - `reader` also renders the current part and switches parts in place.
 * @attr {'full'|'compact'} variant - `compact`: just "Part 3 of 3" with previous/next, for the top of an article.
 * @attr {'session'} remember - Opt in to marking the parts read in this browser tab (sessionStorage only).
 * @attr {boolean} hide-images - Show no image and make no image request.
 * @attr {boolean} reveal-warned - Reader mode: show a warned part's image and body at once,
 *   under its content warning, instead of behind a "Show content" button.
 * @attr {'light'|'dark'|'auto'} theme - Colour scheme; default follows the host page.
 * @attr {number} heading-level - Heading level of the series title (2–6, default 2); the part's
 *   heading in reader mode is one below, and the body's headings below that.
 * @attr {string} lang - Interface language (`en`, `ko`); default: closest `[lang]`.
 *
 * @prop {number} partNumber - The current part's number (the `part` attribute; `part` itself is the
 *   element's built-in `::part` list).
 * @prop {FeedItem} item - An item object (frameworks).
 * @prop {Feed} feed - A whole feed object (frameworks); takes precedence over everything.
 *
 * @fires {CustomEvent<LanternLoadDetail>} lantern-load - The series has rendered; `items` is the number of published parts.
 * @fires {CustomEvent<LanternErrorDetail>} lantern-error - Loading or validation failed; `detail` names the cause.
 * @fires {CustomEvent<LanternPartChangeDetail>} lantern-part-change - Reader mode switched to another part; `detail` is `{part, item}`.
 *
 * @csspart base - The navigator.
 * @csspart title - The series title and, in reader mode, the current part's heading.
 * @csspart meta - "Part 3 of 3", the reading progress, and the part's date and byline.
 * @csspart summary - A part's summary.
 * @csspart media - The current part's image (reader mode).
 * @csspart body - The current part's body (reader mode).
 * @csspart footer - The previous/next links.
 * @csspart button - The "Continue reading" link and the "Try again" button.
 *
 */
export class LanternStoryNavigator extends LanternElement<NavigatorView> {
  static override styles = [hostStyles, storyNavigatorStyles];
  static override properties: PropertyDeclarations = {
    series: { type: String, reflect: true },
    // `part` is also a built-in property (Element.part), so the property has its own name.
    partNumber: { type: Number, attribute: 'part' },
    mode: { type: String, reflect: true },
    variant: { type: String, reflect: true },
    remember: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    revealWarned: { type: Boolean, attribute: 'reveal-warned', reflect: true },
    announcement: { state: true },
    revealedParts: { state: true },
  };

  declare series: string | undefined;
  /** The current part's number (attribute `part`). */
  declare partNumber: number | undefined;
  declare mode: NavigatorMode;
  declare variant: NavigatorVariant;
  declare remember: 'session' | undefined;
  declare headingLevel: number;
  declare revealWarned: boolean;
  /** Warned parts the reader chose to show. */
  declare private revealedParts: ReadonlySet<number>;
  /** The polite live region's text: which part is now shown. */
  declare private announcement: string;

  /** The sanitised body lives in one element that moves between renders, so it is built once per part. */
  private readonly bodyHost: HTMLDivElement;
  private switchToken = 0;
  /** The reader body being made for the view just selected. */
  private pendingBody: Promise<void> | undefined;
  /** The part whose body `bodyHost` holds; a hidden warned part's body is not built yet. */
  private bodyPart: number | undefined;
  private scrollOnRender = false;

  constructor() {
    super();
    this.mode = 'navigation';
    this.variant = 'full';
    this.headingLevel = 2;
    this.announcement = '';
    this.revealWarned = false;
    this.revealedParts = new Set();
    this.bodyHost = document.createElement('div');
    this.bodyHost.className = 'body';
    this.bodyHost.setAttribute('part', 'body');
  }

  private get reader(): boolean {
    return this.mode === 'reader';
  }

  /** Reader mode's part heading: below the series title, or in its place in the compact variant. */
  private get partHeadingLevel(): number {
    return this.variant === 'compact' ? this.level : Math.min(6, this.level + 1);
  }

  private get remembers(): boolean {
    return this.remember === 'session';
  }

  private get level(): number {
    return Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onHistory);
    window.addEventListener('hashchange', this.onHistory);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onHistory);
    window.removeEventListener('hashchange', this.onHistory);
  }

  protected override dataChanged(changed: PropertyValues): boolean {
    return (
      changed.has('series') ||
      changed.has('partNumber') ||
      changed.has('mode') ||
      changed.has('variant') ||
      changed.has('headingLevel') ||
      changed.has('remember') ||
      // A part's body is built only once it may be shown.
      changed.has('revealWarned') ||
      // The body was sanitised with or without its images: build it again.
      changed.has('hideImages')
    );
  }

  protected override select(parsed: ParsedFeed): NavigatorView {
    const itemId =
      typeof this.item === 'string' ? this.item : this.item ? String(this.item.id) : undefined;
    const series = findSeries(parsed, { seriesId: this.series, itemId });
    let initial: number | undefined;
    if (this.partNumber !== undefined && this.partNumber !== null) {
      const part = Number(this.partNumber);
      if (!Number.isInteger(part) || part < 1 || part > series.total) {
        throw new FeedError(
          'not-found',
          `"${series.title}" has no part ${this.getAttribute('part') ?? String(this.partNumber)}; it has ${series.total}.`,
        );
      }
      if (!isPublished(series, part)) {
        throw new FeedError('not-found', `Part ${part} of "${series.title}" is not published yet.`);
      }
      initial = part;
    } else if (itemId) {
      initial = series.parts.find((p) => p.item?.id === itemId)?.number;
    } else if (this.reader) {
      initial = series.parts.find((p) => p.item)?.number;
    }

    let current = initial;
    this.scrollOnRender = false;
    if (this.reader) {
      const linked = this.followsHash ? partFromHash(location.hash) : undefined;
      if (linked !== undefined && isPublished(series, linked)) {
        current = linked;
        // A deep link opens that part where the reader can see it (focus stays where it was).
        this.scrollOnRender = linked !== initial;
      }
      const item = current === undefined ? undefined : series.parts[current - 1]?.item;
      this.revealedParts = new Set();
      const shown = item && current !== undefined && !this.hides(item, current);
      const token = ++this.switchToken;
      // The rest of the part shows in this render; its body follows as soon as it is sanitised,
      // and `updateComplete` (so `lantern-load`) waits for it.
      this.bodyHost.replaceChildren();
      this.bodyPart = undefined;
      this.pendingBody = shown
        ? this.bodyFor(item).then((body) => {
            // A newer load (another part, src or series) started while this body was being made.
            if (token !== this.switchToken) return;
            this.bodyHost.replaceChildren(body);
            this.bodyPart = current;
          })
        : undefined;
    }
    this.announcement = '';
    return { series, current, initial, read: this.readParts(series.id, current) };
  }

  protected override renderedItemCount(view: NavigatorView): number {
    return view.series.parts.filter((part) => part.item).length;
  }

  private readParts(seriesId: string, current: number | undefined): ReadonlySet<number> {
    if (!this.remembers) return new Set();
    return current === undefined ? partsRead(seriesId) : markPartRead(seriesId, current);
  }

  /** `updateComplete` includes the reader body of the part just selected. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await this.pendingBody;
    return result;
  }

  /** The sanitised body of a part; empty for a link-out part (its summary and link show instead). */
  private async bodyFor(item: FeedItem): Promise<DocumentFragment> {
    if (bodySource(item) === undefined) return document.createDocumentFragment();
    try {
      return await renderRichContent(item, {
        baseUrl: this.dataBase,
        hideImages: !this.imagesAllowed(item),
        headingOffset: this.partHeadingLevel,
        continueUrl: item.url ?? item.external_url,
        continueLabel: this.messages.continueOnSite,
      });
    } catch (cause) {
      console.warn(`<${this.localName}>: the body of "${item.id}" could not be shown`, cause);
      return document.createDocumentFragment();
    }
  }

  /** Reader mode: shows part `number` in place. */
  async showPart(number: number, options: { push?: boolean; focus?: boolean } = {}): Promise<void> {
    const view = this.view;
    if (!this.reader || !view || this.status !== 'ready') return;
    const item = view.series.parts[number - 1]?.item;
    if (!item) return;
    if (options.push) this.pushPart(number);
    if (number === view.current) {
      if (options.focus) this.focusPartHeading();
      return;
    }
    const token = ++this.switchToken;
    const shown = !this.hides(item, number);
    const body = shown ? await this.bodyFor(item) : '';
    if (token !== this.switchToken || this.view !== view) return;
    this.bodyHost.replaceChildren(body);
    this.bodyPart = shown ? number : undefined;
    this.view = { ...view, current: number, read: this.readParts(view.series.id, number) };
    this.announcement = this.messages.nowShowing(number, this.titleOf(view.series, item, number));
    await this.updateComplete;
    if (options.focus) this.focusPartHeading();
    this.dispatchEvent(
      lanternEvent<LanternPartChangeDetail>('lantern-part-change', { part: number, item }),
    );
  }

  /** A warned part's summary, image and body wait for the reader (or `reveal-warned`). */
  private hides(item: FeedItem, number: number): boolean {
    return (
      isWarned(item._lantern?.content_warning) &&
      !this.revealWarned &&
      !this.revealedParts.has(number)
    );
  }

  /**
   * "Show content" / "Hide content" for part `number`. Showing the part being read builds its
   * body then, so nothing in it (images included) is requested before the reader chooses.
   */
  private async toggleReveal(number: number): Promise<void> {
    const revealed = new Set(this.revealedParts);
    if (!revealed.delete(number)) revealed.add(number);
    this.revealedParts = revealed;
    const view = this.view;
    const item = view?.series.parts[number - 1]?.item;
    if (!this.reader || !view || !item || view.current !== number || this.bodyPart === number) {
      return;
    }
    if (!revealed.has(number)) return;
    const token = ++this.switchToken;
    const body = await this.bodyFor(item);
    if (token !== this.switchToken || this.view !== view) return;
    this.bodyHost.replaceChildren(body);
    this.bodyPart = number;
    this.requestUpdate();
  }

  /** The warning of part `number`, with its "Show content" button unless `reveal-warned`. */
  private partWarning(item: FeedItem, number: number): unknown {
    return contentWarning(
      this.messages,
      item._lantern?.content_warning,
      item.language,
      this.revealWarned
        ? undefined
        : {
            id: `reading-warning-${number}`,
            revealed: this.revealedParts.has(number),
            onToggle: () => void this.toggleReveal(number),
          },
    );
  }

  /**
   * `#part-N` belongs to the first reader-mode navigator on the page; another one switches
   * parts in place without touching the URL, so two stories never fight over it.
   */
  private get followsHash(): boolean {
    const first = document.querySelector('lantern-story-navigator[mode="reader"]');
    return !first || first === this;
  }

  private pushPart(number: number): void {
    if (!this.followsHash) return;
    const url = this.partHref(number);
    if (url !== location.href) history.pushState(history.state, '', url);
  }

  /** Absolute, so a page with a `<base href>` still keeps the reader on this page. */
  private partHref(number: number): string {
    const url = new URL(location.href);
    url.hash = `part-${number}`;
    return url.href;
  }

  private readonly onHistory = (): void => {
    const view = this.view;
    if (!this.reader || !view || !this.followsHash) return;
    const linked = partFromHash(location.hash);
    const target = linked !== undefined && isPublished(view.series, linked) ? linked : view.initial;
    if (target === undefined || target === view.current) return;
    // Back/forward after using the navigator keeps the keyboard where the reader is.
    const focusInside = this.matches(':focus-within');
    void this.showPart(target, { focus: focusInside });
  };

  private onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-part]');
    if (!link || !this.reader) return;
    event.preventDefault();
    void this.showPart(Number(link.dataset.part), { push: true, focus: true });
  };

  private partHeading(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.reading .title');
  }

  private focusPartHeading(): void {
    const heading = this.partHeading();
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    this.scrollToHeading(heading);
  }

  private scrollToHeading(heading: HTMLElement): void {
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    heading.scrollIntoView({ behavior: reduced ? 'auto' : 'smooth', block: 'start' });
  }

  protected override updated(): void {
    super.updated();
    const heading = this.partHeading();
    if (heading) heading.tabIndex = -1;
    if (this.scrollOnRender && this.status === 'ready' && heading) {
      this.scrollOnRender = false;
      this.scrollToHeading(heading);
    }
  }

  private titleOf(series: Series, item: FeedItem, number: number): string {
    return partTitle(series, item) || this.messages.partLabel(number);
  }

  private link(number: number, item: FeedItem, content: unknown, extra = ''): TemplateResult {
    if (this.reader) {
      return html`<a class=${extra} href=${this.partHref(number)} data-part=${number}
        >${content}</a
      >`;
    }
    const href = item.url ?? item.external_url;
    return href
      ? html`<a class=${extra} href=${href} referrerpolicy="no-referrer">${content}</a>`
      : html`<span class=${extra}>${content}</span>`;
  }

  protected override renderSkeleton(): TemplateResult {
    const compact = this.variant === 'compact';
    const pager = html`<div class="pager">
      <span class="skeleton-block pager-block"></span>
      <span class="skeleton-block pager-block"></span>
    </div>`;
    // The same blocks, in the same order, as the rendered widget: the host page does not shift.
    return html`
      <div
        class="navigator skeleton ${compact ? 'compact' : 'full'} ${this.reader ? 'reader' : ''}"
        part="base"
        aria-busy="true"
      >
        <span class="visually-hidden">${this.messages.loading}</span>
        ${
          compact
            ? html`<div class="header">
                <span class="skeleton-block line short"></span>${pager}
              </div>`
            : html`<div class="header">
                <span class="skeleton-block line short"></span>
                <span class="skeleton-block line title-line"></span>
                ${this.reader ? nothing : html`<span class="skeleton-block line note-line"></span>`}
              </div>`
        }
        ${
          this.reader
            ? html`<div class="reading">
                  <span class="skeleton-block line title-line"></span>
                  ${[1, 2, 3, 4, 5, 6].map(() => html`<span class="skeleton-block line"></span>`)}
                </div>
                ${pager}`
            : nothing
        }
        ${
          compact
            ? nothing
            : html`<div class="parts">
                ${[1, 2, 3].map(
                  () =>
                    html`<div class="part">
                      <span class="skeleton-block number"></span>
                      <div class="text">
                        <span class="skeleton-block line name-line"></span>
                        <span class="skeleton-block line"></span>
                        <span class="skeleton-block line short"></span>
                        <span class="skeleton-block line warning-line"></span>
                      </div>
                    </div>`,
                )}
              </div>`
        }
        ${compact || this.reader ? nothing : pager}
      </div>
    `;
  }

  protected override renderView(view: NavigatorView): TemplateResult {
    const compact = this.variant === 'compact';
    const locale = this.locale;
    const m = this.messages;
    const { series, current } = view;
    const position = current === undefined ? nothing : m.partOf(current, series.total);
    const base = `navigator ${compact ? 'compact' : 'full'} ${this.reader ? 'reader' : ''}`;
    const anonymised = series.parts.some((p) => p.item?._lantern?.pseudonym);
    if (compact) {
      return html`
        <div class=${base} part="base" lang=${locale} @click=${this.onClick}>
          <nav class="header" aria-label=${series.title}>
            <p class="position" part="meta">
              <span class="series-name" data-focus-after-retry tabindex="-1">${series.title}</span>
              ${current === undefined ? nothing : html`<span class="part-of">${position}</span>`}
              ${this.progress(view)}
            </p>
            ${pseudonymNote(m.pseudonym, anonymised)} ${this.pager(view)}
          </nav>
          ${this.reader ? this.reading(view) : nothing} ${this.reader ? this.pager(view) : nothing}
          ${this.liveRegion()}
        </div>
      `;
    }
    return html`
      <div class=${base} part="base" lang=${locale} @click=${this.onClick}>
        <div class="header">
          ${current === undefined ? nothing : html`<p class="part-of" part="meta">${position}</p>`}
          ${headingTemplate(
            this.level,
            'title',
            html`<span data-focus-after-retry tabindex="-1">${series.title}</span>`,
          )}
          ${this.reader ? nothing : pseudonymNote(m.pseudonym, anonymised)} ${this.progress(view)}
        </div>
        ${this.reader ? this.reading(view) : nothing} ${this.reader ? this.pager(view) : nothing}
        <nav class="parts-nav" aria-label=${m.seriesNav(series.title)}>
          <ol class="parts" role="list">
            ${series.parts.map((part) => this.partEntry(view, part))}
          </ol>
        </nav>
        ${this.reader ? nothing : this.pager(view)} ${this.liveRegion()}
      </div>
    `;
  }

  private liveRegion(): TemplateResult | typeof nothing {
    return this.reader
      ? html`<p class="visually-hidden" role="status">${this.announcement}</p>`
      : nothing;
  }

  private progress(view: NavigatorView): TemplateResult | typeof nothing {
    if (!this.remembers) return nothing;
    return html`<span class="progress" part="meta"
      >${this.messages.partsRead(view.read.size, view.series.total)}</span
    >`;
  }

  private partEntry(view: NavigatorView, part: SeriesPart): TemplateResult {
    const m = this.messages;
    const { series } = view;
    const { number, item } = part;
    if (!item) {
      return html`
        <li class="part upcoming">
          <span class="number" aria-hidden="true">${number}</span>
          <div class="text">
            <span class="name">${m.partLabel(number)}</span>
            <span class="soon">${m.comingSoon}</span>
          </div>
        </li>
      `;
    }
    const title = this.titleOf(series, item, number);
    const label = m.partLabel(number);
    // Screen readers hear "Part 2: …" unless the title already says it, in the reader's
    // language or in the title's own ("Part 2 - …" under a Korean interface).
    const said = [label, messagesFor(item.language ?? this.locale).partLabel(number)].some(
      (l) => title.startsWith(l) && !/^\d/.test(title.slice(l.length)),
    );
    const name = html`${
      said ? nothing : html`<span class="visually-hidden">${label}: </span>`
    }${title}`;
    const isCurrent = number === view.current;
    return html`
      <li class="part ${isCurrent ? 'current' : ''}" lang=${item.language ?? nothing}>
        <span class="number" aria-hidden="true">${number}</span>
        <div class="text">
          ${
            isCurrent
              ? html`<span class="name" aria-current="page">${name}</span>`
              : this.link(number, item, name, 'name')
          }
          ${
            view.read.has(number)
              ? html`<span class="read-mark"><span aria-hidden="true">✓ </span>${m.read}</span>`
              : nothing
          }
          ${
            // Before the summary; the list's two-line teasers are not gated (reader mode's body is).
            contentWarning(m, item._lantern?.content_warning, item.language)
          }
          ${item.summary ? html`<p class="summary" part="summary">${item.summary}</p>` : nothing}
        </div>
      </li>
    `;
  }

  private pager(view: NavigatorView): TemplateResult | typeof nothing {
    const { series, current } = view;
    const m = this.messages;
    // A series overview (no current part) has no "previous" or "next".
    if (current === undefined) return nothing;
    const prev = neighbour(series, current, -1);
    const next = neighbour(series, current, 1);
    // No published part ahead, but more are announced: say so, without a link.
    const upcoming = !next && current < series.total ? current + 1 : undefined;
    if (!prev && !next && upcoming === undefined) return nothing;
    const side = (part: SeriesPart, direction: string, rel: 'prev' | 'next'): TemplateResult => {
      const item = part.item as FeedItem;
      const content = html`<span class="direction"
          >${
            rel === 'prev' ? html`<span aria-hidden="true">← </span>` : nothing
          }${direction}${rel === 'next' ? html`<span aria-hidden="true"> →</span>` : nothing}</span
        >
        <span class="neighbour" lang=${item.language ?? nothing}
          >${this.titleOf(series, item, part.number)}${this.neighbourWarning(item)}</span
        >`;
      const href = this.reader ? this.partHref(part.number) : (item.url ?? item.external_url);
      if (!href) return html`<span class=${rel}>${content}</span>`;
      return html`<a
        class=${rel}
        rel=${rel}
        href=${href}
        referrerpolicy="no-referrer"
        data-part=${this.reader ? part.number : nothing}
        >${content}</a
      >`;
    };
    return html`
      <div class="pager" part="footer">
        ${prev ? side(prev, m.previousPart, 'prev') : nothing}
        ${next ? side(next, m.nextPart, 'next') : nothing}
        ${
          upcoming !== undefined
            ? html`<p class="next upcoming">
                <span class="direction">${m.nextPart}</span>
                <span class="neighbour"
                  >${m.partLabel(upcoming)}<span class="sep" aria-hidden="true"> · </span
                  ><span>${m.comingSoon}</span></span
                >
              </p>`
            : nothing
        }
      </div>
    `;
  }

  /** Next to a previous/next title: a short marker, the warning itself for screen readers. */
  private neighbourWarning(item: FeedItem): TemplateResult | typeof nothing {
    const warning = item._lantern?.content_warning;
    if (!isWarned(warning)) return nothing;
    const m = this.messages;
    return html` <span class="neighbour-warning" lang=${this.locale}
      ><span aria-hidden="true">⚠ </span>${m.contentWarning}<span class="visually-hidden"
        >: ${warningText(m, warning, item.language)}</span
      ></span
    >`;
  }

  private reading(view: NavigatorView): TemplateResult | typeof nothing {
    const { series, current } = view;
    const item = current === undefined ? undefined : series.parts[current - 1]?.item;
    if (!item || current === undefined) return nothing;
    const m = this.messages;
    const locale = this.locale;
    const ext = item._lantern ?? {};
    const title = this.titleOf(series, item, current);
    const date = formatDate(item.date_published, locale);
    const authors = (item.authors ?? []).map((a) => a.name).filter((n): n is string => !!n);
    const minutes = itemReadingMinutes(item);
    const hidden = this.hides(item, current);
    const image = this.imagesAllowed(item) && !hidden ? item.image : undefined;
    const hasBody = bodySource(item) !== undefined;
    const href = item.url ?? item.external_url;
    const level = this.partHeadingLevel;
    return html`
      <article class="reading" lang=${item.language ?? locale}>
        ${headingTemplate(level, 'title', title)} ${this.partWarning(item, current)}
        <p class="meta" part="meta">
          ${date ? html`<span><time datetime=${item.date_published ?? ''}>${date}</time></span>` : nothing}
          ${authors.length ? html`<span>${m.by(formatList(authors, locale))}</span>` : nothing}
          ${minutes ? html`<span>${m.minutesToRead(minutes)}</span>` : nothing}
        </p>
        ${pseudonymNote(m.pseudonym, ext.pseudonym)}
        ${
          image
            ? html`<figure class="media" part="media">
                ${feedImage(image, ext.image_alt ?? '', { width: 1200, height: 675 })}
                ${ext.image_credit ? html`<figcaption class="credit">${m.imageCredit(ext.image_credit)}</figcaption>` : nothing}
              </figure>`
            : nothing
        }
        ${
          hasBody
            ? hidden
              ? nothing
              : this.bodyHost
            : html`
                ${item.summary && !hidden ? html`<p class="summary" part="summary">${item.summary}</p>` : nothing}
                ${
                  href
                    ? html`<p class="continue">
                        <a
                          class="button primary"
                          part="button"
                          href=${href}
                          referrerpolicy="no-referrer"
                          >${m.continueReading}<span class="visually-hidden">: ${title}</span></a
                        >
                      </p>`
                    : nothing
                }
              `
        }
      </article>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lantern-story-navigator': LanternStoryNavigator;
  }
  interface HTMLElementEventMap {
    'lantern-part-change': CustomEvent<LanternPartChangeDetail>;
  }
}
