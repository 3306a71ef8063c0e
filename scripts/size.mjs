// `npm run size`: gzip and brotli sizes of what a reader downloads, against the budgets in
// size-budgets.json; exits 1 when a budget is exceeded or a budgeted file is missing.
//
// Rows: the CDN entry (dist/cdn/lantern.js, every element with lit), every other CDN chunk
// (the rich-content chunk with marked and DOMPurify among them), and each element on its own
// as an npm user gets it (its registering entry in dist/lib bundled with lit, minified; the rich
// chunk split off as in the CDN build).
//
// Usage: node scripts/size.mjs [dist folder, default dist] [--json]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const dist = resolve(root, args.find((a) => !a.startsWith('--')) ?? 'dist');
const asJson = args.includes('--json');
const budgets = JSON.parse(readFileSync(join(root, 'size-budgets.json'), 'utf8')).budgets;

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;

function measure(name, bytes, note) {
  return { name, note, raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes) };
}

const cdnDir = join(dist, 'cdn');
const libDir = join(dist, 'lib');
if (!existsSync(join(cdnDir, 'lantern.js')) || !existsSync(libDir)) {
  console.error(`size: no build in ${dist}; run \`npm run build\` first.`);
  process.exit(1);
}

const rows = [];
const entry = readFileSync(join(cdnDir, 'lantern.js'));
rows.push(measure('cdn/lantern.js', entry, 'CDN entry: lit + every element'));
// The chunks the entry loads, statically or on demand (older builds' leftovers are ignored).
const chunks = new Set();
const follow = (file) => {
  const code = readFileSync(join(cdnDir, file), 'utf8');
  for (const [, name] of code.matchAll(/(?:from|import\()\s*["'`]\.\/([\w.-]+\.js)["'`]/g)) {
    if (name !== 'lantern.js' && !chunks.has(name)) {
      chunks.add(name);
      follow(name);
    }
  }
};
follow('lantern.js');
for (const file of [...chunks].sort()) {
  const rich = /^lantern-rich-.*\.js$/.test(file);
  rows.push(
    measure(
      `cdn/${file.replace(/-[\w-]{8}\.js$/, '-*.js')}`,
      readFileSync(join(cdnDir, file)),
      rich
        ? 'rich chunk: marked + DOMPurify + sanitiser'
        : 'code the entry shares with the rich chunk',
    ),
  );
}

// Each element alone: the published registering entry bundled as an app would bundle it.
const elements = readdirSync(join(root, 'src/define'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => basename(f, '.ts'))
  .sort();
for (const name of elements) {
  const file = join(libDir, `${name}.js`);
  if (!existsSync(file)) {
    rows.push({ name: `lib/${name}.js`, note: 'missing from the build', missing: true });
    continue;
  }
  const result = await build({
    entryPoints: [file],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    conditions: ['production'],
    write: false,
    outdir: '/virtual',
    logLevel: 'silent',
    nodePaths: [join(root, 'node_modules')],
  });
  const own = result.outputFiles.find((f) => f.path === `/virtual/${name}.js`);
  rows.push(measure(`lib/${name}.js`, own.contents, `${name} alone, with lit`));
}

const problems = [];
for (const [name, budget] of Object.entries(budgets)) {
  const row = rows.find((r) => r.name === name);
  if (!row || row.missing) problems.push(`${name}: budgeted but not in the build`);
  else row.budget = budget;
}
for (const row of rows) {
  if (row.missing) problems.push(`${row.name}: missing (run npm run build)`);
  if (!row.budget) continue;
  for (const kind of ['gzip', 'brotli']) {
    if (row.budget[kind] !== undefined && row[kind] > row.budget[kind]) {
      problems.push(
        `${row.name}: ${kind} ${row[kind]} B is over its budget of ${row.budget[kind]} B`,
      );
    }
  }
}
// The point of the split: the entry must not carry the markdown parser or the sanitiser.
if (/DOMPurify|marked\(\)|Please report this to https:\/\/github.com\/markedjs/.test(entry)) {
  problems.push('cdn/lantern.js: marked or DOMPurify is in the entry, not in the rich chunk');
}

if (asJson) {
  console.log(JSON.stringify({ rows, problems }, null, 2));
} else {
  const kb = (n) => (n === undefined ? '' : `${(n / 1024).toFixed(2)} KB`);
  const cells = [['file', 'raw', 'gzip', 'budget', 'brotli', 'budget', '']];
  for (const r of rows) {
    if (r.missing) {
      cells.push([r.name, '', '', '', '', '', r.note]);
      continue;
    }
    const over = (k) => (r.budget?.[k] !== undefined && r[k] > r.budget[k] ? ' ✗' : '');
    cells.push([
      r.name,
      kb(r.raw),
      kb(r.gzip) + over('gzip'),
      kb(r.budget?.gzip),
      kb(r.brotli) + over('brotli'),
      kb(r.budget?.brotli),
      r.note,
    ]);
  }
  const widths = cells[0].map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  for (const c of cells) {
    console.log(
      c
        .map((cell, i) => (i === 0 || i === 6 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('  '),
    );
  }
  console.log(
    problems.length ? `\nsize: ${problems.length} problem(s):` : '\nsize: every budget met',
  );
  for (const p of problems) console.log(`  - ${p}`);
}
process.exit(problems.length ? 1 : 0);
