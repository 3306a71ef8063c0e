/** The content layer: plain functions, no Lit. */
export * from './types.js';
export { FeedError, type FeedErrorKind } from './errors.js';
export { safeUrl, type UrlUse } from './url.js';
export { parseFeed, parseFeedOrItem, type ParseOptions } from './parse.js';
export { loadFeed, clearFeedCache, DEFAULT_TIMEOUT_MS, MAX_FEED_BYTES } from './load.js';
export { readInlineFeed } from './inline.js';
export { renderRichContent, renderMarkdown, bodySource, hasRichBody } from './rich.js';
export { readingMinutes, decodeEntities } from './text.js';
export { pickItem, itemReadingMinutes } from './items.js';
