// Every field read, as the content API (lantern-widgets/content) reads them: attachments,
// `_lantern.report` and `_lantern.series` too (the widgets' entries leave those to their code).
import '../../src/content/index.js';
import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/content/errors.js';
import { LIMITS } from '../../src/content/parse.js';
import {
  MAX_FEED_BYTES,
  clearFeedCache,
  loadFeed,
  pendingFeedRequests,
} from '../../src/content/load.js';

let run = 0;
/** A key no other test (or earlier run against the same server) has used. */
const freshKey = (name: string) => `${name}-${Date.now()}-${++run}`;

async function requestsSeen(route: string, key: string): Promise<number> {
  const response = await fetch(`/test-server/count/${route}?key=${encodeURIComponent(key)}`);
  return ((await response.json()) as { count: number }).count;
}

/** The FeedError a load fails with; fails the test if it loads. */
async function failure(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('the feed loaded, but it should have failed');
}

const fixture = (name: string, type?: string) =>
  `/test-server/fixture/malformed/${name}${type ? `?type=${encodeURIComponent(type)}` : ''}`;

describe('loadFeed', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => clearFeedCache());

  it('loads and validates a feed, resolving relative URLs against where it came from', async () => {
    const body = btoa(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Relative',
        items: [{ id: 'a', title: 'A', image: 'images/soldiers.svg' }],
      }),
    );
    const src = `/test-server/raw?key=${freshKey('ok')}&body=${encodeURIComponent(body)}`;
    const { feed, warnings } = await loadFeed(src);
    expect(warnings).to.deep.equal([]);
    expect(feed.items[0]?.image).to.equal(
      new URL('/test-server/images/soldiers.svg', location.href).href,
    );
    expect(pendingFeedRequests()).to.equal(0);
  });

  describe('one request per URL per page', () => {
    it('concurrent callers share one request and get the same result', async () => {
      const key = freshKey('dedupe');
      const src = `/test-server/feed/feed.json?delay=300&key=${key}`;
      const loads = Array.from({ length: 5 }, () => loadFeed(src));
      expect(pendingFeedRequests()).to.equal(1);
      const results = await Promise.all(loads);
      expect(new Set(results).size).to.equal(1);
      expect(await requestsSeen('feed', key)).to.equal(1);
    });

    it('a later caller reuses the loaded feed; clearing the cache asks the network again', async () => {
      const key = freshKey('later');
      const src = `/test-server/feed/feed.json?key=${key}`;
      const first = await loadFeed(src);
      expect(await loadFeed(src)).to.equal(first);
      expect(await requestsSeen('feed', key)).to.equal(1);
      clearFeedCache();
      await loadFeed(src);
      expect(await requestsSeen('feed', key)).to.equal(2);
    });

    it('reload: true ("Try again") asks the network again', async () => {
      const key = freshKey('reload');
      const src = `/test-server/feed/feed.json?key=${key}`;
      await loadFeed(src);
      await loadFeed(src, { reload: true });
      expect(await requestsSeen('feed', key)).to.equal(2);
    });

    it('"Try again" bypasses the browser cache even when the server allows caching', async () => {
      const key = freshKey('http-cache');
      const src = `/test-server/echo?key=${key}&maxage=600`;
      await loadFeed(src);
      clearFeedCache();
      await loadFeed(src); // the browser may answer this one from its cache
      expect(await requestsSeen('echo', key)).to.equal(1);
      await loadFeed(src, { reload: true });
      expect(await requestsSeen('echo', key)).to.equal(2);
    });

    it('callers with and without a signal share the request too', async () => {
      const key = freshKey('mixed');
      const src = `/test-server/feed/feed.json?delay=200&key=${key}`;
      const withSignal = loadFeed(src, { signal: new AbortController().signal });
      const without = loadFeed(src);
      expect(await withSignal).to.equal(await without);
      expect(await requestsSeen('feed', key)).to.equal(1);
    });
  });

  describe('retry after failure', () => {
    it('a failed request is forgotten, so the next load asks the network again', async () => {
      const key = freshKey('flaky');
      const src = `/test-server/flaky?key=${key}`;
      const error = await failure(loadFeed(src));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(503);
      await fetch(`/test-server/flaky-up?key=${key}`);
      const { feed } = await loadFeed(src);
      expect(feed.title).to.equal('Lantern demo feed');
      expect(await requestsSeen('flaky', key)).to.equal(2);
    });
  });

  describe('abort and timeout', () => {
    it('a signal that is already aborted rejects at once without a request', async () => {
      const key = freshKey('pre-aborted');
      const controller = new AbortController();
      controller.abort();
      const error = await failure(
        loadFeed(`/test-server/feed/feed.json?key=${key}`, { signal: controller.signal }),
      );
      expect(error.kind).to.equal('aborted');
      expect(await requestsSeen('feed', key)).to.equal(0);
    });

    it('one caller aborting does not cancel the request another caller still waits for', async () => {
      const key = freshKey('one-aborts');
      const src = `/test-server/feed/feed.json?delay=300&key=${key}`;
      const leaving = new AbortController();
      const left = loadFeed(src, { signal: leaving.signal });
      const staying = loadFeed(src, { signal: new AbortController().signal });
      leaving.abort();
      expect((await failure(left)).kind).to.equal('aborted');
      const { feed } = await staying;
      expect(feed.items.length).to.be.greaterThan(0);
      expect(await requestsSeen('feed', key)).to.equal(1);
    });

    it('when every caller aborts, the request is cancelled and forgotten', async () => {
      const key = freshKey('all-abort');
      const src = `/test-server/feed/feed.json?delay=400&key=${key}`;
      const a = new AbortController();
      const b = new AbortController();
      const loads = [loadFeed(src, { signal: a.signal }), loadFeed(src, { signal: b.signal })];
      expect(pendingFeedRequests()).to.equal(1);
      // Abort only once the request has reached the server, so the count below is exact.
      while ((await requestsSeen('feed', key)) === 0) await new Promise((r) => setTimeout(r, 20));
      a.abort();
      b.abort();
      for (const load of loads) expect((await failure(load)).kind).to.equal('aborted');
      expect(pendingFeedRequests()).to.equal(0);
      // Nothing stale is cached: the next load is a new request that succeeds.
      const { feed } = await loadFeed(src);
      expect(feed.title).to.equal('Lantern demo feed');
      expect(await requestsSeen('feed', key)).to.equal(2);
    });

    it('a slow server times out with a readable message', async () => {
      const started = performance.now();
      const error = await failure(
        loadFeed(`/test-server/feed/feed.json?delay=5000&key=${freshKey('slow')}`, {
          timeoutMs: 400,
        }),
      );
      expect(error.kind).to.equal('timeout');
      expect(error.message).to.equal('The feed did not arrive within 1 second.');
      expect(performance.now() - started).to.be.below(3000);
      expect(pendingFeedRequests()).to.equal(0);
    });

    it('a response that starts and then stalls times out too', async () => {
      const error = await failure(loadFeed('/test-server/stall', { timeoutMs: 600 }));
      expect(error.kind).to.equal('timeout');
    });

    it('a server that never answers is given up after timeoutMs, not when the server gives up', async () => {
      // mode=hang: the server says nothing for 10 s, then answers 503.
      const key = freshKey('hang');
      const started = performance.now();
      const error = await failure(
        loadFeed(`/test-server/flaky?mode=hang&key=${key}`, { timeoutMs: 500 }),
      );
      const waited = performance.now() - started;
      console.log(`never-answering server given up after ${waited.toFixed(0)} ms (timeoutMs 500)`);
      expect(error.kind).to.equal('timeout');
      expect(waited).to.be.within(450, 5000);
      expect(pendingFeedRequests()).to.equal(0);
      expect(await requestsSeen('flaky', key)).to.equal(1);
    });

    it('without timeoutMs, a stalled feed is given up after ten seconds', async function () {
      this.timeout(30_000);
      const started = performance.now();
      const error = await failure(loadFeed(`/test-server/stall?key=${freshKey('default')}`));
      const waited = performance.now() - started;
      console.log(`stalled feed given up after ${waited.toFixed(0)} ms (default timeout)`);
      expect(error.kind).to.equal('timeout');
      expect(error.message).to.equal('The feed did not arrive within 10 seconds.');
      expect(waited).to.be.within(9_500, 20_000);
    });
  });

  describe('failures are typed and readable', () => {
    it('404', async () => {
      const error = await failure(loadFeed('/test-server/status/404'));
      expect([error.kind, error.status, error.message]).to.deep.equal([
        'http',
        404,
        'The feed was not found (HTTP 404).',
      ]);
    });

    it('500', async () => {
      const error = await failure(loadFeed('/test-server/status/500'));
      expect([error.kind, error.status, error.message]).to.deep.equal([
        'http',
        500,
        'The feed server answered with an error (HTTP 500).',
      ]);
    });

    it('a refused connection is a network error', async () => {
      // Port 1 is on Chromium's blocked list, so the fetch fails at once.
      const error = await failure(loadFeed('http://127.0.0.1:1/feed.json'));
      expect(error.kind).to.equal('network');
      expect(error.message).to.match(/could not be reached/);
    });

    it('javascript: and data: feed addresses are refused before any request', async () => {
      for (const src of ['javascript:alert(1)', 'data:application/json,{"items":[]}']) {
        const error = await failure(loadFeed(src));
        expect(error.kind, src).to.equal('network');
        expect(error.message).to.equal('Feeds load only over https: or http:.');
      }
    });

    // prettier-ignore
    const bodies: [string, string, string | undefined, string][] = [
      ['HTML served as JSON', 'html-page.json', 'application/json', 'The address sent a web page, not a JSON feed.'],
      ['HTML with an HTML type', 'html-page.json', 'text/html', 'The address sent a web page, not a JSON feed.'],
      ['an empty body', 'empty.json', undefined, 'The feed is empty.'],
      ['only whitespace', 'whitespace.json', undefined, 'The feed is empty.'],
      ['truncated JSON', 'truncated.json', undefined, 'The feed is not valid JSON.'],
      ['invalid UTF-8', 'invalid-utf8.json', undefined, 'The feed is not valid UTF-8 text.'],
      ['UTF-16 text', 'utf16le.json', undefined, 'The feed is not valid UTF-8 text.'],
    ];
    for (const [what, name, type, message] of bodies) {
      it(`${what} is "not-json": ${message}`, async () => {
        const error = await failure(loadFeed(fixture(name, type)));
        expect(error.kind).to.equal('not-json');
        expect(error.message).to.equal(message);
      });
    }

    it('an RSS feed is read (test/content/xml.test.ts covers RSS and Atom)', async () => {
      const { feed } = await loadFeed(fixture('rss.xml', 'application/rss+xml'));
      expect(feed.title).to.equal('An RSS feed');
      expect(feed.items).to.deep.equal([]);
    });

    it('an RSS feed served as a web page (text/html) is read, not refused as a page', async () => {
      const { feed } = await loadFeed(fixture('rss.xml', 'text/html; charset=UTF-8'));
      expect(feed.title).to.equal('An RSS feed');
    });

    it('the old demo broken feed (cut off mid-item) is not JSON', async () => {
      const error = await failure(loadFeed('/test-server/feed/broken-feed.json'));
      expect(error.kind).to.equal('not-json');
    });

    for (const name of ['array.json', 'null.json', 'no-items.json']) {
      it(`${name} is "not-a-feed"`, async () => {
        const error = await failure(loadFeed(fixture(name)));
        expect(error.kind).to.equal('not-a-feed');
        expect(error.message).to.match(/^This is not a JSON Feed: /);
      });
    }

    it('a leading byte-order mark is accepted', async () => {
      const bytes = new Uint8Array(await (await fetch(fixture('bom.json'))).arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const { feed, warnings } = await loadFeed(fixture('bom.json'));
      expect(warnings).to.deep.equal([]);
      expect(feed.items[0]?.title).to.equal('Starts with a byte-order mark');
    });

    it('exact bytes through /test-server/raw: junk after the JSON is not JSON', async () => {
      const body = btoa(
        '{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[]} trailing',
      );
      const error = await failure(loadFeed(`/test-server/raw?body=${encodeURIComponent(body)}`));
      expect(error.kind).to.equal('not-json');
    });
  });

  describe('size', () => {
    it('ten thousand items load, the first 1000 read (the item budget) with a warning', async () => {
      const started = performance.now();
      const { feed, warnings } = await loadFeed('/test-server/big?items=10000');
      expect(feed.items).to.have.length(LIMITS.items);
      expect(feed.items[LIMITS.items - 1]?.title).to.equal(`Item ${LIMITS.items - 1}`);
      expect(warnings).to.deep.equal([
        {
          path: 'items',
          message: `more than ${LIMITS.items} items; only the first ${LIMITS.items} are read`,
        },
      ]);
      expect(performance.now() - started).to.be.below(5_000);
    });

    it('a feed over 5 MB with a declared length is refused', async () => {
      const src = '/test-server/big?items=6000&pad=1000';
      const head = await fetch(src);
      expect(Number(head.headers.get('content-length'))).to.be.greaterThan(MAX_FEED_BYTES);
      await head.body?.cancel();
      const error = await failure(loadFeed(src));
      expect([error.kind, error.message]).to.deep.equal([
        'too-large',
        'The feed is larger than 5 MB.',
      ]);
    });

    it('a feed over 5 MB sent without a length is cut off while streaming', async () => {
      const src = '/test-server/big?items=6000&pad=1000&chunked=1';
      const head = await fetch(src);
      expect(head.headers.get('content-length')).to.equal(null);
      await head.body?.cancel();
      const error = await failure(loadFeed(src));
      expect(error.kind).to.equal('too-large');
    });

    it('a feed just under 5 MB loads, its lists cut to what is read before JSON.parse', async () => {
      const { feed, warnings } = await loadFeed('/test-server/big?items=4500&pad=1000&chunked=1');
      expect(feed.items).to.have.length(LIMITS.items);
      expect(feed.items[LIMITS.items - 1]?.title).to.equal(`Item ${LIMITS.items - 1}`);
      // Cut to one more than is read, so the warning still says there were more.
      expect(warnings).to.deep.equal([
        {
          path: 'items',
          message: `more than ${LIMITS.items} items; only the first ${LIMITS.items} are read`,
        },
      ]);
    });
  });

  describe('privacy: no cookies, no referrer', () => {
    before(() => {
      document.cookie = 'lantern_test_session=secret; path=/; SameSite=Lax';
    });
    after(() => {
      document.cookie = 'lantern_test_session=; path=/; max-age=0';
    });

    it('an ordinary fetch from this page would send the cookie and the referrer', async () => {
      // The control: proves the server would see both if loadFeed did not withhold them.
      const key = freshKey('control');
      await fetch(`/test-server/echo?key=${key}`);
      const seen = await (await fetch(`/test-server/seen?key=${key}`)).json();
      expect(seen.cookie).to.contain('lantern_test_session=secret');
      expect(seen.referer).to.equal(location.href);
    });

    it('loadFeed sends neither the cookie nor a Referer header', async () => {
      const key = freshKey('private');
      await loadFeed(`/test-server/echo?key=${key}`);
      const seen = await (await fetch(`/test-server/seen?key=${key}`)).json();
      expect(seen).to.deep.equal({
        cookie: '',
        referer: '',
        accept: 'application/feed+json, application/json;q=0.9',
      });
    });
  });
});
