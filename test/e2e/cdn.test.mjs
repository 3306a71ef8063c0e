// The built dist/cdn/lantern.js, loaded the way a partner loads it, renders real text. A build
// that left decorators or anything else unconverted exits 0 but fails here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, serve, watchErrors } from './harness.mjs';

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

test('the CDN build registers the elements and renders the demo feed', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/test/e2e/pages/cdn.html`);
  const title = page.locator('lantern-article-card .title a');
  await title.waitFor({ timeout: 15_000 });
  assert.equal(await title.textContent(), 'North Korean Soldiers in Russia-Ukraine War');
  assert.deepEqual(errors, []);
  await page.close();
});

test("the minified build keeps the spaces a reader sees (' · ' between a file's facts)", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/test/e2e/pages/every.html`);
  const file = page.locator('lantern-report-download .file').first();
  await file.waitFor({ timeout: 15_000 });
  // The styles say `content: ' · '` before each fact but the first; a minifier that drops the
  // spaces around the dot ships "PDF·935 bytes", which the tests on the sources never see.
  const drawn = await file.evaluate((el) =>
    [...el.children]
      .map((span) => {
        const before = /^"(.*?)"/.exec(getComputedStyle(span, '::before').content)?.[1] ?? '';
        return before + span.textContent;
      })
      .join(''),
  );
  assert.match(drawn, /^PDF · \S.* · \d+ pages?$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the minified build keeps the space in '← Previous part' (a template's edge is not trimmed)", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/test/e2e/pages/every.html`);
  const direction = page.locator('lantern-story-navigator .pager .prev .direction').first();
  await direction.waitFor({ timeout: 15_000 });
  // The arrow is its own template (`<span aria-hidden="true">← </span>`): a minifier that trims
  // whitespace at a template's edges ships "←Previous part".
  assert.equal(await direction.innerText(), '← Previous part');
  await page.close();
});

for (const script of ['/dist/cdn/lantern.js', '/dist/cdn/all/lantern.js']) {
  test(`${script} in a browser without constructed style sheets registers nothing and keeps the fallback link`, async () => {
    const page = await browser.newPage();
    // Safari before 16.4, Firefox before 101: the CDN files' Lit has no <style> fallback.
    await page.addInitScript(() => {
      delete CSSStyleSheet.prototype.replaceSync;
    });
    await page.route(`${server.origin}/old-browser.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><script type="module" src="${script}"></script>
          <lantern-article-card src="/demo/feed.json"><a href="https://example.org/">Read our stories</a></lantern-article-card>`,
      }),
    );
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}/old-browser.html`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => !!customElements.get('lantern-article-card')), false);
    assert.ok(await page.locator('a', { hasText: 'Read our stories' }).isVisible());
    assert.deepEqual(errors, []);
    await page.close();
  });
}
