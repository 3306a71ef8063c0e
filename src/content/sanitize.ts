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
/** HTML larger than this is refused: nothing a partner widget shows needs more. */
export const MAX_HTML_CHARS = 2_000_000;
const MAX_QUOTE_DEPTH = 16;
const MAX_INDENT = 64;
const MAX_EMPHASIS_MARKERS = 1_000;

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

/** Finds input shapes that make marked slow or overflow its stack. */
function markdownTrouble(markdown: string): string | undefined {
  if (markdown.length > MAX_MARKDOWN_CHARS) return 'too long';
  let maxQuote = 0;
  let maxIndent = 0;
  for (const line of markdown.split('\n')) {
    const quote = /^(?:\s*>)+/.exec(line)?.[0].replace(/[^>]/g, '').length ?? 0;
    const indent = /^\s*/.exec(line)?.[0].length ?? 0;
    if (quote > maxQuote) maxQuote = quote;
    if (indent > maxIndent) maxIndent = indent;
  }
  if (maxQuote > MAX_QUOTE_DEPTH) return 'nested too deeply';
  if (maxIndent > MAX_INDENT) return 'indented too deeply';
  return undefined;
}

/** Past a thousand `*`/`_` markers, emphasis is escaped: the text survives, the slow path does not. */
function defuseEmphasis(markdown: string): string {
  const markers = markdown.match(/[*_]/g)?.length ?? 0;
  if (markers <= MAX_EMPHASIS_MARKERS) return markdown;
  return markdown
    .split('\n')
    .map((line) => {
      const bullet = /^\s*[*_-]\s/.exec(line)?.[0] ?? '';
      return bullet + line.slice(bullet.length).replace(/([*_])/g, '\\$1');
    })
    .join('\n');
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
  return document.importNode(fragment, true);
}

export function sanitizeHtml(html: string, options: RichOptions = {}): DocumentFragment {
  if (html.length > MAX_HTML_CHARS) {
    return textToFragment('This content is too large to show here.');
  }
  currentBase = options.baseUrl;
  try {
    const fragment = purify.sanitize(html, {
      ...CONFIG,
      ...(policy ? { TRUSTED_TYPES_POLICY: policy } : {}),
    });
    return finish(fragment, options);
  } finally {
    currentBase = undefined;
  }
}

export function sanitizeMarkdown(markdown: string, options: RichOptions = {}): DocumentFragment {
  if (markdownTrouble(markdown) !== undefined) return textToFragment(markdown);
  let html: string;
  try {
    html = marked.parse(defuseEmphasis(markdown)) as string;
  } catch {
    return textToFragment(markdown);
  }
  return sanitizeHtml(html, options);
}
