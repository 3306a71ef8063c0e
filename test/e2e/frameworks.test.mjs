// A partner's React 19 app and Vue 3 app (test/frameworks/), installed in a temp dir against the
// packed tarball as a partner would install the package (npm registry only): `tsc` / `vue-tsc`
// pass with no declarations of the apps' own, a second file of deliberate mistakes fails on
// exactly its marked lines, and both apps, built (esbuild / Vite), render every element from
// properties in Chromium with their events reaching the apps' handlers: once with the npm import,
// once with the README's CDN snippet in the page instead (lantern.js must define every element
// before the app renders, so the apps set properties, not "[object Object]" attributes).
// Needs `npm run build` first (it packs dist/).
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { after, before, test } from 'node:test';
import { launch, root, serve, watchErrors } from './harness.mjs';
import { localUrls, readmeSnippet } from './readme-snippet.mjs';
import { tagNames } from './tag-names.mjs';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'lantern-frameworks-'));
const bin = (path) => join(dir, 'node_modules', path);

let server;
let browser;
before(async () => {
  const started = Date.now();
  const tarball = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir],
    { cwd: root, encoding: 'utf8' },
  )
    .trim()
    .split('\n')
    .pop();
  cpSync(join(root, 'test/frameworks'), dir, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  pkg.dependencies['lantern-widgets'] = `file:./${tarball}`;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
  // The apps fetch the demo feed from their own origin, as a partner's app would its feed.
  cpSync(join(root, 'demo/feed.json'), join(dir, 'demo/feed.json'));
  cpSync(join(root, 'demo/images'), join(dir, 'demo/images'), { recursive: true });
  console.log(`# packed and installed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${dir}`);
  server = await serve({ dir });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a type checker; resolves to `{ code, errors: ['file(line,col): …'] }`. */
async function typecheck(checker, project) {
  const result = await run(process.execPath, [bin(checker), '-p', project], { cwd: dir }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e) => ({ code: e.code, out: `${e.stdout}${e.stderr}` }),
  );
  return { code: result.code, errors: result.out.split('\n').filter((l) => /error TS\d+/.test(l)) };
}

/** The lines after each `wrong:` comment (1-based): the ones the type checker must reject. */
function wrongLines(file) {
  return readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .flatMap((line, index) => (/^\s*(\{\/\*|<!--) wrong:/.test(line) ? [index + 2] : []));
}

async function assertRejectsExactly(checker, project, file) {
  const { code, errors } = await typecheck(checker, project);
  console.log(errors.map((e) => `#   ${e}`).join('\n'));
  assert.notEqual(code, 0, `${file} type-checked, but every marked line is a mistake`);
  const lines = [...new Set(errors.map((e) => Number(/\((\d+),\d+\)/.exec(e)?.[1])))].sort(
    (a, b) => a - b,
  );
  assert.deepEqual(lines, wrongLines(file), `${file}: errors on other lines than those marked`);
}

test('React 19: tsc passes with `lantern-widgets/react` and no declarations of the app’s own', async () => {
  const { code, errors } = await typecheck('typescript/bin/tsc', 'react/tsconfig.json');
  assert.deepEqual(errors, []);
  assert.equal(code, 0);
});

test('React 19: a wrong attribute value, property or event detail fails tsc', async () => {
  await assertRejectsExactly('typescript/bin/tsc', 'react/tsconfig.wrong.json', 'react/wrong.tsx');
});

test('Vue 3: vue-tsc passes with `lantern-widgets/vue` and no declarations of the app’s own', async () => {
  const { code, errors } = await typecheck('vue-tsc/bin/vue-tsc.js', 'vue/tsconfig.json');
  assert.deepEqual(errors, []);
  assert.equal(code, 0);
});

test('Vue 3: a wrong attribute value, property or event detail fails vue-tsc', async () => {
  await assertRejectsExactly('vue-tsc/bin/vue-tsc.js', 'vue/tsconfig.wrong.json', 'vue/Wrong.vue');
});

/** Opens an app, waits for its elements, clicks a part link and a download; returns what it saw. */
async function drive(path) {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}${path}`);
  const logged = (line) =>
    page.waitForFunction(
      (l) => [...document.querySelectorAll('#log li')].some((li) => li.textContent === l),
      line,
      { timeout: 20_000 },
    );
  for (const line of ['card load 1', 'list load 2', 'report load 1']) await logged(line);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('#log li')].some((li) => /^navigator load /.test(li.textContent)),
  );
  await page.waitForFunction(() =>
    [...document.querySelectorAll('#log li')].some((li) => /^broken error \w/.test(li.textContent)),
  );
  const seen = await page.evaluate(() => {
    const shadow = (id) => document.getElementById(id).shadowRoot;
    return {
      cardTitle: shadow('card').querySelector('.title a')?.textContent.trim(),
      cardImage: shadow('card').querySelector('img')?.src,
      listCards: [...shadow('list').querySelectorAll('lantern-article-card')].map((card) =>
        card.shadowRoot.querySelector('.title a')?.textContent.trim(),
      ),
      navigatorText: shadow('navigator').textContent.replace(/\s+/g, ' '),
      reportText: shadow('report').textContent.replace(/\s+/g, ' '),
      cdnFiles: performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((file) => file.includes('/lantern-widgets/dist/cdn/'))
        .map((file) => file.replace(/.*\/dist\/cdn\//, '').replace(/-[\w-]{8}\.js$/, '.js'))
        .sort(),
      objectAttributes: [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes]
          .filter((a) => a.value.includes('[object Object]'))
          .map((a) => `${el.localName}[${a.name}]`),
      ),
    };
  });
  // Events from the user's actions reach the app's handlers too.
  await page.locator('#navigator a[data-part="2"]').first().click();
  await logged('navigator part-change 2 yoon-ha-part-2');
  const download = page.locator('#report a[href$=".pdf"]').first();
  const href = new URL(await download.getAttribute('href'), server.origin).pathname;
  await download.click();
  await logged(`report download ${href}`);
  seen.log = await page.$$eval('#log li', (items) => items.map((li) => li.textContent));
  seen.errors = errors.filter((e) => !e.includes('/demo/missing-feed.json'));
  await page.close();
  return seen;
}

function assertRendered(seen) {
  console.log(`#   log: ${seen.log.join(' | ')}`);
  assert.equal(seen.cardTitle, 'North Korean Soldiers in Russia-Ukraine War', 'card from .item');
  assert.equal(
    seen.cardImage,
    `${server.origin}/demo/images/soldiers.svg`,
    "the item's relative image resolves against base-url",
  );
  assert.equal(seen.listCards.length, 2, 'list from .feed, limit 2');
  assert.ok(seen.listCards.every(Boolean), 'every listed card shows a title');
  assert.match(seen.navigatorText, /Yoon Ha/, 'navigator from .feed');
  assert.match(seen.reportText, /Human Rights Violations/, 'report from .item');
  assert.deepEqual(seen.objectAttributes, [], 'no object was written as an attribute');
  assert.ok(
    seen.log.some((l) => /^broken error \w+/.test(l)),
    'a missing feed reaches lantern-error',
  );
  assert.deepEqual(seen.errors, []);
}

/** The React app built with esbuild; `cdn`: without the package's import (the page has the snippet). */
function buildReact(outfile, cdn = false) {
  return esbuild({
    absWorkingDir: dir,
    entryPoints: ['react/main.tsx'],
    outfile,
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    plugins: cdn ? [withoutPackage] : [],
  });
}

/** Resolves `import 'lantern-widgets'` to nothing: the app then relies on the CDN script alone. */
const withoutPackage = {
  name: 'lantern-from-cdn',
  setup(build) {
    build.onResolve({ filter: /^lantern-widgets$/ }, () => ({ path: 'cdn', namespace: 'cdn' }));
    build.onLoad({ filter: /.*/, namespace: 'cdn' }, () => ({ contents: '' }));
  },
};

/**
 * A copy of an app's page with the README snippet at the top of its head, before the app's own
 * bundle, as the README tells partners: the CDN is the installed package's dist/cdn/.
 */
function withSnippet(from, to, replace = (html) => html) {
  const head = readmeSnippet()
    .head.map((line) => localUrls(line, '/node_modules/lantern-widgets/'))
    .join('\n');
  const html = replace(readFileSync(join(dir, from), 'utf8'));
  writeFileSync(join(dir, to), html.replace(/<head>/, `<head>\n${head}`));
}

/** Among what the page loads from the CDN: the snippet's two files and the three element chunks. */
const CDN_FILES = [
  'lantern-article-list.js',
  'lantern-report-download.js',
  'lantern-story-navigator.js',
  'lantern.css',
  'lantern.js',
];

/** Rendered by the CDN script: the snippet's two files and every element's chunk were loaded. */
function assertFromCdn(seen) {
  const missing = CDN_FILES.filter((file) => !seen.cdnFiles.includes(file));
  assert.deepEqual(missing, [], 'the elements came from the CDN script');
}

test('the React 19 app renders every element from properties; events reach its handlers', async () => {
  await buildReact('react/dist/main.js');
  const seen = await drive('/react/index.html');
  assertRendered(seen);
  assert.deepEqual(seen.cdnFiles, []);
});

test('the React 19 app with the CDN snippet: every element defined at once, set by properties', async () => {
  await buildReact('react/dist/main-cdn.js', true);
  withSnippet('react/index.html', 'react/cdn.html', (html) =>
    html.replace('./dist/main.js', './dist/main-cdn.js'),
  );
  const seen = await drive('/react/cdn.html');
  assertRendered(seen);
  assertFromCdn(seen);
});

/** The Vue app built with Vite into `outDir`; `cdn`: without the package's import. */
async function buildVue(outDir, cdn = false) {
  const { default: vue } = await import(pathToFileURL(bin('@vitejs/plugin-vue/dist/index.mjs')));
  writeFileSync(join(dir, 'nothing.js'), '');
  await viteBuild({
    root: join(dir, 'vue'),
    configFile: false,
    logLevel: 'error',
    base: './',
    build: { outDir, emptyOutDir: true },
    resolve: cdn
      ? { alias: [{ find: /^lantern-widgets$/, replacement: join(dir, 'nothing.js') }] }
      : {},
    // Vue must leave <lantern-*> to the browser instead of looking for a Vue component.
    plugins: [
      vue({
        template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('lantern-') } },
      }),
    ],
  });
}

test('the Vue 3 app renders every element from properties; events reach its handlers', async () => {
  await buildVue('dist');
  const seen = await drive('/vue/dist/index.html');
  assertRendered(seen);
  assert.deepEqual(seen.cdnFiles, []);
});

test('the Vue 3 app with the CDN snippet: every element defined at once, set by properties', async () => {
  await buildVue('dist-cdn', true);
  withSnippet('vue/dist-cdn/index.html', 'vue/dist-cdn/cdn.html');
  const seen = await drive('/vue/dist-cdn/cdn.html');
  assertRendered(seen);
  assertFromCdn(seen);
});

test('the apps cover every element', () => {
  for (const file of ['react/main.tsx', 'vue/App.vue']) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const tag of Object.values(tagNames))
      assert.ok(source.includes(`<${tag}`), `${file}: <${tag}>`);
  }
  assert.ok(readdirSync(dir).some((f) => f.endsWith('.tgz')));
});
