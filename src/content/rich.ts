/**
 * Rich content (markdown, HTML) becomes a sanitised DOM fragment. marked and DOMPurify load by
 * dynamic import only when a body actually needs them; plain text never loads them.
 */
import type { FeedItem } from './types.js';

export interface RichOptions {
  /** Relative links and images in the body resolve against this (the feed's URL). */
  baseUrl?: string;
  /** Drop every image (the widget's `hide-images`). */
  hideImages?: boolean;
  /** The level of the widget's own heading: the body's top heading becomes the next level (capped at h6). */
  headingOffset?: number;
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

/** Paragraphs from plain text, built with `textContent` — nothing is parsed as HTML. */
export function textToFragment(text: string, doc: Document = document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const block of text.split(/\n\s*\n/)) {
    const trimmed = block.trim();
    if (!trimmed) continue;
    const p = doc.createElement('p');
    trimmed.split('\n').forEach((line, i) => {
      if (i > 0) p.append(doc.createElement('br'));
      p.append(line);
    });
    fragment.append(p);
  }
  return fragment;
}

/** Sanitised body of an item as a fragment ready to insert (empty when it has none). */
export async function renderRichContent(
  item: FeedItem,
  options: RichOptions = {},
): Promise<DocumentFragment> {
  const source = bodySource(item);
  if (source === undefined) return document.createDocumentFragment();
  if (source === 'text') return textToFragment(item.content_text ?? '');
  const { sanitizeMarkdown, sanitizeHtml } = await import('./sanitize.js');
  return source === 'markdown'
    ? sanitizeMarkdown(item._lantern?.content_markdown ?? '', options)
    : sanitizeHtml(item.content_html ?? '', options);
}

/** Renders a markdown draft (the staff preview) through exactly the same pipeline. */
export async function renderMarkdown(
  markdown: string,
  options: RichOptions = {},
): Promise<DocumentFragment> {
  const { sanitizeMarkdown } = await import('./sanitize.js');
  return sanitizeMarkdown(markdown, options);
}
