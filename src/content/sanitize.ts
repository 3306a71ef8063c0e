/**
 * The one sanitiser configuration. This module is the rich-content chunk: it is the only one
 * that imports marked and DOMPurify, and it is loaded by dynamic import.
 */
import DOMPurify, { type Config } from 'dompurify';
import { Marked } from 'marked';
import { defuseHtml, plainTextOf } from './html-budget.js';
import type { BodyBudget, RichOptions } from './rich.js';
import { appendContinuation, bodyBudget, spendNode, textToFragment } from './rich.js';
import { lanternPolicy } from './trusted-types.js';
import { pageFragment, safeUrl } from './url.js';

/** Markdown larger than this is shown as plain text rather than parsed (marked is superlinear on some inputs). */
export const MAX_MARKDOWN_CHARS = 300_000;
/** HTML larger than this is shown as plain text: nothing a partner widget shows needs more. */
export const MAX_HTML_CHARS = 1_000_000;
/**
 * One block (text between blank lines) longer than this is shown as plain text: marked's inline
 * scans grow faster than linearly with a block, and this keeps one block's parse short.
 */
export const MAX_BLOCK_CHARS = 16_000;
/** Blockquotes and lists nested deeper than this overflow marked's stack: shown as plain text. */
export const MAX_NESTING = 16;
const MAX_INDENT = 64;
/** marked's table parser slows sharply with width; no widget can show this many columns anyway. */
const MAX_TABLE_COLUMNS = 100;
/** Past this many of one inline marker in a block, that marker is escaped (marked is quadratic on floods). */
const MAX_INLINE_MARKERS = 500;
/** Markdown is parsed in chunks of about this size, yielding to the page between them. */
const CHUNK_CHARS = 12_000;
/** How long one stretch of work may hold the main thread before yielding. */
const YIELD_AFTER_MS = 30;

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

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'dfn', 'div',
  'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i',
  'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small', 'span',
  'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u',
  'ul', 'var', 'wbr',
]; // prettier-ignore

const ALLOWED_ATTR = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'lang', 'dir', 'colspan', 'rowspan',
  'scope', 'datetime', 'cite', 'start', 'reversed', 'abbr',
]; // prettier-ignore

/** The allow-list, in one place: what a body may contain after sanitising. */
export const ALLOW_LIST = { tags: ALLOWED_TAGS, attributes: ALLOWED_ATTR } as const;

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  FORBID_TAGS: ['style', 'form', 'iframe', 'svg', 'math', 'template', 'slot', 'base', 'meta'],
  FORBID_ATTR: ['style', 'srcset', 'part', 'slot', 'id', 'name', 'class', 'formaction'],
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
  RETURN_DOM_FRAGMENT: true,
};

const purify = DOMPurify(window);
// Under `require-trusted-types-for 'script'` DOMPurify parses through the shared `lantern` policy.
const policy = lanternPolicy() as Config['TRUSTED_TYPES_POLICY'];
let currentBase: string | undefined;

purify.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return;
  if (node.hasAttribute('href')) {
    // `#part-2` points into the page showing the body, never at the feed it came from.
    const raw = node.getAttribute('href');
    const href = pageFragment(raw) ?? safeUrl(raw, currentBase, 'link');
    if (href === null) node.removeAttribute('href');
    else node.setAttribute('href', href);
  }
  if (node.localName === 'a') node.setAttribute('rel', 'noopener noreferrer');
  if (node.hasAttribute('cite')) {
    const cite = safeUrl(node.getAttribute('cite'), currentBase, 'link');
    if (cite === null) node.removeAttribute('cite');
    else node.setAttribute('cite', cite);
  }
  if (node.localName === 'img') {
    const src = safeUrl(node.getAttribute('src'), currentBase, 'image');
    if (src === null || !/^https?:/.test(src)) node.removeAttribute('src');
    else node.setAttribute('src', src);
    node.setAttribute('referrerpolicy', 'no-referrer');
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
  }
});

const marked = new Marked({ gfm: true, breaks: false, async: false });
// Comments never need to reach the page, and DOMPurify drops a whole paragraph that mixes a
// comment with text that looks like a tag (its mutation-XSS guard), losing readable text.
marked.use({
  renderer: { html: ({ text }) => stripComments(text) },
});

/**
 * GFM's bare email autolinks look ahead over the whole run of email characters at every text
 * token, so a long run cut into many tokens (`a!a!a!…`) costs n². An email's local part is at
 * most 64 characters (RFC 5321), so the look-ahead stops there: same links, linear time.
 */
function boundEmailScans(rule: RegExp): RegExp {
  const source = rule.source.replace(/\]\+(\(?@)/g, ']{1,64}$1');
  return source === rule.source ? rule : new RegExp(source, rule.flags);
}

type InlineRules = Record<string, RegExp>;
const boundedFor = new WeakMap<InlineRules, InlineRules>();
const bounded = new WeakSet<InlineRules>();

/** The lexer sets its rules on the tokenizer for every parse: swap in the bounded ones. */
function useBoundedRules(tokenizer: { rules: { inline: InlineRules } }): false {
  const inline = tokenizer.rules.inline;
  if (bounded.has(inline)) return false;
  let safe = boundedFor.get(inline);
  if (!safe) {
    safe = { ...inline, text: boundEmailScans(inline.text!), url: boundEmailScans(inline.url!) };
    boundedFor.set(inline, safe);
    bounded.add(safe);
  }
  tokenizer.rules = { ...tokenizer.rules, inline: safe };
  return false;
}

marked.use({
  tokenizer: {
    // `false` hands over to marked's own tokenizer, which now reads the bounded rules.
    url() {
      return useBoundedRules(this as never);
    },
    inlineText() {
      return useBoundedRules(this as never);
    },
  },
});

const COMMENT = /<!--(?:>|->|[\s\S]*?(?:--!?>|$))/g;

function stripComments(html: string): string {
  return html.includes('<!--') ? html.replace(COMMENT, '') : html;
}

/** Why a block of markdown is shown as plain text instead of parsed, or `undefined`. */
function blockTrouble(block: string): string | undefined {
  if (block.length > MAX_BLOCK_CHARS) return 'a block is too long';
  for (const line of block.split('\n')) {
    // Container markers at the start of a line: `>`, `-`, `*`, `+`, `1.`, `1)`, in any mix.
    const containers = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*/.exec(line)?.[0];
    const depth = containers?.match(/>|[-+*]|\d{1,9}[.)]/g)?.length ?? 0;
    if (depth > MAX_NESTING) return 'nested too deeply';
    if ((/^[ \t]*/.exec(line)?.[0].length ?? 0) > MAX_INDENT) return 'indented too deeply';
    if (line.length > MAX_TABLE_COLUMNS && (line.match(/\|/g)?.length ?? 0) > MAX_TABLE_COLUMNS) {
      return 'a table is too wide';
    }
  }
  return undefined;
}

/** Escapes an inline marker that floods a block: its text survives, marked's slow path does not. */
function defuseBlock(block: string): string {
  if (/^ {0,3}(?:```|~~~)/.test(block)) return block;
  let out = block;
  for (const marker of ['*_', '[]', '`', '~']) {
    const pattern = new RegExp(`[${marker.replace(/[\]\\[]/g, '\\$&')}]`, 'g');
    if ((out.match(pattern)?.length ?? 0) <= MAX_INLINE_MARKERS) continue;
    out = out
      .split('\n')
      .map((line) => {
        // Keep list bullets: `* item` stays a list, only the inline markers are escaped.
        const lead = /^[ \t]*(?:[-+*][ \t]|\d{1,9}[.)][ \t]|>[ \t]?)*/.exec(line)?.[0] ?? '';
        return lead + line.slice(lead.length).replace(pattern, '\\$&');
      })
      .join('\n');
  }
  return out;
}

/**
 * Splits markdown into blocks at blank lines that are followed by an unindented line (so no
 * list item or indented code is cut), never inside a fenced code block.
 */
function splitBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: string | undefined;
  let blank = false;
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && blank && current.length && !/^[ \t]/.test(line)) {
      blocks.push(current.join('\n'));
      current = [];
    }
    current.push(line);
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker[0]!.repeat(3) : undefined;
    }
    blank = line.trim() === '';
  }
  if (current.length) blocks.push(current.join('\n'));
  return blocks;
}

/**
 * A whole-line reference definition and nothing else: a destination (`<…>` or one run without
 * spaces) and at most a quoted title. Anything more (say `[x]: y <img …>`) would be a paragraph,
 * and must not be carried into another chunk where it could become one.
 */
const DEFINITION =
  /^ {0,3}\[([^\][\n]{1,999})\]:[ \t]*(?:<[^<>\n]*>|[^\s<][^\s]*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$/;

/**
 * Reference definitions (`[label]: url`), so a chunk parsed alone still resolves its links.
 * Lines inside fenced code are code, not definitions.
 */
function definitions(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!markdown.includes(']:')) return found;
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker[0]!.repeat(3) : undefined;
      continue;
    }
    if (fence !== undefined || !line.includes(']:')) continue;
    const match = DEFINITION.exec(line);
    if (!match) continue;
    const label = match[1]!.trim().toLowerCase();
    if (!found.has(label)) found.set(label, match[0]);
  }
  return found;
}

function definitionsFor(chunk: string, all: Map<string, string>): string {
  if (all.size === 0 || !chunk.includes('[')) return '';
  const used = new Set<string>();
  // Look up each bracketed label the chunk uses, so the cost follows the chunk, not the feed.
  for (const match of chunk.matchAll(/\[([^\][\n]{1,999})\]/g)) {
    const line = all.get(match[1]!.trim().toLowerCase());
    if (line) used.add(line);
  }
  return used.size ? `\n\n${[...used].join('\n')}\n` : '';
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

function warn(message: string): void {
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
  fragment: DocumentFragment,
  options: RichOptions,
  budget: BodyBudget,
): DocumentFragment {
  const out = document.createDocumentFragment();
  const headingShift = headingShiftFor(fragment, options.headingOffset ?? 0);
  const adopt = (from: Node, into: Node, depth: number, containers: number, flat: boolean) => {
    for (let child = from.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (!spendNode(budget)) return;
        into.appendChild(document.createTextNode(child.nodeValue ?? ''));
        continue;
      }
      if (!(child instanceof Element)) continue;
      const tag = child.localName;
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
      copyAttributes(child, copy);
      into.appendChild(copy);
      adopt(child, copy, depth + 1, containers + (container ? 1 : 0), false);
    }
  };
  adopt(fragment, out, 0, 0, false);
  return out;
}

/** Sanitised attributes, with the numbers a layout depends on kept in range. */
function copyAttributes(from: Element, to: Element): void {
  const tag = from.localName;
  for (const attr of Array.from(from.attributes)) {
    let value: string | null = attr.value;
    if (attr.name === 'start') value = clampedNumber(value, -MAX_LIST_START, MAX_LIST_START);
    else if (attr.name === 'colspan' || attr.name === 'rowspan') {
      value = clampedNumber(value, 1, MAX_SPAN);
    } else if ((attr.name === 'width' || attr.name === 'height') && TABLE_PARTS.has(tag)) {
      value = saneLength(value, MAX_TABLE_PX);
    }
    if (value !== null) to.setAttribute(attr.name, value);
  }
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
  const src = source.getAttribute('src');
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
    if (value !== null) img.setAttribute(name, value);
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
function headingShiftFor(fragment: DocumentFragment, offset: number): number {
  let top = 7;
  // A loop, not Math.min(...list): a spread of 100,000 headings overflows the stack.
  for (const heading of fragment.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    top = Math.min(top, Number(heading.localName[1]));
    if (top === 1) break;
  }
  if (top === 7) return 0;
  return Math.min(5, Math.max(0, (Math.round(offset) || 0) + 1 - top));
}

/** Sanitises one piece of a body, spending its budget; the caller ends the body. */
function sanitizeInto(html: string, options: RichOptions, budget: BodyBudget): DocumentFragment {
  if (budget.truncated) return document.createDocumentFragment();
  currentBase = options.baseUrl;
  try {
    const fragment = purify.sanitize(defuseHtml(stripComments(html), budget), {
      ...CONFIG,
      ...(policy ? { TRUSTED_TYPES_POLICY: policy } : {}),
    });
    return finish(fragment, options, budget);
  } finally {
    currentBase = undefined;
  }
}

export function sanitizeHtml(html: string, options: RichOptions = {}): DocumentFragment {
  const budget = bodyBudget();
  if (html.length > MAX_HTML_CHARS) {
    warn(`HTML body over ${MAX_HTML_CHARS} characters: its start is shown as plain text`);
    budget.truncated = true;
    const text = plainTextOf(html.slice(0, MAX_HTML_CHARS)).slice(0, MAX_MARKDOWN_CHARS);
    return appendContinuation(textToFragment(text, document, budget), options, budget);
  }
  return appendContinuation(sanitizeInto(html, options, budget), options, budget);
}

/**
 * Markdown to a sanitised fragment. Input limits keep marked off its slow and stack-hungry
 * paths: a block that is too long or nested too deeply is shown as plain text, a flood of one
 * inline marker is escaped, and a body is parsed in chunks with the page's own work in between.
 */
export async function sanitizeMarkdown(
  markdown: string,
  options: RichOptions = {},
): Promise<DocumentFragment> {
  const budget = bodyBudget();
  if (markdown.length > MAX_MARKDOWN_CHARS) {
    warn(`markdown over ${MAX_MARKDOWN_CHARS} characters: its start is shown as plain text`);
    budget.truncated = true;
    const text = textToFragment(markdown.slice(0, MAX_MARKDOWN_CHARS), document, budget);
    return appendContinuation(text, options, budget);
  }
  const out = document.createDocumentFragment();
  const links = definitions(markdown);
  let chunk: string[] = [];
  let chunkLength = 0;
  let since = performance.now();
  const pause = async () => {
    if (performance.now() - since < YIELD_AFTER_MS) return;
    await nextTask();
    since = performance.now();
  };
  const flush = async () => {
    if (!chunk.length) return;
    const text = chunk.join('\n\n');
    chunk = [];
    chunkLength = 0;
    let html: string;
    try {
      html = marked.parse(text + definitionsFor(text, links)) as string;
    } catch (error) {
      warn(`markdown could not be parsed and is shown as plain text (${String(error)})`);
      out.append(textToFragment(text, document, budget));
      return;
    }
    out.append(sanitizeInto(html, options, budget));
    await pause();
  };
  for (const block of splitBlocks(markdown)) {
    if (budget.truncated) break;
    const trouble = blockTrouble(block);
    if (trouble) {
      await flush();
      warn(`${trouble}; that part of the markdown is shown as plain text`);
      out.append(textToFragment(block, document, budget));
      await pause();
      continue;
    }
    const defused = defuseBlock(block);
    if (chunkLength + defused.length > CHUNK_CHARS) await flush();
    chunk.push(defused);
    chunkLength += defused.length;
  }
  await flush();
  return appendContinuation(out, options, budget);
}
