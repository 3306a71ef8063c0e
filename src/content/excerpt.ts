/** Excerpts: what a card shows of an item that has no summary. Plain text, rendered as text. */
import { decodeEntities, MARKDOWN_LINK, stripMarkup } from './text.js';
import type { FeedItem } from './types.js';

/** How much of a body is read for an excerpt: far more than a card shows, so a 5 MB body costs nothing. */
const SAMPLE_CHARS = 20_000;

/** About twelve lines of a card: room enough for a card without a picture. */
export const EXCERPT_CHARS = 400;
/**
 * A summary is the feed's own teaser, shown whole up to this length. Past it the card shows its
 * start: laying out a 10,000-character summary of mixed scripts costs a card about 70 ms.
 */
export const SUMMARY_CHARS = 800;

/**
 * `text` cut to at most `max` characters with "…": at the last space when there is one near the
 * end, else (Chinese, Japanese, a long URL) on a grapheme boundary, never inside a character.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  let end = head.lastIndexOf(' ');
  if (end < max * 0.6) {
    // (Every browser with light-dark(), which the theme needs, has Intl.Segmenter.)
    for (const { index } of new Intl.Segmenter().segment(head)) {
      if (index <= max) end = index;
    }
  }
  return `${head.slice(0, end).replace(/[\s,;:–—-]+$/, '')}…`;
}

/**
 * A heading's end, unless it ends a sentence already: a full stop goes there, so the excerpt
 * reads "Stability. This is…" rather than running the heading into the paragraph.
 */
const HEADING_END = /([^\s.!?:…>])\s*<\/h[1-6] *>/gi;

/**
 * Markdown as a reader sees it, roughly: links and images as their text, heading, quote and
 * list markers and emphasis marks at word edges dropped (`snake_case` stays). Each pass is linear.
 */
function markdownText(source: string): string {
  return (
    source
      // A heading ends as an HTML one does (HEADING_END).
      .replace(/^#+[ \t].*/gm, '$&</h1>')
      .replace(MARKDOWN_LINK, '$1')
      .replace(/^[ \t]*(?:[#>]+|[-*+]|\d+[.)])[ \t]+|(?<!\w)[*_`~]+|[*_`~]+(?!\w)/gm, '')
  );
}

/** Without WordPress's closing "The post <title> appeared first on <site>." */
export function withoutBoilerplate(text: string): string {
  const at = text.lastIndexOf(' appeared first on ');
  const post = at === -1 ? -1 : text.lastIndexOf('The post ', at);
  return post === -1 ? text : text.slice(0, post).trimEnd();
}

/**
 * Plain text of a body for a card: markup and entities gone, whitespace collapsed, WordPress's
 * closing line and a trailing "[…] Read more" dropped.
 */
export function bodyText(source: string, markdown = false): string {
  let sample = source.slice(0, SAMPLE_CHARS);
  // A tag cut by the sample is not text.
  const lt = sample.lastIndexOf('<');
  if (lt > sample.lastIndexOf('>')) sample = sample.slice(0, lt);
  // Inline tags go without a trace ("<a>link</a>." is "link."); block tags leave a space.
  sample = sample.replace(
    /<\/?(?:a|abbr|b|cite|code|em|i|mark|q|s|small|span|strong|sub|sup|time|u)\b[^<>]*>/gi,
    '',
  );
  const text = decodeEntities(
    stripMarkup((markdown ? markdownText(sample) : sample).replace(HEADING_END, '$1. ')),
  )
    .replace(/\s+/g, ' ')
    .trim();
  return withoutBoilerplate(text).replace(/[\s.…]{0,9}\[(?:…|\.\.\.)\].{0,40}$/, '…');
}

/**
 * What a card shows under the title: the summary, else an excerpt of the body (markdown, HTML,
 * then plain text, as the widgets prefer them); `''` when the item has no text at all.
 */
export function itemExcerpt(item: FeedItem): string {
  if (item.summary) return cutText(withoutBoilerplate(item.summary), SUMMARY_CHARS);
  const markdown = item._lantern?.content_markdown;
  const body = markdown ?? item.content_html ?? item.content_text ?? '';
  return cutText(bodyText(body, !!markdown), EXCERPT_CHARS);
}
