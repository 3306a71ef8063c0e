// lantern-feed build, run as staff run it: a good folder becomes a feed the widgets render
// (report: one download per PDF, sizes, checksums and page counts right); a bad folder is
// refused with every problem listed by file and nothing written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { launch, root, serve, watchErrors } from './harness.mjs';
import { drawnText } from './widgets.mjs';

const bin = join(root, 'bin/lantern-feed.mjs');
const run = (...args) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

/** A PDF of `pages` pages written plainly (objects in the file body). */
function plainPdf(pages) {
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ');
  const pageObjects = Array.from(
    { length: pages },
    (_, i) => `${3 + i} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n`,
  ).join('');
  return Buffer.from(
    `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [${kids}] /Count ${pages} >>\nendobj\n${pageObjects}trailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/** A PDF 1.5 whose page tree sits in a compressed object stream, as modern writers make. */
function compressedPdf(pages) {
  const objs = [
    [2, `<< /Type /Pages /Kids [] /Count ${pages} >>`],
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
  ];
  let offset = 0;
  const header = [];
  const bodies = [];
  for (const [n, body] of objs) {
    header.push(n, offset);
    bodies.push(body);
    offset += body.length + 1;
  }
  const headerText = `${header.join(' ')} `;
  const data = deflateSync(Buffer.from(headerText + bodies.join('\n') + '\n', 'latin1'));
  return Buffer.concat([
    Buffer.from(
      `%PDF-1.5\n5 0 obj\n<< /Type /ObjStm /N ${objs.length} /First ${headerText.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
      'latin1',
    ),
    data,
    Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
  ]);
}

let dir;
before(() => {
  assert.ok(
    existsSync(join(root, 'dist/lib/content/index.js')),
    'run "npm run build" first: the builder uses the widgets’ own content layer from dist/',
  );
  dir = mkdtempSync(join(tmpdir(), 'lantern-feed-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function goodFolder() {
  const folder = join(dir, `good-${Date.now()}`);
  mkdirSync(join(folder, 'files'), { recursive: true });
  mkdirSync(join(folder, 'images'), { recursive: true });
  writeFileSync(join(folder, 'files/report-en.pdf'), plainPdf(3));
  writeFileSync(join(folder, 'files/report-ko.pdf'), compressedPdf(12));
  writeFileSync(join(folder, 'images/cover.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(
    join(folder, 'feed.yml'),
    'title: Builder test\nlanguage: en\nauthors: [Lantern staff]\n',
  );
  writeFileSync(
    join(folder, 'report.md'),
    `---
title: "A report: made by the builder"
date: 2025-02-20
updated: 2025-02-21T10:30:00+09:00
authors: [NKDB]
tags: [Reports]
summary: The summary.
image: images/cover.svg
image_alt: The cover.
report: { publisher: NKDB, edition: First edition, license: CC BY 4.0 }
attachments:
  - { file: files/report-en.pdf, title: "Full report (English)", language: en }
  - { file: files/report-ko.pdf/., title: "보고서 (한국어)", language: ko }
---

Former soldiers describe **forced labour**. [Read the notes](notes/).

<script>alert(1)</script><img src="x" onerror="alert(2)" alt="a picture">
`,
  );
  writeFileSync(
    join(folder, 'older.md'),
    '---\ntitle: An older story\ndate: 2024-01-05\n---\n\nText.\n',
  );
  return folder;
}

test('a good folder builds a JSON Feed with sizes, checksums, pages and sanitised bodies', () => {
  const folder = goodFolder();
  const out = join(folder, 'feed.json');
  const result = run('build', folder, '--out', out, '--base-url', 'https://ngo.example/stories');
  assert.equal(result.status, 0, result.stderr);
  const feed = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(feed.title, 'Builder test');
  assert.equal(feed.feed_url, 'https://ngo.example/stories/feed.json');
  assert.deepEqual(
    feed.items.map((i) => i.id),
    ['report', 'older'],
    'newest first, ids from the file names',
  );
  const [report, older] = feed.items;
  assert.equal(report.url, 'https://ngo.example/stories/report');
  assert.equal(report.date_published, '2025-02-20T00:00:00Z');
  assert.equal(report.date_modified, '2025-02-21T10:30:00+09:00');
  assert.equal(older.date_published, '2024-01-05T00:00:00Z');
  assert.equal(report.image, 'https://ngo.example/stories/images/cover.svg');
  assert.equal(report._lantern.image_alt, 'The cover.');
  const en = readFileSync(join(folder, 'files/report-en.pdf'));
  const ko = readFileSync(join(folder, 'files/report-ko.pdf'));
  const sha = (b) => createHash('sha256').update(b).digest('hex');
  assert.deepEqual(report.attachments, [
    {
      title: 'Full report (English)',
      url: 'https://ngo.example/stories/files/report-en.pdf',
      mime_type: 'application/pdf',
      size_in_bytes: en.length,
      _lantern: { sha256: sha(en), pages: 3, language: 'en' },
    },
    {
      title: '보고서 (한국어)',
      url: 'https://ngo.example/stories/files/report-ko.pdf',
      mime_type: 'application/pdf',
      size_in_bytes: ko.length,
      _lantern: { sha256: sha(ko), pages: 12, language: 'ko' },
    },
  ]);
  // (The Korean file is named files/report-ko.pdf/.: its type is the file's, as found.)
  assert.equal(report._lantern.report.pages, 3, 'report.pages from the first PDF');
  assert.match(report.content_html, /<strong>forced labour<\/strong>/);
  assert.match(report.content_html, /href="https:\/\/ngo\.example\/stories\/notes\/"/);
  assert.doesNotMatch(report.content_html, /<script|onerror|alert\(1\)/);
  assert.equal(report._lantern.content_markdown, undefined, 'rendered at publish time');
});

test('the widgets render what the builder made: one download per PDF, sizes and pages', async () => {
  const folder = goodFolder();
  const out = join(folder, 'feed.json');
  const result = run('build', folder, '--out', out, '--base-url', '/built/');
  assert.equal(result.status, 0, result.stderr);
  const page = `<!doctype html><html lang="en"><body>
<lantern-report-download src="/built/feed.json" item="report"></lantern-report-download>
<script type="module" src="/dist/cdn/all/lantern.js"></script></body></html>`;
  const server = await serve({
    routes: {
      '/builder-page.html': (_req, res) => {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page);
      },
      '/built/images/cover.svg': (_req, res) => {
        res.setHeader('content-type', 'image/svg+xml');
        res.end(readFileSync(join(folder, 'images/cover.svg')));
      },
      // The body's <img src="x" onerror=…> (kept, its handler stripped): the report's summary
      // body shows the feed body's images, resolved against the feed's base URL (/built/).
      '/built/x': (_req, res) => {
        res.setHeader('content-type', 'image/svg+xml');
        res.end('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
      },
      '/built/feed.json': (_req, res) => {
        res.setHeader('content-type', 'application/feed+json');
        res.end(readFileSync(out));
      },
    },
  });
  const browser = await launch();
  try {
    const tab = await browser.newPage();
    const errors = watchErrors(tab);
    tab.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await tab.goto(`${server.origin}/builder-page.html`);
    await tab.waitForFunction(() => {
      const el = document.querySelector('lantern-report-download');
      return el?.shadowRoot?.querySelectorAll('a[href$=".pdf"]').length === 2;
    });
    const seen = await tab.evaluate(() => {
      const root = document.querySelector('lantern-report-download').shadowRoot;
      return {
        links: [...root.querySelectorAll('a[href$=".pdf"]')].map((a) => new URL(a.href).pathname),
        text: root.textContent.replace(/\s+/g, ' '),
        images: [...root.querySelectorAll('img')]
          .filter((img) => new URL(img.src).pathname === '/built/x')
          .map((img) => ({ alt: img.alt, onerror: img.getAttribute('onerror') })),
      };
    });
    assert.deepEqual(seen.links, ['/built/files/report-en.pdf', '/built/files/report-ko.pdf']);
    assert.match(seen.text, /A report: made by the builder/);
    assert.deepEqual(seen.images, [{ alt: 'a picture', onerror: null }], 'the body image, inert');
    const built = JSON.parse(readFileSync(out, 'utf8')).items[0].attachments;
    const [en, ko] = built.map((a) => a.size_in_bytes);
    // As drawn: the dots between a file's facts are generated content (` · ` before each).
    const files = await Promise.all(
      (await tab.locator('lantern-report-download .file').all()).map((file) =>
        file.evaluate(drawnText),
      ),
    );
    assert.deepEqual(files, [`PDF · ${en} bytes · 3 pages`, `PDF · ${ko} bytes · 12 pages`]);
    assert.ok(seen.text.includes(built[0]._lantern.sha256.slice(0, 8)), 'the checksum is shown');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a bad folder is refused: non-zero exit, every problem listed by file, nothing written', () => {
  const folder = join(dir, `bad-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'no-title.md'), '---\ndate: 2025-01-01\n---\nBody.\n');
  writeFileSync(join(folder, 'bad-date.md'), '---\ntitle: Bad date\ndate: 2025-02-30\n---\n');
  writeFileSync(
    join(folder, 'missing-file.md'),
    '---\ntitle: Missing\ndate: 2025-01-01\nattachments:\n  - { file: files/gone.pdf, title: Gone }\n---\n',
  );
  writeFileSync(
    join(folder, 'unknown-key.md'),
    '---\ntitle: Unknown\ndate: 2025-01-01\nsubtitle: not a key\n---\n',
  );
  writeFileSync(
    join(folder, 'no-alt.md'),
    '---\ntitle: No alt\ndate: 2025-01-01\nimage: https://ngo.example/a.jpg\n---\n',
  );
  // A content warning left blank: the story must not go out without it.
  writeFileSync(
    join(folder, 'blank-warning.md'),
    '---\ntitle: Blank warning\ndate: 2025-01-01\ncontent_warning:\n---\nBody.\n',
  );
  writeFileSync(
    join(folder, 'bad-groups.md'),
    '---\ntitle: Bad groups\ndate: 2025-01-01\nseries: [1, 2]\nreport: { publisher: NKDB, colour: red }\n---\n',
  );
  const out = join(folder, 'feed.json');
  const result = run('build', folder, '--out', out, '--base-url', 'https://ngo.example/');
  assert.equal(result.status, 1, result.stdout);
  const lines = result.stderr;
  assert.match(lines, /8 problems; nothing was written/);
  assert.match(lines, /bad-groups\.md: series must be \{ id, title, part, total \}/);
  assert.match(lines, /bad-groups\.md: unknown key "report\.colour"/);
  assert.match(lines, /blank-warning\.md: content_warning is empty/);
  assert.match(lines, /no-title\.md: title is missing/);
  assert.match(lines, /bad-date\.md: date "2025-02-30" is not a possible date/);
  assert.match(
    lines,
    /missing-file\.md: attachments\[0\]\.file "files\/gone\.pdf": file not found/,
  );
  assert.match(lines, /unknown-key\.md: unknown key "subtitle"/);
  assert.match(lines, /no-alt\.md: image has no image_alt/);
  assert.equal(existsSync(out), false, 'no feed was written');
});

test('an existing feed is left as it was when a later build is refused', () => {
  const folder = goodFolder();
  const out = join(folder, 'feed.json');
  assert.equal(run('build', folder, '--out', out, '--base-url', 'https://a.example/').status, 0);
  const before = readFileSync(out, 'utf8');
  writeFileSync(join(folder, 'broken.md'), '---\ntitle: [unclosed\n---\n');
  const result = run('build', folder, '--out', out, '--base-url', 'https://a.example/');
  assert.equal(result.status, 1);
  assert.match(result.stderr, /broken\.md: front matter is not valid YAML/);
  assert.equal(readFileSync(out, 'utf8'), before);
});

test('usage errors exit 2 with the usage text', () => {
  const result = run('build');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /Usage: lantern-feed build <content-dir>/);
  const bad = run('build', dir, '--out', join(dir, 'x.json'), '--base-url', 'javascript:alert(1)');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--base-url "javascript:alert\(1\)" must be an http\(s\) URL/);
});

test('the demo feed is what the builder makes from demo/stories/', () => {
  const out = join(dir, 'demo-feed.json');
  const result = run('build', join(root, 'demo'), '--out', out, '--base-url', '/demo/');
  assert.equal(result.status, 0, result.stderr);
  const built = JSON.parse(readFileSync(out, 'utf8'));
  const committed = JSON.parse(readFileSync(join(root, 'demo/feed.json'), 'utf8'));
  built.feed_url = committed.feed_url;
  assert.deepEqual(built, committed, 'run "npm run feed:demo" after editing demo/stories/');
});
