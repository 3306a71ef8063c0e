// Server rendering (issue 12): every element renders in plain Node with @lit-labs/ssr (no `lang`,
// no DOM shim but Lit's own), to declarative shadow DOM with its content; in Chromium the page
// shows that content before any script runs, and when the script arrives (npm build with Lit's
// hydrate support, npm build without it, CDN build) each widget keeps one copy of its content,
// never goes blank and never changes height.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, root, serve, watchErrors } from './harness.mjs';
import { html } from 'lit';
import { loadInterfaceText } from 'lantern-widgets';
import { renderWidget, widgets } from './ssr-render.mjs';
import { trackWidgets, waitForWidgets } from './widgets.mjs';

/** Long enough to see the server's content on screen, alone, for many frames. */
const SCRIPT_DELAY_MS = 700;
const feed = JSON.parse(readFileSync(join(root, 'demo/feed.json'), 'utf8'));
const IMPORT_MAP = readFileSync(join(root, 'test/e2e/pages/npm.html'), 'utf8').match(
  /<script type="importmap">[\s\S]*?<\/script>/,
)[0];

const SCRIPTS = {
  'npm build with Lit hydrate support': `${IMPORT_MAP.replace(
    '"imports": {',
    '"imports": { "@lit-labs/ssr-client/": "/node_modules/@lit-labs/ssr-client/",',
  )}
<script type="module" src="/delayed/hydrate.js"></script>`,
  'npm build without hydrate support': `${IMPORT_MAP}
<script type="module" src="/delayed/npm.js"></script>`,
  'CDN build': `<script type="module" src="/delayed/cdn.js"></script>`,
};
const CLIENT_ENTRIES = {
  '/delayed/hydrate.js': `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '/dist/lib/index.js';`,
  '/delayed/npm.js': `import '/dist/lib/index.js';`,
  '/delayed/cdn.js': `import '/dist/cdn/lantern.js';`,
};

let server;
let browser;
let rendered;
before(async () => {
  server = await serve({
    delay: (path) => (path.startsWith('/delayed/') ? SCRIPT_DELAY_MS : 0),
    routes: {
      ...Object.fromEntries(
        Object.entries(CLIENT_ENTRIES).map(([path, code]) => [
          path,
          (req, res) => {
            res.writeHead(200, { 'content-type': 'text/javascript' });
            res.end(code);
          },
        ]),
      ),
      '/ssr.html': (req, res, url) => {
        const sections = (grows) =>
          Object.entries(rendered)
            .filter(([name]) => GROWS.has(name) === grows)
            .map(([name, markup]) => `<section data-widget="${name}">${markup}</section>`)
            .join('\n<p>Host text between widgets.</p>\n');
        // A widget that grows comes last, with nothing below it to move.
        const body = `${sections(false)}<p>Host text below.</p>${sections(true)}`;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Server-rendered widgets</title>
<link rel="icon" href="data:,">
<style>body { margin: 0 auto; max-width: 720px; font-family: sans-serif; }</style>
${SCRIPTS[url.searchParams.get('client')] ?? ''}</head>
<body><p>Host text above.</p>${body}</body></html>`);
      },
    },
  });
  const base = `${server.origin}/`;
  rendered = {};
  for (const [name, template] of Object.entries(widgets(feed, base))) {
    rendered[name] = await renderWidget(template);
  }
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const SHOWS = {
  card: 'North Korean Soldiers in Russia-Ukraine War',
  'card (no picture)': 'North Korean Soldiers in Russia-Ukraine War',
  list: 'North Korean Soldiers in Russia-Ukraine War',
  navigator: 'Part 3 of 3',
  compact: 'Part 3 of 3',
  report: 'PDF',
  'report (HTML body)': 'PDF',
  reader: 'Part 3 of 3',
};
/**
 * The server has no DOM to sanitise HTML or markdown in: it renders the plain `summary`, and the
 * browser's sanitised body replaces it, and reader mode's part body is built there too (README,
 * "Server rendering"). Measured, not asserted.
 */
const GROWS = new Set(['report (HTML body)', 'reader']);

test('in Node, without lang, each element renders its content to declarative shadow DOM', () => {
  for (const [name, markup] of Object.entries(rendered)) {
    assert.match(markup, /<template shadowroot(mode)?="open"/, `${name}: declarative shadow root`);
    assert.doesNotMatch(markup, /aria-busy="true"/, `${name}: content, not a skeleton`);
    assert.ok(markup.includes(SHOWS[name]), `${name} shows "${SHOWS[name]}"`);
  }
  // The list's cards are server-rendered inside it, with their content.
  assert.equal(rendered.list.match(/<lantern-article-card/g)?.length, 2);
  assert.equal(rendered.list.match(/part="title"/g)?.length, 2);
});

test('in Node, a lang without interface text (German) renders English throughout, as the browser does', async () => {
  const soldiers = feed.items.find((each) => each.id === 'north-korean-soldiers-russia-ukraine');
  const markup = await renderWidget(
    html`<lantern-article-card lang="de" .item=${soldiers}></lantern-article-card>`,
  );
  // English words, so an English date and an English `lang` for the screen reader's voice.
  assert.match(markup, /<article class="card[^>]*lang="en"/);
  assert.ok(markup.includes('March 4, 2025'), 'an English date');
  assert.doesNotMatch(markup, /März/);
  // A region of English stays: British dates.
  const british = await renderWidget(
    html`<lantern-article-card lang="en-GB" .item=${soldiers}></lantern-article-card>`,
  );
  assert.ok(british.includes('4 March 2025'), 'a British date');
  // Korean: its interface text loaded first (README), then content, not a skeleton.
  await loadInterfaceText('ko');
  const korean = await renderWidget(
    html`<lantern-article-card lang="ko-KR" .item=${soldiers}></lantern-article-card>`,
  );
  assert.doesNotMatch(korean, /aria-busy="true"/);
  assert.match(korean, /<article class="card[^>]*lang="ko-KR"/);
  assert.ok(korean.includes('2025년 3월 4일'), 'a Korean date');
});

/** Per widget, in every frame: its height and how many copies of its content it holds. */
async function watchFrames(page) {
  await page.addInitScript(() => {
    window.__frames = [];
    window.__shifts = [];
    new PerformanceObserver((list) => {
      // Each shift with what moved (the node, and the widget it is in or is), so a failure
      // says where to look.
      for (const entry of list.getEntries()) {
        const moved = (entry.sources ?? []).map(({ node }) => {
          const element = node?.nodeType === 1 ? node : node?.parentElement;
          const widget = element?.closest?.('section[data-widget]')?.dataset.widget;
          return `${node?.nodeName ?? '?'}${widget ? ` in ${widget}` : ''}`;
        });
        window.__shifts.push({ value: entry.value, moved: moved.join(' + ') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    const sample = () => {
      const widgets = document.querySelectorAll('section[data-widget] > *');
      // From the end of parsing on (the first frames may show a page half-streamed).
      if (document.readyState !== 'loading') {
        window.__frames.push(
          [...widgets].map((el) => ({
            name: el.parentElement.dataset.widget,
            defined: !!customElements.get(el.localName),
            height: el.getBoundingClientRect().height,
            copies: el.shadowRoot?.querySelectorAll('[part~="base"]').length ?? 0,
            cards: el.shadowRoot?.querySelectorAll('lantern-article-card').length ?? 0,
          })),
        );
      }
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
}

for (const client of Object.keys(SCRIPTS)) {
  test(`${client}: one copy, never blank, the same height from the server's first paint on`, async () => {
    // Tall enough for the list to be in view when its feed is read (below the screen it would
    // take its cards' own height, by design: nothing in view moves).
    const page = await browser.newPage({ viewport: { width: 1024, height: 1400 } });
    const errors = watchErrors(page);
    await trackWidgets(page);
    await watchFrames(page);
    await page.goto(`${server.origin}/ssr.html?client=${encodeURIComponent(client)}`);
    const state = await waitForWidgets(page);
    assert.deepEqual(state.failed, []);
    assert.equal(state.loaded, state.total);
    await page.waitForTimeout(300);
    const frames = await page.evaluate(() => window.__frames);
    const shifts = await page.evaluate(() => window.__shifts);
    const texts = await page.evaluate(() => {
      // Text in the widget's shadow root and in the shadow roots inside it (the list's cards).
      const deep = (root) =>
        [...root.querySelectorAll('*')]
          .map((el) => (el.shadowRoot ? deep(el.shadowRoot) : ''))
          .join(' ') + root.textContent;
      return [...document.querySelectorAll('section[data-widget] > *')].map((el) =>
        deep(el.shadowRoot),
      );
    });
    await page.close();
    assert.deepEqual(errors, []);

    const before = frames.filter((frame) => frame.every((w) => !w.defined));
    const last = frames.at(-1);
    assert.ok(
      before.length > 5,
      `the server's content was on screen before the script (${before.length} frames)`,
    );
    assert.ok(
      last.every((w) => w.defined),
      'every element is upgraded',
    );
    for (const [i, widget] of last.entries()) {
      const first = before[0][i];
      const heights = [...new Set(frames.map((frame) => Math.round(frame[i].height)))];
      const copies = [...new Set(frames.map((frame) => frame[i].copies))];
      console.log(
        `# ${client}, ${widget.name}: ${Math.round(first.height)} px server-rendered, ` +
          `${Math.round(widget.height)} px live; heights seen ${heights.join(', ')}; copies seen ${copies.join(', ')}`,
      );
      assert.deepEqual(copies, [1], `${widget.name}: one copy of its content in every frame`);
      if (GROWS.has(widget.name)) continue;
      assert.equal(Math.round(widget.height), Math.round(first.height), `${widget.name}: height`);
      assert.deepEqual(
        heights,
        [Math.round(first.height)],
        `${widget.name}: no frame of another height`,
      );
      if (widget.name === 'list') {
        assert.deepEqual([...new Set(frames.map((frame) => frame[i].cards))], [2], 'list: 2 cards');
      }
      assert.ok(
        texts[i].includes(SHOWS[widget.name]),
        `${widget.name} still shows "${SHOWS[widget.name]}"`,
      );
    }
    assert.equal(
      shifts.reduce((sum, shift) => sum + shift.value, 0),
      0,
      `layout shifts: ${shifts.map((shift) => `${shift.value} (${shift.moved})`).join(', ')}`,
    );
  });
}
