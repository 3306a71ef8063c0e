/**
 * The one sanitiser configuration. This module is the rich-content chunk: it is the only one
 * that imports marked and DOMPurify, and it is loaded by dynamic import.
 */
import DOMPurify, { type Config } from 'dompurify';
import { Marked } from 'marked';
import type { RichOptions } from './rich.js';
import { textToFragment } from './rich.js';
import { safeUrl } from './url.js';

/** Markdown larger than this is shown as plain text rather than parsed (marked is superlinear on some inputs). */
export const MAX_MARKDOWN_CHARS = 300_000;
/** HTML larger than this is shown as plain text: nothing a partner widget shows needs more. */
export const MAX_HTML_CHARS = 1_000_000;
/** One block (text between blank lines) longer than this is shown as plain text. */
export const MAX_BLOCK_CHARS = 32_000;
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

/** Under `require-trusted-types-for 'script'` DOMPurify parses through this policy; partners allow the name `lantern`. */
function createPolicy(): Config['TRUSTED_TYPES_POLICY'] {
  const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!tt) return undefined;
  try {
    return tt.createPolicy('lantern', {
      createHTML: (input: string) => input,
      createScriptURL: () => {
        throw new TypeError('lantern: script URLs are never created from content');
      },
    }) as Config['TRUSTED_TYPES_POLICY'];
  } catch {
    return undefined;
  }
}

interface TrustedTypesLike {
  createPolicy(name: string, rules: object): unknown;
}

const purify = DOMPurify(window);
const policy = createPolicy();
let currentBase: string | undefined;

purify.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return;
  if (node.hasAttribute('href')) {
    const href = safeUrl(node.getAttribute('href'), currentBase, 'link');
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

const DEFINITION = /^ {0,3}\[([^\]\n]{1,999})\]:[ \t]*\S.*$/gm;

/** Reference definitions (`[label]: url`), so a chunk parsed alone still resolves its links. */
function definitions(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!markdown.includes(']:')) return found;
  for (const match of markdown.matchAll(DEFINITION)) {
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

function finish(fragment: DocumentFragment, options: RichOptions): DocumentFragment {
  for (const img of Array.from(fragment.querySelectorAll('img'))) {
    const tiny = ['width', 'height'].some((a) => {
      const v = img.getAttribute(a);
      return v !== null && Number.parseFloat(v) <= 2;
    });
    // Tracking pixels go; with hide-images every image goes but its description stays.
    if (tiny || options.hideImages || !img.hasAttribute('src')) {
      const alt = img.getAttribute('alt')?.trim();
      img.replaceWith(alt && !tiny ? `[${alt}]` : '');
    }
  }
  demoteHeadings(fragment, options.headingOffset ?? 0);
  return document.importNode(fragment, true);
}

/**
 * Body headings sit below the heading of the widget that shows them: the body's top level
 * becomes `offset + 1` (a body whose sections start at `##` must not skip a level).
 */
function demoteHeadings(fragment: DocumentFragment, offset: number): void {
  const headings = Array.from(fragment.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  const top = Math.min(...headings.map((h) => Number(h.localName.slice(1))));
  const by = Math.min(5, Math.max(0, (Math.round(offset) || 0) + 1 - top));
  if (by === 0) return;
  for (const heading of headings) {
    const level = Math.min(6, Number(heading.localName.slice(1)) + by);
    const demoted = heading.ownerDocument.createElement(`h${level}`);
    for (const attr of Array.from(heading.attributes)) demoted.setAttribute(attr.name, attr.value);
    demoted.append(...Array.from(heading.childNodes));
    heading.replaceWith(demoted);
  }
}

export function sanitizeHtml(html: string, options: RichOptions = {}): DocumentFragment {
  if (html.length > MAX_HTML_CHARS) {
    warn(`HTML body over ${MAX_HTML_CHARS} characters: its start is shown as plain text`);
    return textToFragment(
      `${plainTextOf(html.slice(0, MAX_HTML_CHARS)).slice(0, MAX_MARKDOWN_CHARS)}…`,
    );
  }
  currentBase = options.baseUrl;
  try {
    const fragment = purify.sanitize(stripComments(html), {
      ...CONFIG,
      ...(policy ? { TRUSTED_TYPES_POLICY: policy } : {}),
    });
    return finish(fragment, options);
  } finally {
    currentBase = undefined;
  }
}

/** Tags dropped, entities left as written: only ever inserted as text. */
function plainTextOf(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(?:p|div|br|li|h[1-6]|tr|blockquote)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, ' ');
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
  if (markdown.length > MAX_MARKDOWN_CHARS) {
    warn(`markdown over ${MAX_MARKDOWN_CHARS} characters: its start is shown as plain text`);
    return textToFragment(`${markdown.slice(0, MAX_MARKDOWN_CHARS)}…`);
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
      out.append(textToFragment(text));
      return;
    }
    out.append(sanitizeHtml(html, options));
    await pause();
  };
  for (const block of splitBlocks(markdown)) {
    const trouble = blockTrouble(block);
    if (trouble) {
      await flush();
      warn(`${trouble}; that part of the markdown is shown as plain text`);
      out.append(textToFragment(block));
      await pause();
      continue;
    }
    const defused = defuseBlock(block);
    if (chunkLength + defused.length > CHUNK_CHARS) await flush();
    chunk.push(defused);
    chunkLength += defused.length;
  }
  await flush();
  return out;
}
