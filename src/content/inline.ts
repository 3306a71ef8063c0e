import { FeedError } from './errors.js';

export const INLINE_FEED_SELECTOR = 'script[type="application/feed+json"]';

/**
 * Reads the feed or item a partner placed inside the element as
 * `<script type="application/feed+json">`. Returns `undefined` when there is none.
 * The script type is not JavaScript, so a strict CSP never runs it.
 */
export function readInlineFeed(host: Element): unknown {
  const script = host.querySelector(`:scope > ${INLINE_FEED_SELECTOR}`);
  if (!script) return undefined;
  const text = script.textContent ?? '';
  if (text.trim() === '') {
    throw new FeedError('not-json', 'The inline feed script is empty.');
  }
  // JSON.parse here rather than the loader's decoder: pages whose data is inline never download
  // the loader.
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FeedError('not-json', 'The inline feed is not valid JSON.', '(inline feed)');
  }
}
