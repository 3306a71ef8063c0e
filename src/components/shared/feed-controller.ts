import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { FeedError, isAbort } from '../../content/errors.js';
import { INLINE_FEED_SELECTOR, readInlineFeed } from '../../content/inline.js';
import { parseFeed, parseFeedOrItem, readLater } from '../../content/parse.js';
import type { Feed, FeedItem, ParsedFeed } from '../../content/types.js';

/** What the controller reads from its element: the data sources, in order of precedence. */
export interface FeedSources {
  readonly feed: Feed | undefined;
  readonly item: string | FeedItem | undefined;
  readonly src: string | undefined;
  readonly baseUrl: string | undefined;
  readonly timeoutMs: number | undefined;
}

/** Data as the widget receives it: the parsed feed and the base its relative URLs resolved against. */
export interface FeedData {
  parsed: ParsedFeed;
  base: string | undefined;
}

export interface FeedCallbacks<View> {
  /** Turns the feed into what the widget shows; throws a `FeedError` when it cannot. */
  select(data: FeedData): View | Promise<View>;
  /** Whether the view may be shown now (e.g. its interface text is loaded), else when. */
  whenReady(): true | Promise<void>;
  loading(): void;
  loaded(view: View): void;
  failed(cause: unknown): void;
}

type Host = ReactiveControllerHost &
  HTMLElement &
  FeedSources & {
    /** A console warning that names the element. */
    warn(message: string): void;
  };

/** Whether a DOM change adds, removes or edits the element's inline feed script. */
function touchesInlineFeed(host: Element, record: MutationRecord): boolean {
  const isFeed = (node: Node) => node instanceof Element && node.matches(INLINE_FEED_SELECTOR);
  if (record.target === host) {
    return [...record.addedNodes, ...record.removedNodes].some(isFeed);
  }
  // An edit of its text is a change to the script around it.
  const node = record.type === 'characterData' ? record.target.parentElement : record.target;
  return node?.parentElement === host && isFeed(node);
}

/**
 * Where a widget's data comes from: the `.feed`/`.item` property, else an inline
 * `<script type="application/feed+json">`, else `src` (fetched with the content layer's shared,
 * abortable requests). Data given in the page whose view can be made at once is shown in the
 * same update — no skeleton, no second render; anything that must wait reports `loading()`
 * first. A newer load aborts the one before; leaving the page aborts it too.
 */
export class FeedController<View> implements ReactiveController {
  private latest: AbortController | undefined;
  private inlineObserver: MutationObserver | undefined;
  private queued?: boolean;

  constructor(
    private readonly host: Host,
    private readonly callbacks: FeedCallbacks<View>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // A framework (or the staff preview) may write or replace an inline feed after upgrade; an
    // element with no data of its own yet may be given one that way.
    const { feed, item, src } = this.host;
    if (
      this.host.querySelector(INLINE_FEED_SELECTOR) ||
      !((!!feed && typeof feed === 'object') || (!!item && typeof item === 'object') || src)
    ) {
      this.inlineObserver ??= new MutationObserver((records) => {
        if (records.some((r) => touchesInlineFeed(this.host, r))) this.queue(false);
      });
      this.inlineObserver.observe(this.host, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    }
  }

  hostDisconnected(): void {
    this.inlineObserver?.disconnect();
    this.latest?.abort();
  }

  /** Loads in a microtask, once for any number of calls before it (several properties set together). */
  queue(reload: boolean): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      if (this.host.isConnected) this.load(reload);
    });
  }

  /** Loads now; in `willUpdate`, data given in the page reaches this very render. */
  load(reload = false): void {
    this.latest?.abort();
    const abort = new AbortController();
    this.latest = abort;
    try {
      // A framework wrote an object as an attribute: the element was not defined when it rendered.
      const written = ['item', 'feed'].find(
        (name) => this.host.getAttribute(name) === '[object Object]',
      );
      if (written) {
        throw new FeedError(
          'no-data',
          `The ${written} attribute is "[object Object]": set the ${written} property (load lantern.js first).`,
        );
      }
      const given = this.given();
      if (given) {
        const view = this.callbacks.select(given);
        if (!(view instanceof Promise) && this.callbacks.whenReady() === true) {
          this.callbacks.loaded(view);
          return;
        }
        this.callbacks.loading();
        void this.settle(Promise.resolve(view), abort);
        return;
      }
    } catch (cause) {
      this.callbacks.failed(cause);
      return;
    }
    this.callbacks.loading();
    // A server render (@lit-labs/ssr) shows the skeleton for `src`: the browser fetches.
    if (!isServer) void this.settle(this.fetch(abort.signal, reload), abort);
  }

  /** The latest load, to tell later whether it is still the latest (see `isCurrent`). */
  get current(): AbortController | undefined {
    return this.latest;
  }

  /** Whether `load` is still the latest load and was not aborted. */
  isCurrent(load: AbortController | undefined): boolean {
    return !!load && load === this.latest && !load.signal.aborted;
  }

  private async fetch(signal: AbortSignal, reload: boolean): Promise<View> {
    const { src, timeoutMs } = this.host;
    if (!src) {
      throw new FeedError(
        'no-data',
        'No content given: set src, or put a feed inside the element.',
      );
    }
    // The loader is its own chunk: a page whose widgets get their data in the page (frameworks,
    // inline feeds) never downloads it.
    const { loadFeed } = await import('../../content/load.js');
    const parsed = await loadFeed(src, { signal, reload, timeoutMs });
    if (signal.aborted) throw signal.reason;
    this.warn(parsed);
    return this.callbacks.select({
      parsed,
      base: parsed.source ?? new URL(src, document.baseURI).href,
    });
  }

  private async settle(view: Promise<View>, abort: AbortController): Promise<void> {
    try {
      const ready = await view;
      await this.callbacks.whenReady();
      if (this.isCurrent(abort)) this.callbacks.loaded(ready);
    } catch (cause) {
      if (abort.signal.aborted || isAbort(cause)) return;
      this.callbacks.failed(cause);
    }
  }

  /** Data given in the page, parsed now: the property, else the inline script. */
  private given(): FeedData | undefined {
    // Data given in the page resolves relative URLs against base-url, else its own feed_url;
    // never silently against the partner's page, where an image would hit the partner's paths.
    // `base-url` as an absolute URL; a relative one is the partner's choice of their own page.
    const { feed, item, baseUrl } = this.host;
    const options: { baseUrl?: string } = {};
    try {
      if (baseUrl) options.baseUrl = new URL(baseUrl, isServer ? undefined : document.baseURI).href;
    } catch {
      this.host.warn(`base-url "${baseUrl}" is not a URL; ignored.`);
    }
    let parsed: ParsedFeed | undefined;
    if (feed && typeof feed === 'object') parsed = parseFeed(feed, options);
    else if (item && typeof item === 'object') parsed = parseFeedOrItem(item, options);
    else if (!isServer) {
      // The server cannot see an element's children: it renders from the property.
      const inline = readInlineFeed(this.host);
      if (inline !== undefined) parsed = parseFeedOrItem(inline, options);
    }
    if (!parsed) return undefined;
    this.warn(parsed);
    return { parsed, base: options.baseUrl ?? parsed.feed.feed_url };
  }

  /**
   * The parse's warnings, with those of fields read now by readers that arrived since
   * (parse.ts): added to the parse's, so every widget given this feed names them.
   */
  private warn(parsed: ParsedFeed): void {
    parsed.warnings.push(...readLater(parsed.feed.items));
    for (const warning of parsed.warnings) {
      this.host.warn(`${warning.path}: ${warning.message}`);
    }
  }
}
