// Privacy on a partner page with every element: the only requests are the script, its chunks, the
// feed and the feed's images; the feed goes out without cookies, feed and images without a
// referrer; nothing is stored. And a page with only cards never downloads marked and DOMPurify.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, serve, watchErrors } from './harness.mjs';
import { shadowText, trackWidgets, waitForWidgets } from './widgets.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page in a fresh context that already holds a cookie of the partner's own. */
async function open(path) {
  const context = await browser.newContext();
  await context.addCookies([
    { name: 'partner_session', value: 'secret', url: server.origin, sameSite: 'Lax' },
  ]);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r));
  await trackWidgets(page);
  await page.goto(`${server.origin}${path}`);
  const state = await waitForWidgets(page);
  await page.waitForLoadState('networkidle');
  return { context, page, errors, requests, state };
}

const pathOf = (request) => {
  const url = new URL(request.url());
  return url.origin === server.origin ? url.pathname : url.href;
};

test('every element: only the script, its chunks, the feed and its images are requested', async () => {
  const { context, page, errors, requests, state } = await open('/test/e2e/pages/every.html');
  assert.deepEqual(state.failed, []);
  assert.equal(state.loaded, state.total);

  const allowed = [
    /^\/test\/e2e\/pages\/every\.(html|css)$/, // the partner's own page
    /^\/dist\/cdn\/lantern(-(core|shared|rich|article-list|story-navigator|report-download)-[\w-]+)?\.js$/,
    /^\/demo\/feed\.json$/,
    /^\/demo\/images\/[\w-]+\.svg$/,
  ];
  const unexpected = requests.map(pathOf).filter((p) => !allowed.some((re) => re.test(p)));
  assert.deepEqual(unexpected, [], 'requests beyond the script, chunks, feed and images');
  assert.ok(
    requests.some((r) => /lantern-rich-/.test(r.url())),
    'the rich chunk loads for the reader body',
  );
  assert.equal(requests.filter((r) => r.resourceType() === 'font').length, 0, 'no font requests');

  // The feed goes out without the partner's cookie (credentials: 'omit'); neither the feed nor
  // the images tell the image or feed host which page the reader is on (no referrer).
  const own = requests.filter((r) => /\/demo\//.test(r.url()));
  const feeds = own.filter((r) => /\.json$/.test(r.url()));
  assert.equal(feeds.length, 1, 'one feed request for five widgets on one feed');
  assert.ok(own.length > feeds.length, 'images were requested');
  assert.equal((await feeds[0].allHeaders()).cookie, undefined, 'the feed was sent with a cookie');
  for (const request of own) {
    const headers = await request.allHeaders();
    assert.equal(headers.referer, undefined, `${pathOf(request)} was sent with a referrer`);
  }

  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
  assert.deepEqual(stored, {
    cookie: 'partner_session=secret',
    local: 0,
    session: 0,
    databases: 0,
    caches: 0,
    workers: 0,
  });
  const cookies = (await context.cookies()).map((c) => c.name);
  assert.deepEqual(cookies, ['partner_session'], 'no cookie was set');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page with only cards never requests the rich-content chunk', async () => {
  const { context, page, errors, requests, state } = await open('/test/e2e/pages/cards-only.html');
  assert.equal(state.loaded, 3);
  assert.match(await shadowText(page, 'lantern-article-card'), /North Korean Soldiers/);
  // Let idle time pass: a prefetch or lazy import would show up now.
  await page.waitForTimeout(500);
  const scripts = requests.filter((r) => r.resourceType() === 'script').map(pathOf);
  assert.ok(scripts.includes('/dist/cdn/lantern.js'));
  assert.deepEqual(
    scripts.filter((p) => /lantern-rich-/.test(p)),
    [],
    'marked and DOMPurify were downloaded for cards',
  );
  assert.deepEqual(errors, []);
  await context.close();
});
