/**
 * DOM clobbering by the host page. An element with an `id` or `name` becomes a global
 * (`<div id="litHtmlVersions">` is `window.litHtmlVersions`), and an `<img>`, `<form>`,
 * `<embed>`, `<object>` or `<iframe>` with a `name` hides a method of `document`
 * (`<img name="createElement">` is `document.createElement`). Lit reads a few globals when it
 * starts and calls `document` methods when it renders, so either stops every widget.
 *
 * Every entry imports this module before Lit, so it runs first: a hidden global of Lit's is
 * given back as a plain `undefined` own property of `window` (which wins over the element), and
 * a hidden `document` member, which nothing can give back, is reported so that no element is
 * registered: the partner's fallback content then stays visible instead of an empty box.
 */

/** Globals Lit reads when it starts (or, for `ShadyCSS`, when it decides how to style). */
const LIT_GLOBALS = (
  'litHtmlVersions litElementVersions reactiveElementVersions litHtmlPolyfillSupport ' +
  'litElementPolyfillSupport reactiveElementPolyfillSupport litElementHydrateSupport ' +
  'litPropertyMetadata litNonce ShadyCSS ShadyDOM'
).split(' ');

/** What Lit, DOMPurify and Lantern use on `document`: hidden, rendering would throw. */
const DOCUMENT_MEMBERS = (
  'activeElement addEventListener adoptNode baseURI body contains createComment ' +
  'createDocumentFragment createElement createElementNS createNodeIterator createRange ' +
  'createTextNode createTreeWalker defaultView dispatchEvent documentElement ' +
  'getElementById getElementsByTagName getSelection head implementation importNode ' +
  'nodeType ownerDocument querySelector querySelectorAll removeEventListener'
).split(' ');

/** Gives back the globals Lit reads; returns the names that were hidden. */
function restoreLitGlobals(): string[] {
  const restored: string[] = [];
  for (const name of LIT_GLOBALS) {
    // A real value (an earlier Lit, a polyfill) is an own property of window; an element's
    // name or id only shows through window's named-properties prototype.
    if (Object.hasOwn(globalThis, name) || !(name in globalThis)) continue;
    try {
      Object.defineProperty(globalThis, name, {
        value: undefined,
        writable: true,
        configurable: true,
      });
      restored.push(name);
    } catch {
      // Left as it is: Lit will fail, and the widgets' fallback content stays.
    }
  }
  return restored;
}

/** Members of `document` the page has hidden behind elements' names. */
function hiddenDocumentMembers(): string[] {
  // Named elements (one, several, or a named iframe's window) show up as own properties of
  // `document`, objects where the member is a method, a string or a number; a script's own
  // wrapper of a method (some analytics wrap createElement) is a function and still works.
  // Only those names are read: a page's own getter on `document` (a cookie banner's) may throw.
  return DOCUMENT_MEMBERS.filter((name) => {
    const value = Object.hasOwn(document, name) && (document as unknown as Document_)[name];
    return typeof value === 'object' && value !== null;
  });
}

type Document_ = Record<string, unknown>;

/**
 * Whether the host page stops Lantern from rendering at all: the console says why, except in a
 * browser too old for the CDN files (`requireStyleSheets`), which stays silent.
 */
export let hostPageStopped = false;

if (typeof document !== 'undefined' && typeof Document !== 'undefined') {
  // Each warning names the id or name to change: the partner can search the page for it.
  for (const name of restoreLitGlobals()) {
    console.warn(`Lantern: rename the id or name that hid window.${name} from Lit.`);
  }
  const hidden = hiddenDocumentMembers();
  if (hidden.length) {
    hostPageStopped = true;
    console.warn(
      `Lantern: not started: elements named "${hidden.join('", "')}" hide document members; rename them.`,
    );
  }
}

/**
 * For the CDN files, whose Lit styles every shadow root with a constructed style sheet (its
 * <style> fallback is left out: build/lit-messages.ts): a browser without them (Safari before
 * 16.4, Firefox before 101) keeps the fallback content rather than an empty box.
 */
export function requireStyleSheets(): void {
  if (typeof document !== 'undefined' && !('replaceSync' in CSSStyleSheet.prototype)) {
    hostPageStopped = true;
  }
}
