/**
 * What a body may contain after sanitising, and the live copy that keeps it to that. (The rest
 * of the sanitisers' configuration is allow-list.ts.)
 *
 * The live writer is shared by the HTML path (sanitize.ts, which copies the sanitiser's inert
 * tree through it) and the markdown path (markdown-tree.ts, which writes marked's tokens
 * through it): our own rules on every node that reaches the page (the allow-list again, the URL
 * policy, privacy attributes on links and images, tracking-pixel removal, hide-images, heading
 * levels, node and depth budgets), and the pacing that lets the page work between slices.
 * Both paths load this module (`lantern-rich-copy-*`); neither loads the other's code.
 */
import type { BodyBudget, RichOptions } from './rich.js';
import { spendNode, spendText } from './rich.js';
import { pageFragment, safeUrl } from './url.js';

/**
 * Elements a body may contain after sanitising (the allow-list of both sanitisers, allow-list.ts).
 * `details`/`summary` (with `open`, below) are a disclosure a reader opens: safe because no
 * `on*` attribute (`ontoggle`) and no `name` (a page-wide accordion group) is ever kept.
 */
export const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details',
  'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small',
  'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'time', 'tr', 'u', 'ul', 'var', 'wbr',
] as const; // prettier-ignore

/** Attributes an allowed element may keep (URLs then pass the URL policy). */
export const ALLOWED_ATTR = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'lang', 'dir', 'colspan', 'rowspan',
  'scope', 'datetime', 'cite', 'start', 'reversed', 'abbr', 'open',
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
/** ul, ol, dl, dd, blockquote, figure. */
const CONTAINERS = /^([uod]l|dd|blockquote|figure)$/;
/** table, caption, thead, tbody, tfoot, tr, td, th. */
const TABLE_PARTS = /^(caption|t(able|[rdh]|head|body|foot))$/;
const TAGS = new Set<string>(ALLOWED_TAGS);

const COMMENT = /<!--(?:>|->|[\s\S]*?(?:--!?>|$))/g;

export function stripComments(html: string): string {
  return html.replace(COMMENT, '');
}

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Lets the page handle input; `scheduler.yield` is not throttled in background tabs like timers are. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve));
}

export function warn(message: string): void {
  console.warn(`lantern: ${message}`);
}

/** An element's attribute by name, as the live writer reads it (`null` or `undefined`: none). */
export type Attributes = (name: string) => string | null | undefined;

/** No attributes (most elements of a markdown body): none is looked up. */
const NONE: Attributes = () => null;

/**
 * Writes a body into the page's document under our rules, node by node, within the body's
 * budget: only allowed elements and attributes, every URL through the URL policy, links without
 * opener or referrer, images made fresh with their privacy attributes set before `src` (a clone
 * would copy `src` first, and an image the browser has cached then goes out with a referrer and
 * ignores `loading`), containers nested too deeply flattened, heading levels shifted, and
 * numbers in attributes clamped so nothing draws off-screen. The HTML path walks a sanitiser's
 * inert tree into it (`finish`); the markdown path writes marked's tokens straight into it
 * (markdown-tree.ts): one set of rules for both, and markdown is built once.
 */

export interface LiveWriter {
  /** What has been written. */
  readonly out: DocumentFragment;
  /**
   * An element, with what `fill` writes into it. An element outside the allow-list, or nested
   * too deeply, is not made: what `fill` writes joins its parent. An image is made with its
   * privacy attributes; with `hide-images` or no usable `src`, its description stands in.
   * Once the budget has run out, nothing more is written, and the body is marked cut.
   */
  el(tag: string, attributes?: Attributes, fill?: () => void): void;
  /** Text, joining a text node just written. */
  text(value: string): void;
}

export function liveWriter(options: RichOptions, budget: BodyBudget, shift: number): LiveWriter {
  const out = document.createDocumentFragment();
  let into: Node = out;
  let depth = 0;
  let containers = 0;
  let flat = false;
  return {
    out,
    el(tag, attributes = NONE, fill) {
      // No node left: the body is cut here (and no image is made for it).
      if (!spendNode(budget, 0)) return;
      const parent = into;
      const parentDepth = depth;
      const parentContainers = containers;
      const parentFlat = flat;
      const container = CONTAINERS.test(tag);
      const image = tag === 'img' && imageFor(attributes, options);
      // Both sanitisers keep to the allow-list; this copy keeps to it as well, whatever they did.
      if (!TAGS.has(tag) || image === null) {
        // Not made: its children (if any) join the parent.
      } else if (
        !image &&
        (depth >= MAX_ELEMENT_DEPTH || (container && containers >= MAX_CONTAINER_DEPTH))
      ) {
        // Hoisted: the children join the parent, so a body cannot indent itself off-screen.
        flat ||= container;
      } else if (!spendNode(budget)) return;
      else {
        let name = tag;
        if (flat && /^(li|dt|dd)$/.test(tag)) name = 'div';
        else if (shift && /^h[1-6]$/.test(tag)) name = `h${Math.min(6, +tag[1]! + shift)}`;
        const copy = image || document.createElement(name);
        if (!image) copyAttributes(tag, attributes, copy as Element, options.baseUrl);
        into = into.appendChild(copy);
        depth++;
        if (container) containers++;
        flat = false;
      }
      fill?.();
      into = parent;
      depth = parentDepth;
      containers = parentContainers;
      flat = parentFlat;
    },
    text(value) {
      const last = into.lastChild;
      // (nodeType, not instanceof Text: the feed builder runs this in jsdom, which has no global
      // Text. 3 is Node.TEXT_NODE.)
      const join = last?.nodeType === 3;
      // Joining text takes no node, but none is written once none is left.
      if (!spendNode(budget, join ? 0 : 1)) return;
      const kept = spendText(budget, value);
      if (join) (last as Text).appendData(kept);
      else (into as ParentNode).append(kept);
    },
  };
}

/** The live copy of a sanitised (inert) tree, written under our rules (`liveWriter`). */
export function finish(
  fragment: ParentNode,
  options: RichOptions,
  budget: BodyBudget,
  shift: number,
): DocumentFragment {
  const writer = liveWriter(options, budget, shift);
  const walk = (from: Node): void => {
    for (let child = from.firstChild; child; child = child.nextSibling) {
      // (3: Node.TEXT_NODE.)
      if (child.nodeType === 3) writer.text(child.nodeValue!);
      else {
        // An element of another namespace (SVG, MathML), or any other node, is none of ours:
        // its children (if any) join its parent, and its attributes are never read.
        const element = child instanceof HTMLElement && child;
        writer.el(
          element ? element.localName : '',
          element ? (name) => element.getAttribute(name) : undefined,
          () => walk(child),
        );
      }
    }
  };
  walk(fragment);
  return writer.out;
}

/**
 * Sanitised attributes under our own rules: allowed names only, every `href` and `cite` through
 * the URL policy, links without opener or referrer, and the numbers a layout depends on kept in
 * range.
 */
function copyAttributes(
  tag: string,
  from: Attributes,
  to: Element,
  base: string | undefined,
): void {
  for (const attr of from === NONE ? [] : ALLOWED_ATTR) {
    const given = from(attr);
    if (given == null) continue;
    // Trimmed as DOMPurify trims them, so both paths give the same value.
    let value: string | null = given.trim();
    // `#part-2` points into the page showing the body, never at the feed it came from.
    if (attr === 'href') value = pageFragment(value) ?? safeUrl(value, base, 'link');
    else if (attr === 'cite') value = safeUrl(value, base, 'link');
    // Only an image has a source, and it is made apart (`imageFor`).
    else if (attr === 'src') value = null;
    else if (attr === 'start') value = clampedNumber(value, -MAX_LIST_START, MAX_LIST_START);
    // colspan, rowspan
    else if (/span/.test(attr)) value = clampedNumber(value, 1, MAX_SPAN);
    // A table's, bounded; elsewhere (`<hr width="100000">`, `<pre width>`) it only widens.
    else if (attr === 'width' || attr === 'height') {
      value = TABLE_PARTS.test(tag) ? saneLength(value, MAX_TABLE_PX) : null;
    }
    if (value !== null) to.setAttribute(attr, value);
  }
  if (tag === 'a') to.setAttribute('rel', 'noopener noreferrer');
}

function clampedNumber(value: string, min: number, max: number): string | null {
  const n = parseInt(value, 10);
  return isNaN(n) ? null : String(Math.min(max, Math.max(min, n)));
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
function imageFor(attribute: Attributes, options: RichOptions): Node | null {
  const url = safeUrl(attribute('src'), options.baseUrl, 'image');
  // (null reads as "null": no scheme.)
  const src = /^https?:/.test(url!) ? url : null;
  const alt = attribute('alt')?.trim();
  // A tracking pixel: 2 px or less either way (no number is not a size), or a visit counter's
  // address, which Matomo's and Piwik's feeds give no size (`…/p.php?idsite=8&action_name=…`).
  if (
    /[?&]idsite=|(matomo|piwik)\.php/i.test(url!) ||
    ['width', 'height'].some((a) => parseFloat(attribute(a)!) <= 2)
  )
    return null;
  if (options.hideImages || !src) return alt ? document.createTextNode(`[${alt}]`) : null;
  const img = document.createElement('img');
  img.referrerPolicy = 'no-referrer';
  img.loading = 'lazy';
  img.decoding = 'async';
  for (const name of ['alt', 'title', 'lang', 'dir']) {
    const value = attribute(name);
    if (value != null) img.setAttribute(name, value.trim());
  }
  for (const name of ['width', 'height']) {
    const value = saneLength(attribute(name) ?? '', MAX_IMAGE_PX);
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
