// Zero layout shift: with every element on the page and the feed answering after 1.5 s, each
// widget's skeleton has the size of what replaces it, so the host page never moves.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, serve, watchErrors } from './harness.mjs';
import { trackWidgets, waitForWidgets } from './widgets.mjs';

const FEED_DELAY_MS = 1500;

let server;
let browser;
before(async () => {
  server = await serve({ delay: (path) => (path.endsWith('.json') ? FEED_DELAY_MS : 0) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const width of [1024, 390]) {
  test(`every element, feed after ${FEED_DELAY_MS} ms, ${width}px wide: Cumulative Layout Shift is 0`, async () => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
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
            moved: entry.sources.map((s) => {
              const node = s.node;
              const name = node?.localName ?? node?.parentElement?.localName ?? '#text';
              return `${name} ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`;
            }),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.origin}/test/e2e/pages/every.html`);
    // The skeletons are up before the feed arrives.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('body > section > *')].every(
        (el) => el.shadowRoot?.firstElementChild,
      ),
    );
    const state = await waitForWidgets(page);
    assert.deepEqual(state.failed, []);
    await page.waitForTimeout(500);
    const shifts = await page.evaluate(() => window.__shifts);
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    assert.equal(total, 0, `layout shifts:\n${JSON.stringify(shifts, null, 2)}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
