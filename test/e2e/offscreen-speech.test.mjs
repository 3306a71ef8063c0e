// Text laid out only near the screen (`content-visibility: auto`: a card's tags, byline, date
// line, credit and summary; a long body's blocks) is still in what a screen reader reads.
// Chromium builds its full accessibility tree only once assistive technology asks for it, as a
// running screen reader does: `--force-renderer-accessibility` does the same here. (Without it,
// a tree asked for over the DevTools protocol leaves such text out: an artefact, not a reader's
// experience.) Checked on the built CDN file, far below the fold.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { serve, watchErrors } from './harness.mjs';

const PARAGRAPHS = 200;
const sentence = 'Yoon Ha walked through the night along the river and waited for the signal. ';
const body = Array.from(
  { length: PARAGRAPHS },
  (_, i) => `<p>Paragraph ${i + 1}. ${sentence.repeat(3)}</p>`,
).join('');
const feed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Speech check',
  items: [
    {
      id: 'long',
      url: 'https://example.org/long',
      title: 'A long story',
      date_published: '2025-01-01T00:00:00Z',
      content_html: body,
      _lantern: { series: { id: 'long', title: 'A long story', part: 1, total: 1 } },
    },
  ],
};
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Far below</title>
<script type="module" src="/dist/cdn/lantern.js"></script></head><body>
<div style="height: 3000px">Host text.</div>
<lantern-article-card src="/demo/feed.json" item="north-korean-soldiers-russia-ukraine"></lantern-article-card>
<lantern-story-navigator mode="reader" item="long"><script type="application/feed+json">${JSON.stringify(feed)}</script></lantern-story-navigator>
</body></html>`;

let server;
let browser;
before(async () => {
  server = await serve({
    routes: {
      '/offscreen.html': (_req, res) => {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page);
      },
    },
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--force-renderer-accessibility'],
    headless: true,
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('text laid out only near the screen is in the accessibility tree', async () => {
  const tab = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  const errors = watchErrors(tab);
  await tab.goto(`${server.origin}/offscreen.html`);
  await tab.waitForFunction(() => {
    const reader = document.querySelector('lantern-story-navigator')?.shadowRoot;
    const card = document.querySelector('lantern-article-card')?.shadowRoot;
    return reader?.querySelector('[data-lantern-defer]') && card?.querySelector('.summary');
  });
  // The text is there but not laid out: the check is about exactly that case.
  const skipped = await tab.evaluate(() => {
    const summary = document
      .querySelector('lantern-article-card')
      .shadowRoot.querySelector('.summary');
    return (
      getComputedStyle(summary).contentVisibility === 'auto' &&
      summary.getBoundingClientRect().top > innerHeight
    );
  });
  assert.equal(skipped, true, 'the card is far below the fold, its summary skipped');
  const cdp = await tab.context().newCDPSession(tab);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const heard = nodes
    .filter((n) => !n.ignored && n.role?.value === 'StaticText')
    .map((n) => n.name?.value ?? '');
  const has = (start) => heard.some((text) => text.startsWith(start));
  assert.ok(has('Insights from LiNK'), "the far card's summary is heard");
  // "By", then the name, which is in the story's language (a text of its own).
  const by = heard.findIndex((text) => text.trim() === 'By');
  assert.ok(heard[by + 1]?.startsWith('Sokeel Park'), "the far card's byline is heard");
  assert.ok(has(`Paragraph ${PARAGRAPHS}.`), "the long body's last paragraph is heard");
  assert.deepEqual(errors, []);
  await tab.close();
});
