// `npm run bench`: figures printed, not asserted. In one headless Chromium run:
// - 100 article cards from a parsed feed: <lantern-article-card> vs hand-written DOM vs Shoelace
//   <sl-card> with the same content (median of several rounds, style and layout included);
// - the rich pipeline (marked + DOMPurify + Lantern's checks) on the seed story and on a 100 KB
//   article, against marked alone.
// Bundles bench/cards.js and bench/rich.js into bench/dist/ (gitignored) with esbuild first.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launch, root, serve } from '../test/e2e/harness.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const CARDS = 100;

await build({
  entryPoints: [join(root, 'bench/cards.js'), join(root, 'bench/rich.js')],
  outdir: join(root, 'bench/dist'),
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const ms = (x) => `${x.toFixed(2)} ms`;

const server = await serve();
const browser = await launch();
try {
  const version = browser.version();

  // --- 100 cards -------------------------------------------------------------------------
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(`${server.origin}/bench/cards.html`);
  await page.waitForFunction(() => window.bench);
  const cards = await page.evaluate(
    async ({ rounds, count }) => {
      const items = await window.bench.parsedItems(count);
      const stage = document.getElementById('stage');
      const names = Object.keys(window.bench.variants);
      const times = Object.fromEntries(names.map((n) => [n, []]));
      // One warm-up round each, then interleaved rounds so machine noise hits all alike.
      for (const n of names) await window.bench.variants[n](stage, items);
      for (let r = 0; r < rounds; r++) {
        for (const n of names) times[n].push(await window.bench.variants[n](stage, items));
      }
      await window.bench.variants.lantern(stage, items);
      const check = {
        rendered: stage.querySelectorAll('lantern-article-card').length,
        firstTitle: stage.querySelector('lantern-article-card').shadowRoot.querySelector('.title a')
          ?.textContent,
      };
      return { times, check };
    },
    { rounds: ROUNDS, count: CARDS },
  );
  if (cards.check.rendered !== CARDS || !cards.check.firstTitle) {
    throw new Error(
      `the Lantern variant did not render ${CARDS} cards: ${JSON.stringify(cards.check)}`,
    );
  }
  await page.close();

  // --- rich pipeline -----------------------------------------------------------------------
  // The demo stories' markdown sources (demo/stories/, front matter dropped).
  const markdownOf = (name) =>
    readFileSync(join(root, 'demo/stories', `${name}.md`), 'utf8').replace(
      /^---\n[\s\S]*?\n---\n/,
      '',
    );
  const story = markdownOf('yoon-ha-part-3');
  const article = markdownOf('north-korean-soldiers-russia-ukraine');
  let big = '';
  for (let i = 1; big.length < 100 * 1024; i++)
    big += `## Section ${i}\n\n${article}\n\n${story}\n\n`;
  const rich = await browser.newPage();
  await rich.goto(`${server.origin}/bench/rich.html`);
  await rich.waitForFunction(() => window.bench);
  const pipeline = await rich.evaluate(
    async ({ inputs, rounds }) => {
      // Wall time per render: Lantern's pipeline yields to the page between chunks of a long body.
      const time = async (fn, input, repeat) => {
        await fn(input);
        const runs = [];
        for (let r = 0; r < rounds; r++) {
          const start = performance.now();
          for (let k = 0; k < repeat; k++) await fn(input);
          runs.push((performance.now() - start) / repeat);
        }
        runs.sort((a, b) => a - b);
        return runs[Math.floor(runs.length / 2)];
      };
      const results = [];
      for (const { name, markdown, repeat } of inputs) {
        results.push({
          name,
          chars: markdown.length,
          lantern: await time(window.bench.lantern, markdown, repeat),
          purify: await time(window.bench.lanternPurify, markdown, repeat),
          platform: window.bench.platform,
          marked: await time(window.bench.markedOnly, markdown, repeat),
          paragraphs: (await window.bench.lantern(markdown)).querySelectorAll('p').length,
        });
      }
      return results;
    },
    {
      rounds: ROUNDS,
      inputs: [
        { name: 'seed story (Yoon Ha, part 3)', markdown: story, repeat: 20 },
        { name: '100 KB article', markdown: big.slice(0, 100 * 1024), repeat: 2 },
      ],
    },
  );
  await rich.close();

  // --- report -------------------------------------------------------------------------------
  const cpu = cpus();
  console.log(
    `Lantern benchmarks, ${new Date().toISOString().slice(0, 10)} — Chromium ${version}, ` +
      `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim()}, ` +
      `${Math.round(totalmem() / 2 ** 30)} GB; median of ${ROUNDS} rounds\n`,
  );
  const base = median(cards.times.vanilla);
  console.log(`${CARDS} article cards from a parsed feed (DOM + style + layout):`);
  for (const [name, label] of [
    ['vanilla', 'hand-written DOM'],
    ['lantern', '<lantern-article-card>'],
    ['shoelace', 'Shoelace <sl-card>'],
  ]) {
    const m = median(cards.times[name]);
    console.log(
      `  ${label.padEnd(24)} ${ms(m).padStart(10)}   ×${(m / base).toFixed(2)} of vanilla`,
    );
  }
  console.log('\nRich content: markdown → sanitised DOM fragment, per render:');
  for (const p of pipeline) {
    console.log(
      `  ${p.name.padEnd(30)} ${(p.chars / 1024).toFixed(1).padStart(6)} KB  ` +
        `Lantern ${ms(p.lantern).padStart(10)}  marked alone ${ms(p.marked).padStart(10)}  ` +
        `×${(p.lantern / p.marked).toFixed(2)}${p.platform ? ' (platform Sanitizer)' : ''}  ` +
        `with DOMPurify ${ms(p.purify).padStart(10)}  ×${(p.purify / p.marked).toFixed(2)}  ` +
        `(${p.paragraphs} paragraphs)`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
