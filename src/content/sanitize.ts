/**
 * The sanitiser core (the `lantern-rich` chunk, loaded by dynamic import for HTML and markdown
 * bodies). Untrusted HTML is first bounded by a linear pre-pass, then sanitised into an inert
 * tree by the browser's own HTML Sanitizer, or by DOMPurify (its own chunk, fetched only where
 * the browser has no Sanitizer), both configured from allow-list.ts. Our own rules then build
 * the live copy: the URL policy, privacy attributes on links and images, tracking-pixel removal,
 * hide-images, heading levels and node and depth budgets. Markdown is markdown.ts (marked).
 */
import { ALLOWED_ATTR, ALLOWED_TAGS } from './allow-list.js';
import { defuseHtml, plainTextOf } from './html-budget.js';
import { sliceHtml } from './html-slices.js';
import type { BodyBudget, RichOptions } from './rich.js';
import { appendContinuation, bodyBudget, spendNode, spendText, textToFragment } from './rich.js';
import { platformParser } from './sanitize-platform.js';
import { pageFragment, safeUrl } from './url.js';

export { ALLOW_LIST } from './allow-list.js';

/** HTML larger than this is shown as plain text: nothing a partner widget shows needs more. */
export const MAX_HTML_CHARS = 1_000_000;
/** Plain text shown for an oversized HTML body is cut at this length. */
const MAX_PLAIN_CHARS = 300_000;

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

/** Sanitises an HTML string into an inert tree (no loads, no scripts) whose children are safe to copy. */
export type InertParse = (html: string) => ParentNode;

let parser: Promise<InertParse> | undefined;

/** The platform's sanitizer where the browser has one; otherwise DOMPurify, fetched once. */
export function inertParser(): Promise<InertParse> {
  parser ??= (async () =>
    platformParser() ?? (await import('./sanitize-purify.js')).purifyParser())();
  return parser;
}

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
function finish(
  fragment: ParentNode,
  options: RichOptions,
  budget: BodyBudget,
  headingShift = headingShiftFor([fragment], options.headingOffset ?? 0),
): DocumentFragment {
  const out = document.createDocumentFragment();
  const adopt = (from: Node, into: Node, depth: number, containers: number, flat: boolean) => {
    for (let child = from.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (!spendNode(budget)) return;
        into.appendChild(document.createTextNode(spendText(budget, child.nodeValue ?? '')));
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
 * becomes `offset + 1` (a body whose sections start at `##` must not skip a level). Returns
 * how many levels every heading moves down.
 */
function headingShiftFor(fragments: ParentNode[], offset: number): number {
  let top = 7;
  // A loop, not Math.min(...list): a spread of 100,000 headings overflows the stack.
  for (const fragment of fragments) {
    for (const heading of fragment.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      top = Math.min(top, Number(heading.localName[1]));
      if (top === 1) break;
    }
  }
  if (top === 7) return 0;
  return Math.min(5, Math.max(0, (Math.round(offset) || 0) + 1 - top));
}

/** Sanitises one piece of a body, spending its budget; the caller ends the body. */
export function sanitizeInto(
  html: string,
  options: RichOptions,
  budget: BodyBudget,
  parse: InertParse,
): DocumentFragment {
  if (budget.truncated) return document.createDocumentFragment();
  return finish(parse(defuseHtml(stripComments(html), budget)), options, budget);
}

/** How much of a long HTML body is parsed and sanitised in one step (see `sliceHtml`). */
export interface SliceLimits {
  nodes: number;
  chars: number;
}

/**
 * About 10 ms of parsing and copying each on a busy 2-core machine; the work yields to the
 * page whenever it has held the main thread for `YIELD_AFTER_MS`.
 */
export const SLICE: SliceLimits = { nodes: 1_000, chars: 20_000 };
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

/**
 * An HTML body to a sanitised fragment; `parse` picks a path (the differential test uses both).
 * A long body is cut into top-level slices that parse to the same nodes as the whole, then
 * parsed, sanitised and copied a slice at a time with the page's own work in between, so no
 * single step holds the main thread for long.
 */
export async function sanitizeHtml(
  html: string,
  options: RichOptions = {},
  parse?: InertParse,
  limits: SliceLimits = SLICE,
): Promise<DocumentFragment> {
  const budget = bodyBudget();
  if (html.length > MAX_HTML_CHARS) {
    warn(`HTML body over ${MAX_HTML_CHARS} characters: its start is shown as plain text`);
    budget.truncated = true;
    const text = plainTextOf(html.slice(0, MAX_HTML_CHARS)).slice(0, MAX_PLAIN_CHARS);
    return appendContinuation(textToFragment(text, document, budget), options, budget);
  }
  parse ??= await inertParser();
  const pause = pacer();
  const defused = defuseHtml(stripComments(html), budget);
  const slices = sliceHtml(defused, limits.nodes, limits.chars);
  await pause();
  const trees: ParentNode[] = [];
  for (const slice of slices) {
    trees.push(parse(slice));
    await pause();
  }
  // Heading levels follow the whole body's top heading, as they did when it was one tree.
  const shift = headingShiftFor(trees, options.headingOffset ?? 0);
  const out = document.createDocumentFragment();
  for (const tree of trees) {
    out.append(finish(tree, options, budget, shift));
    await pause();
  }
  return appendContinuation(out, options, budget);
}
