// Zero layout shift: with every element on the page and the feed answering after 1.5 s, each
// widget's skeleton has the size of what replaces it, so the host page never moves.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, root, serve, watchErrors } from './harness.mjs';
import { trackWidgets, waitForWidgets } from './widgets.mjs';

const FEED_DELAY_MS = 1500;
const EVERY = '/test/e2e/pages/every.html';
// Zero shift from the first paint needs every element registered before it: the render-blocking
// build dist/cdn/all/lantern.js. (dist/cdn/lantern.js registers the list, navigator and report
// when they appear, after the first paint; the plain-snippet test below measures that upgrade.)
const PAGE = '/every-all.html';
const ALL_BUILD = (html) => html.replace('/dist/cdn/lantern.js', '/dist/cdn/all/lantern.js');
// The same page with the plain snippet: no blocking="render" on the script.
const PLAIN_PAGE = '/test/e2e/pages/every-plain.html';
/** One widget at the top of a page, host text below it, all of it in view. */
const SINGLE = {
  card: '<lantern-article-card src="/demo/feed.json" item="north-korean-soldiers-russia-ukraine"></lantern-article-card>',
  list: '<lantern-article-list src="/demo/feed.json" limit="2"></lantern-article-list>',
  navigator:
    '<lantern-story-navigator src="/demo/feed.json" item="yoon-ha-part-3"></lantern-story-navigator>',
  report:
    '<lantern-report-download src="/demo/feed.json" item="nkdb-military-report"></lantern-report-download>',
  'navigator (reader)':
    '<lantern-story-navigator src="/demo/feed.json" item="yoon-ha-part-3" mode="reader"></lantern-story-navigator>',
};
const singlePage = (widget) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>One widget</title>
<link rel="stylesheet" href="/test/e2e/pages/every.css">
<script type="module" src="/dist/cdn/all/lantern.js" blocking="render"></script></head>
<body><p>Host text above.</p><section>${widget}</section><p>Host text below: it must not move.</p></body></html>`;

let server;
let browser;
before(async () => {
  server = await serve({
    delay: (path) => (path.endsWith('.json') ? FEED_DELAY_MS : 0),
    routes: {
      ...Object.fromEntries(
        Object.entries(SINGLE).map(([name, widget]) => [
          `/single/${encodeURIComponent(name)}.html`,
          (req, res) => {
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            res.end(singlePage(widget));
          },
        ]),
      ),
      [PAGE]: (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(ALL_BUILD(readFileSync(join(root, EVERY.slice(1)), 'utf8')));
      },
      [PLAIN_PAGE]: (req, res) => {
        const html = readFileSync(join(root, EVERY.slice(1)), 'utf8');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html.replace(' blocking="render"', ''));
      },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Loads a page, records every layout shift, and notes when all skeletons were first up. */
async function measure(path, width, height = 900) {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors = watchErrors(page);
  await trackWidgets(page);
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__shifts.push({
          value: entry.value,
          at: Math.round(entry.startTime),
          moved: entry.sources.map(
            (s) =>
              `${s.node?.localName ?? s.node?.parentElement?.localName ?? '#text'} ` +
              `y ${Math.round(s.previousRect.y)} → ${Math.round(s.currentRect.y)}`,
          ),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${server.origin}${path}`);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('body > section > *')].every(
        (el) => el.shadowRoot?.firstElementChild,
      ),
    undefined,
    { polling: 'raf', timeout: 10_000 },
  );
  const skeletonsAt = await page.evaluate(() => performance.now());
  const state = await waitForWidgets(page);
  assert.deepEqual(state.failed, []);
  assert.equal(state.loaded, state.total);
  await page.waitForTimeout(500);
  const shifts = await page.evaluate(() => window.__shifts);
  assert.deepEqual(errors, []);
  await page.close();
  return { shifts, skeletonsAt };
}

const sum = (shifts) => shifts.reduce((total, s) => total + s.value, 0);

for (const width of [1024, 390]) {
  test(`every element, script with blocking="render", feed after ${FEED_DELAY_MS} ms, ${width}px: CLS is 0`, async () => {
    const { shifts, skeletonsAt } = await measure(PAGE, width);
    assert.ok(skeletonsAt < FEED_DELAY_MS, 'skeletons were up before the feed arrived');
    assert.equal(sum(shifts), 0, `layout shifts:\n${JSON.stringify(shifts, null, 2)}`);
  });
}

test(`plain snippet: once the skeletons are up nothing moves; the upgrade itself is measured`, async () => {
  const { shifts, skeletonsAt } = await measure(PLAIN_PAGE, 1024);
  const afterSkeletons = shifts.filter((s) => s.at > skeletonsAt);
  assert.equal(
    sum(afterSkeletons),
    0,
    `layout shifts:\n${JSON.stringify(afterSkeletons, null, 2)}`,
  );
  console.log(
    `# without blocking="render": CLS ${sum(shifts).toFixed(4)} from the upgrade ` +
      `(fallback link → skeleton), 0 after the skeletons`,
  );
});

// Stricter than CLS (which only counts what is in view): each widget alone at the top of a tall
// page, the whole page in view, the host text below it must not move when the feed arrives.
for (const name of Object.keys(SINGLE)) {
  const reader = name.includes('reader');
  test(`${name} alone, all in view: ${reader ? 'shift measured (a body has no size before it arrives)' : 'nothing below it moves'}`, async () => {
    const { shifts } = await measure(`/single/${encodeURIComponent(name)}.html`, 1024, 4000);
    if (reader) {
      console.log(`# ${name}: layout shift ${sum(shifts).toFixed(4)} when the body arrives`);
      return;
    }
    assert.equal(sum(shifts), 0, `layout shifts:\n${JSON.stringify(shifts, null, 2)}`);
  });
}
