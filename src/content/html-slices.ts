/**
 * Cutting a defused body (html-budget.ts) into slices that parse to the same nodes as the whole,
 * so a long body is sanitised across several tasks: cuts fall only where the parser is back at
 * the body's top level.
 */
import { BLOCKS, FORMATTING, RAW_TEXT, rawTextEnd, readToken } from './html-budget.js';

/** Elements with no end tag: they never stay open. */
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'link', 'meta',
  'param', 'source', 'track', 'wbr',
]); // prettier-ignore

/** Block start tags that do not close an open `<p>` (`table` does only outside quirks mode). */
const KEEPS_P = new Set(['br', 'caption', 'table', 'td', 'th', 'tr']);

/** Whether a start tag closes an open `<p>` (a conservative part of the standard's list). */
const closesP = (name: string) => BLOCKS.has(name) && !KEEPS_P.has(name);

/** Elements whose end tag the parser implies when an ancestor's end tag comes. */
const IMPLIED_END = new Set(['p', 'li', 'dd', 'dt']);

/**
 * Start tags a document parse puts somewhere else than a body already open (the head, or the
 * document itself): a slice never starts with one, nor with a raw-text element.
 */
const HEAD_OR_DOCUMENT = new Set([
  'base', 'basefont', 'bgsound', 'body', 'head', 'html', 'link', 'meta', 'noscript', 'template',
]); // prettier-ignore

/** Elements a start tag of their own kind closes: `li`, `dd` or `dt`, a heading. */
const SIBLING = /^(?:li|d[dt]|h[1-6])$/;

/**
 * Elements whose parsing keeps state the slicer does not follow (the form pointer, select and
 * template modes, formatting markers, foreign content): from the first of them on, the rest of
 * a body is one slice.
 */
const UNFOLLOWED = new Set([
  'applet', 'button', 'datalist', 'form', 'keygen', 'marquee', 'math', 'object', 'optgroup',
  'option', 'select', 'svg', 'template',
]); // prettier-ignore

/**
 * Cuts (already defused) HTML into slices that a document parse turns into the same nodes one
 * after another as it would the whole string: so a long body can be parsed and sanitised a
 * slice per task. A slice ends at about `maxNodes` nodes or `maxChars` characters, and only
 * where the body is back at its top level: before a start tag, with every element opened so
 * far closed by its own end tag (or one the parser implies: `<p>` before a block, `</li>`
 * after a `<p>`, a heading after a heading). Where that cannot be told (a tag closed out of
 * order, an unclosed table cell, `<frameset>`, foreign content), the rest stays one slice, as
 * the whole body was before. A leading doctype is repeated, so every slice parses in the same
 * quirks mode. One pass.
 */
export function sliceHtml(html: string, maxNodes: number, maxChars: number): string[] {
  const slices: string[] = [];
  const open: string[] = [];
  let prefix = '';
  let from = 0;
  let nodes = 0;
  let i = 0;
  const n = html.length;
  // `<frameset>` replaces the body or is ignored, by whether anything came before it.
  if (/<frameset[\t\n\f\r />]/i.test(html)) return [html];
  const lead = /^[\t\n\f\r ]*(<!doctype[^>]*>)/i.exec(html);
  if (lead) prefix = lead[1]!;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (lt > i) nodes++;
    const token = readToken(html, lt);
    if (!token) {
      i = lt + 1;
      continue;
    }
    const { name, closing } = token;
    let end = token.end;
    if (!name) {
      i = end;
      continue;
    }
    if (UNFOLLOWED.has(name)) break;
    if (!closing) {
      // A block start tag closes what is open up to a `<p>` or list item, formatting elements
      // included, which the parser then re-opens later; a second `<a>` or `<nobr>` runs the
      // adoption agency. Neither is followed here.
      if (
        (open.some((tag) => FORMATTING.has(tag)) && (closesP(name) || name === 'table')) ||
        ((name === 'a' || name === 'nobr') && open.includes(name))
      ) {
        break;
      }
      // The end tags this start tag implies.
      // (Of the siblings, those of a kind share their first letter.)
      const top = open[open.length - 1];
      if (
        (top === 'p' && closesP(name)) ||
        (top && SIBLING.test(top) && SIBLING.test(name) && top[0] === name[0])
      ) {
        open.pop();
      }
      if (
        open.length === 0 &&
        (nodes >= maxNodes || lt - from >= maxChars) &&
        lt > from + (from === 0 ? prefix.length : 0) &&
        !HEAD_OR_DOCUMENT.has(name) &&
        !RAW_TEXT.has(name)
      ) {
        slices.push((slices.length ? prefix : '') + html.slice(from, lt));
        from = lt;
        nodes = 0;
      }
      nodes++;
      if (RAW_TEXT.has(name)) {
        end = rawTextEnd(html, name, end).end;
        if (name === 'plaintext') break;
      } else if (!VOID.has(name)) {
        open.push(name);
      }
    } else if (open.length) {
      let at = open.length - 1;
      // Only a block's end tag implies the end of a `<p>` or list item inside it.
      if (closesP(name)) while (at >= 0 && open[at] !== name && IMPLIED_END.has(open[at]!)) at--;
      if (at < 0 || open[at] !== name) {
        // Closed out of order: the parser's state can no longer be followed here.
        if (open.includes(name) || !(name === 'p' || name === 'br')) break;
      } else {
        open.length = at;
      }
    }
    i = end;
  }
  slices.push((slices.length ? prefix : '') + html.slice(from));
  return slices;
}
