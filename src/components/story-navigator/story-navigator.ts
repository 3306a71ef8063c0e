import { isServer, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { readItemsWith } from '../../content/parse.js';
import { readSeriesFields } from '../../content/parse-series.js';
import { renderRichContent } from '../../content/rich.js';
import type { FeedItem, ParsedFeed } from '../../content/types.js';
import { hostStyles } from '../../theme/tokens.js';
import { lanternEvent, type LanternPartChangeDetail } from '../shared/events.js';
import { clampHeading } from '../shared/heading.js';
import { withNavigatorText } from '../../i18n/messages-en-navigator.js';
import { LanternElement } from '../shared/lantern-element.js';
import {
  clickedPart,
  focusPartHeading,
  followsHash,
  partHeading,
  pushPart,
  scrollToHeading,
} from './part-links.js';
import { ReaderBody } from './reader-body.js';
import { withReadParts } from './read-marks.js';
import {
  findSeries,
  isPublished,
  labelToSay,
  namedPart,
  partFromHash,
  partName,
} from './series.js';
import { navigatorSkeleton } from './story-navigator.skeleton.js';
import { storyNavigatorStyles } from './story-navigator.styles.js';
import {
  hidesPart,
  navigatorTemplate,
  type NavigatorContext,
  type NavigatorView,
} from './story-navigator.views.js';

/**
 * Properties that change what the navigator selects and renders. A warned part's body is built
 * only once it may be shown (`revealWarned`), and with or without its images (`hideImages`).
 */
const SELECTION_KEYS =
  'series partNumber mode variant headingLevel remember revealWarned hideImages'.split(' ');

export type NavigatorMode = 'navigation' | 'reader';
export type NavigatorVariant = 'full' | 'compact';

export type { NavigatorView } from './story-navigator.views.js';
export type { LanternPartChangeDetail };

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
 * @slot - Fallback content shown before the element upgrades and again if loading fails, e.g.
 *   plain links to the parts. Also where an inline `<script type="application/feed+json">` goes.
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
 */
export class LanternStoryNavigator extends LanternElement<NavigatorView> {
  static {
    // This widget's English text, and the reading of `_lantern.series`, travel with its code.
    withNavigatorText();
    readItemsWith(readSeriesFields);
  }

  static override styles = [hostStyles, storyNavigatorStyles];
  static override properties: PropertyDeclarations = {
    series: { reflect: true },
    // `part` is also a built-in property (Element.part), so the property has its own name.
    partNumber: { type: Number, attribute: 'part' },
    mode: { reflect: true },
    variant: { reflect: true },
    remember: { reflect: true },
    announcement: { state: true },
    revealedParts: { state: true },
  };

  declare series: string | undefined;
  /** The current part's number (attribute `part`). */
  declare partNumber: number | undefined;
  declare mode: NavigatorMode;
  declare variant: NavigatorVariant;
  declare remember: 'session' | undefined;
  /** Warned parts the reader chose to show. */
  declare private revealedParts: ReadonlySet<number>;
  /** The polite live region's text: which part is now shown. */
  declare private announcement: string;

  declare private body: ReaderBody;
  /** The reader body being made for the view just selected. */
  private pendingBody: Promise<unknown> | undefined;
  private scrollOnRender?: boolean;

  protected override setup(): void {
    this.body = new ReaderBody((item) => this.bodyFor(item));
    this.mode = 'navigation';
    this.variant = 'full';
    // (The announcement and the revealed parts start in `select`: no view renders before it.)
  }

  private get reader(): boolean {
    return this.mode === 'reader';
  }

  /** Reader mode's part heading: below the series title, or in its place in the compact variant. */
  private get partHeadingLevel(): number {
    return this.variant === 'compact' ? this.level : Math.min(6, this.level + 1);
  }

  private get level(): number {
    return clampHeading(this.headingLevel);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this);
    window.addEventListener('hashchange', this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this);
    window.removeEventListener('hashchange', this);
  }

  protected override dataChanged(changed: PropertyValues): boolean {
    return SELECTION_KEYS.some((key) => changed.has(key));
  }

  protected override select(parsed: ParsedFeed): NavigatorView | Promise<NavigatorView> {
    const itemId = this.item && (typeof this.item === 'string' ? this.item : String(this.item.id));
    const series = findSeries(parsed, { seriesId: this.series, itemId });
    const initial = namedPart(series, {
      part: this.partNumber,
      partText: this.getAttribute('part'),
      itemId,
      firstPublished: this.reader,
    });
    let current = initial;
    let seen = true;
    this.scrollOnRender = false;
    this.revealedParts = new Set();
    if (this.reader) {
      const linked = followsHash(this) ? partFromHash(location.hash) : undefined;
      if (isPublished(series, linked)) {
        current = linked;
        // A deep link opens that part where the reader can see it (focus stays where it was).
        this.scrollOnRender = linked !== initial;
      }
      const item = current ? series.parts[current - 1]?.item : undefined;
      seen = !item || !this.hides(item, current!);
      // The body follows once sanitised; `lantern-load` waits for it. (No DOM on the server.)
      this.pendingBody = isServer
        ? undefined
        : this.body.show(seen ? item : undefined, current, true);
    }
    this.announcement = '';
    const load = this.data.current;
    // Replacing a skeleton or lantern.css's box in view (or above it), the parts keep its rows'
    // room, a warning's included, so the page does not move, while this series is shown.
    const room = this.view?.room || this.replacesPlaceholderInView();
    const view = { series, current, initial, read: new Set<number>(), room };
    return withReadParts(view, this.remember, () => this.data.isCurrent(load), seen);
  }

  protected override renderedItemCount(view: NavigatorView): number {
    return view.series.published;
  }

  /** `updateComplete` includes the reader body of the part just selected. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await this.pendingBody;
    return result;
  }

  /** The sanitised body of a part; empty for a link-out part (its summary and link show instead). */
  private async bodyFor(item: FeedItem): Promise<DocumentFragment> {
    try {
      // Empty for an item without a body.
      return await renderRichContent(item, {
        baseUrl: this.dataBase,
        hideImages: !this.imagesAllowed(item),
        headingOffset: this.partHeadingLevel,
        continueUrl: item.url ?? item.external_url,
        continueLabel: this.messages.continueOnSite,
      });
    } catch (cause) {
      this.warn(`"${item.id}": body not shown`, cause);
      return document.createDocumentFragment();
    }
  }

  /** Reader mode: shows part `number` in place. */
  async showPart(number: number, options: { push?: boolean; focus?: boolean } = {}): Promise<void> {
    const view = this.view;
    if (!this.reader || !view || this.status !== 'ready') return;
    const item = view.series.parts[number - 1]?.item;
    if (!item) return;
    if (options.push) pushPart(this, number);
    if (number === view.current) {
      if (options.focus) focusPartHeading(this.renderRoot);
      return;
    }
    const seen = !this.hides(item, number);
    if (!(await this.body.show(seen ? item : undefined, number)) || this.view !== view) return;
    const next = await withReadParts(
      { ...view, current: number },
      this.remember,
      () => this.view === view,
      seen,
    );
    if (this.view !== view) return;
    this.view = next;
    const m = this.messages;
    const title = partName(m, view.series, item, number);
    const label = labelToSay(m, item.language ?? this.locale, title, number);
    // Focus arriving on the part's heading reads it: the status speaks only where it does not.
    const root = this.renderRoot as ShadowRoot;
    const said = options.focus && root.activeElement !== partHeading(root);
    this.announcement = said ? '' : m.nowShowing(label ? `${label}: ${title}` : title);
    await this.updateComplete;
    if (options.focus) focusPartHeading(this.renderRoot);
    this.dispatchEvent(lanternEvent('lantern-part-change', { part: number, item }));
  }

  private hides(item: FeedItem, number: number): boolean {
    return hidesPart(item, number, this.revealWarned, this.revealedParts);
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
    if (!this.reader || !item || view!.current !== number || !revealed.has(number)) return;
    if (this.body.part !== number && !(await this.body.show(item, number))) return;
    // Shown now, so read; unless the reader hid it again before its body was built. The marks
    // go into this view (a move to another part under way keeps it as its own).
    const wanted = () => this.view === view && this.revealedParts.has(number);
    if (wanted()) {
      Object.assign(view, await withReadParts(view, this.remember, wanted));
      this.requestUpdate();
    }
  }

  /**
   * Back, forward or a changed `#part-N` (the element listens on `window` for both).
   * @internal
   */
  handleEvent(): void {
    const view = this.view;
    if (!this.reader || !view || !followsHash(this)) return;
    const linked = partFromHash(location.hash);
    const target = isPublished(view.series, linked) ? linked : view.initial;
    if (target === undefined || target === view.current) return;
    // Back/forward after using the navigator keeps the keyboard where the reader is.
    void this.showPart(target, { focus: this.matches(':focus-within') });
  }

  /** A click on a part link (Lit calls it with the element as `this`). */
  private onClick(event: MouseEvent): void {
    const part = this.reader ? clickedPart(event) : undefined;
    if (part !== undefined) void this.showPart(part, { push: true, focus: true });
  }

  protected override updated(): void {
    super.updated();
    const heading = partHeading(this.renderRoot);
    if (heading) heading.tabIndex = -1;
    if (this.scrollOnRender && this.status === 'ready' && heading) {
      this.scrollOnRender = false;
      scrollToHeading(heading);
    }
  }

  /** What the templates need: this element's settings and actions. */
  private context(): NavigatorContext {
    return {
      m: this.messages,
      locale: this.locale,
      reader: this.reader,
      compact: this.variant === 'compact',
      level: this.level,
      partLevel: this.partHeadingLevel,
      remembers: this.remember === 'session',
      announcement: this.announcement,
      body: () => this.body.element,
      revealWarned: this.revealWarned,
      revealed: this.revealedParts,
      toggleReveal: (number) => void this.toggleReveal(number),
      imagesAllowed: (item) => this.imagesAllowed(item),
      onClick: this.onClick,
    };
  }

  protected override renderSkeleton(): TemplateResult {
    return navigatorSkeleton(this.variant === 'compact', this.reader, this.messages.loading);
  }

  protected override renderView(view: NavigatorView): TemplateResult {
    return navigatorTemplate(this.context(), view);
  }
}
