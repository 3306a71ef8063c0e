/** The content layer: plain functions, no Lit. */
export * from './types.js';
export { FeedError, type FeedErrorKind } from './errors.js';
export { safeUrl, type UrlUse } from './url.js';
export { parseFeed, parseFeedOrItem, type ParseOptions } from './parse.js';
import { readItemsWith } from './parse.js';
import { readReportFields } from './parse-report.js';
import { readSeriesFields } from './parse-series.js';

// The content API reads every field: attachments, `_lantern.report` and `_lantern.series` too
// (the widgets' entries leave those to the report and navigator code). A side effect of this
// module, so package.json lists it in `sideEffects`.
readItemsWith(readReportFields);
readItemsWith(readSeriesFields);
export { loadFeed, clearFeedCache, DEFAULT_TIMEOUT_MS, MAX_FEED_BYTES } from './load.js';
export { readInlineFeed } from './inline.js';
export { renderRichContent, renderMarkdown, bodySource, hasRichBody } from './rich.js';
export { readingMinutes, decodeEntities } from './text.js';
export { pickItem, itemReadingMinutes } from './items.js';
