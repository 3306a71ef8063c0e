import { isServer } from 'lit';

/**
 * Reader mode's links between parts: `#part-N` on the page itself, and the browser's history.
 * `#part-N` belongs to the first reader-mode navigator on the page; another one switches parts
 * in place without touching the URL, so two stories never fight over it.
 */
export function followsHash(navigator: Element): boolean {
  // A server render (@lit-labs/ssr) has no page: the browser's render sets the links.
  if (isServer) return false;
  const first = document.querySelector(`${navigator.localName}[mode="reader"]`);
  return !first || first === navigator;
}

/** Absolute, so a page with a `<base href>` still keeps the reader on this page. */
export function partHref(number: number): string {
  if (isServer) return `#part-${number}`;
  const url = new URL(location.href);
  url.hash = `part-${number}`;
  return url.href;
}

/** Adds part `number` to the history when `navigator` owns the URL's `#part-N`. */
export function pushPart(navigator: Element, number: number): void {
  if (!followsHash(navigator)) return;
  const url = partHref(number);
  if (url !== location.href) history.pushState(history.state, '', url);
}

/**
 * Scrolls a part's heading to the top, without motion for readers who asked for less: 'instant'
 * ('auto' is the page's own `scroll-behavior`, which a theme may make smooth).
 */
export function scrollToHeading(heading: HTMLElement): void {
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  heading.scrollIntoView({ behavior: reduced ? 'instant' : 'smooth', block: 'start' });
}

/** Reader mode's heading of the part being read, in a navigator's shadow root. */
export function partHeading(root: ParentNode): HTMLElement | null {
  return root.querySelector<HTMLElement>('.reading .title');
}

/** Moves focus to the part's heading and scrolls it into view. */
export function focusPartHeading(root: ParentNode): void {
  // (Focusable: every render gives it tabindex -1, in `updated`.)
  const heading = partHeading(root);
  if (!heading) return;
  heading.focus({ preventScroll: true });
  // In a task of its own: after back or forward, the browser puts back the page's scroll
  // position once popstate is handled, which undid a scroll made at once.
  setTimeout(scrollToHeading, 0, heading);
}

/**
 * The part a plain click on a part link (`a[data-part]`) asks for, with the link's navigation
 * cancelled; `undefined` for any other click (a new tab, a modified or handled click).
 */
export function clickedPart(event: MouseEvent): number | undefined {
  // (Any button but the main one, 0.)
  if (event.defaultPrevented || event.button) return undefined;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-part]');
  if (!link) return undefined;
  event.preventDefault();
  return Number(link.dataset.part);
}
