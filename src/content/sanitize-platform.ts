/**
 * The browser's own HTML Sanitizer (`Element.prototype.setHTML` with a `Sanitizer`), configured
 * from the shared allow-list. Its safe methods cannot be configured to let script through, and
 * it costs no download: where it exists, DOMPurify is never fetched.
 */
import { ALLOWED_ATTR, ALLOWED_TAGS, UNWRAPPED } from './allow-list.js';
import type { InertParse } from './sanitize.js';

interface SanitizerConstructor {
  new (config: object): object;
}

type SafeSetHtml = (html: string, options: { sanitizer: object }) => void;

/** A parser that sanitises into an inert document, or `undefined` where the API is missing. */
export function platformParser(): InertParse | undefined {
  const Sanitizer = (globalThis as { Sanitizer?: SanitizerConstructor }).Sanitizer;
  const setHTML = (Element.prototype as { setHTML?: SafeSetHtml }).setHTML;
  if (typeof Sanitizer !== 'function' || typeof setHTML !== 'function') return undefined;
  let sanitizer: object;
  try {
    sanitizer = new Sanitizer({
      elements: [...ALLOWED_TAGS],
      attributes: [...ALLOWED_ATTR],
      replaceWithChildrenElements: [...UNWRAPPED],
      comments: false,
      dataAttributes: false,
    });
  } catch {
    // An older draft of the API with another configuration shape: use the fallback.
    return undefined;
  }
  // A document without a browsing context: nothing in it loads, runs or lays out.
  const inert = document.implementation.createHTMLDocument('');
  return (html) => {
    const holder = inert.createElement('div');
    setHTML.call(holder, html, { sanitizer });
    return holder;
  };
}
