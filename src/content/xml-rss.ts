/** RSS 2.0 and 1.0 (whose items sit beside the channel) onto a JSON-Feed-shaped object (the table in DESIGN.md, "RSS and Atom"). */
import { isSpace, isTagStart } from './text.js';
import type { Json } from './validate.js';
import {
  ATOM,
  child,
  children,
  firstItems,
  htmlText,
  inNs,
  mediaImage,
  mimeFromUrl,
  positiveInt,
  textOf,
  unique,
} from './xml-dom.js';

const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const DC = 'http://purl.org/dc/elements/1.1/';
const RSS1 = 'http://purl.org/rss/1.0/';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** Plain RSS elements have no namespace in 2.0 and the RSS 1.0 namespace in 1.0. */
const isRss = (ns: string | null) => ns === null || ns === '' || ns === RSS1;

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

/** An RSS `<rss>` or RSS 1.0 `<rdf:RDF>` document, its items mapped by `rssItem`. */
export function rssFeed(root: Element): Json {
  const channel = [...root.children].find((c) => c.localName === 'channel') ?? root;
  const items = [
    ...children(channel, 'item', isRss),
    ...(channel === root ? [] : children(root, 'item', isRss)),
  ];
  const self = children(channel, 'link', inNs(ATOM)).find((l) => l.getAttribute('rel') === 'self');
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: htmlText(textOf(child(channel, 'title', isRss)) ?? ''),
    home_page_url: textOf(child(channel, 'link', isRss)),
    feed_url: self?.getAttribute('href') ?? undefined,
    language:
      textOf(child(channel, 'language', isRss)) ?? textOf(child(channel, 'language', inNs(DC))),
    items: firstItems(items).map(rssItem),
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
