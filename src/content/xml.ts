/**
 * RSS 2.0 (and 1.0) and Atom 1.0 into the typed feed. The browser's own `DOMParser` reads the
 * XML; each item is mapped onto a JSON-Feed-shaped object that then goes through `parseFeed`,
 * so the same validation, URL policy and caps apply as to JSON Feed, and bodies reach the same
 * sanitiser when they are shown. This module is its own chunk: only pages that load XML get it.
 * The mapping is the table in DESIGN.md, "RSS and Atom".
 */
import { FeedError } from './errors.js';
import { parseFeed, type ParseOptions } from './parse.js';
import { isSpace, isTagStart, stripMarkup } from './text.js';
import { lanternPolicy } from './trusted-types.js';
import type { ParsedFeed } from './types.js';

type Json = Record<string, unknown>;

const ATOM = 'http://www.w3.org/2005/Atom';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const DC = 'http://purl.org/dc/elements/1.1/';
const XML = 'http://www.w3.org/XML/1998/namespace';
const RSS1 = 'http://purl.org/rss/1.0/';
const XHTML = 'http://www.w3.org/1999/xhtml';
/** Media RSS; some feeds drop the trailing slash. */
const isMedia = (ns: string | null) => !!ns && /^https?:\/\/search\.yahoo\.com\/mrss\/?$/.test(ns);

/** Plain RSS elements have no namespace in 2.0 and the RSS 1.0 namespace in 1.0. */
const isRss = (ns: string | null) => ns === null || ns === '' || ns === RSS1;

/**
 * Reads an RSS or Atom document. Throws the same `FeedError` kinds as a broken JSON Feed:
 * `not-json` for a document that cannot be read (malformed, or declaring entities), `not-a-feed`
 * for well-formed XML that is neither RSS nor Atom.
 */
export function parseXmlFeed(text: string, options: ParseOptions = {}): ParsedFeed {
  // Entity declarations are how an XML bomb ("billion laughs") expands; no real feed needs one.
  if (/<!DOCTYPE/i.test(text) && /<!ENTITY/i.test(text)) {
    throw new FeedError(
      'not-json',
      'The XML feed declares its own entities (<!ENTITY>), which Lantern refuses to expand.',
    );
  }
  // Whitespace before `<?xml` makes the document malformed; some CMS plugins emit it anyway.
  const source = text.replace(/^[\s\ufeff]+/, '');
  const policy = lanternPolicy();
  const doc = new DOMParser().parseFromString(
    (policy ? policy.createHTML(source) : source) as string,
    'application/xml',
  );
  if (doc.getElementsByTagName('parsererror').length > 0 || !doc.documentElement) {
    throw new FeedError('not-json', 'The RSS or Atom feed is not well-formed XML.');
  }
  const root = doc.documentElement;
  const base = options.baseUrl;
  if (root.localName === 'feed' && root.namespaceURI === ATOM) {
    return parseFeed(atomFeed(root, base), { baseUrl: base });
  }
  if (root.localName === 'rss' || root.localName === 'RDF') {
    return parseFeed(rssFeed(root), { baseUrl: base });
  }
  throw new FeedError(
    'not-a-feed',
    root.localName.toLowerCase() === 'html'
      ? 'The address sent a web page, not a feed.'
      : `This is not an RSS or Atom feed: the XML document is <${root.localName}>.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Small DOM helpers

function children(el: Element, name: string, ns: (ns: string | null) => boolean): Element[] {
  return Array.from(el.children).filter((c) => c.localName === name && ns(c.namespaceURI));
}

function child(el: Element, name: string, ns: (ns: string | null) => boolean): Element | undefined {
  return children(el, name, ns)[0];
}

const inNs = (uri: string) => (ns: string | null) => ns === uri;

/** Trimmed text of an element, `undefined` when absent or blank. */
function textOf(el: Element | undefined): string | undefined {
  const value = el?.textContent?.trim();
  return value ? value : undefined;
}

/** The text of HTML, tags and comments dropped, whitespace collapsed; entities stay for `parseFeed` to decode. */
function htmlText(html: string): string {
  return stripMarkup(html).replace(/\s+/g, ' ').trim();
}

/** `[a-z0-9-]`, the characters of a tag name after its first letter (any case). */
function isTagNameChar(c: number): boolean {
  const lower = c | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

/**
 * Whether `text` holds a tag (`<b>`, `</p>`, `<br/>`, `<a href="…">`) or an escaped one
 * (`&lt;p`). One pass: a flood of `<a ` is read once, not n² times.
 */
function looksLikeHtml(text: string): boolean {
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    if (!isTagStart(text, i)) continue;
    let j = text[i + 1] === '/' ? i + 3 : i + 2;
    while (j < text.length && isTagNameChar(text.charCodeAt(j))) j++;
    if (text[j] === '>' || (text[j] === '/' && text[j + 1] === '>')) return true;
    // Attributes run to the next `>`; with none left, no later `<` can close a tag either.
    if (j < text.length && isSpace(text.charCodeAt(j))) {
      if (text.indexOf('>', j) !== -1) return true;
      break;
    }
  }
  return /&lt;\/?[a-z]/i.test(text);
}

/** An `xhtml` Atom construct: the children of its `<div>`, serialised as HTML. */
function xhtmlOf(el: Element): string {
  const div = Array.from(el.children).find(
    (c) => c.localName === 'div' && c.namespaceURI === XHTML,
  );
  const nodes = div ? Array.from(div.childNodes) : Array.from(el.childNodes);
  const serializer = new XMLSerializer();
  // The XHTML namespace declaration on each top-level element means nothing to an HTML reader.
  return nodes
    .map((n) => serializer.serializeToString(n))
    .join('')
    .replace(/\sxmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/g, '');
}

/** Resolves `raw` against `base` when it can; otherwise leaves it for `parseFeed` to judge. */
function resolve(raw: string | undefined | null, base: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (!base) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
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

function positiveInt(raw: string | null | undefined): number | undefined {
  const n = Number(raw?.trim());
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** "jane@example.org (Jane Doe)" → "Jane Doe"; anything else as written. No regex: linear on any input. */
function personName(raw: string): string {
  const text = raw.trim();
  const at = text.indexOf('@', 1);
  const open = text.indexOf('(', at + 1);
  if (at === -1 || open === -1 || !text.endsWith(')')) return text;
  const email = text.slice(0, open).trimEnd();
  const name = text.slice(open + 1, -1).trim();
  return name && at < email.length - 1 && !/\s/.test(email) ? name : text;
}

function unique(list: string[]): string[] {
  return [...new Set(list.filter(Boolean))];
}

// ---------------------------------------------------------------------------------------------
// RSS 2.0 (and 1.0, whose items sit beside the channel)

function rssFeed(root: Element): Json {
  const channel = Array.from(root.children).find((c) => c.localName === 'channel') ?? root;
  const items = [
    ...children(channel, 'item', isRss),
    ...(channel === root ? [] : children(root, 'item', isRss)),
  ];
  const self = children(channel, 'link', inNs(ATOM)).find((l) => l.getAttribute('rel') === 'self');
  const image = child(channel, 'image', isRss);
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: htmlText(textOf(child(channel, 'title', isRss)) ?? ''),
    home_page_url: textOf(child(channel, 'link', isRss)),
    feed_url: self?.getAttribute('href') ?? undefined,
    description: htmlText(textOf(child(channel, 'description', isRss)) ?? '') || undefined,
    icon: image ? textOf(child(image, 'url', isRss)) : undefined,
    language:
      textOf(child(channel, 'language', isRss)) ?? textOf(child(channel, 'language', inNs(DC))),
    items: items.map(rssItem),
  };
}

function rssItem(item: Element): Json {
  const guidEl = child(item, 'guid', isRss);
  const guid = textOf(guidEl);
  const link = textOf(child(item, 'link', isRss)) ?? item.getAttributeNS(RDF, 'about') ?? undefined;
  const guidIsLink =
    guidEl?.getAttribute('isPermaLink') !== 'false' && /^https?:/i.test(guid ?? '');
  const encoded = textOf(child(item, 'encoded', inNs(CONTENT)));
  const description = textOf(child(item, 'description', isRss));
  let content_html: string | undefined;
  let content_text: string | undefined;
  let summary: string | undefined;
  if (encoded) {
    content_html = encoded;
    summary = description ? htmlText(description) || undefined : undefined;
  } else if (description && looksLikeHtml(description)) {
    content_html = description;
  } else {
    content_text = description;
  }
  const title = textOf(child(item, 'title', isRss));
  const enclosures = children(item, 'enclosure', isRss).map((e) => ({
    url: e.getAttribute('url')?.trim(),
    mime_type: e.getAttribute('type')?.trim(),
    size_in_bytes: positiveInt(e.getAttribute('length')),
  }));
  const isImage = (e: { mime_type?: string }) => /^image\//i.test(e.mime_type ?? '');
  const authors = unique([
    ...children(item, 'creator', inNs(DC)).map((e) => textOf(e) ?? ''),
    ...children(item, 'author', isRss).map((e) => personName(textOf(e) ?? '')),
  ]);
  const updated = child(item, 'updated', inNs(ATOM));
  return {
    id: guid ?? link,
    url: link ?? (guidIsLink ? guid : undefined),
    title: title === undefined ? undefined : looksLikeHtml(title) ? htmlText(title) : title,
    content_html,
    content_text,
    summary,
    image: mediaImage(item) ?? enclosures.find(isImage)?.url,
    date_published: textOf(child(item, 'pubDate', isRss)) ?? textOf(child(item, 'date', inNs(DC))),
    date_modified: textOf(updated),
    authors: authors.length ? authors.map((name) => ({ name })) : undefined,
    tags: unique(children(item, 'category', isRss).map((e) => textOf(e) ?? '')),
    attachments: enclosures
      .filter((e) => !isImage(e) && e.url)
      .map((e) => ({ ...e, mime_type: e.mime_type || mimeFromUrl(e.url ?? '') })),
  };
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** `media:content` that is an image, else `media:thumbnail`, also inside `media:group`. */
function mediaImage(el: Element): string | undefined {
  const scopes = [el, ...children(el, 'group', isMedia)];
  for (const scope of scopes) {
    const content = children(scope, 'content', isMedia).find(
      (c) =>
        c.getAttribute('medium') === 'image' ||
        /^image\//i.test(c.getAttribute('type') ?? '') ||
        (!c.hasAttribute('medium') &&
          !c.hasAttribute('type') &&
          /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i.test(c.getAttribute('url') ?? '')),
    );
    const url =
      content?.getAttribute('url') ?? child(scope, 'thumbnail', isMedia)?.getAttribute('url');
    if (url?.trim()) return url.trim();
  }
  return undefined;
}

/** An enclosure without a type still needs one: guessed from the file name, else generic. */
function mimeFromUrl(url: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  const known: Record<string, string> = {
    pdf: 'application/pdf',
    mp3: 'audio/mpeg',
    m4a: 'audio/mp4',
    mp4: 'video/mp4',
    ogg: 'audio/ogg',
    epub: 'application/epub+zip',
  };
  return (ext && known[ext]) || 'application/octet-stream';
}

// ---------------------------------------------------------------------------------------------
// Atom 1.0

const isAtom = (ns: string | null) => ns === ATOM;

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

function atomFeed(root: Element, feedBase: string | undefined): Json {
  const feedAuthors = atomAuthors(root);
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: atomText(child(root, 'title', isAtom)) ?? '',
    home_page_url: atomLink(root, feedBase),
    feed_url: atomLink(root, feedBase, 'self'),
    description: atomText(child(root, 'subtitle', isAtom)),
    icon: resolve(
      textOf(child(root, 'logo', isAtom)) ?? textOf(child(root, 'icon', isAtom)),
      baseOf(root, feedBase),
    ),
    language: langOf(root),
    authors: feedAuthors.length ? feedAuthors : undefined,
    items: children(root, 'entry', isAtom).map((entry) => atomEntry(entry, feedBase, feedAuthors)),
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
