/**
 * marked's tokens written straight into the page's document: the elements and text marked's own
 * renderer would write, through the same live writer as a sanitised HTML body (live-copy.ts:
 * allow-list, URL policy, privacy attributes, heading levels, budgets), so no HTML string is
 * written and parsed again, and no tree is built twice. Raw HTML, or a character reference
 * other than those marked writes itself, cannot be read without a parser: for such a chunk
 * `writeTokens` returns `false`, and it goes the HTML way (markdown.ts): the same walk writes
 * the HTML marked's renderer would (`tokensToHtml`), raw HTML as it came, for the sanitiser. (So
 * the CDN files carry marked's lexer alone, without its renderer and parser: build/marked-lexer.ts.)
 */
import type { Token, Tokens } from 'marked';
import type { Attributes, LiveWriter } from './live-copy.js';
import { MAX_BREAKS_IN_A_ROW, stripComments } from './live-copy.js';

const ESCAPES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
/** What the HTML parser would read as a character reference in marked's output. */
const REFERENCE = /&(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);/g;

/** marked's `cleanUrl`: a link or image whose address cannot be encoded is its text alone. */
function cleanUrl(href: string): string | null {
  try {
    return encodeURI(href).replace(/%25/g, '%');
  } catch {
    return null;
  }
}

/** Image descriptions as marked's text renderer writes them (raw HTML there stays as text). */
function plain(tokens: Token[]): string {
  return tokens
    .map((t) =>
      'tokens' in t && t.tokens
        ? plain(t.tokens)
        : t.type === 'br'
          ? '\n'
          : (t as Tokens.Text).text,
    )
    .join('');
}

/** Where tokens are written: the live writer, or (with `html`) HTML for the sanitiser. */
type TokenWriter = Pick<LiveWriter, 'el' | 'text'> & { html?: (markup: string) => void };

/** Writes `tokens` into `writer`; `false` when the chunk must go the HTML way instead. */
export function writeTokens(tokens: Token[], writer: TokenWriter): boolean {
  let ok = true;
  const markup = writer.html;
  /** Text as the parser reads marked's escaped output (written as HTML, it stays as it is). */
  const decode = (value: string) =>
    !markup && value.includes('&')
      ? value.replace(REFERENCE, (whole, name: string) => ESCAPES[name] ?? ((ok = false), whole))
      : value;
  /** Text marked writes with every `&` escaped (code, autolinks). */
  const literal = (value: string) => (markup ? value.replaceAll('&', '&amp;') : value);
  // Adjacent text joins one node, as the parser makes it (the writer joins it).
  // As in HTML bodies (html-budget.ts), a run of `<br>`s with only white space between them
  // keeps two.
  let breaks = 0;
  const text = (value: string) => {
    // Blank as the HTML path's break limit reads it (html-budget.ts): a no-break space is text.
    if (/[^\t\n\f\r ]/.test(value)) breaks = 0;
    if (value) writer.text(value);
  };
  /** An element, with what `fill` writes into it. */
  const el = (tag: string, fill?: () => void, attributes?: Attributes) => {
    breaks = tag === 'br' ? breaks + 1 : 0;
    // Written as HTML, the HTML path limits the run itself (it sees the raw tags between).
    if (!markup && breaks > MAX_BREAKS_IN_A_ROW) return;
    writer.el(tag, attributes, fill);
    if (tag !== 'br') breaks = 0;
  };
  const html = (raw: string) => {
    const rest = stripComments(raw);
    if (markup) return markup(rest);
    if (rest.trim()) ok = false;
    text(rest);
  };
  // A link inside a link (an autolink in a link's text) is split by the parser: the HTML way.
  let inLink = false;
  const inline = (list: Token[] = []): void => {
    for (const t of list as Tokens.Generic[]) {
      const type = t.type;
      if (t.tokens && (type === 'text' || type === 'escape')) inline(t.tokens);
      // Text marked left as HTML (after a raw tag) is for the parser to read.
      else if (type === 'text') {
        if (t.escaped) {
          if (markup) markup(t.text);
          else ok = false;
        } else text(decode(t.text));
      } else if (type === 'escape') text(t.text);
      else if (type === 'strong' || type === 'em' || type === 'del')
        el(type, () => inline(t.tokens));
      else if (type === 'codespan') el('code', () => text(literal(t.text)));
      else if (type === 'br') el('br');
      else if (type === 'html') html(t.text);
      else if (type === 'checkbox') text(' ');
      else if (type === 'link' || type === 'image') {
        if (inLink && type === 'link') ok = false;
        const href = cleanUrl(t.href);
        const alt = type === 'image' ? decode(t.tokens ? plain(t.tokens) : t.text) : '';
        if (href === null) {
          if (type === 'image') text(alt);
          else if (t.autolink) text(literal(t.text));
          else inline(t.tokens);
          continue;
        }
        const url = t.autolink ? literal(href) : decode(href);
        const title = t.title ? decode(t.title) : null;
        const attributes: Record<string, string | null> =
          type === 'image' ? { src: url, alt, title } : { href: url, title };
        el(
          type === 'image' ? 'img' : 'a',
          () => {
            if (type === 'image') return;
            if (t.autolink) return text(literal(t.text));
            inLink = true;
            inline(t.tokens);
            inLink = false;
          },
          (name) => attributes[name],
        );
      } else {
        // A token this walk does not know (a newer marked's): its source, as text.
        ok = false;
        if (markup) text(t.raw);
      }
    }
  };
  const row = (cells: Tokens.TableCell[]) => {
    el('tr', () => {
      text('\n');
      for (const cell of cells) {
        el(cell.header ? 'th' : 'td', () => inline(cell.tokens));
        text('\n');
      }
    });
    text('\n');
  };
  const blocks = (list: Token[]): void => {
    for (const t of list as Tokens.Generic[]) {
      const type = t.type;
      if (type === 'space' || type === 'def') continue;
      if (type === 'text' || type === 'checkbox' || type === 'html') {
        inline([t as Token]);
        continue;
      }
      if (type === 'paragraph' || type === 'heading') {
        el(type === 'heading' ? `h${t.depth}` : 'p', () => inline(t.tokens));
      } else if (type === 'code') {
        el('pre', () =>
          el('code', () => text(literal(t.text ? `${t.text.replace(/\n$/, '')}\n` : ''))),
        );
      } else if (type === 'blockquote') {
        el('blockquote', () => {
          text('\n');
          blocks(t.tokens!);
        });
      } else if (type === 'hr') el('hr');
      else if (type === 'list') {
        el(
          t.ordered ? 'ol' : 'ul',
          () => {
            text('\n');
            for (const item of t.items as Tokens.ListItem[]) {
              el('li', () => blocks(item.tokens));
              text('\n');
            }
          },
          (name) => (name === 'start' && t.ordered && t.start !== 1 ? String(t.start) : null),
        );
      } else if (type === 'table') {
        el('table', () => {
          text('\n');
          el('thead', () => {
            text('\n');
            row(t.header);
          });
          text('\n');
          if (t.rows.length) el('tbody', () => (t.rows as Tokens.TableCell[][]).forEach(row));
        });
      } else {
        ok = false;
        if (markup) text(t.raw);
        continue;
      }
      text('\n');
    }
  };
  blocks(tokens);
  return ok;
}

/** marked's `escape`: `&` only where it starts no character reference. */
const UNSAFE = new RegExp(`[<>"']|&(?!${REFERENCE.source.slice(1)})`, 'g');
const escape = (value: string) => value.replace(UNSAFE, (c) => `&#${c.charCodeAt(0)};`);

/** The HTML marked's renderer writes for `tokens` (raw HTML as it came), for the sanitiser. */
export function tokensToHtml(tokens: Token[]): string {
  let out = '';
  writeTokens(tokens, {
    el(tag, attributes, fill) {
      out += `<${tag}`;
      for (const name of ['href', 'src', 'alt', 'title', 'start']) {
        const value = attributes?.(name);
        if (value != null) out += ` ${name}="${escape(value)}"`;
      }
      out += '>';
      fill?.();
      if (!/^(br|hr|img)$/.test(tag)) out += `</${tag}>`;
    },
    text: (value) => void (out += escape(value)),
    html: (markup) => void (out += markup),
  });
  return out;
}
