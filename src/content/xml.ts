/**
 * RSS 2.0 (and 1.0) and Atom 1.0 into the typed feed. The browser's own `DOMParser` reads the
 * XML; each item is mapped onto a JSON-Feed-shaped object that then goes through `parseFeed`,
 * so the same validation, URL policy and caps apply as to JSON Feed, and bodies reach the same
 * sanitiser when they are shown. This module is its own chunk: only pages that load XML get it.
 * The mapping is the table in DESIGN.md, "RSS and Atom".
 */
import { FeedError } from './errors.js';
import { parseFeed, type ParseOptions } from './parse.js';
import { lanternPolicy } from './trusted-types.js';
import type { ParsedFeed } from './types.js';
import type { Json } from './validate.js';
import { atomFeed } from './xml-atom.js';
import { ATOM } from './xml-dom.js';
import { rssFeed } from './xml-rss.js';

/**
 * An RSS or Atom document as the JSON-Feed-shaped object `parseFeed` validates (the staff
 * preview hands a pasted feed to the widget in this form). Throws the same `FeedError` kinds as
 * a broken JSON Feed: `not-json` for a document that cannot be read (malformed, or declaring
 * entities), `not-a-feed` for well-formed XML that is neither RSS nor Atom.
 */
export function xmlFeedJson(text: string, baseUrl?: string): Json {
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
  if (root.localName === 'feed' && root.namespaceURI === ATOM) return atomFeed(root, baseUrl);
  if (root.localName === 'rss' || root.localName === 'RDF') return rssFeed(root);
  throw new FeedError(
    'not-a-feed',
    root.localName.toLowerCase() === 'html'
      ? 'The address sent a web page, not a feed.'
      : `This is not an RSS or Atom feed: the XML document is <${root.localName}>.`,
  );
}

/** Reads an RSS or Atom document into the typed feed; throws as `xmlFeedJson` does. */
export function parseXmlFeed(text: string, options: ParseOptions = {}): ParsedFeed {
  return parseFeed(xmlFeedJson(text, options.baseUrl), { baseUrl: options.baseUrl });
}
