// The staff preview with RSS and Atom: a feed address, and a feed pasted as a draft, shown by
// the widget in the frame and copied as the partner's code. Uses the small demo feeds in
// demo/rss/ (written for the stories and these tests, not real feeds).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { previewServer } from './preview-server.mjs';
import { launch, root, watchErrors } from './harness.mjs';
import { tagNames } from './tag-names.mjs';

let server;
let origin;
let browser;

before(async () => {
  server = await previewServer('preview-xml');
  origin = server.origin;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPreview(context, query = '') {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${origin}/preview/${query}`);
  await page.getByText(/The widget is showing \d+ items?/).waitFor({ timeout: 30_000 });
  return { page, errors };
}

const cardTitles = (list) =>
  list.evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('lantern-article-card')].map((card) =>
      card.shadowRoot.querySelector('.title a')?.textContent.trim(),
    ),
  );

test('an RSS feed address fills the list, and the code points at that address', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const { page, errors } = await openPreview(context);
  await page.locator('label', { hasText: 'Article list' }).click();
  await page.getByLabel('Content to show').selectOption('url');
  const address = `${origin}/demo/rss/partner-blog.rss.xml`;
  await page.getByLabel('Feed address').fill(address);
  // What a staff member types stays while the page changes around it (another control, the
  // frame reporting its height) until Load feed: a re-render used to put the old address back.
  await page.locator('label', { hasText: 'Tablet' }).click();
  await page.waitForFunction(() => document.querySelector('.stage')?.dataset.width === '768');
  await page.getByRole('button', { name: 'Load feed' }).click();
  await page.getByText('The widget is showing 5 items').waitFor({ timeout: 20_000 });

  const list = page.frameLocator('#stage-frame').locator(tagNames.list);
  assert.deepEqual(await cardTitles(list), [
    'North Korean Soldiers in the Russia-Ukraine War',
    'Growing up in a border town',
    'February 12, 2025',
    '탈북민 청소년의 첫 학기',
    'Report: Human rights violations in the North Korean military',
  ]);
  const code = await page.getByLabel('Embed code for the partner').inputValue();
  assert.ok(code.includes(`src="${address}"`), code);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pasted Atom feed is shown as a draft and travels inside the code', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const { page, errors } = await openPreview(context);
  await page.locator('label', { hasText: 'Article list' }).click();
  await page.getByLabel('Content to show').selectOption('draft');
  const atom = await readFile(join(root, 'demo/rss/field-notes.atom.xml'), 'utf8');
  await page.getByLabel('Draft', { exact: true }).fill(atom);
  await page.getByRole('button', { name: 'Show draft' }).click();
  await page.getByText('The widget is showing 4 items').waitFor({ timeout: 20_000 });

  const list = page.frameLocator('#stage-frame').locator(tagNames.list);
  assert.deepEqual(await cardTitles(list), [
    'A journey of three thousand kilometres',
    'Letters & lessons from a night school',
    'Volunteer training, spring term',
    'January 28, 2025',
  ]);
  const code = await page.getByLabel('Embed code for the partner').inputValue();
  assert.ok(code.includes('<script type="application/feed+json">'), code);
  // The feed as the XML reader maps it; the widget validates and decodes it, as for a src.
  assert.ok(code.includes('"title": "Letters &amp; lessons from a night school"'), code);
  assert.ok(!code.includes(' src="'.concat(origin)), code);

  // XML that is not a feed, and XML that is broken: each says so in the page, before any widget.
  await page.getByLabel('Draft', { exact: true }).fill('<note>Not a feed</note>');
  await page.getByRole('button', { name: 'Show draft' }).click();
  await page.getByText(/starts like XML but is not a feed .* the XML document is <note>/).waitFor();
  assert.equal(await page.locator('#stage-frame').isVisible(), false);
  await page.getByLabel('Draft', { exact: true }).fill('<rss><channel><item></rss>');
  await page.getByRole('button', { name: 'Show draft' }).click();
  await page.getByText(/not well-formed XML/).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
