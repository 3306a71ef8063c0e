/**
 * The browser's own HTML Sanitizer (`Document.parseHTML` with a `Sanitizer`), configured
 * from the shared allow-list. Its safe methods cannot be configured to let script through, and
 * it costs no download: where it exists, DOMPurify is never fetched.
 */
import { ALLOWED_ATTR, ALLOWED_TAGS, UNWRAPPED } from './allow-list.js';
import type { InertParse } from './sanitize.js';

interface SanitizerConstructor {
  new (config: object): object;
}

type ParseHtml = (html: string, options: { sanitizer: object }) => Document;

/** A parser that sanitises into an inert document, or `undefined` where the API is missing. */
export function platformParser(): InertParse | undefined {
  const parseHTML = (Document as { parseHTML?: ParseHtml }).parseHTML;
  if (typeof parseHTML !== 'function') return undefined;
  let sanitizer: object;
  try {
    // (No `Sanitizer`, or not a constructor, throws here too.)
    sanitizer = new (globalThis as { Sanitizer?: SanitizerConstructor }).Sanitizer!({
      // A whole document is parsed: its `html` and `body` stay so the body has somewhere to be.
      elements: [...ALLOWED_TAGS, 'html', 'body'],
      attributes: ALLOWED_ATTR,
      replaceWithChildrenElements: UNWRAPPED.filter((name) => name !== 'body'),
      comments: false,
      dataAttributes: false,
    });
  } catch {
    // An older draft of the API with another configuration shape: use the fallback.
    return undefined;
  }
  // A new document without a browsing context (nothing in it loads or runs), and without the
  // page's CSP: the handlers the sanitiser removes are not reported as violations first.
  return (html) => parseHTML.call(Document, html, { sanitizer }).body ?? new DocumentFragment();
}
