// Opens every story of the BUILT Storybook (storybook-static/) in Chromium — with the default
// toolbar and again in Korean + dark + hostile host — and fails on a page error, a console
// error, an unexpected HTTP error, a Storybook error screen, an empty render or an axe
// violation; then opens every docs page. This is what proves the stories are real.
// Run `npm run build-storybook` first; `.ci/run` does both in its "storybook" step.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, root, serve } from './harness.mjs';

const staticDir = join(root, 'storybook-static');
const indexPath = join(staticDir, 'index.json');
const axePath = join(root, 'node_modules/axe-core/axe.min.js');

/** Newest modification time of the files a Storybook build is made from. */
function newestSource(paths) {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      newest = Math.max(newest, newestSource(readdirSync(path).map((name) => join(path, name))));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}

// `npm run test:e2e` runs every file here; a missing or out-of-date build is skipped (with the
// reason) rather than checked — the "storybook" step of .ci/run builds right before this.
// STORYBOOK_CHECK_ANY_BUILD=1 checks whatever build is there, however old.
const sources = ['.storybook', 'stories', 'src', 'demo'].map((dir) => join(root, dir));
const skip = !existsSync(indexPath)
  ? 'storybook-static/ is not built: run `npm run build-storybook` first'
  : !process.env.STORYBOOK_CHECK_ANY_BUILD && statSync(indexPath).mtimeMs < newestSource(sources)
    ? 'storybook-static/ is older than the stories or sources: run `npm run build-storybook`'
    : false;

/** The toolbar settings each story is checked under. */
const variants = [
  { name: 'en/light', globals: '' },
  { name: 'ko/dark/hostile', globals: 'locale:ko;theme:dark;hostile:on' },
];

/** Error stories point at a missing or broken feed on purpose; nothing else may fail. */
const expectedFailure = (url) => /missing|broken/i.test(url);

const SETTLE_MS = 6_000;
const WORKERS = Number(process.env.STORYBOOK_CHECK_WORKERS) || 2;

let server;
let browser;
let context;
before(async () => {
  if (skip) return;
  // Cacheable, unlike the harness default: every story page loads the same 1 MB of Storybook,
  // and one browser context shares the cache (and V8's code cache) between them.
  server = await serve({ dir: staticDir, headers: () => ({ 'cache-control': 'max-age=600' }) });
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

function entries() {
  const index = JSON.parse(readFileSync(indexPath, 'utf8'));
  return Object.values(index.entries ?? index.stories ?? {});
}

/** Everything that went wrong on a page, as readable lines. */
function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location()?.url ?? '';
    const expected = expectedFailure(where) || where.endsWith('/favicon.ico');
    if (m.text().startsWith('Failed to load resource') && expected) return;
    const text = m.text().split('\n')[0];
    problems.push(`console error: ${text}${where ? ` (${where})` : ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !expectedFailure(r.url()) && !r.url().endsWith('/favicon.ico')) {
      problems.push(`HTTP ${r.status()}: ${r.url()}`);
    }
  });
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    // Aborts are elements cancelling their own requests (e.g. when a story re-renders).
    if (reason.includes('ERR_ABORTED') || expectedFailure(r.url())) return;
    problems.push(`request failed: ${r.url()} ${reason}`);
  });
  return problems;
}

/** Waits until Storybook has shown the story (or its error screen). */
async function storybookShown(page) {
  await page.waitForFunction(
    () =>
      ['sb-show-main', 'sb-show-errordisplay', 'sb-show-nopreview'].some((c) =>
        document.body.classList.contains(c),
      ),
    null,
    { timeout: 20_000 },
  );
  return page.evaluate(() => {
    if (document.body.classList.contains('sb-show-errordisplay')) {
      const message = document.querySelector('#error-message')?.textContent ?? '';
      return `Storybook error screen: ${message.trim().slice(0, 300)}`;
    }
    if (document.body.classList.contains('sb-show-nopreview'))
      return 'Storybook shows "no preview"';
    return undefined;
  });
}

/**
 * Waits (up to SETTLE_MS) for every Lantern element in the story to leave its loading state,
 * except those deliberately loading forever, then for images, fonts and two frames.
 * Returns whether anything is still loading.
 */
function settleInPage(settleMs) {
  const allElements = (node, out = []) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) allElements(el.shadowRoot, out);
    }
    return out;
  };
  const lanterns = () =>
    allElements(document.querySelector('#storybook-root')).filter((el) =>
      el.localName.startsWith('lantern-'),
    );
  const loading = (el) =>
    el.status === 'loading' || !!el.shadowRoot?.querySelector('[aria-busy="true"]');
  // A feed URL with this marker never answers (stories/support.ts): no point waiting for it.
  const deliberate = (el) => (el.getAttribute('src') ?? '').includes('__lantern_loading__');
  const busy = (el) => loading(el) && !deliberate(el);
  return (async () => {
    const deadline = performance.now() + settleMs;
    while (performance.now() < deadline && lanterns().some(busy)) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all(lanterns().map((el) => el.updateComplete));
    const images = allElements(document.querySelector('#storybook-root')).filter(
      (el) => el.localName === 'img' && !el.complete && el.loading !== 'lazy',
    );
    await Promise.race([
      Promise.all(images.map((img) => img.decode().catch(() => undefined))),
      new Promise((r) => setTimeout(r, 3000)),
    ]);
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return lanterns().some(loading);
  })();
}

/** What a person sees in the story: visible text (shadow DOM included) and visible boxes. */
function renderedInPage() {
  const wrappers = new Set(['storybook-root', 'root-inner']);
  const isWrapper = (el) =>
    wrappers.has(el.id) ||
    el.classList.contains('lantern-story-frame') ||
    el.classList.contains('lantern-hostile-host');
  const texts = [];
  let boxes = 0;
  const visit = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child.textContent.replace(/\s+/g, ' ').trim();
        const parent = child.parentElement;
        if (text && parent && parent.checkVisibility({ visibilityProperty: true })) {
          // Only slotted light-DOM text is rendered: an unassigned child has no box.
          if (parent.getClientRects().length > 0) texts.push(text);
        }
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (['SCRIPT', 'STYLE', 'TEMPLATE'].includes(child.tagName)) continue;
        if (!isWrapper(child) && child.checkVisibility({ visibilityProperty: true })) {
          const rect = child.getBoundingClientRect();
          if (rect.width > 0 && rect.height > 0) boxes++;
        }
        if (child.shadowRoot) visit(child.shadowRoot);
        visit(child);
      }
    }
  };
  visit(document.querySelector('#storybook-root'));
  return { text: texts.join(' '), boxes };
}

async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    // The a11y addon runs axe on the same page after each render; take turns with it.
    const run = async (attempt = 0) => {
      try {
        return await window.axe.run(document.querySelector('#storybook-root'), {
          resultTypes: ['violations'],
        });
      } catch (error) {
        if (attempt > 50 || !/already running/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 200));
        return run(attempt + 1);
      }
    };
    const result = await run();
    return result.violations.map(
      (v) =>
        `axe ${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')})`,
    );
  });
}

async function checkStory(entry, variant) {
  const page = await context.newPage();
  const problems = watch(page);
  const started = Date.now();
  let note = '';
  try {
    const globals = variant.globals ? `&globals=${variant.globals}` : '';
    await page.goto(`${server.origin}/iframe.html?id=${entry.id}&viewMode=story${globals}`);
    const shown = await storybookShown(page);
    if (shown) {
      problems.push(shown);
    } else {
      const stillLoading = await page.evaluate(settleInPage, SETTLE_MS);
      const { text, boxes } = await page.evaluate(renderedInPage);
      if (!text && boxes === 0) problems.push('empty render: nothing visible in #storybook-root');
      note = stillLoading ? '[loading] ' : '';
      note += text ? `"${text.slice(0, 50)}${text.length > 50 ? '…' : ''}"` : `${boxes} boxes`;
      problems.push(...(await axeViolations(page)));
    }
  } catch (error) {
    problems.push(`check failed: ${error.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return { problems, note, ms: Date.now() - started };
}

async function checkDocs(entry) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  const problems = watch(page);
  const started = Date.now();
  let note = '';
  try {
    await page.goto(`${server.origin}/iframe.html?id=${entry.id}&viewMode=docs`);
    await page.waitForFunction(
      () => (document.querySelector('#storybook-docs')?.textContent ?? '').trim().length > 0,
      null,
      { timeout: 20_000 },
    );
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(500);
    const headings = await page.$$eval('#storybook-docs h1, #storybook-docs h2', (hs) =>
      hs.map((h) => h.textContent.trim()).filter(Boolean),
    );
    if (headings.length === 0) problems.push('docs page has no headings');
    note = headings.slice(0, 4).join(' · ');
  } catch (error) {
    problems.push(`check failed: ${error.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return { problems, note, ms: Date.now() - started };
}

test(
  'every story of the built Storybook renders without errors and passes axe',
  { skip },
  async () => {
    const all = entries();
    const stories = all.filter((e) => e.type === 'story');
    const docs = all.filter((e) => e.type === 'docs');
    assert.ok(stories.length > 0, 'storybook-static/index.json lists no stories');

    let passed = 0;
    const failures = [];
    const report = (label, { problems, note, ms }) => {
      const ok = problems.length === 0;
      if (ok) passed++;
      else failures.push(`${label}\n    ${problems.join('\n    ')}`);
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}  ${note}  (${(ms / 1000).toFixed(1)} s)`);
      for (const p of problems) console.log(`       ${p}`);
    };
    const checks = [
      ...variants.flatMap((variant) =>
        stories.map((story) => ({
          label: `${story.id} [${variant.name}]`,
          run: () => checkStory(story, variant),
        })),
      ),
      ...docs.map((page) => ({ label: `${page.id} [docs]`, run: () => checkDocs(page) })),
    ];
    // A few pages at a time, reported in order.
    const results = checks.map(() => {
      let resolve;
      const promise = new Promise((r) => (resolve = r));
      return { promise, resolve };
    });
    let next = 0;
    const worker = async () => {
      while (next < checks.length) {
        const i = next++;
        results[i].resolve(await checks[i].run());
      }
    };
    const workers = Array.from({ length: WORKERS }, worker);
    for (const [i, { label }] of checks.entries()) report(label, await results[i].promise);
    await Promise.all(workers);

    console.log(`${passed} passed, ${failures.length} failed`);
    assert.deepEqual(failures, [], `${failures.length} Storybook pages failed`);
  },
);

test(
  "Storybook's fetch never answers a __lantern_loading__ URL, honours abort, passes the rest",
  { skip },
  async () => {
    const page = await context.newPage();
    const story = entries().find((e) => e.type === 'story');
    await page.goto(`${server.origin}/iframe.html?id=${story.id}&viewMode=story`);
    await storybookShown(page);
    const outcome = await page.evaluate(async () => {
      const controller = new AbortController();
      const stalled = fetch('/demo/__lantern_loading__.json', { signal: controller.signal }).then(
        () => 'answered',
        (error) => `rejected: ${error.name}`,
      );
      const early = await Promise.race([
        stalled,
        new Promise((r) => setTimeout(() => r('still waiting'), 1500)),
      ]);
      controller.abort();
      const passed = await fetch('/demo/feed.json').then((r) => r.status);
      return { early, afterAbort: await stalled, passed };
    });
    await page.close();
    assert.deepEqual(outcome, {
      early: 'still waiting',
      afterAbort: 'rejected: AbortError',
      passed: 200,
    });
  },
);
