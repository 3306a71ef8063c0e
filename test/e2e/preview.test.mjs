// The staff preview (`npm start`) driven as a staff member would: Vite's dev server on the
// project root, the page at /preview/, the widget in its frame.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { previewServer } from './preview-server.mjs';
import { launch, root, watchErrors } from './harness.mjs';
import { readmeSnippet } from './readme-snippet.mjs';
import { tagNames } from './tag-names.mjs';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const TITLE = '윤하 이야기: 4부 - 새로운 시작';
// A story file as staff write it for the feed builder: front matter, then the body.
const DRAFT = `---
title: "${TITLE}"
date: 2025-03-01
language: ko
series: { id: yoon-ha-seoul, title: 서울의 윤하, part: 4, total: 4 }
---

서울에 도착한 지 일 년, 윤하는 야간 학교에서 공부를 시작했다.

## 첫 수업

칠판 앞에서 그는 처음으로 자기 이름을 또박또박 적었다. [다른 이야기](javascript:alert(1))

<script>alert('draft')</script>
`;

let server;
let origin;
let browser;

before(async () => {
  server = await previewServer('preview');
  origin = server.origin;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A desktop browser window in which the page may write and read the clipboard ("Copy code"). */
function clipboardContext(viewport = { width: 1280, height: 900 }) {
  return browser.newContext({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
}

/** Opens the preview and waits until the default widget has rendered. */
async function openPreview(context, query = '') {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${origin}/preview/${query}`);
  await page.getByText(/The widget is showing \d+ items?/).waitFor({ timeout: 30_000 });
  return { page, errors };
}

/** The `<link>` and `<script>` tags of the README's embedding snippet, each on one line. */
function readmeSnippetHead() {
  return readmeSnippet().head.map((tag) => tag.replace(/\s*\n\s*/g, ' ').replace(' >', '>'));
}

/** What a screen reader hears as a field's description: its `aria-describedby` elements' text. */
function description(field) {
  return field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent.trim() ?? '')
      .join(' '),
  );
}

/** A partner's feed at `pattern`: `answer()` gives the feed to send and how late, per request. */
function routeFeed(context, pattern, answer) {
  return context.route(pattern, async (route) => {
    const { feed, delay } = answer();
    await new Promise((resolve) => setTimeout(resolve, delay));
    await route.fulfill({
      status: 200,
      contentType: 'application/feed+json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify(feed),
    });
  });
}

/** Picks a feed address as the source, types `address` and presses "Load feed". */
async function loadAddress(page, address) {
  await page.getByLabel('Content to show').selectOption('url');
  await page.getByLabel('Feed address').fill(address);
  await page.getByRole('button', { name: 'Load feed' }).click();
}

function stageFrame(page) {
  return page.frameLocator('#stage-frame');
}

async function axeViolations(frame) {
  await frame.evaluate(axeSource);
  return frame.evaluate(async () => {
    // Each document is checked on its own; the frame is not reached through the page.
    const result = await window.axe.run(document, { iframes: false, resultTypes: ['violations'] });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  });
}

test('navigator + Korean + a story file with its series: rendered by the widget, copied as embed code', async () => {
  const context = await clipboardContext({ width: 1440, height: 1000 });
  const { page, errors } = await openPreview(context);

  await page.locator('label', { hasText: 'Story navigator' }).click();
  await page.getByRole('group', { name: 'Widget language' }).getByText('한국어').click();
  await page.getByLabel('Content to show').selectOption('draft');
  await page.getByLabel('Draft', { exact: true }).fill(DRAFT);
  await page.getByRole('button', { name: 'Show draft' }).click();

  const navigator = stageFrame(page).locator(tagNames.navigator);
  await navigator.getByRole('heading', { name: TITLE }).first().waitFor({ timeout: 15_000 });
  assert.equal(await navigator.getAttribute('lang'), 'ko');
  assert.equal(await navigator.getAttribute('mode'), 'reader');
  await navigator.getByRole('article').getByText('서울에 도착한 지 일 년').waitFor();
  // The draft went through the same sanitiser partners get: no script, no javascript: link.
  const unsafe = await navigator.evaluate((el) => ({
    scripts: el.shadowRoot.querySelectorAll('script').length,
    jsLinks: [...el.shadowRoot.querySelectorAll('a')].filter((a) =>
      a.getAttribute('href')?.startsWith('javascript'),
    ).length,
  }));
  assert.deepEqual(unsafe, { scripts: 0, jsLinks: 0 });
  await page.getByText('The widget is showing 1 item').waitFor();

  await page.getByRole('button', { name: 'Copy code' }).click();
  await page.getByText('Copied. Paste it into an email').waitFor();
  assert.match(await page.getByRole('button', { name: /Copied/ }).textContent(), /Copied/);
  const copied = await page.evaluate(() => window.navigator.clipboard.readText());
  assert.equal(copied, await page.getByLabel('Embed code for the partner').inputValue());

  // The stylesheet and the script, exactly as the README tells partners to paste them: without
  // lantern.css the partner's page would move while the widget loads.
  const [styleTag, scriptTag, , open] = copied.split('\n');
  assert.deepEqual([styleTag, scriptTag], readmeSnippetHead());
  // The draft's own series, as written: nothing made up.
  assert.equal(
    open,
    '<lantern-story-navigator series="yoon-ha-seoul" part="4" mode="reader" lang="ko">',
  );
  assert.ok(copied.includes('"date_published": "2025-03-01T00:00:00Z"'));
  assert.ok(copied.includes('  <script type="application/feed+json">'));
  assert.ok(copied.includes(`"title": "${TITLE}"`));
  assert.ok(copied.includes('"content_markdown": '));
  // The draft's own </script> must not end the inline feed early.
  assert.ok(copied.includes("<script>alert('draft')<\\/script>"));
  assert.equal(copied.match(/<\/script>/g).length, 2);
  assert.ok(copied.trimEnd().endsWith('</lantern-story-navigator>'));

  // The copied code, pasted into a page that has Lantern, shows the same story.
  const partnerPage = await context.newPage();
  const partnerErrors = watchErrors(partnerPage);
  await partnerPage.goto(`${origin}/preview/frame.html`);
  await partnerPage.waitForFunction((tag) => window.customElements.get(tag), tagNames.navigator);
  const element = copied.slice(copied.indexOf(`<${tagNames.navigator}`));
  await partnerPage.evaluate((markup) => (document.body.innerHTML = markup), element);
  await partnerPage
    .locator(tagNames.navigator)
    .getByRole('heading', { name: TITLE })
    .first()
    .waitFor({ timeout: 15_000 });

  assert.deepEqual(await axeViolations(page.mainFrame()), []);
  assert.deepEqual(await axeViolations(page.frame({ url: /frame\.html/ })), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(partnerErrors, []);
  await context.close();
});

test('a widget error and a broken draft are shown, not swallowed', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page } = await openPreview(context);
  await page.getByLabel('Content to show').selectOption('draft');
  const draft = page.getByLabel('Draft', { exact: true });

  await draft.fill('Just a paragraph, no title line.');
  await page.getByRole('button', { name: 'Show draft' }).click();
  await page.getByText('The draft has no title.').waitFor();
  assert.equal(await page.locator('#stage-frame').isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Copy code' }).isDisabled(), true);

  await draft.fill('{ "version": "https://jsonfeed.org/version/1.1", "items": [ }');
  await page.getByRole('button', { name: 'Show draft' }).click();
  await page.getByText('The draft starts like JSON but could not be read').waitFor();

  // Valid JSON that is not a feed reaches the widget, whose own error is reported.
  await draft.fill('{ "title": "Not a feed" }');
  await page.getByRole('button', { name: 'Show draft' }).click();
  const status = page.getByRole('status').filter({ hasText: 'could not show this content' });
  await status.waitFor({ timeout: 15_000 });
  assert.match(await status.textContent(), /not a JSON Feed/);
  // The code can still be copied (staff may want it), but the button says what it would give.
  const copy = page.getByRole('button', { name: 'Copy code' });
  assert.match(await copy.getAttribute('aria-describedby'), /embed-failed/);
  await page.getByText('a partner pasting this code would see the same error').waitFor();
  await stageFrame(page)
    .locator(tagNames.card)
    .getByText('This content could not be shown.')
    .waitFor();
  // An unreadable draft leaves no code to copy, and so no note about it.
  await draft.fill('{ "title": ');
  await page.getByRole('button', { name: 'Show draft' }).click();
  await page.getByText('The draft starts like JSON but could not be read').waitFor();
  assert.equal(await page.getByText('a partner pasting this code would see').count(), 0);

  // A feed's problems name its items as staff count them, from 1 (the parser's path: items[1]).
  await draft.fill(
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'A draft feed',
      items: [
        { content_text: 'No id and no url: skipped.' },
        { id: 'a', content_text: 'An untitled story.' },
        { id: 'b', title: 'A titled story', image: 'images/relative.jpg' },
      ],
    }),
  );
  await page.getByRole('button', { name: 'Show draft' }).click();
  await page
    .locator('.warnings li')
    .filter({ hasText: /^item 3\.image: relative, with no base/ })
    .waitFor();
  // An untitled story is valid JSON Feed (a micro-post), but in a draft rarely meant: said,
  // under the draft's own number (the skipped first item still counts).
  await page
    .locator('.warnings li')
    .filter({ hasText: /^item 2\.title: none/ })
    .waitFor();
  assert.equal(
    await page
      .locator('.warnings li')
      .filter({ hasText: /^item 3\.title/ })
      .count(),
    0,
  );
  await context.close();
});

test('the width is the widget’s real viewport width, and the partner page surrounds it', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const { page } = await openPreview(context);
  const frame = () => page.frame({ url: /frame\.html/ });

  // Keyboard only: arrow keys move through a radio group, as in any form.
  await page.getByRole('radio', { name: /Desktop/ }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getByRole('radio', { name: /Phone/ }).isChecked(), true);
  await page.getByText('Phone · 360 px').waitFor();
  assert.equal(await frame().evaluate(() => window.innerWidth), 360);

  await page.locator('label', { hasText: 'On a partner’s page' }).click();
  const inFrame = stageFrame(page);
  await inFrame.getByRole('heading', { name: /survivors’ stories/ }).waitFor();
  await inFrame
    .locator(`.partner-article ${tagNames.card}`)
    .getByRole('link', { name: 'North Korean Soldiers in Russia-Ukraine War' })
    .waitFor();
  assert.match(page.url(), /width=360/);
  assert.match(page.url(), /view=partner/);
  assert.deepEqual(await axeViolations(frame()), []);
  await context.close();
});

test('a markdown draft’s relative addresses are listed before a partner gets them', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page } = await openPreview(context);
  await page.getByLabel('Content to show').selectOption('draft');
  await page
    .getByLabel('Draft', { exact: true })
    .fill(
      '# A street in Seoul\n\n![A street](images/seoul.jpg) and [more](more.html), ' +
        '[the report](https://example.org/report) and [part 2](#part-2), ![again](images/seoul.jpg).\n\n' +
        'In code, `[not a link](code.html)`:\n\n```\n[nor this](block.html)\n```\n\n' +
        'By reference: [the map][map] and [the site][site].\n\n' +
        '[map]: maps/border.png\n[site]: <https://example.org/>\n\n' +
        '<p>Raw HTML: <img src="photos/camp.jpg" alt="A camp"> <a href=\'https://example.org/x\'>x</a></p>\n',
    );
  await page.getByRole('button', { name: 'Show draft' }).click();
  await page.getByText('The widget is showing 1 item').waitFor({ timeout: 15_000 });
  const listed = await page.locator('.warnings li').allTextContents();
  assert.deepEqual(
    listed.map((line) => /“([^”]+)” is a relative address/.exec(line)?.[1]),
    ['images/seoul.jpg', 'more.html', 'maps/border.png', 'photos/camp.jpg'],
  );
  // Each says what happens to it: an image is not shown, a link leads into the partner's site.
  assert.deepEqual(
    listed.map((line) =>
      /this image is not shown/.test(line) ? 'image' : /this link leads/.test(line) ? 'link' : line,
    ),
    ['image', 'link', 'link', 'image'],
  );
  await context.close();
});

/** Picks "A draft I paste in", pastes `text` and presses "Show draft". */
async function showDraft(page, text) {
  await page.getByLabel('Content to show').selectOption('draft');
  await page.getByLabel('Draft', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Show draft' }).click();
}

test('a story file pasted as it is shows as it will be published: its warning, pseudonym note, date and series', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openPreview(context);
  const story = await readFile(join(root, 'demo/stories/yoon-ha-part-3.md'), 'utf8');
  await showDraft(page, story);

  const card = stageFrame(page).locator(tagNames.card);
  await card.getByText('Mentions a dangerous pregnancy and fear of the police.').waitFor({
    timeout: 15_000,
  });
  await card.getByText('Name changed for safety').waitFor();
  // The story's own date, not the day it was pasted.
  await card.getByText('February 20, 2025').waitFor();
  await card
    .getByRole('link', { name: "Yoon Ha's Story: Part 3 - Making it to South Korea" })
    .waitFor();
  await page.getByText('The widget is showing 1 item').waitFor();
  // Its picture is a file in the stories folder, which the preview cannot reach: said, not dropped
  // silently.
  const problems = await page.locator('.warnings li').allTextContents();
  assert.deepEqual(problems, [
    'item 1.image: “images/journey.svg” is a file in the stories folder. The preview has no folder, so it cannot show it here (nor does the code below carry it); the feed built from the folder will.',
  ]);

  const code = await page.getByLabel('Embed code for the partner').inputValue();
  const dates = [...code.matchAll(/"date_\w+": "([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(dates, ['2025-02-20T09:00:00+09:00'], 'the story’s date and no other');
  assert.match(code, /"content_warning": "Mentions a dangerous pregnancy/);
  assert.match(code, /"pseudonym": true/);
  // The body stays markdown, rendered by the widget as partners get it.
  assert.match(code, /"content_markdown": "\*This is the third part/);

  // In the navigator: the draft's own series and part, nothing made up.
  await page.locator('label', { hasText: 'Story navigator' }).click();
  const navigator = stageFrame(page).locator(tagNames.navigator);
  await navigator.getByText('Part 3 of 3').first().waitFor({ timeout: 15_000 });
  await page.getByText('The widget is showing 1 item').waitFor();
  const navCode = await page.getByLabel('Embed code for the partner').inputValue();
  assert.match(
    navCode,
    /<lantern-story-navigator series="yoon-ha" part="3" mode="reader" lang="en">/,
  );
  assert.doesNotMatch(navCode, /"id": "draft",\s*"title": "Yoon Ha's Story: Part 3/);
  assert.equal(await page.getByText('not part of a series').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a story file’s problems are the feed builder’s, listed under “front matter”, in either page language', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openPreview(context);
  await showDraft(
    page,
    [
      '---',
      'title: A story with gaps',
      'subtitle: not a key',
      'image: https://ngo.example/photo.jpg',
      'content_warning:',
      'attachments:',
      '  - { file: files/report.pdf, title: The report }',
      '---',
      '',
      'The text.',
    ].join('\n'),
  );
  await page.getByText(/^The widget is showing (1 item|the draft)/).waitFor({ timeout: 15_000 });
  const problems = await page.locator('.warnings li').allTextContents();
  assert.deepEqual(problems, [
    'front matter: unknown key "subtitle"',
    'front matter: date is missing',
    'front matter: image has no image_alt (describe the picture for people who cannot see it)',
    'front matter: content_warning is empty: write the warning, or remove the line',
    'item 1.attachments[0].file: “files/report.pdf” is a file in the stories folder. The preview has no folder, so it cannot show it here (nor does the code below carry it); the feed built from the folder will.',
  ]);
  // The builder refuses this draft; its `content_warning:` could not be read, so an item made
  // from it has no warning. No code carries that testimony to a partner without its warning.
  await page
    .getByText('The widget is showing the draft, but the feed builder would refuse it')
    .waitFor();
  assert.equal(await page.getByText('as partners will see it').count(), 0);
  assert.equal(await page.getByLabel('Embed code for the partner').inputValue(), '');
  assert.equal(await page.getByRole('button', { name: 'Copy code' }).isDisabled(), true);
  await page.getByText('No code for this draft until the front matter problems').waitFor();

  // The preview's own words in Korean; the builder's as it prints them.
  await page.getByRole('group', { name: 'Page language' }).getByText('한국어').click();
  await page
    .locator('.warnings li')
    .filter({
      hasText:
        /^항목 1\.attachments\[0\]\.file: “files\/report\.pdf”은\(는\) 이야기 폴더 안의 파일입니다/,
    })
    .waitFor();
  await page
    .locator('.warnings li')
    .filter({ hasText: /^머리말\(front matter\): date is missing$/ })
    .waitFor();
  await page.getByRole('group', { name: '페이지 언어' }).getByText('English').click();

  // Front matter that is not YAML: nothing to show, and the builder's reason.
  await showDraft(page, '---\ntitle: [unclosed\n---\n\nText.\n');
  await page
    .locator('#source-problem')
    .filter({
      hasText:
        /^The draft’s front matter \(between the --- lines at the top\) could not be read: front matter is not valid YAML/,
    })
    .waitFor();
  assert.equal(await page.locator('#stage-frame').isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Copy code' }).isDisabled(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a draft that cannot fill the widget is shown with a problem that says so, and no made-up series is copied', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openPreview(context);
  await page.locator('label', { hasText: 'Story navigator' }).click();
  await showDraft(page, '# A story on its own\n\nIts first paragraph.');
  const navigator = stageFrame(page).locator(tagNames.navigator);
  await navigator.getByText('Part 1 of 1').first().waitFor({ timeout: 15_000 });
  await page
    .locator('.warnings li')
    .filter({
      hasText:
        /^item 1\.series: This draft is not part of a series: add series: \{ id, title, part, total \} to its front matter\./,
    })
    .waitFor();
  // The page does not claim partners see this, and offers no code that would publish it.
  await page
    .getByText('The widget is showing the draft, but not as partners would see it')
    .waitFor();
  assert.equal(await page.getByText('as partners will see it').count(), 0);
  assert.equal(await page.getByLabel('Embed code for the partner').inputValue(), '');
  assert.equal(await page.getByRole('button', { name: 'Copy code' }).isDisabled(), true);
  await page.getByText('No code for this draft in the story navigator').waitFor();

  // A report block from a draft without attachments: it shows, and the missing download is said.
  await page.locator('label', { hasText: 'Report download' }).click();
  await page.getByText('The widget is showing 1 item').waitFor({ timeout: 15_000 });
  await page
    .locator('.warnings li')
    .filter({
      hasText:
        /^item 1\.attachments: This draft has no attachments: the report block will offer no download\./,
    })
    .waitFor();
  const code = await page.getByLabel('Embed code for the partner').inputValue();
  assert.match(code, /<lantern-report-download lang="en">/);
  // A plain draft has no date: the code carries none (not the day it was pasted), and no series.
  assert.doesNotMatch(code, /"date_published"|"series"/);
  assert.equal(await page.getByText('not part of a series').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('readDraft(): a story file reads as the feed builder reads it, through the builder’s own reader', async () => {
  const { readDraft } = await server.ssrLoadModule('/preview/draft.ts');
  const story = await readFile(join(root, 'demo/stories/yoon-ha-part-3.md'), 'utf8');
  const built = JSON.parse(await readFile(join(root, 'demo/feed.json'), 'utf8')).items.find(
    (item) => item.id === 'yoon-ha-part-3',
  );
  const draft = readDraft(story, { language: 'ko', asSeries: true });
  assert.equal(draft.ok, true);
  assert.equal(draft.kind, 'frontMatter');
  const [item] = draft.feed.items;
  // Every field as built, but: no file name for its id, no folder for its image, and the body
  // still markdown (the builder renders it at publish time).
  const { content_html, image, id, ...same } = built;
  assert.ok(content_html && image && id);
  const { content_markdown, ...lantern } = item._lantern;
  assert.deepEqual({ ...item, _lantern: lantern, id: undefined }, { ...same, id: undefined });
  assert.equal(item.id, 'draft');
  assert.ok(content_markdown.startsWith('*This is the third part of a three-part story.'));
  // Its own series: the navigator needs nothing made up.
  assert.equal(draft.shown, undefined);
  assert.deepEqual(draft.facts, {
    builder: [],
    folderFiles: [{ where: 'image', raw: 'images/journey.svg' }],
    madeUpSeries: false,
  });

  // A path out of the folder is the builder's problem, as it words it.
  const outside = readDraft(
    '---\ntitle: T\ndate: 2025-01-01\nimage: ../secret.jpg\nimage_alt: A\n---\n',
    {
      language: 'en',
      asSeries: false,
    },
  );
  assert.deepEqual(outside.facts.builder, ['image "../secret.jpg" is outside the content folder']);
  // An unclosed block: the builder's words.
  assert.deepEqual(readDraft('---\ntitle: T\n', { language: 'en', asSeries: false }).problem, {
    key: 'draftFrontMatter',
    detail: 'no front matter (the file must start with a --- block of YAML)',
  });
});

test('on a phone the preview starts at the phone’s width, and the code box shows the whole code', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page } = await openPreview(context);
  assert.equal(await page.getByRole('radio', { name: /Phone/ }).isChecked(), true);
  await page.getByText('Phone · 360 px').waitFor();
  assert.equal(await page.frame({ url: /frame\.html/ }).evaluate(() => window.innerWidth), 360);
  // The element, not only the script lines, is in view in the box: nothing scrolls inside it.
  const box = await page.getByLabel('Embed code for the partner').evaluate((field) => ({
    code: field.value,
    inner: field.scrollHeight,
    shown: field.clientHeight,
  }));
  assert.ok(box.code.includes(`</${tagNames.card}>`));
  assert.ok(box.inner <= box.shown + 1, `the code box scrolls (${box.inner} > ${box.shown} px)`);
  // A desktop width picked on the phone is kept in the address, so a reload keeps it.
  await page.getByRole('radio', { name: /Desktop/ }).check();
  await page.waitForURL(/width=1200/);
  await page.reload();
  await page.getByText(/The widget is showing \d+ items?/).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByRole('radio', { name: /Desktop/ }).isChecked(), true);
  await context.close();
});

test('without a clipboard the code is selected for Ctrl+C and the page says so', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    Object.defineProperty(window.navigator, 'clipboard', { value: undefined });
  });
  const { page } = await openPreview(context);
  await page.getByRole('button', { name: 'Copy code' }).click();
  await page.getByText('The code is selected: press Ctrl+C').waitFor();
  const selection = await page.evaluate(() => {
    const field = document.querySelector('#embed-code');
    return {
      focused: document.activeElement === field,
      selected: field.selectionEnd - field.selectionStart,
      length: field.value.length,
    };
  });
  assert.equal(selection.focused, true);
  assert.ok(selection.length > 100);
  assert.equal(selection.selected, selection.length);
  await context.close();
});

test('a part the reader moves to inside the frame becomes the part picked and embedded', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openPreview(context, '?widget=navigator&layout=reader&part=1');
  const frame = () => page.frame({ url: /frame\.html/ });
  const picker = page.getByLabel('Current part');
  const code = page.getByLabel('Embed code for the partner');
  assert.equal(await picker.inputValue(), '1');
  // Marked, to tell the navigator the reader used from one the page would send anew.
  await frame().evaluate(
    (tag) => (document.querySelector(tag).dataset.marked = 'yes'),
    tagNames.navigator,
  );
  await stageFrame(page)
    .getByRole('link', { name: /^Next part/ })
    .click();
  for (const start = Date.now(); (await picker.inputValue()) !== '2';) {
    assert.ok(Date.now() - start < 10_000, 'the part picker did not follow the frame to part 2');
    await page.waitForTimeout(50);
  }
  assert.match(await code.inputValue(), /part="2"/);
  assert.match(page.url(), /part=2/);
  // The frame kept the widget the reader used (its place and focus), showing part 2.
  const shown = await frame().evaluate((tag) => {
    const nav = document.querySelector(tag);
    return { marked: nav.dataset.marked, part: location.hash };
  }, tagNames.navigator);
  assert.equal(shown.marked, 'yes');
  assert.equal(shown.part, '#part-2');
  // Picking a part in the page still sends it to the frame.
  await picker.selectOption('3');
  await stageFrame(page)
    .getByRole('heading', { name: /Part 3/ })
    .waitFor();
  assert.match(await code.inputValue(), /part="3"/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the list’s number of items is kept in range, and the field shows the number used', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openPreview(context);
  await page.locator('label', { hasText: 'Article list' }).click();
  const limit = page.getByLabel('How many articles');
  await limit.fill('99');
  await limit.press('Tab');
  assert.equal(await limit.inputValue(), '50');
  // 0 is a number too: the least, 1, not the default.
  await limit.fill('0');
  await limit.press('Tab');
  assert.equal(await limit.inputValue(), '1');
  await limit.fill('50');
  await limit.press('Tab');
  // Clamped to the number already in use: nothing changes, and the field still says so.
  await limit.fill('70');
  await limit.press('Tab');
  assert.equal(await limit.inputValue(), '50');
  await limit.fill('2');
  await limit.press('Tab');
  await page.getByText('The widget is showing 2 items').waitFor();
  assert.equal(await limit.inputValue(), '2');
  assert.match(await page.getByLabel('Embed code for the partner').inputValue(), /limit="2"/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a markdown draft becomes a one-item feed: title from the first # line, summary from the first paragraph', async () => {
  const { readDraft } = await server.ssrLoadModule('/preview/draft.ts');
  const { inlineJson } = await server.ssrLoadModule('/preview/snippet.ts');

  const draft = readDraft(
    '```md\n# not the title, inside code\n```\n\n# Real title ##\n\nFirst *para*, with [a link](https://example.org).\n\n## Section\n\nMore.',
    { language: 'ko', asSeries: true },
  );
  assert.equal(draft.ok, true);
  const [item] = draft.feed.items;
  assert.equal(item.title, 'Real title');
  assert.equal(item.summary, 'First para, with a link.');
  assert.equal(item.language, 'ko');
  // A plain draft says nothing of when it is published: no date, not the moment it was read.
  assert.equal(item.date_published, undefined);
  // Nor is it part of a series: the navigator is shown one (`shown`), the code gets none.
  assert.equal(item._lantern.series, undefined);
  assert.deepEqual(draft.shown.items[0]._lantern.series, {
    id: 'draft',
    title: 'Real title',
    part: 1,
    total: 1,
  });
  assert.equal(draft.facts.madeUpSeries, true);
  assert.ok(!item._lantern.content_markdown.includes('# Real title'));
  assert.ok(item._lantern.content_markdown.includes('## Section'));

  const card = readDraft('# Only a title', { language: 'en', asSeries: false });
  assert.equal(card.feed.items[0]._lantern.series, undefined);
  assert.equal(card.feed.items[0].summary, undefined);

  assert.deepEqual(readDraft('  \n', { language: 'en', asSeries: false }), {
    ok: false,
    problem: { key: 'draftEmpty' },
  });
  assert.equal(
    readDraft('## Not a title', { language: 'en', asSeries: false }).problem.key,
    'draftNoTitle',
  );
  assert.equal(
    readDraft('{"items": [}', { language: 'en', asSeries: false }).problem.key,
    'draftJson',
  );

  const json = inlineJson({ body: '</script><!--<script>' });
  assert.ok(!json.includes('</'));
  assert.ok(!json.includes('<!--'));
  assert.deepEqual(JSON.parse(json), { body: '</script><!--<script>' });
});

test('embed(): the partner’s code and the frame’s widget follow the same choices', async () => {
  const { embed } = await server.ssrLoadModule('/preview/embed.ts');
  const { readState, stateQuery } = await server.ssrLoadModule('/preview/state.ts');
  const { widgets } = await server.ssrLoadModule('/preview/widgets.ts');
  // The content API, as the preview's own code reads feeds: every field, series included.
  const { parseFeed } = await server.ssrLoadModule('/src/content/index.ts');
  const { readDraft } = await server.ssrLoadModule('/preview/draft.ts');
  const feed = async (name) => ({
    loading: false,
    parsed: parseFeed(JSON.parse(await readFile(join(root, 'demo', name), 'utf8'))),
  });
  const demo = await feed('feed.json');
  const series12 = await feed('series-12.json');
  const addresses = {
    demo: 'http://127.0.0.1/demo/feed.json',
    series12: 'http://127.0.0.1/demo/series-12.json',
    publicFeed: 'https://YOUR-NGO/feed.json',
  };
  const stateFor = (query) =>
    readState(new URLSearchParams(query), (kind) => widgets[kind].layouts);
  const written = (result) =>
    result.spec.attributes.filter(([, value]) => value !== undefined && value !== '');

  // The stylesheet goes with either CDN build's script; another script name gets none.
  const { stylesheetUrl } = await server.ssrLoadModule('/preview/snippet.ts');
  assert.equal(
    stylesheetUrl('https://cdn.example/l/dist/cdn/lantern.js'),
    'https://cdn.example/l/dist/cdn/lantern.css',
  );
  assert.equal(
    stylesheetUrl('https://cdn.example/l/dist/cdn/all/lantern.js?ver=2'),
    'https://cdn.example/l/dist/cdn/lantern.css',
  );
  assert.equal(stylesheetUrl('https://cdn.example/widgets.js'), undefined);

  // The query string round-trips, and carries only what differs from the defaults.
  const query = 'widget=list&tag=POWs&limit=3&layout=list&theme=dark&lang=ko&hide-images=1';
  assert.equal(stateQuery(stateFor(query)), query);
  assert.equal(stateQuery(stateFor('widget=card&width=1200&bogus=1')), '');

  const card = embed({
    state: stateFor('item=yoon-ha-part-1&layout=compact&lang=ko'),
    catalogue: demo,
    draft: undefined,
    addresses,
  });
  assert.equal(card.spec.tag, tagNames.card);
  assert.deepEqual(written(card), [
    ['src', 'https://YOUR-NGO/feed.json'],
    ['item', 'yoon-ha-part-1'],
    ['layout', 'compact'],
    ['lang', 'ko'],
  ]);
  assert.equal(
    card.spec.fallback.href,
    demo.parsed.feed.items.find((i) => i.id === 'yoon-ha-part-1').url,
  );
  // The frame reads the feed where the preview reaches it, not at the public placeholder.
  assert.deepEqual(card.frame.attributes, {
    src: addresses.demo,
    item: 'yoon-ha-part-1',
    layout: 'compact',
    lang: 'ko',
  });

  const navigator = embed({
    state: stateFor('source=series12&widget=navigator&layout=compactNav&theme=dark'),
    catalogue: series12,
    draft: undefined,
    addresses,
  });
  const published = series12.parsed.feed.items.map((i) => i._lantern.series.part);
  assert.deepEqual(written(navigator).slice(1), [
    ['series', series12.parsed.feed.items[0]._lantern.series.id],
    ['part', String(Math.max(...published))],
    ['variant', 'compact'],
    ['theme', 'dark'],
    ['lang', 'en'],
  ]);
  // A feed without home_page_url: the list's link is a placeholder named after the feed (Korean
  // words where the feed has no title).
  const list = embed({
    state: stateFor('source=series12&widget=list'),
    catalogue: series12,
    draft: undefined,
    addresses,
  });
  assert.deepEqual(list.spec.fallback, {
    href: 'https://YOUR-NGO/',
    text: series12.parsed.feed.title,
  });

  const draft = readDraft('# A draft\n\nIts first paragraph.', { language: 'en', asSeries: false });
  const inline = embed({
    state: stateFor('source=draft&widget=report'),
    catalogue: { loading: false },
    draft,
    addresses,
  });
  assert.deepEqual(written(inline), [['lang', 'en']]);
  assert.equal(inline.spec.inline, draft.feed);
  // No address yet: a placeholder link (README: one in every element), in the widget's words
  // where no parsed item names it (none here: the catalogue is empty).
  assert.deepEqual(inline.spec.fallback, {
    href: 'https://YOUR-NGO/',
    text: 'Read it on our website',
  });
  assert.deepEqual(inline.frame.data, { property: 'feed', value: draft.feed });

  // Nothing to show yet: no draft applied, no feed address.
  const none = { catalogue: { loading: false }, draft: undefined, addresses };
  assert.equal(embed({ ...none, state: stateFor('source=draft') }), undefined);
  assert.equal(embed({ ...none, state: stateFor('source=url') }), undefined);
});

test('a draft shown again after another source follows the widget and language picked meanwhile', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openPreview(context);
  await page.getByLabel('Content to show').selectOption('draft');
  await page
    .getByLabel('Draft', { exact: true })
    .fill('# A story in parts\n\nIts first paragraph.');
  await page.getByRole('button', { name: 'Show draft' }).click();
  await page.getByText('The widget is showing 1 item').waitFor();

  // Away to the demo feed, pick the navigator and Korean there, then back to the draft.
  await page.getByLabel('Content to show').selectOption('demo');
  await page.locator('label', { hasText: 'Story navigator' }).click();
  await page.getByRole('group', { name: 'Widget language' }).getByText('한국어').click();
  await page.getByText(/The widget is showing \d+ items?/).waitFor();
  await page.getByLabel('Content to show').selectOption('draft');

  // The draft is read again, in Korean and for the navigator: shown as a one-part series (it
  // has none of its own), which is said, and no code is offered for it.
  const navigator = stageFrame(page).locator(tagNames.navigator);
  await navigator
    .getByRole('heading', { name: 'A story in parts' })
    .first()
    .waitFor({ timeout: 15_000 });
  assert.equal(await navigator.getAttribute('lang'), 'ko');
  await page
    .locator('.warnings li')
    .filter({ hasText: 'This draft is not part of a series' })
    .waitFor();
  assert.equal(await page.getByLabel('Embed code for the partner').inputValue(), '');
  // Back to a card: the same draft, read again, has code in Korean.
  await page.locator('label', { hasText: 'Article card' }).click();
  await page.getByText('The widget is showing 1 item').waitFor();
  assert.match(
    await page.getByLabel('Embed code for the partner').inputValue(),
    /"language": "ko"/,
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('an address rejected before another source was picked does not block the one in use', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openPreview(context);
  const address = `${origin}/demo/feed.json`;
  await loadAddress(page, address);
  await page.getByText('The widget is showing 1 item').waitFor();

  // http(s) only: the page rejects this one itself.
  await page.getByLabel('Feed address').fill('ftp://example.org/feed.json');
  await page.getByRole('button', { name: 'Load feed' }).click();
  const invalid = page.getByText('Enter the full address of the feed');
  await invalid.waitFor();

  await page.getByLabel('Content to show').selectOption('demo');
  await page.getByText(/The widget is showing \d+ items?/).waitFor();
  await page.getByLabel('Content to show').selectOption('url');
  // The field shows the address in use, and that address is what the widget shows.
  assert.equal(await page.getByLabel('Feed address').inputValue(), address);
  await page.getByText('The widget is showing 1 item').waitFor();
  assert.equal(await invalid.count(), 0);
  assert.equal(await page.locator('#stage-frame').isVisible(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Load feed again shows the feed as it is now, and the status says it is loading meanwhile', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const demo = JSON.parse(await readFile(join(root, 'demo/feed.json'), 'utf8'));
  let edition = 1;
  let delay = 0;
  // A partner's feed that is edited between two loads, and answers slowly the second time.
  await routeFeed(context, 'https://feeds.example/**', () => {
    const feed = structuredClone(demo);
    feed.items = feed.items.slice(0, 3);
    feed.items[0].title = `Edition ${edition} headline`;
    return { feed, delay };
  });
  const { page, errors } = await openPreview(context);
  await page.locator('label', { hasText: 'Article list' }).click();
  await loadAddress(page, 'https://feeds.example/feed.json');
  const list = stageFrame(page).locator(tagNames.list);
  await list.getByRole('link', { name: 'Edition 1 headline' }).waitFor({ timeout: 15_000 });
  await page.getByText('The widget is showing 3 items').waitFor();

  edition = 2;
  delay = 1500;
  await page.getByRole('button', { name: 'Load feed' }).click();
  // While the feed is read again, the page does not claim the old widget is what partners see.
  await page.getByRole('status').getByText('Loading the widget…').waitFor({ timeout: 1000 });
  await list.getByRole('link', { name: 'Edition 2 headline' }).waitFor({ timeout: 15_000 });
  await page.getByText('The widget is showing 3 items').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an http:// feed address gets a note: a partner page on https:// refuses it', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const demo = JSON.parse(await readFile(join(root, 'demo/feed.json'), 'utf8'));
  await routeFeed(context, 'http://feeds.example/**', () => ({ feed: demo, delay: 0 }));
  await routeFeed(context, 'https://feeds.example/**', () => ({ feed: demo, delay: 0 }));
  const { page, errors } = await openPreview(context);
  const note = page.getByText('is not encrypted (http://)');
  await loadAddress(page, 'http://feeds.example/feed.json');
  await note.waitFor({ timeout: 15_000 });
  assert.match(await note.textContent(), /“http:\/\/feeds\.example\/feed\.json”/);
  // The same feed at its https:// address, or this machine's own http:// one: no note.
  await loadAddress(page, 'https://feeds.example/feed.json');
  await page.getByText(/The widget is showing \d+ items?/).waitFor({ timeout: 15_000 });
  assert.equal(await note.count(), 0);
  await loadAddress(page, `${origin}/demo/feed.json`);
  await page.getByText(/The widget is showing \d+ items?/).waitFor({ timeout: 15_000 });
  assert.equal(await note.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Copy code right after typing in the draft copies the draft as typed', async () => {
  const context = await clipboardContext();
  const { page, errors } = await openPreview(context);
  await page.getByLabel('Content to show').selectOption('draft');
  const draft = page.getByLabel('Draft', { exact: true });
  await draft.fill('# First title\n\nA paragraph.');
  await page.getByText('The widget is showing 1 item').waitFor();

  // Within the pause that applies a draft: the click must not copy the one before.
  await draft.fill('# Second title\n\nA paragraph.');
  await page.getByRole('button', { name: 'Copy code' }).click();
  await page.getByText('Copied. Paste it into an email').waitFor();
  const copied = await page.evaluate(() => window.navigator.clipboard.readText());
  assert.match(copied, /"title": "Second title"/);
  assert.equal(copied, await page.getByLabel('Embed code for the partner').inputValue());
  // The note stays: nothing applied afterwards takes it away.
  await page.waitForTimeout(800);
  assert.equal(await page.getByText('Copied. Paste it into an email').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a rejected feed address is marked invalid on the field, until an address is loaded', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openPreview(context);
  await page.getByLabel('Content to show').selectOption('url');
  const field = page.getByLabel('Feed address');
  // No address given yet: the field is not in error.
  assert.equal(await field.getAttribute('aria-invalid'), 'false');
  await field.fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Load feed' }).click();
  await page.getByText('Enter the full address of the feed').waitFor();
  // Focus is back on the field, and the field itself says it is in error.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'feed-url');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await description(field), /Enter the full address of the feed/);

  await field.fill(`${origin}/demo/feed.json`);
  await page.getByRole('button', { name: 'Load feed' }).click();
  await page.getByText('The widget is showing 1 item').waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'false');
  assert.doesNotMatch(await description(field), /Enter the full address/);

  // A feed at an address that cannot be read: the message that says so describes the field.
  await field.fill(`${origin}/demo/no-such-feed.json`);
  await page.getByRole('button', { name: 'Load feed' }).click();
  // (The feed's problem shows first; the widget's own error may replace it a moment later:
  // whichever the status names, the field says it is in error and is described by it. Read in
  // one go, as the two reads apart once caught the status between them.)
  await page.waitForFunction(() => {
    const input = document.getElementById('feed-url');
    const problem = document.getElementById('source-problem')?.textContent.trim();
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent.trim() ?? '')
      .join(' ');
    return (
      input.getAttribute('aria-invalid') === 'true' && !!problem && described.endsWith(problem)
    );
  });
  assert.deepEqual(
    errors.filter((e) => !e.includes('no-such-feed')),
    [],
  );
  await context.close();
});

test('an unreadable draft is marked invalid on the draft field and described by its problem, an untouched one is not', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openPreview(context);
  await page.getByLabel('Content to show').selectOption('draft');
  const field = page.getByLabel('Draft');
  await field.fill('');
  await page.getByText('The draft is empty').waitFor();
  // Nothing written yet: nothing is wrong with the field.
  assert.equal(await field.getAttribute('aria-invalid'), 'false');

  await field.fill('{ "title": "A story" "items": [] }');
  await page.getByRole('button', { name: 'Show draft' }).click();
  await page.getByText('The draft starts like JSON but could not be read').waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await description(field), /The draft starts like JSON but could not be read/);

  await field.fill('# A story\n\nIts first paragraph.');
  await page.getByRole('button', { name: 'Show draft' }).click();
  await page.getByText(/The widget is showing \d+ items?/).waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'false');
  assert.doesNotMatch(await description(field), /could not be read/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Copied" goes once the code changes, as when a slow feed arrives after the copy', async () => {
  const context = await clipboardContext();
  const demo = JSON.parse(await readFile(join(root, 'demo/feed.json'), 'utf8'));
  await routeFeed(context, 'https://slow-feeds.example/**', () => ({ feed: demo, delay: 1500 }));
  const { page, errors } = await openPreview(context);
  await loadAddress(page, 'https://slow-feeds.example/feed.json');
  const code = page.getByLabel('Embed code for the partner');
  const before = await code.inputValue();
  await page.getByRole('button', { name: 'Copy code' }).click();
  await page.getByText('Copied. Paste it into an email').waitFor();
  // The feed arrives: the code gains the item and its fallback link, and the note goes with
  // the code it stood for.
  await page.getByText(/The widget is showing \d+ items?/).waitFor({ timeout: 15_000 });
  assert.notEqual(await code.inputValue(), before);
  assert.equal(await page.getByText('Copied. Paste it into an email').count(), 0);
  await page.getByRole('button', { name: 'Copy code' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
