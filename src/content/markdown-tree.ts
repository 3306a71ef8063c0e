/**
 * marked's tokens straight to an inert tree: the elements and text marked's own renderer would
 * write, built in a document without a browsing context (nothing in it loads or runs), so no
 * HTML string is written and parsed again. The tree then takes the same live copy as a
 * sanitised HTML body (live-copy.ts: allow-list, URL policy, privacy attributes, budgets).
 * Raw HTML, or a character reference other than those marked writes itself, cannot be read
 * without a parser: such a chunk gets `undefined` and goes the HTML way (markdown.ts).
 */
import type { Token, Tokens } from 'marked';
import { MAX_BREAKS_IN_A_ROW, stripComments } from './live-copy.js';

const ESCAPES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
/** What the HTML parser would read as a character reference in marked's output. */
const REFERENCE = /&(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);/g;

let inert: Document | undefined;

/** marked's `cleanUrl`: a link or image whose address cannot be encoded is its text alone. */
function cleanUrl(href: string): string | null {
  try {
    return encodeURI(href).replace(/%25/g, '%');
  } catch {
    return null;
  }
}

/** `<br>`s at the end of `into`, with nothing but white space between them. */
function breaksAtEnd(into: Node): number {
  let n = 0;
  for (let node = into.lastChild; node && n < MAX_BREAKS_IN_A_ROW; node = node.previousSibling) {
    if (node.nodeName === 'BR') n++;
    else if (node.nodeType !== Node.TEXT_NODE || node.nodeValue!.trim()) break;
  }
  return n;
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

export function tokensToTree(tokens: Token[]): ParentNode | undefined {
  inert ??= document.implementation.createHTMLDocument('');
  const doc = inert;
  let ok = true;
  /** Text as the parser reads marked's escaped output. */
  const decode = (value: string) =>
    value.includes('&')
      ? value.replace(REFERENCE, (whole, name: string) => ESCAPES[name] ?? ((ok = false), whole))
      : value;
  // Adjacent text joins one node, as the parser makes it.
  const text = (into: Node, value: string) => {
    const last = into.lastChild;
    if (last?.nodeType === Node.TEXT_NODE) (last as Text).appendData(value);
    else if (value) into.appendChild(doc.createTextNode(value));
  };
  const el = (into: Node, tag: string, opened = '') => {
    const element = into.appendChild(doc.createElement(tag));
    text(element, opened);
    return element;
  };
  const html = (into: Node, raw: string) => {
    const rest = stripComments(raw);
    if (rest.trim()) ok = false;
    text(into, rest);
  };
  // A link inside a link (an autolink in a link's text) is split by the parser: the HTML way.
  let inLink = false;
  const inline = (into: Node, list: Token[] = []): void => {
    for (const t of list as Tokens.Generic[]) {
      const type = t.type;
      if (t.tokens && (type === 'text' || type === 'escape')) inline(into, t.tokens);
      // Text marked left as HTML (after a raw tag) is for the parser to read.
      else if (type === 'text') {
        if (t.escaped) ok = false;
        else text(into, decode(t.text));
      } else if (type === 'escape') text(into, t.text);
      else if (type === 'strong' || type === 'em' || type === 'del')
        inline(el(into, type), t.tokens);
      else if (type === 'codespan') el(into, 'code', t.text);
      // As in HTML bodies, a run of hard breaks keeps two (html-budget.ts).
      else if (type === 'br') {
        if (breaksAtEnd(into) < MAX_BREAKS_IN_A_ROW) el(into, 'br');
      } else if (type === 'html') html(into, t.text);
      else if (type === 'checkbox') text(into, ' ');
      else if (type === 'link' || type === 'image') {
        if (inLink && type === 'link') ok = false;
        const href = cleanUrl(t.href);
        const alt = type === 'image' ? decode(t.tokens ? plain(t.tokens) : t.text) : '';
        if (href === null) {
          if (type === 'image') text(into, alt);
          else inline(into, t.tokens);
          continue;
        }
        const element = el(into, type === 'link' ? 'a' : 'img');
        element.setAttribute(type === 'link' ? 'href' : 'src', t.autolink ? href : decode(href));
        if (type === 'image') element.setAttribute('alt', alt);
        if (t.title) element.setAttribute('title', decode(t.title));
        if (t.autolink) text(element, t.text);
        else if (type === 'link') {
          inLink = true;
          inline(element, t.tokens);
          inLink = false;
        }
      } else ok = false;
    }
  };
  const row = (into: Node, cells: Tokens.TableCell[]) => {
    const tr = el(into, 'tr', '\n');
    for (const cell of cells) {
      inline(el(tr, cell.header ? 'th' : 'td'), cell.tokens);
      text(tr, '\n');
    }
    text(into, '\n');
  };
  const blocks = (into: Node, list: Token[]): void => {
    for (const t of list as Tokens.Generic[]) {
      const type = t.type;
      if (type === 'space' || type === 'def') continue;
      if (type === 'text' || type === 'checkbox' || type === 'html') {
        inline(into, [t as Token]);
        continue;
      }
      if (type === 'paragraph' || type === 'heading') {
        inline(el(into, type === 'heading' ? `h${t.depth}` : 'p'), t.tokens);
      } else if (type === 'code') {
        el(el(into, 'pre'), 'code', t.text ? `${t.text.replace(/\n$/, '')}\n` : '');
      } else if (type === 'blockquote') blocks(el(into, 'blockquote', '\n'), t.tokens!);
      else if (type === 'hr') el(into, 'hr');
      else if (type === 'list') {
        const list = el(into, t.ordered ? 'ol' : 'ul', '\n');
        if (t.ordered && t.start !== 1) list.setAttribute('start', String(t.start));
        for (const item of t.items as Tokens.ListItem[]) {
          blocks(el(list, 'li'), item.tokens);
          text(list, '\n');
        }
      } else if (type === 'table') {
        const table = el(into, 'table', '\n');
        row(el(table, 'thead', '\n'), t.header);
        text(table, '\n');
        if (t.rows.length) {
          const body = el(table, 'tbody');
          for (const cells of t.rows as Tokens.TableCell[][]) row(body, cells);
        }
      } else {
        ok = false;
        continue;
      }
      text(into, '\n');
    }
  };
  const tree = doc.createDocumentFragment();
  blocks(tree, tokens);
  return ok ? tree : undefined;
}
