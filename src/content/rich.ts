/**
 * Rich content (markdown, HTML) becomes a sanitised DOM fragment. The sanitiser core loads by
 * dynamic import only for a rich body, marked only for a markdown body, and DOMPurify only in a
 * browser without the HTML Sanitizer API; plain text loads none of them.
 */
import type { FeedItem } from './types.js';
import { decodeEntities } from './text.js';
import { safeUrl } from './url.js';

export interface RichOptions {
  /** Relative links and images in the body resolve against this (the feed's URL). */
  baseUrl?: string;
  /** Drop every image (the widget's `hide-images`). */
  hideImages?: boolean;
  /** The level of the widget's own heading: the body's top heading becomes the next level (capped at h6). */
  headingOffset?: number;
  /**
   * Where the whole story can be read (the item's `url`). A body too large to show in full is
   * cut and ends with a link there; without one it ends with "…".
   */
  continueUrl?: string;
  /**
   * The text of that link, in the widget's language ("Continue reading on the site"); without
   * one, the link shows its address.
   */
  continueLabel?: string;
}

/**
 * Past this many nodes a body is cut where it stands: no story needs more in a widget, and
 * layout and style work grow with every node.
 */
export const MAX_BODY_NODES = 10_000;
/**
 * Past this many characters of text a body is cut too. Laying out text is one step the page
 * cannot split, and it grows with the text: in Chromium on a shared 2-core machine 100,000
 * characters took 20–190 ms, 4.5 million of one character 4 s.
 */
export const MAX_BODY_CHARS = 100_000;

/**
 * A body with more text than this is laid out only near the screen (defer-layout.ts, loaded
 * for such a body only); a long real story has 20,000–40,000 characters.
 */
export const LONG_BODY_CHARS = 12_000;

async function deferLayout(fragment: DocumentFragment): Promise<DocumentFragment> {
  if ((fragment.textContent?.length ?? 0) <= LONG_BODY_CHARS) return fragment;
  return (await import('./defer-layout.js')).deferLayout(fragment);
}

/** What is left of one body's node and text allowance, shared by every chunk of it. */
export interface BodyBudget {
  nodes: number;
  chars: number;
  truncated: boolean;
}

export function bodyBudget(): BodyBudget {
  return { nodes: MAX_BODY_NODES, chars: MAX_BODY_CHARS, truncated: false };
}

/**
 * Takes a text's characters from the budget: the text, or its start when the budget runs out
 * (then no node is left either and the body is marked cut).
 */
export function spendText(budget: BodyBudget, text: string): string {
  if (text.length <= budget.chars) {
    budget.chars -= text.length;
    return text;
  }
  const kept = text.slice(0, budget.chars);
  budget.chars = 0;
  budget.nodes = 0;
  budget.truncated = true;
  return kept;
}

/**
 * Takes `count` nodes (one, or none to ask whether any is left) from the budget; `false` (and
 * the body marked cut) when none is left.
 */
export function spendNode(budget: BodyBudget, count = 1): boolean {
  if (budget.nodes <= 0) {
    budget.truncated = true;
    return false;
  }
  budget.nodes -= count;
  return true;
}

/** What kind of body an item has, in order of preference. */
export function bodySource(item: FeedItem): 'markdown' | 'html' | 'text' | undefined {
  if (item._lantern?.content_markdown) return 'markdown';
  if (item.content_html) return 'html';
  if (item.content_text) return 'text';
  return undefined;
}

export function hasRichBody(item: FeedItem): boolean {
  const source = bodySource(item);
  return source === 'markdown' || source === 'html';
}

/**
 * Paragraphs from plain text, built with `textContent` — nothing is parsed as HTML. With a
 * budget, it stops where the budget runs out.
 */
export function textToFragment(text: string, budget = bodyBudget()): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of text.split(/\n\s*\n/)) {
    const trimmed = block.trim();
    if (!trimmed) continue;
    if (!spendNode(budget)) break;
    const p = document.createElement('p');
    fragment.append(p);
    const lines = trimmed.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (i > 0 && spendNode(budget)) p.append(document.createElement('br'));
      if (!spendNode(budget)) break;
      p.append(spendText(budget, lines[i]!));
    }
    if (budget.truncated) break;
  }
  return fragment;
}

/**
 * Ends a body that was cut: a link to the whole story on the site when its address passes the
 * URL policy, otherwise a plain "…". Nothing is added to a body shown in full.
 */
export function appendContinuation(
  fragment: DocumentFragment,
  options: RichOptions,
  budget: BodyBudget,
): DocumentFragment {
  if (!budget.truncated) return fragment;
  const p = document.createElement('p');
  p.dataset.lanternContinues = '';
  const href = safeUrl(options.continueUrl, options.baseUrl);
  if (href) {
    const a = document.createElement('a');
    a.href = href;
    a.rel = 'noopener noreferrer';
    a.textContent = options.continueLabel || href;
    p.append(a);
  } else {
    p.textContent = '…';
  }
  fragment.append(p);
  return fragment;
}

/** Sanitised body of an item as a fragment ready to insert (empty when it has none). */
export async function renderRichContent(
  item: FeedItem,
  options: RichOptions = {},
): Promise<DocumentFragment> {
  const source = bodySource(item);
  if (source === undefined) return document.createDocumentFragment();
  if (source === 'text') {
    const budget = bodyBudget();
    const text = item.content_text!;
    // Its entities are decoded only as far as it can be shown (all of a 5 MB text took a second);
    // a longer text is cut there (marked after the paragraphs: marked before, they stop at one).
    const fragment = textToFragment(decodeEntities(text.slice(0, MAX_BODY_CHARS)), budget);
    if (text.length > MAX_BODY_CHARS) budget.truncated = true;
    return deferLayout(appendContinuation(fragment, options, budget));
  }
  if (source === 'markdown') return renderMarkdown(item._lantern?.content_markdown ?? '', options);
  const { sanitizeHtml } = await import('./sanitize.js');
  return deferLayout(await sanitizeHtml(item.content_html ?? '', options));
}

/** Renders markdown on its own through exactly the same pipeline as an item's body. */
export async function renderMarkdown(
  markdown: string,
  options: RichOptions = {},
): Promise<DocumentFragment> {
  const { sanitizeMarkdown } = await import('./markdown.js');
  return deferLayout(await sanitizeMarkdown(markdown, options));
}
