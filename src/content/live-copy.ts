/**
 * What a body may contain after sanitising, and the live copy that keeps it to that. (The rest
 * of the sanitisers' configuration is allow-list.ts.)
 *
 * The live copy is shared by the HTML path (sanitize.ts, which copies the sanitiser's inert
 * tree) and the markdown path (markdown.ts, which copies the tree it builds from marked's
 * tokens): our own rules on every node that reaches the page (the allow-list again, the URL
 * policy, privacy attributes on links and images, tracking-pixel removal, hide-images, heading
 * levels, node and depth budgets), and the pacing that lets the page work between slices.
 * Both paths load this module (`lantern-rich-copy-*`); neither loads the other's code.
 */
import type { BodyBudget, RichOptions } from './rich.js';
import { spendNode, spendText } from './rich.js';
import { pageFragment, safeUrl } from './url.js';

/** Elements a body may contain after sanitising (the allow-list of both sanitisers, allow-list.ts). */
export const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'dfn', 'div',
  'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i',
  'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small', 'span',
  'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u',
  'ul', 'var', 'wbr',
] as const; // prettier-ignore

/** Attributes an allowed element may keep (URLs then pass the URL policy). */
export const ALLOWED_ATTR = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'lang', 'dir', 'colspan', 'rowspan',
  'scope', 'datetime', 'cite', 'start', 'reversed', 'abbr',
] as const; // prettier-ignore

/**
 * `<br>`s in a row (nothing but whitespace between) past this are dropped: a poem keeps its
 * line breaks and one blank line, 20,000 of them do not make a body half a million pixels
 * tall. Only markup can tell them apart (CSS selectors ignore the text between `<br>`s).
 */
export const MAX_BREAKS_IN_A_ROW = 2;

/** Containers (lists, quotes, definition lists, figures) nested deeper than this are flattened. */
export const MAX_CONTAINER_DEPTH = 8;
/** Any element nested deeper than this is flattened: its children join its parent. */
export const MAX_ELEMENT_DEPTH = 32;
/** Bounds for numbers a feed puts in attributes, so no list marker or cell draws off-screen. */
const MAX_LIST_START = 99_999;
const MAX_SPAN = 20;
const MAX_TABLE_PX = 1_200;
const MAX_IMAGE_PX = 10_000;
const CONTAINERS = new Set(['ul', 'ol', 'dl', 'dd', 'blockquote', 'figure']);
const TABLE_PARTS = new Set(['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';
const TAGS = new Set<string>(ALLOWED_TAGS);
const ATTRIBUTES = new Set<string>(ALLOWED_ATTR);

const COMMENT = /<!--(?:>|->|[\s\S]*?(?:--!?>|$))/g;

export function stripComments(html: string): string {
  return html.includes('<!--') ? html.replace(COMMENT, '') : html;
}

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Lets the page handle input; `scheduler.yield` is not throttled in background tabs like timers are. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function warn(message: string): void {
  console.warn(`lantern: ${message}`);
}

/**
 * Builds the live copy of a sanitised (inert) fragment node by node, within the body's budget:
 * images are made fresh with their privacy attributes set before `src` (a clone would copy
 * `src` first, and an image the browser has cached then goes out with a referrer and ignores
 * `loading`), containers nested too deeply are flattened, and numbers in attributes are
 * clamped so nothing draws off-screen.
 */
export function finish(
  fragment: ParentNode,
  options: RichOptions,
  budget: BodyBudget,
  headingShift: number,
): DocumentFragment {
  const out = document.createDocumentFragment();
  const adopt = (from: Node, into: Node, depth: number, containers: number, flat: boolean) => {
    for (let child = from.firstChild, next; child; child = next) {
      next = child.nextSibling;
      if (child.nodeType === Node.TEXT_NODE) {
        if (!spendNode(budget)) return;
        // Moved, not copied: text is text in any document, and one node fewer to make.
        const text = child.nodeValue!;
        const kept = spendText(budget, text);
        if (kept.length < text.length) child.nodeValue = kept;
        into.appendChild(child);
        continue;
      }
      if (!(child instanceof Element)) continue;
      const tag = child.localName;
      // Both sanitisers keep to the allow-list; this copy keeps to it as well, whatever they did.
      if (!TAGS.has(tag) || child.namespaceURI !== HTML_NS) {
        adopt(child, into, depth, containers, flat);
        continue;
      }
      if (tag === 'img') {
        const image = imageFor(child, options);
        if (!image) continue;
        if (!spendNode(budget)) return;
        into.appendChild(image);
        continue;
      }
      const container = CONTAINERS.has(tag);
      if (depth >= MAX_ELEMENT_DEPTH || (container && containers >= MAX_CONTAINER_DEPTH)) {
        // Hoisted: the children join the parent, so a body cannot indent itself off-screen.
        adopt(child, into, depth, containers, container || flat);
        continue;
      }
      if (!spendNode(budget)) return;
      let name = tag;
      if (flat && (tag === 'li' || tag === 'dt' || tag === 'dd')) name = 'div';
      else if (headingShift && /^h[1-6]$/.test(tag)) {
        name = `h${Math.min(6, Number(tag[1]) + headingShift)}`;
      }
      const copy = document.createElement(name);
      copyAttributes(child, copy, options.baseUrl);
      into.appendChild(copy);
      adopt(child, copy, depth + 1, containers + (container ? 1 : 0), false);
    }
  };
  adopt(fragment, out, 0, 0, false);
  return out;
}

/**
 * Sanitised attributes under our own rules: allowed names only, every `href` and `cite` through
 * the URL policy, links without opener or referrer, and the numbers a layout depends on kept in
 * range.
 */
function copyAttributes(from: Element, to: Element, base: string | undefined): void {
  const tag = from.localName;
  for (const attr of Array.from(from.attributes)) {
    if (!ATTRIBUTES.has(attr.name) || attr.namespaceURI !== null) continue;
    // Trimmed as DOMPurify trims them, so both paths give the same value.
    let value: string | null = attr.value.trim();
    // `#part-2` points into the page showing the body, never at the feed it came from.
    if (attr.name === 'href') value = pageFragment(value) ?? safeUrl(value, base, 'link');
    else if (attr.name === 'cite') value = safeUrl(value, base, 'link');
    else if (attr.name === 'src') value = null;
    else if (attr.name === 'start') value = clampedNumber(value, -MAX_LIST_START, MAX_LIST_START);
    else if (attr.name === 'colspan' || attr.name === 'rowspan') {
      value = clampedNumber(value, 1, MAX_SPAN);
    } else if ((attr.name === 'width' || attr.name === 'height') && TABLE_PARTS.has(tag)) {
      value = saneLength(value, MAX_TABLE_PX);
    }
    if (value !== null) to.setAttribute(attr.name, value);
  }
  if (tag === 'a') to.setAttribute('rel', 'noopener noreferrer');
}

function clampedNumber(value: string, min: number, max: number): string | null {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? String(Math.min(max, Math.max(min, n))) : null;
}

/** A width or height in pixels up to `maxPx`, or a percentage up to 100; anything else goes. */
function saneLength(value: string, maxPx: number): string | null {
  const match = /^\s*(\d{1,6})(?:\.\d+)?\s*(%?)\s*$/.exec(value);
  if (!match) return null;
  const n = Number(match[1]);
  return n <= (match[2] ? 100 : maxPx) ? `${n}${match[2]}` : null;
}

/**
 * A body image built in the live document: `referrerpolicy`, `loading` and `decoding` exist
 * before `src` does. Tracking pixels go; with hide-images every image goes but its
 * description stays.
 */
function imageFor(source: Element, options: RichOptions): Node | null {
  const url = safeUrl(source.getAttribute('src'), options.baseUrl, 'image');
  const src = url !== null && /^https?:/.test(url) ? url : null;
  const alt = source.getAttribute('alt')?.trim();
  const tiny = ['width', 'height'].some((a) => {
    const v = source.getAttribute(a);
    return v !== null && Number.parseFloat(v) <= 2;
  });
  if (tiny) return null;
  if (options.hideImages || !src) return alt ? document.createTextNode(`[${alt}]`) : null;
  const img = document.createElement('img');
  img.setAttribute('referrerpolicy', 'no-referrer');
  img.setAttribute('loading', 'lazy');
  img.setAttribute('decoding', 'async');
  for (const name of ['alt', 'title', 'lang', 'dir']) {
    const value = source.getAttribute(name);
    if (value !== null) img.setAttribute(name, value.trim());
  }
  for (const name of ['width', 'height']) {
    const value = saneLength(source.getAttribute(name) ?? '', MAX_IMAGE_PX);
    if (value !== null && !value.endsWith('%')) img.setAttribute(name, value);
  }
  img.setAttribute('src', src);
  return img;
}

/**
 * Body headings sit below the heading of the widget that shows them: the body's top level
 * (`top`, 7 for none) becomes `offset + 1` (a body whose sections start at `##` must not skip
 * a level). Returns how many levels every heading moves down.
 */
export function headingShift(top: number, offset = 0): number {
  return top > 6 ? 0 : Math.min(5, Math.max(0, (Math.round(offset) || 0) + 1 - top));
}

/** How long one stretch of work may hold the main thread before yielding. */
export const YIELD_AFTER_MS = 30;

/** `await pause()` yields to the page once `YIELD_AFTER_MS` have passed since the last yield. */
export function pacer(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < YIELD_AFTER_MS) return;
    await nextTask();
    since = performance.now();
  };
}
