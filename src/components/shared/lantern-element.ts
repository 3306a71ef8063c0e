import {
  LitElement,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { FeedError, isAbort } from '../../content/errors.js';
import { INLINE_FEED_SELECTOR, readInlineFeed } from '../../content/inline.js';
import { loadFeed } from '../../content/load.js';
import { parseFeed, parseFeedOrItem, type ParseOptions } from '../../content/parse.js';
import type { Feed, FeedItem, ParsedFeed } from '../../content/types.js';
import {
  loadMessages,
  messagesFor,
  messagesReady,
  resolveLocale,
  type Messages,
} from '../../i18n/index.js';
import { lanternEvent, type LanternErrorDetail, type LanternLoadDetail } from './events.js';
import { hostPageProblem } from './host-page.js';

function parseInline(inline: unknown, options: ParseOptions): ParsedFeed | undefined {
  return inline === undefined ? undefined : parseFeedOrItem(inline, options);
}

/** Whether a DOM change adds, removes or edits the element's inline feed script. */
function touchesInlineFeed(host: Element, record: MutationRecord): boolean {
  const isFeed = (node: Node) => node instanceof Element && node.matches(INLINE_FEED_SELECTOR);
  if (record.type === 'characterData') {
    const script = record.target.parentElement;
    return !!script && script.parentElement === host && isFeed(script);
  }
  if (record.target === host) {
    return [...record.addedNodes, ...record.removedNodes].some(isFeed);
  }
  return record.target.parentElement === host && isFeed(record.target);
}

export type LoadStatus = 'loading' | 'ready' | 'error';

/**
 * Widgets resolve their language from the closest `[lang]`, so a host page (or a single-page
 * app) that changes an ancestor's `lang` re-renders them: one observer for all of them.
 */
const connectedWidgets = new Set<LitElement>();
let langObserver: MutationObserver | undefined;

function watchLanguage(widget: LitElement): void {
  connectedWidgets.add(widget);
  if (langObserver) return;
  langObserver = new MutationObserver(() => {
    for (const each of connectedWidgets) each.requestUpdate();
  });
  langObserver.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

function unwatchLanguage(widget: LitElement): void {
  connectedWidgets.delete(widget);
  if (connectedWidgets.size === 0) {
    langObserver?.disconnect();
    langObserver = undefined;
  }
}

/** The `lantern-error` detail for a failure: its kind, a readable message, the URL and status. */
export function errorDetail(cause: unknown): LanternErrorDetail {
  return cause instanceof FeedError
    ? { kind: cause.kind, message: cause.message, url: cause.url, status: cause.status }
    : { kind: 'no-data', message: cause instanceof Error ? cause.message : String(cause) };
}

/**
 * What every Lantern widget shares: data from `.feed`/`.item`, an inline
 * `<script type="application/feed+json">` or `src` (in that order); a skeleton while loading;
 * an error state with the partner's fallback content and a retry button; language and theme;
 * `lantern-load` and `lantern-error`.
 */
export abstract class LanternElement<View> extends LitElement {
  static override properties: PropertyDeclarations = {
    src: { type: String, reflect: true },
    item: {},
    feed: { attribute: false },
    baseUrl: { type: String, attribute: 'base-url', reflect: true },
    hideImages: { type: Boolean, attribute: 'hide-images', reflect: true },
    theme: { type: String, reflect: true },
    langAttribute: { attribute: 'lang' },
    status: { state: true },
    error: { state: true },
    view: { state: true },
  };

  /** A JSON Feed URL (https:, http: or relative). */
  declare src: string | undefined;
  /** Attribute: the id of the item to show. Property: an item object (frameworks). */
  declare item: string | FeedItem | undefined;
  /** A whole feed object (frameworks); takes precedence over everything else. */
  declare feed: Feed | undefined;
  /**
   * The base for relative URLs in data given in the page (`.item`, `.feed` or an inline script);
   * a feed's own `feed_url` is used when this is not set. Without either, relative links resolve
   * against the page and relative images and attachments are dropped. Ignored with `src`.
   */
  declare baseUrl: string | undefined;
  /** Show no image at all: no image request is made. */
  declare hideImages: boolean;
  /** `light`, `dark` or `auto` (the reader's system setting); default: follow the host page. */
  declare theme: 'light' | 'dark' | 'auto' | undefined;
  declare protected langAttribute: string | undefined;
  declare protected status: LoadStatus;
  declare protected error: LanternErrorDetail | undefined;
  declare protected view: View | undefined;
  /** The URL relative URLs in the data resolved against; `undefined` when the data had none. */
  protected dataBase: string | undefined;
  /** Milliseconds before a feed request gives up (default 10 s); not an attribute, for embedders and tests. */
  timeoutMs: number | undefined;

  private controller: AbortController | undefined;
  private inlineObserver: MutationObserver | undefined;
  private loadQueued = false;
  private focusAfterLoad = false;
  private renderFailed = false;

  constructor() {
    super();
    this.hideImages = false;
    this.status = 'loading';
  }

  /**
   * Registers the element once; a second call (or a second copy of Lantern) is a no-op. On a
   * host page that hides what rendering needs, nothing is registered: the fallback content stays.
   */
  static defineAs(this: CustomElementConstructor, tag: string, registry = customElements): void {
    if (hostPageProblem() !== undefined) return;
    if (!registry.get(tag)) registry.define(tag, this);
  }

  protected get locale(): string {
    return resolveLocale(this);
  }

  protected get messages(): Messages {
    return messagesFor(this.locale);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchLanguage(this);
    // A framework (or the staff preview) may write or replace the inline feed after upgrade.
    this.inlineObserver ??= new MutationObserver((records) => {
      if (records.some((r) => touchesInlineFeed(this, r))) this.queueLoad(false);
    });
    this.inlineObserver.observe(this, { childList: true, characterData: true, subtree: true });
    // The first load starts in the first update (so data given up front is in the first render);
    // an element moved to another place, whose load was aborted, loads again.
    if (this.hasUpdated && this.status !== 'ready') this.queueLoad(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchLanguage(this);
    this.inlineObserver?.disconnect();
    this.controller?.abort();
    this.controller = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated) {
      if (this.status !== 'ready') this.startLoad(false);
    } else if (
      changed.has('src') ||
      changed.has('item') ||
      changed.has('feed') ||
      changed.has('baseUrl') ||
      this.dataChanged(changed)
    ) {
      this.startLoad(false);
    }
  }

  /** Subclasses name further properties whose change means "select again" (e.g. `series`). */
  protected dataChanged(_changed: PropertyValues): boolean {
    return false;
  }

  /** Loads again, asking the network anew (the "Try again" button). */
  retry(): void {
    this.focusAfterLoad = true;
    this.queueLoad(true);
  }

  private queueLoad(reload: boolean): void {
    if (this.loadQueued) return;
    this.loadQueued = true;
    queueMicrotask(() => {
      this.loadQueued = false;
      if (this.isConnected) this.startLoad(reload);
    });
  }

  /**
   * Starts a load. Data given in the page (a property or an inline script) whose view can be
   * made at once is shown in the same update: no skeleton, no second render, `lantern-load`
   * right after that render. Anything that must wait (a fetch, a view that is made
   * asynchronously, Korean text not loaded yet) shows the skeleton meanwhile.
   */
  private startLoad(reload: boolean): void {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    try {
      const given = this.givenData();
      if (given) {
        this.report(given);
        const view = this.select(given);
        if (!(view instanceof Promise) && messagesReady(this.locale)) {
          this.show(view, controller);
          return;
        }
        this.status = 'loading';
        void this.settle(Promise.resolve(view), controller);
        return;
      }
    } catch (cause) {
      this.fail(cause);
      return;
    }
    this.status = 'loading';
    void this.settle(this.fetchAndSelect(controller.signal, reload), controller);
  }

  private async fetchAndSelect(signal: AbortSignal, reload: boolean): Promise<View> {
    const parsed = await this.fetchData(signal, reload);
    if (signal.aborted) throw signal.reason;
    this.report(parsed);
    return this.select(parsed);
  }

  private async settle(view: Promise<View>, controller: AbortController): Promise<void> {
    try {
      const ready = await view;
      // The content shows in the reader's language at once, not English first.
      await loadMessages(this.locale);
      if (!controller.signal.aborted) this.show(ready, controller);
    } catch (cause) {
      if (controller.signal.aborted || isAbort(cause)) return;
      this.fail(cause);
    }
  }

  private show(view: View, controller: AbortController): void {
    this.view = view;
    this.error = undefined;
    this.status = 'ready';
    void this.updateComplete.then(() => {
      if (controller.signal.aborted || this.renderFailed) return;
      this.dispatchEvent(
        lanternEvent<LanternLoadDetail>('lantern-load', { items: this.renderedItemCount(view) }),
      );
    });
  }

  private report(parsed: ParsedFeed): void {
    for (const warning of parsed.warnings) {
      console.warn(`<${this.localName}>: ${warning.path}: ${warning.message}`);
    }
  }

  /** `base-url` as an absolute URL; a relative one is the partner's choice of their own page. */
  private get explicitBase(): string | undefined {
    if (!this.baseUrl) return undefined;
    try {
      return new URL(this.baseUrl, document.baseURI).href;
    } catch {
      console.warn(`<${this.localName}>: base-url "${this.baseUrl}" is not a URL; ignored.`);
      return undefined;
    }
  }

  /** Data given in the page, parsed now: the property, else the inline script. */
  private givenData(): ParsedFeed | undefined {
    // Data given in the page resolves relative URLs against base-url, else its own feed_url;
    // never silently against the partner's page, where an image would hit the partner's paths.
    const options = { baseUrl: this.explicitBase };
    const given =
      this.feed && typeof this.feed === 'object'
        ? parseFeed(this.feed, options)
        : this.item && typeof this.item === 'object'
          ? parseFeedOrItem(this.item, options)
          : undefined;
    const parsed = given ?? parseInline(readInlineFeed(this), options);
    if (parsed) this.dataBase = options.baseUrl ?? parsed.feed.feed_url;
    return parsed;
  }

  private async fetchData(signal: AbortSignal, reload: boolean): Promise<ParsedFeed> {
    if (this.src) {
      const parsed = await loadFeed(this.src, { signal, reload, timeoutMs: this.timeoutMs });
      this.dataBase = parsed.source ?? new URL(this.src, document.baseURI).href;
      return parsed;
    }
    throw new FeedError(
      'not-a-feed',
      'No content was given: set src to a feed URL, or put a feed inside the element.',
    );
  }

  /** Turns the feed into what this widget shows; throws a `FeedError` when it cannot. */
  protected abstract select(parsed: ParsedFeed): View | Promise<View>;

  protected renderedItemCount(_view: View): number {
    return 1;
  }

  /** Reports a failure: visible state, `lantern-error`, and a console warning naming the cause. */
  protected fail(cause: unknown): void {
    const detail = errorDetail(cause);
    this.error = detail;
    this.status = 'error';
    console.warn(`<${this.localName}>: ${detail.message}${detail.url ? ` (${detail.url})` : ''}`);
    this.dispatchEvent(lanternEvent<LanternErrorDetail>('lantern-error', detail));
  }

  /** Whether images may be requested for this item. */
  protected imagesAllowed(item?: FeedItem): boolean {
    return !this.hideImages && !item?._lantern?.hide_images;
  }

  /**
   * A render that throws (a host page that broke the DOM, or a bug) must not leave an empty box:
   * the shadow root then shows only the partner's fallback content, and stays so.
   */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    return !this.renderFailed && super.shouldUpdate(changed);
  }

  protected override update(changed: PropertyValues): void {
    try {
      super.update(changed);
    } catch (cause) {
      this.renderFailed = true;
      const slot = Document.prototype.createElement.call(this.ownerDocument, 'slot');
      this.renderRoot.replaceChildren(slot);
      const message = `could not render, so its fallback content is shown: ${cause instanceof Error ? cause.message : String(cause)}`;
      console.warn(`<${this.localName}> ${message}`);
      this.dispatchEvent(
        lanternEvent<LanternErrorDetail>('lantern-error', { kind: 'no-data', message }),
      );
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const locale = this.locale;
    // A page whose language changed to Korean after load: English until its text arrives.
    if (!messagesReady(locale)) void loadMessages(locale).then(() => this.requestUpdate());
    if (this.status === 'error') return this.renderError();
    if (this.status === 'loading' || this.view === undefined) return this.renderSkeleton();
    return this.renderView(this.view);
  }

  protected abstract renderSkeleton(): TemplateResult;
  protected abstract renderView(view: View): TemplateResult;

  /** The error state: what failed, the partner's own fallback content, and "Try again". */
  protected renderError(): TemplateResult {
    const m = this.messages;
    return html`
      <div class="error" part="base" lang=${this.locale}>
        <p><strong>${m.errorTitle}</strong></p>
        <p class="cause">
          ${this.error && m.errorCause(this.error.kind, this.error.message, this.error.status)}
        </p>
        <slot></slot>
        <button type="button" class="button" part="button" @click=${this.retry}>${m.retry}</button>
      </div>
    `;
  }

  protected override updated(): void {
    if (!this.focusAfterLoad || this.status === 'loading') return;
    this.focusAfterLoad = false;
    const target =
      this.status === 'error'
        ? this.renderRoot.querySelector<HTMLElement>('.error button')
        : this.renderRoot.querySelector<HTMLElement>('[data-focus-after-retry]');
    target?.focus();
  }
}
