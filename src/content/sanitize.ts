/**
 * The sanitiser core (the `lantern-rich` chunk, loaded by dynamic import for HTML and markdown
 * bodies). Untrusted HTML is first bounded by a linear pre-pass, then sanitised into an inert
 * tree by the browser's own HTML Sanitizer, or by DOMPurify (its own chunk, fetched only where
 * the browser has no Sanitizer), both configured from allow-list.ts. Our own rules then build
 * the live copy (live-copy.ts). Markdown is markdown.ts, which comes here only for raw HTML.
 */
import { ALLOW_LIST } from './allow-list.js';
import { BLOCKS, defuseHtml } from './html-budget.js';
import { sliceHtml } from './html-slices.js';
import { finish, headingShift, pacer, stripComments, warn } from './live-copy.js';
import type { BodyBudget, RichOptions } from './rich.js';
import { appendContinuation, bodyBudget, textToFragment } from './rich.js';
import { platformParser } from './sanitize-platform.js';
import { stripMarkup } from './text.js';

/** HTML larger than this is shown as plain text: nothing a partner widget shows needs more. */
export const MAX_HTML_CHARS = 1_000_000;
/** Plain text shown for an oversized HTML body is cut at this length. */
const MAX_PLAIN_CHARS = 300_000;

/** Sanitises an HTML string into an inert tree (no loads, no scripts) whose children are safe to copy. */
export type InertParse = (html: string) => ParentNode;

let parser: Promise<InertParse> | undefined;

/** The platform's sanitizer where the browser has one; otherwise DOMPurify, fetched once. */
export function inertParser(): Promise<InertParse> {
  parser ??= (async () =>
    platformParser() ?? (await import('./sanitize-purify.js')).purifyParser(ALLOW_LIST))();
  return parser;
}

/** The top heading level (1 to 6) in inert trees; 7 when they have none. */
export function topHeading(fragments: ParentNode[]): number {
  let top = 7;
  // A loop, not Math.min(...list): a spread of 100,000 headings overflows the stack.
  for (const fragment of fragments) {
    for (const heading of fragment.querySelectorAll('h1,h2,h3,h4,h5,h6')) {
      top = Math.min(top, +heading.localName[1]!);
      if (top === 1) return top;
    }
  }
  return top;
}

/** One piece of a body (raw HTML in markdown) sanitised into an inert tree, for `finish`. */
export function inertTree(html: string, budget: BodyBudget, parse: InertParse): ParentNode {
  return parse(defuseHtml(stripComments(html), budget));
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
    warn(`HTML body over ${MAX_HTML_CHARS} characters: shown as plain text`);
    // Its text (stripMarkup makes each tag a space), each block a paragraph of its own.
    const text = stripMarkup(
      html
        .slice(0, MAX_HTML_CHARS)
        .replace(/<\/?([a-z][^\s/>]*)/gi, (tag, name: string) =>
          BLOCKS.has(name.toLowerCase()) ? `\n\n${tag}` : tag,
        ),
    ).slice(0, MAX_PLAIN_CHARS);
    const fragment = textToFragment(text, budget);
    // Cut, so the continuation link follows; set after the text, which stops at the first
    // paragraph of a body already marked cut.
    budget.truncated = true;
    return appendContinuation(fragment, options, budget);
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
  const shift = headingShift(topHeading(trees), options.headingOffset);
  const out = document.createDocumentFragment();
  for (const tree of trees) {
    out.append(finish(tree, options, budget, shift));
    await pause();
  }
  return appendContinuation(out, options, budget);
}
