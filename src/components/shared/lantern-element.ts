import {
  adoptStyles,
  LitElement,
  ReactiveElement,
  html,
  isServer,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { FeedError } from '../../content/errors.js';
import type { Feed, FeedItem, ParsedFeed } from '../../content/types.js';
import type { Messages } from '../../i18n/index.js';
import { lanternEvent, type LanternErrorDetail } from './events.js';
import { FeedController } from './feed-controller.js';
import { hostPageStopped } from './host-page.js';
import { LocaleController } from './locale-controller.js';

export type LoadStatus = 'loading' | 'ready' | 'error';

/** The `lantern-error` detail for a failure: its kind, a readable message, the URL and status. */
export function errorDetail(cause: unknown): LanternErrorDetail {
  return cause instanceof FeedError
    ? { kind: cause.kind, message: cause.message, url: cause.url, status: cause.status }
    : // An Error's message, or the cause itself (a string).
      { kind: 'no-data', message: String((cause as Error | null)?.message ?? cause) };
}

/**
 * Whether a `reveal-warned` value reveals: only the attribute alone (or `=""`), `="true"` or
 * `="reveal-warned"`. What templates print for false or for nothing (`false`, Django's `None`,
 * `0`, `off`, `undefined`, `null`) keeps every warning closed, as an attribute and as a property.
 */
const reveals = (value: unknown) => /^\s*(true|reveal-warned)?\s*$/i.test(value as string);

/** Properties whose change means "load again" (subclasses add theirs with `dataChanged`). */
const DATA_PROPERTIES = ['src', 'item', 'feed', 'baseUrl'];

/** Lit's update without the render: what a server-rendered widget runs while it keeps the server's content. */
const reactiveUpdate = (ReactiveElement.prototype as unknown as { update(c: PropertyValues): void })
  .update;

/**
 * What every Lantern widget shares: data from `.feed`/`.item`, an inline
 * `<script type="application/feed+json">` or `src` (in that order); a skeleton while loading;
 * an error state with the partner's fallback content and a retry button; language and theme;
 * `lantern-load` and `lantern-error`.
 */
export abstract class LanternElement<View> extends LitElement {
  // No `type: String`: Lit's default converter already reads and writes attributes as strings.
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    item: {},
    feed: { attribute: false },
    baseUrl: { attribute: 'base-url', reflect: true },
    hideImages: { type: Boolean, attribute: 'hide-images', reflect: true },
    theme: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    // Fails closed (`reveals`). (No attribute, `null`, matches nothing.)
    revealWarned: { type: Boolean, attribute: 'reveal-warned', reflect: true, converter: reveals },
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
  /** Heading level of the widget's titles (2–6, default 2). */
  declare headingLevel: number;
  /** Show warned content at once, under its warning, instead of behind "Show content". */
  declare revealWarned: boolean;
  declare protected status: LoadStatus;
  declare protected error: LanternErrorDetail | undefined;
  declare protected view: View | undefined;
  /**
   * In the page before its class was defined (upgraded; not made by script, not server-rendered):
   * `lantern.css` reserved its box, which its first render replaces.
   */
  declare protected reserved: boolean;
  /** The URL relative URLs in the data resolved against; `undefined` when the data had none. */
  protected dataBase: string | undefined;
  /** Milliseconds before a feed request gives up (default 10 s); not an attribute, for embedders and tests. */
  timeoutMs: number | undefined;

  private readonly i18n = new LocaleController(this);
  protected readonly data = new FeedController<View>(this, {
    select: ({ parsed, base }) => {
      this.dataBase = base;
      return this.select(parsed);
    },
    whenReady: () => this.i18n.whenReady(),
    loading: () => (this.status = 'loading'),
    loaded: (view) => {
      this.view = view;
      this.error = undefined;
      this.status = 'ready';
      // lantern-load once this view is on screen, unless a newer load replaced it meanwhile.
      const load = this.data.current;
      void this.updateComplete.then(() => {
        if (!this.data.isCurrent(load) || this.renderFailed) return;
        this.dispatchEvent(lanternEvent('lantern-load', { items: this.renderedItemCount(view) }));
      });
    },
    failed: (cause) => this.fail(cause),
  });
  // Flags left unset until true (each unset field is an assignment fewer in every constructor).
  private focusAfterLoad?: boolean;
  private renderFailed?: boolean;

  constructor() {
    super();
    this.hideImages = false;
    this.headingLevel = 2;
    this.revealWarned = false;
    this.status = 'loading';
    this.reserved = this.isConnected && !this.shadowRoot;
    this.setup();
  }

  /**
   * A widget's own construction: its defaults and fields, set here rather than in a constructor
   * or field initialisers. `lantern.js` defines the list, navigator and report before their code
   * has loaded; an element made meanwhile runs this when its class arrives (lazy-element.ts).
   */
  protected setup(): void {}

  /**
   * Registers the element once; a second call (or a second copy of Lantern) is a no-op. On a
   * host page that hides what rendering needs, nothing is registered: the fallback content stays.
   */
  static defineAs(this: CustomElementConstructor, tag: string): void {
    // Through a local name: the manifest analyzer reads `customElements.define(...)` as a tag.
    const registry = customElements;
    if (!hostPageStopped && !registry.get(tag)) registry.define(tag, this);
  }

  protected get locale(): string {
    return this.i18n.locale;
  }

  protected get messages(): Messages {
    return this.i18n.messages;
  }

  override connectedCallback(): void {
    // Server-rendered inside another widget, which renders it anew (Lit's hydrate support wakes it).
    if (this.hasAttribute('defer-hydration')) return;
    super.connectedCallback();
    // The first load starts in the first update (so data given up front is in the first render);
    // an element moved to another place, whose load was aborted, loads again.
    // (Not one whose render failed: it shows its fallback content for good.)
    if (this.hasUpdated && this.status !== 'ready' && !this.renderFailed) this.data.queue(false);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A framework or a script sets the property to what a template printed (`"false"`), which
    // is truthy: read as the attribute is (`true` and `false` as themselves).
    this.revealWarned = reveals(this.revealWarned);
    if (!this.hasUpdated) {
      if (this.status !== 'ready') this.data.load();
    } else if (DATA_PROPERTIES.some((p) => changed.has(p)) || this.dataChanged(changed)) {
      this.data.load();
    }
  }

  /** Subclasses name further properties whose change means "select again" (e.g. `series`). */
  protected dataChanged(_changed: PropertyValues): boolean {
    return false;
  }

  /** Loads again, asking the network anew (the "Try again" button). */
  retry(): void {
    this.focusAfterLoad = true;
    this.data.queue(true);
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
    this.warn(`${detail.message}${detail.url ? ` (${detail.url})` : ''}`);
    this.dispatchEvent(lanternEvent('lantern-error', detail));
  }

  /** A console warning that names this element. @internal */
  warn(message: string, ...details: unknown[]): void {
    console.warn(`<${this.localName}>: ${message}`, ...details);
  }

  /**
   * Whether the view about to render replaces a placeholder (by default a skeleton, or before the
   * first render lantern.css's box) in view or above it, where shrinking would move the page.
   */
  protected replacesPlaceholderInView(
    placeholder = this.hasUpdated ? this.status === 'loading' : this.reserved,
  ): boolean {
    return placeholder && this.getBoundingClientRect().top < innerHeight;
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

  /** The shadow root came from the server (declarative shadow DOM) and still holds its content. */
  private serverRendered?: boolean;
  /** Unset: keeping the server's content; 1: waiting for the whole view; 2: replace it now. */
  private handover?: number;

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.shadowRoot;
    if (isServer || !root?.firstChild) return super.createRenderRoot();
    // Server-rendered (declarative shadow DOM). Not hydrated in place, even with Lit's hydrate
    // support: the first real render replaces it (below), so no client-only value (time zone,
    // reader body, part links) is ever left stale.
    this.serverRendered = true;
    adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
    return root;
  }

  protected override update(changed: PropertyValues): void {
    if (this.serverRendered) {
      // The server's content stays until the whole view is ready (a body being sanitised
      // included), then is replaced at once, before the next paint: one copy, no flash.
      if (this.handover !== 2) {
        if (this.status !== 'loading' && !this.handover) {
          this.handover = 1;
          void this.updateComplete.then(() => {
            this.handover = 2;
            this.requestUpdate();
          });
        }
        return reactiveUpdate.call(this, changed);
      }
      this.serverRendered = false;
      this.renderRoot.replaceChildren();
    }
    try {
      super.update(changed);
    } catch (cause) {
      this.renderFailed = true;
      const slot = Document.prototype.createElement.call(this.ownerDocument, 'slot');
      this.renderRoot.replaceChildren(slot);
      // Reported as any failure is (no render follows: renderFailed stops it).
      this.fail(`could not render; fallback shown: ${errorDetail(cause).message}`);
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.status === 'error') return this.renderError();
    if (this.status === 'loading' || this.view === undefined) return this.renderSkeleton();
    return this.renderView(this.view);
  }

  protected abstract renderSkeleton(): TemplateResult;
  protected abstract renderView(view: View): TemplateResult;

  /** The error state: what failed, the partner's own fallback content, and "Try again". */
  protected renderError(): TemplateResult {
    const m = this.messages;
    const error = this.error;
    return html`
      <div class="error" part="base" lang=${this.locale}>
        <p><strong>${m.errorTitle}</strong></p>
        <p class="cause">${error && m.errorCause(error.kind, error.message, error.status)}</p>
        <slot></slot
        ><button type="button" class="button" part="button" @click=${this.retry}>${m.retry}</button>
      </div>
    `;
  }

  protected override updated(): void {
    if (!this.focusAfterLoad || this.status === 'loading') return;
    this.focusAfterLoad = false;
    // Only focus lost with the button (on the body once it went), never where the reader has
    // moved it since.
    if (document.activeElement !== document.body) return;
    this.renderRoot
      .querySelector<HTMLElement>(this.status === 'error' ? '.error button' : '[data-focus]')
      ?.focus();
  }
}
