// Many widgets at once: fifty widgets of every kind sharing three feed URLs make exactly three
// feed requests, and every one of them renders.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, root, serve, watchErrors } from './harness.mjs';
import { trackWidgets, waitForWidgets } from './widgets.mjs';

let server;
let browser;
before(async () => {
  // Slow feeds, so that every widget asks while the first request is still in flight.
  server = await serve({ delay: (path) => (path.endsWith('.json') ? 400 : 0) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('50 widgets over 3 feed URLs make exactly 3 feed requests and all render', async () => {
  const markup = readFileSync(join(root, 'test/e2e/pages/many.html'), 'utf8');
  const feedUrls = new Set([...markup.matchAll(/src="([^"]+\.json[^"]*)"/g)].map((m) => m[1]));
  assert.equal(feedUrls.size, 3, 'the page uses three feed URLs');

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  await trackWidgets(page);
  const started = Date.now();
  await page.goto(`${server.origin}/test/e2e/pages/many.html`);
  const state = await waitForWidgets(page, 30_000);
  const elapsed = Date.now() - started;

  assert.equal(state.total, 50);
  assert.deepEqual(state.failed, []);
  assert.equal(state.loaded, 50);
  const feedRequests = server.requests.filter((r) => /\.json(\?|$)/.test(r));
  assert.deepEqual(feedRequests.sort(), [...feedUrls].sort(), 'one request per feed URL');

  // Every widget shows its content, not a skeleton.
  const busy = await page.evaluate(
    () =>
      [...document.querySelectorAll('main > *')].filter(
        (el) => !el.shadowRoot || el.shadowRoot.querySelector('[aria-busy="true"]'),
      ).length,
  );
  assert.equal(busy, 0, 'widgets still showing a skeleton');
  console.log(`# 50 widgets rendered ${elapsed} ms after navigation (feeds held back 400 ms)`);
  assert.deepEqual(errors, []);
  await page.close();
});
