// Hostile hosts: every element embedded in Bootstrap 5, Tailwind's preflight and a WordPress-like
// theme full of !important rules (and html { font-size: 10px }), on a right-to-left page in
// Arabic, and under "the new CSS reset" with loud body typography, looks the same as on a plain page: under 1 % of pixels differ. The font family is
// pinned on every variant, so only the host's CSS (or direction) differs.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { launch, root, serve, watchErrors } from './harness.mjs';
import { trackWidgets, waitForWidgets } from './widgets.mjs';

const HOSTS = ['bootstrap', 'tailwind', 'wordpress', 'rtl', 'reset', 'reset-advised'];
/**
 * A theme that resets every element makes the widgets inline, and an inline box cannot be a size
 * container: the two widgets that lay out by their own width fall back to one column there (the
 * README says how to keep them: leave Lantern's elements out of the reset, as reset-advised does).
 * Their text is still the widget's own, which the other five specimens check.
 */
const OWN_WIDTH = { reset: ['card-horizontal', 'report'] };
const SPECIMENS = ['card', 'card-ko', 'card-horizontal', 'list', 'navigator', 'report', 'reader'];
const MAX_DIFF = 0.01;
const out = join(root, 'test-results/hostile-hosts');

let server;
let browser;
const plain = new Map();
before(async () => {
  server = await serve();
  browser = await launch();
  mkdirSync(out, { recursive: true });
  for (const [name, png] of await shoot('plain')) plain.set(name, png);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Screenshots of each specimen on the page with the given host stylesheet. */
async function shoot(host) {
  const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
  const errors = watchErrors(page);
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  await trackWidgets(page);
  await page.goto(`${server.origin}/test/e2e/pages/hosts.html?host=${host}`);
  const state = await waitForWidgets(page);
  assert.deepEqual(state.failed, [], `${host}: widgets failed`);
  // Lazy images below the fold: bring each into view so it loads, then back.
  for (const name of SPECIMENS) await page.locator(`#${name}`).scrollIntoViewIfNeeded();
  await page.evaluate(async () => {
    const images = [];
    const collect = (r) => {
      for (const el of r.querySelectorAll('*')) {
        if (el.localName === 'img') images.push(el);
        if (el.shadowRoot) collect(el.shadowRoot);
      }
    };
    collect(document);
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
  });
  const shots = new Map();
  for (const name of SPECIMENS) {
    const buffer = await page.locator(`#${name} > *`).screenshot({ animations: 'disabled' });
    shots.set(name, PNG.sync.read(buffer));
  }
  assert.deepEqual(errors, [], `${host}: page errors`);
  await page.close();
  return shots;
}

for (const host of HOSTS) {
  test(`inside ${host} CSS every element looks as on a plain page`, async () => {
    const shots = await shoot(host);
    const report = [];
    for (const name of SPECIMENS.filter((n) => !OWN_WIDTH[host]?.includes(n))) {
      const a = plain.get(name);
      const b = shots.get(name);
      if (a.width !== b.width || a.height !== b.height) {
        writeFileSync(join(out, `${host}-${name}.png`), PNG.sync.write(b));
        writeFileSync(join(out, `plain-${name}.png`), PNG.sync.write(a));
        report.push(`${name}: ${b.width}×${b.height} instead of ${a.width}×${a.height}`);
        continue;
      }
      const diff = new PNG({ width: a.width, height: a.height });
      const differing = pixelmatch(a.data, b.data, diff.data, a.width, a.height, {
        threshold: 0.1,
      });
      const share = differing / (a.width * a.height);
      console.log(`# ${host} ${name}: ${(share * 100).toFixed(3)} % of pixels differ`);
      if (share >= MAX_DIFF) {
        writeFileSync(join(out, `${host}-${name}-diff.png`), PNG.sync.write(diff));
        writeFileSync(join(out, `${host}-${name}.png`), PNG.sync.write(b));
        writeFileSync(join(out, `plain-${name}.png`), PNG.sync.write(a));
        report.push(`${name}: ${(share * 100).toFixed(2)} % of pixels differ`);
      }
    }
    assert.deepEqual(report, [], `differences (images in test-results/hostile-hosts/)`);
  });
}
