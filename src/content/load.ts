/**
 * Fetching feeds: no cookies, no referrer, a timeout, a size cap, and one request per URL per
 * page however many widgets ask for it.
 */
import { FeedError } from './errors.js';
import { parseFeed } from './parse.js';
import { MAX_ITEMS } from './validate.js';
import { commentEnd, isSpace } from './text.js';
import type { ParsedFeed } from './types.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const MAX_FEED_BYTES = 5 * 1024 * 1024;

export interface LoadOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Skip the page-wide cache and ask the network again (used by "Try again"). */
  reload?: boolean;
}

interface SharedRequest {
  promise: Promise<ParsedFeed>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
  /** A caller without a signal is waiting: no other caller's abort may cancel the request. */
  pinned: boolean;
}

const requests = new Map<string, SharedRequest>();

const XML_TYPE = /^\s*(?:application\/(?:rss\+|atom\+|rdf\+)?xml|text\/xml)\s*(?:;|$)/i;

/** How far into a body the feed and web-page checks read: no page hides its `<html>` deeper than this. */
const PAGE_SNIFF_CHARS = 64 * 1024;

/** A body whose root element is an RSS, Atom or RSS 1.0 feed's, after any `<?…?>` lines (its first 64 KB). */
const XML_FEED_ROOT = /^\s*(?:<\?[^>]*>\s*)*<(?:rss|feed|rdf:RDF)(?=[\s>/])/i;

/**
 * RSS and Atom: an XML content type, a feed's root element whatever the type (some servers
 * send feeds as text/html), or a body that starts with `<` and is not a web page (servers
 * often send feeds as text/plain or application/octet-stream).
 */
export function isXmlFeedBody(text: string, contentType = ''): boolean {
  return (
    XML_TYPE.test(contentType) ||
    XML_FEED_ROOT.test(text.slice(0, PAGE_SNIFF_CHARS)) ||
    (/^\s*</.test(text) && !contentType.includes('html') && !opensAsWebPage(text))
  );
}

/**
 * Whether the text opens as a web page: `<!doctype html` or `<html` after whitespace and
 * comments. One pass over at most `PAGE_SNIFF_CHARS`, whatever the comments (a regex here was
 * exponential in their number).
 */
function opensAsWebPage(text: string): boolean {
  const head = text.slice(0, PAGE_SNIFF_CHARS);
  const skipSpace = (at: number) => {
    while (at < head.length && isSpace(head.charCodeAt(at))) at++;
    return at;
  };
  let at = skipSpace(0);
  while (head.startsWith('<!--', at)) at = skipSpace(commentEnd(head, at));
  const page = /<(?:!doctype\s+html|html)\b/iy;
  page.lastIndex = at;
  return page.test(head);
}

/** The body as text: UTF-8, or for XML the encoding its declaration names (e.g. ISO-8859-1). */
function decodeFeedText(bytes: Uint8Array, url: string): string {
  const head = String.fromCharCode(...bytes.subarray(0, 100));
  const declared = /^(?:\ufeff|\xef\xbb\xbf)?\s*<\?xml[^>]*\sencoding=["']([a-z0-9._-]+)["']/i.exec(
    head,
  )?.[1];
  let text: string;
  try {
    const label = declared && !/^utf-?8$/i.test(declared) ? declared : 'utf-8';
    text = new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new FeedError('not-json', 'The feed is not valid UTF-8 text.', url);
  }
  if (text.trim() === '') throw new FeedError('not-json', 'The feed is empty.', url);
  return text;
}

function parseJsonBody(text: string, url: string, contentType: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new FeedError(
      'not-json',
      /^\s*</.test(text) || contentType.includes('html')
        ? 'The address sent a web page, not a JSON feed.'
        : 'The feed is not valid JSON.',
      url,
    );
  }
}

async function readCapped(response: Response, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_FEED_BYTES) throw tooLarge(url);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: BlobPart[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_FEED_BYTES) {
      await reader.cancel();
      throw tooLarge(url);
    }
    chunks.push(value);
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

function tooLarge(url: string): FeedError {
  return new FeedError('too-large', 'The feed is larger than 5 MB.', url);
}

async function fetchFeed(
  url: string,
  controller: AbortController,
  timeoutMs: number,
  reload: boolean | undefined,
) {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        // "Try again" must reach the server, not the browser's cache.
        cache: reload ? 'no-cache' : 'default',
        headers: { accept: 'application/feed+json, application/json;q=0.9' },
      });
    } catch {
      throw networkOrAbort(url, timedOut, timeoutMs);
    }
    if (!response.ok) {
      throw new FeedError(
        'http',
        response.status === 404
          ? 'The feed was not found (HTTP 404).'
          : `The feed server answered with an error (HTTP ${response.status}).`,
        url,
        response.status,
      );
    }
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(response, url);
    } catch (error) {
      if (error instanceof FeedError) throw error;
      throw networkOrAbort(url, timedOut, timeoutMs);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const text = decodeFeedText(bytes, url);
    const source = response.url || url;
    if (isXmlFeedBody(text, contentType)) {
      // The XML reader is its own chunk: JSON Feed pages never download it.
      const { parseXmlFeed } = await import('./xml.js');
      return { ...parseXmlFeed(text, { baseUrl: source }), source };
    }
    // A body over a megabyte has its lists cut to what the parser reads before JSON.parse.
    const json =
      text.length > 1_000_000
        ? (await import('./json-trim.js')).trimJsonArrays(text, MAX_ITEMS + 1)
        : text;
    return { ...parseFeed(parseJsonBody(json, url, contentType), { baseUrl: source }), source };
  } finally {
    clearTimeout(timer);
  }
}

function networkOrAbort(url: string, timedOut: boolean, timeoutMs: number): FeedError {
  if (timedOut) {
    const seconds = Math.max(1, Math.round(timeoutMs / 1000));
    return new FeedError(
      'timeout',
      `The feed did not arrive within ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
      url,
    );
  }
  return new FeedError(
    'network',
    'The feed could not be reached (offline, blocked or refused by the server).',
    url,
  );
}

/**
 * Loads and validates a feed. Concurrent and later callers for the same URL share one request;
 * the request itself is cancelled only when every caller waiting on it has aborted. Failed
 * requests are forgotten so that a retry asks the network again.
 */
export function loadFeed(src: string, options: LoadOptions = {}): Promise<ParsedFeed> {
  const { signal, timeoutMs = DEFAULT_TIMEOUT_MS, reload } = options;
  let url: string;
  try {
    url = new URL(src, globalThis.location?.href).href;
  } catch {
    return Promise.reject(new FeedError('network', `"${src}" is not a valid address.`, src));
  }
  if (!/^https?:$/.test(new URL(url).protocol)) {
    return Promise.reject(new FeedError('network', 'Feeds load only over https: or http:.', url));
  }
  if (signal?.aborted) return Promise.reject(aborted(url));

  let shared = requests.get(url);
  if (!shared || reload) {
    const controller = new AbortController();
    const request: SharedRequest = {
      controller,
      waiting: 0,
      settled: false,
      pinned: false,
      promise: fetchFeed(url, controller, timeoutMs, reload),
    };
    request.promise.then(
      () => (request.settled = true),
      () => {
        request.settled = true;
        if (requests.get(url) === request) requests.delete(url);
      },
    );
    requests.set(url, request);
    shared = request;
  }
  const request = shared;
  if (!signal) request.pinned = true;
  if (request.settled || !signal) return request.promise;

  request.waiting++;
  return new Promise<ParsedFeed>((resolve, reject) => {
    const onAbort = () => {
      request.waiting--;
      if (request.waiting === 0 && !request.settled && !request.pinned) {
        request.controller.abort();
        if (requests.get(url) === request) requests.delete(url);
      }
      reject(aborted(url));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    request.promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        request.waiting--;
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        request.waiting--;
        reject(signal.aborted ? aborted(url) : error);
      },
    );
  });
}

function aborted(url: string): FeedError {
  return new FeedError('aborted', 'Loading was cancelled.', url);
}

/** Forget every cached feed (tests; the staff preview reloads with `{ reload: true }`). */
export function clearFeedCache(): void {
  requests.clear();
}

/** How many feed requests are in flight — the lifecycle tests check this returns to zero. */
export function pendingFeedRequests(): number {
  let pending = 0;
  for (const request of requests.values()) if (!request.settled) pending++;
  return pending;
}
