/** Atom 1.0 onto a JSON-Feed-shaped object, `xml:base` and `xml:lang` applied (the table in DESIGN.md, "RSS and Atom"). */
import type { Json } from './validate.js';
import {
  ATOM,
  child,
  children,
  firstItems,
  htmlText,
  mediaImage,
  mimeFromUrl,
  positiveInt,
  resolve,
  textOf,
  unique,
} from './xml-dom.js';

const XML = 'http://www.w3.org/XML/1998/namespace';
const XHTML = 'http://www.w3.org/1999/xhtml';

const isAtom = (ns: string | null) => ns === ATOM;

/** An `xhtml` Atom construct: the children of its `<div>`, serialised as HTML. */
function xhtmlOf(el: Element): string {
  const div = [...el.children].find((c) => c.localName === 'div' && c.namespaceURI === XHTML);
  const nodes = [...(div ?? el).childNodes];
  const serializer = new XMLSerializer();
  // The XHTML namespace declaration on each top-level element means nothing to an HTML reader.
  return nodes
    .map((n) => serializer.serializeToString(n))
    .join('')
    .replace(/\sxmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/g, '');
}

/** Relative `href`/`src`/`cite` in a body become absolute against the body's own `xml:base`. */
function absolutiseHtml(html: string, base: string | undefined, feedBase: string | undefined) {
  if (!base || base === feedBase) return html;
  return html.replace(
    /(\s(?:href|src|cite)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi,
    (whole, lead: string, dq?: string, sq?: string) => {
      const value = (dq ?? sq ?? '').trim();
      // Only paths without a scheme; anything with one is left for the URL policy.
      if (value === '' || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('#')) {
        return whole;
      }
      const resolved = resolve(value.replace(/&amp;/g, '&'), base);
      return resolved ? `${lead}"${resolved.replace(/"/g, '%22').replace(/&/g, '&amp;')}"` : whole;
    },
  );
}

/** The base for URLs inside `el`: every `xml:base` from the root down, over the feed's URL. */
function baseOf(el: Element, feedBase: string | undefined): string | undefined {
  const chain: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const value = node.getAttributeNS(XML, 'base');
    if (value !== null) chain.unshift(value);
  }
  return chain.reduce<string | undefined>((base, value) => resolve(value, base) ?? base, feedBase);
}

/** `xml:lang` of the element or its closest ancestor. */
function langOf(el: Element): string | undefined {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const value = node.getAttributeNS(XML, 'lang')?.trim();
    if (value) return value;
  }
  return undefined;
}

/** An Atom text construct (`type` text, html or xhtml) as plain text. */
function atomText(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  const type = el.getAttribute('type') ?? 'text';
  if (type === 'xhtml') return htmlText(xhtmlOf(el)) || undefined;
  const text = textOf(el);
  return text && type === 'html' ? htmlText(text) || undefined : text;
}

function atomLink(
  el: Element,
  feedBase: string | undefined,
  rel = 'alternate',
): string | undefined {
  const links = children(el, 'link', isAtom);
  const chosen = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === rel);
  const link = chosen ?? (rel === 'alternate' ? links[0] : undefined);
  return link ? resolve(link.getAttribute('href'), baseOf(link, feedBase)) : undefined;
}

function atomAuthors(el: Element): { name: string; url?: string }[] {
  return children(el, 'author', isAtom)
    .map((a) => ({
      name: textOf(child(a, 'name', isAtom)) ?? '',
      url: textOf(child(a, 'uri', isAtom)),
    }))
    .filter((a) => a.name);
}
/** An Atom `<feed>`, its entries mapped by `atomEntry`. */
export function atomFeed(root: Element, feedBase: string | undefined): Json {
  const feedAuthors = atomAuthors(root);
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: atomText(child(root, 'title', isAtom)) ?? '',
    home_page_url: atomLink(root, feedBase),
    feed_url: atomLink(root, feedBase, 'self'),
    language: langOf(root),
    authors: feedAuthors.length ? feedAuthors : undefined,
    items: firstItems(children(root, 'entry', isAtom)).map((entry) =>
      atomEntry(entry, feedBase, feedAuthors),
    ),
  };
}

function atomEntry(
  entry: Element,
  feedBase: string | undefined,
  feedAuthors: { name: string }[],
): Json {
  const contentEl = child(entry, 'content', isAtom);
  const type = contentEl?.getAttribute('type') ?? 'text';
  let content_html: string | undefined;
  let content_text: string | undefined;
  // Out-of-line content (`src`) is not fetched: the entry's link stands for it.
  if (contentEl && !contentEl.hasAttribute('src')) {
    const contentBase = baseOf(contentEl, feedBase);
    if (type === 'xhtml') content_html = absolutiseHtml(xhtmlOf(contentEl), contentBase, feedBase);
    else if (type === 'html' || /html/i.test(type)) {
      content_html = absolutiseHtml(textOf(contentEl) ?? '', contentBase, feedBase) || undefined;
    } else if (type === 'text' || type.startsWith('text/')) content_text = textOf(contentEl);
  }
  const summaryEl = child(entry, 'summary', isAtom);
  let summary = atomText(summaryEl);
  // An entry with only a summary: the summary is all the body there is.
  if (!contentEl && summaryEl && summaryEl.getAttribute('type') === 'html') {
    content_html = absolutiseHtml(textOf(summaryEl) ?? '', baseOf(summaryEl, feedBase), feedBase);
    summary = undefined;
  }
  const enclosures = children(entry, 'link', isAtom)
    .filter((l) => l.getAttribute('rel') === 'enclosure')
    .map((l) => ({
      url: resolve(l.getAttribute('href'), baseOf(l, feedBase)),
      mime_type: l.getAttribute('type')?.trim(),
      title: l.getAttribute('title')?.trim() || undefined,
      size_in_bytes: positiveInt(l.getAttribute('length')),
    }))
    .filter((e) => e.url);
  const isImage = (e: { mime_type?: string }) => /^image\//i.test(e.mime_type ?? '');
  const authors = atomAuthors(entry);
  const published = textOf(child(entry, 'published', isAtom));
  const updated = textOf(child(entry, 'updated', isAtom));
  const image = mediaImage(entry) ?? enclosures.find(isImage)?.url;
  return {
    id: textOf(child(entry, 'id', isAtom)),
    url: atomLink(entry, feedBase),
    title: atomText(child(entry, 'title', isAtom)),
    content_html,
    content_text,
    summary,
    image: resolve(image, baseOf(entry, feedBase)),
    // Atom requires `updated` but not `published`: an entry with only `updated` is dated by it.
    date_published: published ?? updated,
    date_modified: published ? updated : undefined,
    authors: authors.length ? authors : feedAuthors.length ? feedAuthors : undefined,
    tags: unique(
      children(entry, 'category', isAtom).map(
        (c) => c.getAttribute('term')?.trim() || c.getAttribute('label')?.trim() || '',
      ),
    ),
    language: langOf(entry),
    attachments: enclosures
      .filter((e) => !isImage(e))
      .map((e) => ({ ...e, mime_type: e.mime_type || mimeFromUrl(e.url ?? '') })),
  };
}
