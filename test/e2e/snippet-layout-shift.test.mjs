// Zero layout shift from the snippet partners paste (issue 12): the README's "Embedding on a
// partner site" blocks, verbatim apart from their URLs — the module script is not render-blocking.
// Each widget alone at the top of a page, host text below it, all in view; once with the feed
// 1.5 s late, once with the script 1.5 s late, once with the element's own chunk 1.5 s late (the
// element is defined, in its `pending` state). CLS must be 0 for the card, the list, the compact
// navigator and the report with one or two files; the full navigator and reader mode (no size
// hint can tell their content before it arrives) are measured and printed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, root, serve, watchErrors } from './harness.mjs';
import { localUrls, readmeSnippet } from './readme-snippet.mjs';
import { trackWidgets, waitForWidgets } from './widgets.mjs';

const DELAY_MS = 1500;

const snippet = readmeSnippet();
const byTag = (tag) => snippet.widgets.find((w) => w.startsWith(`<${tag}`));
const navigator = byTag('lantern-story-navigator');
const WIDGETS = {
  card: byTag('lantern-article-card'),
  list: byTag('lantern-article-list'),
  'compact navigator': navigator,
  'report, two files': byTag('lantern-report-download'),
  'report, one file': byTag('lantern-report-download').replace('/feed.json', '/one-file.json'),
};
/**
 * Measured, not held to 0: their content's size is unknown until it arrives. A card's skeleton is
 * a card without safety notices: a story whose content warning (a gate above the picture, the
 * summary hidden) or "name changed for safety" note makes it taller grows when its feed arrives.
 */
const card = byTag('lantern-article-card');
const MEASURED = {
  'full navigator': navigator.replace(' variant="compact"', ''),
  'reader mode': navigator.replace(' variant="compact"', ' mode="reader"'),
  'card, a story with a content warning': card.replace(/item="[^"]*"/, 'item="yoon-ha-part-3"'),
  'card, a story with a pseudonym note': card.replace(/item="[^"]*"/, 'item="yoon-ha-part-1"'),
};

/**
 * A partner's page with the widget in its flow, or (`aside`) in a sidebar of a flex row that
 * gives it no width, beside the page's main column (a common theme layout).
 */
const page = (widget, aside, below) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A partner's page</title>
<link rel="icon" href="data:,">
<style>body { margin: 16px auto; padding: 0 16px; max-width: ${aside ? 1100 : 720}px; font-family: 'DejaVu Sans', sans-serif; }
.row { display: flex; gap: 16px; align-items: start }</style>
${snippet.head.map((line) => localUrls(line)).join('\n')}
</head><body><h1>A partner's page</h1><p>Host text above.</p>
${below ? `<p style="height: 150vh">A long article above the widget.</p>` : ''}
${
  aside
    ? `<div class="row"><main><p>${"The partner's own article, long enough to fill its column. ".repeat(30)}</p></main><aside>${localUrls(widget)}</aside></div>`
    : localUrls(widget)
}
<p>Host text below: it must not move.</p><p>More host text.</p></body></html>`;

/**
 * The feed in the page instead of `src` (README, "Data in the page"): made in `before`, from the
 * demo feed. No skeleton comes between lantern.css's box and the content.
 */
const INLINE = {};

let server;
let browser;
let late = 'feed';
before(async () => {
  assert.ok(
    snippet.head.some((line) => line.includes('lantern.js')),
    'the snippet has the script',
  );
  assert.ok(!snippet.head.some((line) => line.includes('blocking')), 'not render-blocking');
  assert.equal(snippet.widgets.length, 4, 'the snippet shows all four elements');
  const feed = JSON.parse(readFileSync(join(root, 'demo/feed.json'), 'utf8'));
  const script = `<script type="application/feed+json">${JSON.stringify(feed).replaceAll('<', '\\u003c')}</script>`;
  INLINE['full navigator, feed in the page'] = navigator
    .replace(' variant="compact"', '')
    .replace(/ src="[^"]*"(.*)>/, `$1>${script}`);
  const oneFile = structuredClone(feed);
  const report = oneFile.items.find((item) => item.id === 'nkdb-military-report');
  report.attachments = report.attachments.slice(0, 1);
  const json = (body) => (req, res) => {
    res.writeHead(200, { 'content-type': 'application/feed+json' });
    res.end(JSON.stringify(body));
  };
  server = await serve({
    delay: (path) =>
      (late === 'feed' && path.endsWith('.json')) ||
      (late === 'script' && path === '/dist/cdn/lantern.js') ||
      // lantern.js has defined the element; its own code is still on the way (:state(pending)).
      (late === 'chunk' &&
        /^\/dist\/cdn\/lantern-(article-list|story-navigator|report-download)-/.test(path))
        ? DELAY_MS
        : 0,
    routes: {
      '/feed.json': json(feed),
      '/one-file.json': json(oneFile),
      '/reserve.html': (req, res, url) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(reservePage(!!url.searchParams.get('script'), url.searchParams.get('font')));
      },
      '/page.html': (req, res, url) => {
        const name = url.searchParams.get('widget');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        const [aside, below] = ['aside', 'below'].map((key) => !!url.searchParams.get(key));
        res.end(
          page(WIDGETS[name] ?? MEASURED[name] ?? SIDEBAR_ONLY[name] ?? INLINE[name], aside, below),
        );
      },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Loads one widget's page and returns every layout shift until it has settled, and (`aside`)
 * the widths the widget and the partner's main column had in any frame.
 */
async function shiftsOf(name, width, aside = false, below = false) {
  const tab = await browser.newPage({ viewport: { width, height: 3000 } });
  const errors = watchErrors(tab);
  await trackWidgets(tab);
  await tab.addInitScript(() => {
    window.__widths = new Set();
    const frame = () => {
      const widget = document.querySelector('aside > *');
      const main = document.querySelector('main');
      if (widget && main) {
        const w = (el) => Math.round(el.getBoundingClientRect().width);
        window.__widths.add(`widget ${w(widget)}, main ${w(main)}`);
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await tab.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__shifts.push({
          value: entry.value,
          at: Math.round(entry.startTime),
          moved: entry.sources.map(
            (s) =>
              `${s.node?.localName ?? '#text'} y ${Math.round(s.previousRect.y)} → ` +
              `${Math.round(s.currentRect.y)}, h ${Math.round(s.previousRect.height)} → ` +
              `${Math.round(s.currentRect.height)}`,
          ),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await tab.goto(
    `${server.origin}/page.html?widget=${encodeURIComponent(name)}&aside=${aside ? 1 : ''}&below=${below ? 1 : ''}`,
  );
  const state = await waitForWidgets(tab);
  assert.deepEqual(state.failed, []);
  await tab.waitForTimeout(300);
  if (below) {
    // The reader scrolls down to the widget (and nothing may move as it comes into view).
    await tab.evaluate(() => document.querySelector('lantern-article-list')?.scrollIntoView());
    await tab.waitForTimeout(300);
  }
  const shifts = await tab.evaluate(() => window.__shifts);
  const widths = await tab.evaluate(() => [...window.__widths]);
  // Per card of a list, the blank between the end of its text and the end of its box.
  const blanks = await tab.evaluate(() =>
    [
      ...(document.querySelector('lantern-article-list')?.shadowRoot?.querySelectorAll('.entry') ??
        []),
    ].map((card) => {
      const base = card.shadowRoot.querySelector('[part~="base"]').getBoundingClientRect();
      const last = card.shadowRoot.querySelector('.body').lastElementChild.getBoundingClientRect();
      return Math.round(base.bottom - last.bottom);
    }),
  );
  const notices = await tab.evaluate(() => {
    const root = document.querySelector('lantern-article-card')?.shadowRoot;
    return [
      ...(root?.querySelector('.warning-gate') ? ['gate'] : []),
      ...(root?.querySelector('.note') ? ['note'] : []),
    ];
  });
  await tab.close();
  assert.deepEqual(errors, []);
  return Object.assign(shifts, { widths, blanks, notices });
}

// The reserved boxes of lantern.css against the skeletons that replace them: many widths, two
// font sizes, one page with the script (feed never answering) and one without.
const RESERVED = {
  card: '<lantern-article-card src="/never.json" item="a"></lantern-article-card>',
  'list, limit 1': '<lantern-article-list src="/never.json" limit="1"></lantern-article-list>',
  'list, limit 3': '<lantern-article-list src="/never.json" limit="3"></lantern-article-list>',
  'list, default limit': '<lantern-article-list src="/never.json"></lantern-article-list>',
  'compact navigator':
    '<lantern-story-navigator src="/never.json" item="a" variant="compact"></lantern-story-navigator>',
  'full navigator':
    '<lantern-story-navigator src="/never.json" item="a"></lantern-story-navigator>',
  'reader mode':
    '<lantern-story-navigator src="/never.json" item="a" mode="reader"></lantern-story-navigator>',
  report: '<lantern-report-download src="/never.json" item="a"></lantern-report-download>',
};
const RESERVE_WIDTHS = [240, 300, 358, 400, 500, 600, 720, 1000, 1400];

/** A page of every reserved box at every width, with or without the script. */
function reservePage(withScript, fontSize) {
  const boxes = Object.entries(RESERVED).flatMap(([name, markup]) =>
    RESERVE_WIDTHS.map(
      (width) =>
        `<div data-name="${name}" data-width="${width}" style="width: ${width}px">${markup.replace('></', '><a href="#">Fallback link</a></')}</div>`,
    ),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="/dist/cdn/lantern.css">
${withScript ? '<script type="module" src="/dist/cdn/all/lantern.js"></script>' : ''}
<style>body { font-family: 'DejaVu Sans', sans-serif; font-size: 13px } [data-name] > * { --lantern-font-size: ${fontSize} }</style>
</head><body>${boxes.join('')}</body></html>`;
}

async function boxHeights(withScript, fontSize) {
  const tab = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  // The feed never answers: the skeletons stay.
  await tab.route('**/never.json', () => {});
  await tab.goto(`${server.origin}/reserve.html?script=${withScript ? 1 : ''}&font=${fontSize}`);
  if (withScript) {
    await tab.waitForFunction(() =>
      [...document.querySelectorAll('[data-name] > :first-child')].every(
        (el) => el.shadowRoot?.firstElementChild,
      ),
    );
  }
  await tab.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  const heights = await tab.evaluate(() =>
    [...document.querySelectorAll('[data-name]')].map((box) => ({
      name: box.dataset.name,
      width: box.dataset.width,
      height: box.firstElementChild.getBoundingClientRect().height,
    })),
  );
  await tab.close();
  return heights;
}

for (const fontSize of ['16px', '20px']) {
  test(`lantern.css reserves each skeleton's height before the script runs (font ${fontSize})`, async () => {
    const reserved = await boxHeights(false, fontSize);
    const skeletons = await boxHeights(true, fontSize);
    const wrong = reserved
      .map((box, i) => ({ ...box, skeleton: skeletons[i].height }))
      .filter((box) => Math.abs(box.height - box.skeleton) >= 1)
      .map(
        (b) =>
          `${b.name} at ${b.width}px: ${b.height.toFixed(1)} reserved, ${b.skeleton.toFixed(1)} skeleton`,
      );
    assert.deepEqual(wrong, []);
  });
}

const cls = (shifts) => shifts.reduce((total, s) => total + s.value, 0);

for (const which of ['feed', 'script', 'chunk']) {
  for (const width of [1024, 390]) {
    for (const name of Object.keys(WIDGETS)) {
      test(`README snippet, ${which} ${DELAY_MS} ms late, ${width}px: ${name} CLS 0`, async () => {
        late = which;
        const shifts = await shiftsOf(name, width);
        console.log(`# ${which} late, ${width}px, ${name}: CLS ${cls(shifts).toFixed(4)}`);
        assert.equal(cls(shifts), 0, JSON.stringify(shifts, null, 2));
      });
    }
    for (const name of Object.keys(MEASURED)) {
      test(`README snippet, ${which} ${DELAY_MS} ms late, ${width}px: ${name} CLS measured`, async () => {
        late = which;
        const shifts = await shiftsOf(name, width);
        console.log(
          `# ${which} late, ${width}px, ${name}: CLS ${cls(shifts).toFixed(4)} (measured)`,
        );
        // The notices are there: a card of another item would measure nothing.
        if (name.startsWith('card, ')) {
          assert.deepEqual(shifts.notices, name.includes('warning') ? ['gate', 'note'] : ['note']);
        }
      });
    }
  }
}

// A theme's sidebar: a flex row that gives the widget no width, beside the partner's main
// column. Before its script runs, while its code or feed loads and once loaded, a list, a
// report, a horizontal card or a compact navigator (size containers, whose content has no say in
// their width) is one column wide (20em): they vanished before (0 px, then 26, 34, 224 px as they
// loaded). Other cards and navigators take their text's width there, as the page's own text would
// (test/reliability/geometry.test.ts).
const SIZED = [
  'list',
  'report, two files',
  'report, one file',
  'compact navigator',
  'horizontal card',
];
const SIDEBAR_ONLY = {
  'horizontal card': byTag('lantern-article-card').replace(
    '<lantern-article-card ',
    '<lantern-article-card layout="horizontal" ',
  ),
};
for (const which of ['script', 'chunk', 'feed']) {
  for (const name of SIZED) {
    // lantern.css keeps no height for a card with another layout (README: the box appears when
    // the script runs), so only its width is held here.
    const sized = name !== 'horizontal card';
    test(`README snippet in a sidebar with no width, ${which} late: ${name} is one column wide${sized ? ', CLS 0' : ''}`, async () => {
      late = which;
      const shifts = await shiftsOf(name, 1280, true);
      // 20em at 16px beside the rest of the 1100px row (16px gap), in every frame.
      assert.deepEqual(shifts.widths, ['widget 320, main 764']);
      if (sized) assert.equal(cls(shifts), 0, JSON.stringify(shifts, null, 2));
    });
  }
}

// A list below the screen when its feed arrives (the end of an article): nothing in view can
// move, so its cards end after their text instead of keeping the room any card may need.
// The parts keep the rows lantern.css reserved, though no skeleton came between (a part without
// a warning gave up its warning's row: the host text moved up 71 px).
test('README snippet, the feed in the page, script late, 1024px: full navigator CLS 0', async () => {
  late = 'script';
  const name = 'full navigator, feed in the page';
  assert.match(
    INLINE[name],
    /^<lantern-story-navigator item="[^"]+">\s*<script type="application\/feed\+json">/,
  );
  const shifts = await shiftsOf(name, 1024);
  assert.equal(cls(shifts), 0, `layout shifts:\n${JSON.stringify(shifts, null, 2)}`);
});

for (const which of ['feed', 'script']) {
  test(`README snippet below the screen, ${which} late: the list's cards keep no blank room, CLS 0`, async () => {
    late = which;
    const shifts = await shiftsOf('list', 390, false, true);
    assert.equal(shifts.blanks.length, 3);
    for (const blank of shifts.blanks) assert.ok(blank <= 18, `blanks: ${shifts.blanks}`);
    assert.equal(cls(shifts), 0, JSON.stringify(shifts, null, 2));
  });
}
