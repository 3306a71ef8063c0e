/**
 * Linear passes over untrusted HTML *before* a parser sees it. The browser's parser is not
 * linear on every input: each formatting element (`<b>`, `<font>`, …) left open is re-opened
 * at every later block, so 12 KB of open `<b title=N>` tags followed by paragraphs becomes a
 * million nodes. Here a small tokenizer reads the string once and keeps that growth bounded.
 * The output is still sanitised afterwards; this pass only removes or closes tags.
 */
import { KNOWN_ELEMENTS } from './allow-list.js';
import { MAX_BREAKS_IN_A_ROW } from './live-copy.js';
import type { BodyBudget } from './rich.js';
import { safeUrl } from './url.js';

/** The HTML standard's formatting elements: the ones the parser re-opens. */
export const FORMATTING = new Set([
  'a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u',
]); // prettier-ignore

/** Start tags at which the parser re-opens every formatting element still open (and text breaks). */
export const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'listing', 'main', 'menu', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]); // prettier-ignore

/** Elements whose content is text up to their own end tag, never markup. */
export const RAW_TEXT = new Set([
  'script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext',
]); // prettier-ignore

/** Elements that show something without text: a run of `<br>` around one is not empty lines. */
const SHOWN_WITHOUT_TEXT = new Set(['img', 'picture', 'video', 'audio', 'svg', 'math', 'hr']);

/** Players the sanitisers drop with their content (allow-list.ts): each gets a link. */
const EMBEDS = new Set(['iframe', 'video', 'audio']);

/** `<` and `"` as references: text safe in an element or a quoted attribute, read back the same. */
const escape = (text: string) => text.replace(/[<"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The raw (still entity-encoded) value of attribute `name` in `tag`, the text of one start tag. */
function attribute(tag: string, name: string): string | undefined {
  // One of the three groups matched (the others are undefined, which join() writes as '').
  return new RegExp(`[\\s"'/]${name}\\s*=\\s*(?:"([^"]*)|'([^']*)|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .join('');
}

/** Formatting elements open at once past this are dropped (their text stays). */
export const MAX_OPEN_FORMATTING = 12;
/** Re-opened formatting elements allowed in one body; past it, open ones are closed outright. */
const MAX_REOPENED = 2_000;

export interface Token {
  /** Lower-case tag name; '' for comments, doctype and other bogus markup. */
  name: string;
  closing: boolean;
  /** Index just after the token. */
  end: number;
}

/** Index just after the `>` that ends a tag whose attributes start at `at` (quotes respected). */
function tagEnd(html: string, at: number): number {
  const n = html.length;
  let j = at;
  while (j < n) {
    const c = html.charCodeAt(j);
    if (c === 62) return j + 1;
    j++;
    if (c !== 61) continue; // `=`: a value follows, maybe quoted
    while (j < n && html.charCodeAt(j) <= 32) j++;
    const quote = html[j];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, j + 1);
      if (close === -1) return n;
      j = close + 1;
    }
  }
  return n;
}

/** Reads the markup token at `lt` (a `<`), or `undefined` when that `<` is only text. */
export function readToken(html: string, lt: number): Token | undefined {
  const n = html.length;
  const next = html.charCodeAt(lt + 1);
  const bogus = (from: number): Token => {
    const gt = html.indexOf('>', from);
    return { name: '', closing: false, end: gt === -1 ? n : gt + 1 };
  };
  if (next === 33 /* ! */) {
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 2);
      return { name: '', closing: false, end: close === -1 ? n : close + 3 };
    }
    return bogus(lt + 2);
  }
  if (next === 63 /* ? */) return bogus(lt + 2);
  const closing = next === 47; /* / */
  const start = closing ? lt + 2 : lt + 1;
  if (!/[a-z]/i.test(html.charAt(start))) {
    if (!closing || start >= n) return undefined;
    return html.charCodeAt(start) === 62 ? { name: '', closing, end: start + 1 } : bogus(start);
  }
  let j = start + 1;
  // Tab, LF, FF, CR, space and `/` end a tag name; `>` ends the tag.
  while (j < n && !'\t\n\f\r />'.includes(html[j]!)) j++;
  return { name: html.slice(start, j).toLowerCase(), closing, end: tagEnd(html, j) };
}

const endTags = new Map<string, RegExp>();

/** Where the content of a raw-text element opened before `from` ends: at its end tag, or the end. */
export function rawTextEnd(
  html: string,
  name: string,
  from: number,
): { textEnd: number; end: number } {
  let close = endTags.get(name);
  if (!close) endTags.set(name, (close = new RegExp(`</${name}(?=[\\t\\n\\f\\r />])`, 'gi')));
  close.lastIndex = from;
  // `<plaintext>` has no end tag: its text runs to the end.
  const found = name !== 'plaintext' && close.exec(html);
  if (!found) return { textEnd: html.length, end: html.length };
  return { textEnd: found.index, end: tagEnd(html, found.index + 2 + name.length) };
}

/**
 * Bounds what parsing `html` can build, in one pass: formatting elements nested past
 * `MAX_OPEN_FORMATTING` lose their tags (not their text); once the parser would have re-opened
 * `MAX_REOPENED` of them, the open ones are closed; tags of elements no sanitiser knows are
 * removed (their text stays); `<br>`s past `MAX_BREAKS_IN_A_ROW` in a row are removed; and the
 * string is cut before the tag at
 * which about `budget.nodes` nodes would exist (then `budget.truncated` is set). A `<` that is
 * only text is written as `&lt;`, so removing a tag never joins text into a new one.
 */
export function defuseHtml(html: string, budget: BodyBudget): string {
  const out: string[] = [];
  const open: string[] = [];
  const dropped = new Map<string, number>();
  let reopened = 0;
  let breaks = 0;
  let nodes = 0;
  let copied = 0;
  let i = 0;
  const n = html.length;
  const replace = (from: number, to: number, text: string) => {
    out.push(html.slice(copied, from), text);
    copied = to;
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    const text = lt > i;
    // Text that is not only HTML whitespace (tab, LF, FF, CR, space) ends a run of breaks.
    if (text && !/^[\t\n\f\r ]*$/.test(html.slice(i, lt))) breaks = 0;
    const token = readToken(html, lt);
    if (token?.name === 'br' && breaks >= MAX_BREAKS_IN_A_ROW) {
      // The whitespace before it goes too: it would only be a text node to count.
      replace(i, token.end, '');
      i = token.end;
      continue;
    }
    if (text) nodes++;
    if (!token) {
      breaks = 0;
      replace(lt, lt + 1, '&lt;');
      i = lt + 1;
      continue;
    }
    const { name, closing } = token;
    let end = token.end;
    // `</br>` is parsed as `<br>`.
    if (name === 'br') breaks++;
    else if (!closing && SHOWN_WITHOUT_TEXT.has(name)) breaks = 0;
    if (name && !KNOWN_ELEMENTS.has(name)) {
      replace(lt, end, '');
      i = end;
      continue;
    }
    if (name && !closing) {
      nodes++;
      if (BLOCKS.has(name)) {
        reopened += open.length;
        nodes += open.length;
        if (reopened > MAX_REOPENED && open.length) {
          replace(
            lt,
            lt,
            open
              .reverse()
              .map((tag) => `</${tag}>`)
              .join(''),
          );
          open.length = 0;
        }
      }
      if (nodes > budget.nodes) {
        budget.truncated = true;
        out.push(html.slice(copied, lt));
        return out.join('');
      }
      if (EMBEDS.has(name) && !open.includes('a')) {
        // A player no sanitiser keeps (YouTube's iframe, a video) gets a link to it before it,
        // named by its title, so "Watch her tell her story:" is not followed by nothing (not
        // inside a link, which it would split). A video's or audio's source is on the tag or on
        // a `<source>` right after it; an iframe's content is text, not looked into (a lookahead
        // there, which the loop skips, would make a flood of iframes quadratic).
        const next = name === 'iframe' ? -1 : html.indexOf('<', end);
        const source = next > 0 && readToken(html, next);
        const tag = html.slice(lt, source && source.name === 'source' ? source.end : end);
        const src = attribute(tag, 'src');
        // Only an address the URL policy lets through (not a lazy loader's `about:blank`), from a
        // tag of a sane length (its copy is escaped, five characters for one `<`).
        if (src && tag.length < 1e4 && safeUrl(src)) {
          const label = attribute(tag, 'title')?.trim() || src;
          replace(lt, lt, `<a href="${escape(src)}">${escape(label)}</a>`);
        }
      }
      if (FORMATTING.has(name)) {
        if (open.length >= MAX_OPEN_FORMATTING) {
          dropped.set(name, (dropped.get(name) ?? 0) + 1);
          replace(lt, end, '');
        } else {
          open.push(name);
        }
      } else if (RAW_TEXT.has(name)) {
        end = rawTextEnd(html, name, end).end;
      }
    } else if (name && FORMATTING.has(name)) {
      const skipped = dropped.get(name) ?? 0;
      if (skipped > 0) {
        dropped.set(name, skipped - 1);
        replace(lt, end, '');
      } else {
        const at = open.lastIndexOf(name);
        if (at !== -1) open.splice(at, 1);
      }
    }
    i = end;
  }
  out.push(html.slice(copied));
  return out.join('');
}
