// `npm run size`: gzip and brotli sizes of what a reader downloads, against the budgets in
// size-budgets.json; exits 1 when a budget is exceeded or a budgeted file is missing.
//
// Rows: the CDN entry as a browser loads it (dist/cdn/lantern.js with its static imports: lit,
// the content layer, the card and the loader), each element chunk loaded when that element
// appears, the rich-content chunk (marked + DOMPurify), all four elements together, and each element on its own
// as an npm user gets it (its registering entry in dist/lib bundled with lit, minified; the rich
// chunk split off as in the CDN build).
//
// Usage: node scripts/size.mjs [dist folder, default dist] [--json]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { launch, serve } from '../test/e2e/harness.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const dist = resolve(root, args.find((a) => !a.startsWith('--')) ?? 'dist');
const asJson = args.includes('--json');
const budgets = JSON.parse(readFileSync(join(root, 'size-budgets.json'), 'utf8')).budgets;

/**
 * The bytes with each chunk's content hash (`lantern-load-CJlqSp-E.js`) replaced by 8 characters
 * of the same alphabet derived from the chunk's name alone. A hash changes whenever anything in
 * a chunk or in what it imports changes, and new random characters alone moved a file's brotli
 * size by up to 33 B (20 random hashes, one chunk): a budget met or missed by that much said
 * nothing about the code. The stand-ins are as random as hashes, so the figures are still what
 * a reader downloads, give or take that noise, and they move only when code does.
 */
const steady = (bytes) =>
  Buffer.from(
    bytes
      .toString('latin1')
      .replace(
        /(lantern-[\w-]+?)-[\w-]{8}\.js/g,
        (_, name) =>
          `${name}-${createHash('sha256').update(name).digest('base64url').slice(0, 8)}.js`,
      ),
    'latin1',
  );
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const gzip = (bytes) => gzipSync(steady(bytes), { level: 9 }).length;
const brotli = (raw) => {
  const bytes = steady(raw);
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;
};

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
const read = (file) => readFileSync(join(cdnDir, file));
/** The chunks a file imports: statically (`from`) and on demand (`import()`). */
function imports(file) {
  const code = read(file).toString('utf8');
  const of = (re) => [...code.matchAll(re)].map((m) => m[1]).filter((n) => n !== 'lantern.js');
  return {
    static: of(/(?:from|import)\s*["'`]\.\/([\w.-]+\.js)["'`]/g),
    dynamic: of(/import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g),
  };
}
/** A file with everything it imports statically: what arrives before it can run. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const dep of imports(file).static) closure(dep, seen);
  return seen;
}
const joined = (files) => Buffer.concat([...files].map(read));
const pattern = (file) => `cdn/${file.replace(/-[\w-]{8}\.js$/, '-*.js')}`;

const entryFiles = closure('lantern.js');
rows.push(
  measure(
    'cdn/lantern.js + static imports',
    joined(entryFiles),
    `CDN entry as loaded: lit, content layer, card, loader (${entryFiles.size} files)`,
  ),
);
// Lazily loaded elements and the rich chunks: what each adds on top of what is loaded when it
// is asked for: the entry, and the chunks that import it with theirs (the sanitiser is imported
// by the body chunk the navigator and the report already load; DOMPurify by the sanitiser).
const lazy = new Set();
/** For each lazily loaded file, the files that import it on demand. */
const importers = new Map();
const walk = (file) => {
  for (const dep of imports(file).dynamic) {
    if (entryFiles.has(dep)) continue;
    importers.set(dep, [...(importers.get(dep) ?? []), file]);
    if (!lazy.has(dep)) {
      lazy.add(dep);
      walk(dep);
    }
  }
  for (const dep of imports(file).static) if (!entryFiles.has(dep)) walk(dep);
};
for (const file of entryFiles) walk(file);
/** Files loaded whichever importer asks for `file` (the importers' closures in common). */
const loadedBefore = (file) => {
  const sets = (importers.get(file) ?? []).map((f) => closure(f));
  return new Set([...(sets[0] ?? [])].filter((f) => sets.every((s) => s.has(f))));
};
const everything = new Set(entryFiles);
for (const file of [...lazy].sort()) {
  const before = loadedBefore(file);
  for (const f of closure(file)) if (!entryFiles.has(f)) everything.add(f);
  const added = [...closure(file)].filter((f) => !entryFiles.has(f) && !before.has(f));
  const rich = /^lantern-rich-/.test(file);
  const markdown = /^lantern-markdown-/.test(file);
  const purify = /^lantern-sanitize-purify-/.test(file);
  // A dynamic import may land on a small re-export facade: name the row by its biggest file.
  const main = added.sort((a, b) => read(b).length - read(a).length)[0] ?? file;
  rows.push(
    measure(
      pattern(main),
      joined(added),
      rich
        ? 'rich chunk: the sanitiser core (only for HTML and markdown bodies)'
        : markdown
          ? 'marked (only for markdown bodies)'
          : purify
            ? 'DOMPurify (only in browsers without the HTML Sanitizer API)'
            : 'loaded when this element appears on the page',
    ),
  );
}
const BODY_CHUNKS = /^lantern-(?:rich|markdown|sanitize-purify)-/;
const withoutRich = [...everything].filter((f) => !BODY_CHUNKS.test(f));
// dist/cdn/all/lantern.js: every element registered up front, for a render-blocking script.
const allDir = join(cdnDir, 'all');
if (existsSync(join(allDir, 'lantern.js'))) {
  const code = readFileSync(join(allDir, 'lantern.js'));
  const deps = [
    ...code.toString('utf8').matchAll(/(?:from|import)\s*["'`]\.\/([\w.-]+\.js)["'`]/g),
  ].map((m) => readFileSync(join(allDir, m[1])));
  rows.push(
    measure(
      'cdn/all/lantern.js + static imports',
      Buffer.concat([code, ...deps]),
      'every element registered at once (render-blocking, zero layout shift)',
    ),
  );
}
rows.push(
  measure(
    'cdn/all elements',
    joined(withoutRich),
    'a page with all four elements (entry + every element chunk)',
  ),
);

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
    metafile: true,
    logLevel: 'silent',
    nodePaths: [join(root, 'node_modules')],
  });
  // The entry with every chunk it imports statically (code it shares with its own lazy chunks
  // lands in such a chunk): what arrives before the element can run.
  const outputs = result.metafile.outputs;
  const needed = new Set();
  const visit = (path) => {
    if (needed.has(path)) return;
    needed.add(path);
    for (const dep of outputs[path]?.imports ?? [])
      if (dep.kind === 'import-statement') visit(dep.path);
  };
  visit(`/virtual/${name}.js`.replace(/^\//, '../../'));
  const files = result.outputFiles.filter((f) => needed.has(`../..${f.path}`));
  // esbuild names its chunks by content hash too (`chunk-XEDT7J47.js`), and those characters
  // alone moved this row's brotli size by 32 B with no byte of the code changed: each gets a
  // stand-in of the same alphabet derived from the modules the chunk holds.
  const standIns = Object.entries(outputs).map(([path, { inputs }]) => {
    const modules = Object.keys(inputs).map((i) =>
      i.replace(/^.*?(dist\/lib\/|node_modules\/)/, ''),
    );
    const digest = createHash('sha256').update(modules.sort().join()).digest();
    const hash = [...digest.subarray(0, 8)].map((b) => BASE32[b % 32]).join('');
    return [basename(path), basename(path).replace(/-[A-Z2-7]{8}\.js$/, `-${hash}.js`)];
  });
  const named = (bytes) =>
    Buffer.from(
      standIns.reduce((text, [from, to]) => text.replaceAll(from, to), bytes.toString('latin1')),
      'latin1',
    );
  rows.push(
    measure(
      `lib/${name}.js`,
      Buffer.concat(files.map((f) => named(Buffer.from(f.contents)))),
      `${name} alone, with lit (${files.length} files)`,
    ),
  );
}

/** The demo feed with the stories' markdown sources as bodies instead of their HTML. */
function markdownDemoFeed() {
  const feed = JSON.parse(readFileSync(join(root, 'demo/feed.json'), 'utf8'));
  for (const item of feed.items) {
    const source = join(root, 'demo/stories', `${item.id}.md`);
    if (!item.content_html || !existsSync(source)) continue;
    const markdown = readFileSync(source, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    delete item.content_html;
    item._lantern = { ...item._lantern, content_markdown: markdown };
  }
  return feed;
}
/** The story's body paragraphs in reader mode, not the skeleton or the header. */
const readerReady = () =>
  (document
    .querySelector('lantern-story-navigator')
    ?.shadowRoot?.querySelectorAll('[part~="body"] p').length ?? 0) > 4;

// What a real page downloads: each page is loaded in Chromium from the built CDN files and
// every JavaScript response it requests is counted (gzip of each file, summed), after the
// widgets show their content. `goal` is the issue's bar, printed, not enforced.
const PAGES = [
  {
    name: 'page: cards + list',
    path: '/bench/pages/cards-list.html',
    ready: () => {
      const title = (card) => card?.shadowRoot?.querySelector('[part~="title"]')?.textContent;
      const list = document.querySelector('lantern-article-list');
      return (
        [...document.querySelectorAll('body > lantern-article-card')].every(title) &&
        !!title(list?.shadowRoot?.querySelector('lantern-article-card'))
      );
    },
    goal: 12 * 1024,
    issue: 11,
  },
  {
    name: 'page: reader mode',
    path: '/bench/pages/reader.html#part-3',
    ready: readerReady,
    // An HTML body: neither marked nor DOMPurify is requested.
    goal: 20 * 1024,
    issue: 14,
  },
  {
    // The same page when the feed carries markdown: marked is fetched, DOMPurify is not.
    name: 'page: reader mode, markdown body',
    path: '/bench/pages/reader.html#part-3',
    ready: readerReady,
    feed: markdownDemoFeed,
    goal: 42 * 1024,
    issue: 11,
  },
  {
    // The same page in a browser without the HTML Sanitizer API: DOMPurify is fetched.
    name: 'page: reader mode, no Sanitizer API',
    path: '/bench/pages/reader.html#part-3',
    ready: readerReady,
    init: () => {
      delete Element.prototype.setHTML;
      delete ShadowRoot.prototype.setHTML;
      delete Document.parseHTML;
      delete window.Sanitizer;
    },
  },
];
if (!process.env.SIZE_NO_BROWSER) {
  const server = await serve({ dir: root });
  const browser = await launch();
  try {
    for (const spec of PAGES) {
      const page = await browser.newPage();
      if (spec.init) await page.addInitScript(spec.init);
      if (spec.feed) {
        const json = spec.feed();
        await page.route('**/demo/feed.json', (route) => route.fulfill({ json }));
      }
      const scripts = new Map();
      page.on('response', async (response) => {
        const url = new URL(response.url());
        if (!url.pathname.endsWith('.js')) return;
        scripts.set(
          url.pathname,
          response.body().catch(() => Buffer.alloc(0)),
        );
      });
      await page.goto(server.origin + spec.path);
      await page.waitForFunction(spec.ready, undefined, { timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      const files = [...scripts.keys()].sort();
      const bodies = await Promise.all(files.map((f) => scripts.get(f)));
      const row = {
        name: spec.name,
        note: `${files.length} files: ${files.map((f) => basename(f)).join(', ')}`,
        raw: bodies.reduce((n, b) => n + b.length, 0),
        gzip: bodies.reduce((n, b) => n + gzip(b), 0),
        brotli: bodies.reduce((n, b) => n + brotli(b), 0),
        goal: spec.goal,
        issue: spec.issue,
      };
      rows.push(row);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

const problems = [];
// A selector a browser may not know (:has(), :state()) drops every selector of its rule: the
// minifier joins rules with the same declarations, so such a selector must sit in a forgiving
// :is() whenever its rule has others.
const withoutIs = (selector) => {
  let out = '';
  for (let i = 0, depth = 0; i < selector.length; i++) {
    if (depth === 0 && selector.startsWith(':is(', i)) {
      depth = 1;
      i += 3;
    } else if (depth > 0) depth += selector[i] === '(' ? 1 : selector[i] === ')' ? -1 : 0;
    else out += selector[i];
  }
  return out;
};
for (const file of readdirSync(cdnDir).filter((f) => /\.(js|css)$/.test(f))) {
  for (const [, selector] of read(file)
    .toString('utf8')
    .matchAll(/([^{}`;]+)\{/g)) {
    const bare = withoutIs(selector);
    if (bare.includes(',') && /:(?:has|state)\(/.test(bare)) {
      problems.push(
        `cdn/${file}: "${selector.trim()}" drops its whole rule where :has() or :state() is unknown`,
      );
    }
  }
}
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
// The point of the split: marked and DOMPurify each live only in their own lazy chunk, so an
// HTML body fetches neither and a markdown body fetches marked alone.
const MARKED = /Please report this to https:\/\/github.com\/markedjs/;
for (const file of everything) {
  const code = read(file).toString('utf8');
  if (/DOMPurify/.test(code) && !/^lantern-sanitize-purify-/.test(file)) {
    problems.push(`cdn: DOMPurify is in ${file}, outside its own chunk`);
  }
  if (MARKED.test(code) && !/^lantern-markdown-/.test(file)) {
    problems.push(`cdn: marked is in ${file}, outside its own chunk`);
  }
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
  for (const r of rows.filter((row) => row.goal)) {
    const verdict =
      r.gzip <= r.goal
        ? 'met'
        : `NOT met: ${((r.gzip - r.goal) / 1024).toFixed(2)} KB over (see the README's breakdown)`;
    console.log(
      `${r.name}: ${kb(r.gzip)} gzip; issue ${r.issue}'s bar is ${kb(r.goal)}: ${verdict}`,
    );
  }
  console.log(
    problems.length ? `\nsize: ${problems.length} problem(s):` : '\nsize: every budget met',
  );
  for (const p of problems) console.log(`  - ${p}`);
}
process.exit(problems.length ? 1 : 0);
