// Which page a reader is on never reaches the script host: the README's snippet, pasted as it
// is on a partner page that asks for full referrers (`Referrer-Policy: unsafe-url`, its address
// with a query), with the CDN on another origin. No request to the CDN (the stylesheet, the entry,
// every chunk, and those a reader's "Show content" asks for) carries a Referer. Dynamic imports
// keep the referrer policy of the script that makes them, so the snippet's
// `referrerpolicy="no-referrer"` covers them all.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, root, serve, watchErrors } from './harness.mjs';
import { localUrls, readmeSnippet } from './readme-snippet.mjs';
import { showWarned, trackWidgets, waitForShadowText, waitForWidgets } from './widgets.mjs';

const snippet = readmeSnippet();
const navigator = snippet.widgets.find((w) => w.startsWith('<lantern-story-navigator'));

let cdn;
let partner;
let browser;
before(async () => {
  cdn = await serve({ headers: () => ({ 'access-control-allow-origin': '*' }) });
  const feed = readFileSync(join(root, 'demo/feed.json'), 'utf8');
  // A story part behind a content warning, in reader mode: its body is built at the reader's click.
  const widget = navigator.replace(' variant="compact"', ' mode="reader"');
  assert.match(widget, /item="yoon-ha-part-3"/, 'the README navigator shows the warned part');
  partner = await serve({
    routes: {
      '/feed.json': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/feed+json' });
        res.end(feed);
      },
      '/stories/yoon-ha.html': (req, res) => {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'referrer-policy': 'unsafe-url',
        });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>A partner's page</title><link rel="icon" href="data:,">
${snippet.head.map((line) => localUrls(line, `${cdn.origin}/`)).join('\n')}
</head><body><h1>A partner's page</h1>${localUrls(widget, `${cdn.origin}/`)}</body></html>`);
      },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await cdn?.close();
  await partner?.close();
});

test('no request to the script host carries the page address, before or after "Show content"', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const sent = [];
  page.on('request', (request) => {
    if (request.url().startsWith(cdn.origin)) sent.push(request);
  });
  await trackWidgets(page);
  await page.goto(`${partner.origin}/stories/yoon-ha.html?reader=4821`);
  const state = await waitForWidgets(page);
  assert.deepEqual(state.failed, []);
  await page.waitForLoadState('networkidle');
  const beforeClick = sent.length;
  assert.ok(await showWarned(page, 'lantern-story-navigator'), 'a "Show content" button');
  assert.match(
    await waitForShadowText(page, 'lantern-story-navigator', /third part of a three-part story/),
    /third part of a three-part story/,
    'the body is shown',
  );
  await page.waitForLoadState('networkidle');

  const files = sent.map((r) => new URL(r.url()).pathname);
  console.log(`# CDN requests: ${files.length} (${sent.length - beforeClick} at "Show content")`);
  assert.ok(files.includes('/dist/cdn/lantern.js') && files.includes('/dist/cdn/lantern.css'));
  assert.ok(
    files.some((f) => /lantern-story-navigator-/.test(f)),
    'the navigator chunk',
  );
  const withReferrer = [];
  for (const request of sent) {
    const { referer } = await request.allHeaders();
    if (referer !== undefined) withReferrer.push(`${new URL(request.url()).pathname} (${referer})`);
  }
  assert.deepEqual(withReferrer, [], 'requests to the CDN that named the page');
  assert.deepEqual(errors, []);
  await page.close();
});
