/**
 * The CDN entry (`dist/cdn/lantern.js`). It defines all four elements as soon as it runs, so a
 * framework that renders next (React, Vue) finds them defined and sets `.feed`, `.item` and the
 * other properties instead of writing "[object Object]" into attributes. Only the card's code is
 * here; the list, the navigator and the report are defined by a shell that loads the element's
 * own chunk when the first one is connected (anywhere: in the document or in a shadow root). A
 * page with only cards never downloads the others.
 *
 * See components/shared/lazy-element.ts for how a shell becomes its element.
 */
// First, before Lit: undoes the host page's clobbering of Lit's globals (see host-page.ts).
import './components/shared/host-page.js';
import './cdn-first.js';
import { lazyElement, loaders } from './components/shared/lazy-element.js';

export * from './define/article-card.js';

lazyElement('lantern-article-list', () => import('./define/article-list.js'));
lazyElement('lantern-story-navigator', () => import('./define/story-navigator.js'));
lazyElement('lantern-report-download', () => import('./define/report-download.js'));

/** Loads every element's code now (they are all defined already), e.g. before measuring a page. */
export function defineAll(): Promise<unknown[]> {
  return Promise.all(Object.values(loaders).map((load) => load()));
}

if (typeof document !== 'undefined') {
  // Elements already on the page load together, and this module finishes only when they are
  // ready: a `blocking="render"` script then keeps the first paint until they can show their
  // skeletons. (The loader lives in lantern.js, which no chunk imports, so this cannot deadlock.)
  await Promise.all(
    Object.entries(loaders).map(([tag, load]) => document.querySelector(tag) && load()),
  );
}
