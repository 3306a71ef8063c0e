/**
 * The CDN entry (`dist/cdn/lantern.js`). It registers `<lantern-article-card>` at once and each other element as soon as
 * one appears on the page (now, or later: a MutationObserver watches the document), loading that
 * element's code then. A page with only cards never downloads the navigator, the list or the
 * report block; a page with all four gets them all. Elements inside a partner's own shadow roots,
 * or created and kept off the document, can be registered up front with `defineAll()`.
 */
import { tagNames } from './tags.js';

export * from './define/article-card.js';

const lazyElements: Record<string, () => Promise<unknown>> = {
  [tagNames.list]: () => import('./define/article-list.js'),
  [tagNames.navigator]: () => import('./define/story-navigator.js'),
  [tagNames.report]: () => import('./define/report-download.js'),
};

const pending = new Map(Object.entries(lazyElements));
let observer: MutationObserver | undefined;

function define(tag: string): Promise<unknown> | undefined {
  const load = pending.get(tag);
  if (!load) return undefined;
  pending.delete(tag);
  if (pending.size === 0) observer?.disconnect();
  return load().catch((error: unknown) => {
    console.warn(`<${tag}>: its code could not be loaded.`, error);
  });
}

function discover(root: ParentNode): Promise<unknown>[] {
  const loading: Promise<unknown>[] = [];
  for (const tag of pending.keys()) {
    if (root.querySelector(tag)) loading.push(define(tag) ?? Promise.resolve());
  }
  return loading;
}

/** Registers every Lantern element now, whether or not it is on the page yet. */
export function defineAll(): Promise<unknown[]> {
  return Promise.all([...pending.keys()].map((tag) => define(tag)));
}

if (typeof document !== 'undefined') {
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (pending.has(node.localName)) void define(node.localName);
        if (node.firstElementChild) discover(node);
      }
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  // Elements already on the page load together, and this module finishes only when they are
  // registered: a `blocking="render"` script then keeps the first paint until they can show
  // their skeletons, so nothing shifts. (The loader lives in lantern.js, which no chunk imports,
  // so this wait cannot deadlock.)
  await Promise.all(discover(document));
}
