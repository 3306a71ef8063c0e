// The npm package as `npm pack` would publish it: built output, types, custom-elements.json and
// README only; every export resolves; only the registering entries have side effects; and the
// entries work in a browser (registering twice is a no-op, class-only modules register nothing).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, root, serve, watchErrors } from './harness.mjs';
import { allTagNames, moduleName, tagNames } from './tag-names.mjs';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** Each element's module name (`article-card`), as its define file, entry and chunk are named. */
const tags = allTagNames.map(moduleName);

/**
 * Every `--lantern-*` token an element's styles read: the shared ones (src/theme/tokens.ts) and
 * those in the styles of its own folder and of the modules it imports (the list shows cards).
 */
function tokensUsedBy(name) {
  const seen = new Set();
  const tokens = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, token] of source.matchAll(/var\((--lantern-[\w-]+)/g)) tokens.add(token);
    for (const [, spec] of source.matchAll(/from '(\.[^']+)\.js'/g)) {
      const target = resolve(dirname(file), `${spec}.ts`);
      if (target.includes('/src/components/') || target.endsWith('/theme/tokens.ts')) visit(target);
    }
  };
  visit(join(root, 'src/components', name, `${name}.ts`));
  return [...tokens];
}

let files;
before(() => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [report] = JSON.parse(out);
  files = report.files.map((f) => f.path);
  console.log(
    `# npm pack: ${report.entryCount} files, ${(report.size / 1024).toFixed(1)} KB packed, ` +
      `${(report.unpackedSize / 1024).toFixed(1)} KB unpacked`,
  );
});

test('the package holds the build, types, custom-elements.json, README and LICENSE', () => {
  for (const needed of [
    'package.json',
    'README.md',
    'LICENSE',
    'custom-elements.json',
    'dist/cdn/lantern.js',
    'dist/lib/index.js',
    'dist/types/index.d.ts',
    'dist/types/react.d.ts',
    'dist/types/vue.d.ts',
    'dist/web-types.json',
    'dist/vscode.html-custom-data.json',
  ]) {
    assert.ok(files.includes(needed), `${needed} is missing from the package`);
  }
  assert.ok(
    files.some((f) => /^dist\/cdn\/lantern-rich-[\w-]+\.js$/.test(f)),
    'the rich-content chunk is missing from the CDN build',
  );
});

test('no tests, stories, fixtures, demo data, sources or tooling are shipped', () => {
  const shipped = files.filter(
    (f) =>
      /^(test|tests|stories|demo|preview|public|scripts|src|bench|seeds|\.storybook|\.ci|node_modules)\//.test(
        f,
      ) ||
      /(^|\/)fixtures?\//.test(f) ||
      /\.(test|spec|stories)\.[cm]?[jt]s$/.test(f) ||
      /^(vite\.config|web-test-runner\.config|eslint\.config|tsconfig)/.test(f),
  );
  assert.deepEqual(shipped, []);
  const outside = files.filter(
    (f) =>
      !f.startsWith('dist/') &&
      // bin/: the lantern-feed builder (package.json "bin").
      !f.startsWith('bin/') &&
      !['package.json', 'README.md', 'LICENSE', 'custom-elements.json'].includes(f),
  );
  assert.deepEqual(
    outside,
    [],
    'only dist/, package.json, README.md, LICENSE, custom-elements.json',
  );
});

test('every export, type and entry field points at a shipped file', () => {
  const targets = [pkg.main, pkg.module, pkg.types, pkg['web-types']];
  for (const value of Object.values(pkg.exports)) {
    if (typeof value === 'string') targets.push(value);
    else targets.push(...Object.values(value));
  }
  for (const target of targets) {
    assert.ok(files.includes(target.replace(/^\.\//, '')), `${target} is not in the package`);
  }
  for (const tag of tags) {
    assert.ok(pkg.exports[`./${tag}`], `no registering export for ${tag}`);
    assert.ok(pkg.exports[`./components/${tag}`], `no class-only export for ${tag}`);
  }
});

test('every element has one define module, and it is in the list of tag names', () => {
  const defines = readdirSync(join(root, 'src/define'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''));
  assert.deepEqual(defines.sort(), [...tags].sort());
});

test('custom-elements.json declares every element: its class, summary, attributes and events', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  for (const tag of allTagNames) {
    const found = manifest.modules.flatMap((module) =>
      (module.declarations ?? [])
        .filter((d) => d.customElement && d.tagName === tag)
        .map((declaration) => ({ module, declaration })),
    );
    assert.equal(found.length, 1, `custom-elements.json should declare <${tag}> once`);
    const [{ module, declaration }] = found;
    const name = moduleName(tag);
    // Paths name shipped files (the class-only entry), not sources the package does not ship.
    assert.equal(module.path, `dist/lib/components/${name}.js`, `<${tag}>'s module`);
    assert.ok(files.includes(module.path), `${module.path} is not in the package`);
    assert.equal(declaration.kind, 'class', `<${tag}> is a class`);
    assert.ok(declaration.summary?.trim(), `<${tag}> has no summary`);
    const attributes = (declaration.attributes ?? []).map((a) => a.name);
    for (const shared of ['src', 'lang', 'theme', 'hide-images']) {
      assert.ok(attributes.includes(shared), `<${tag}> does not list the ${shared} attribute`);
    }
    const events = (declaration.events ?? []).map((e) => e.name);
    for (const event of ['lantern-load', 'lantern-error']) {
      assert.ok(events.includes(event), `<${tag}> does not list the ${event} event`);
    }
    // The shared tokens are documented once (src/theme/tokens.ts) and reach every element.
    const documented = new Set((declaration.cssProperties ?? []).map((p) => p.name));
    for (const token of tokensUsedBy(name)) {
      assert.ok(documented.has(token), `<${tag}> uses ${token}, which its manifest entry omits`);
    }
    // The define module registers it: its definition points back at this declaration.
    const defineModule = manifest.modules.find((m) => m.path === `dist/lib/${name}.js`);
    const definition = (defineModule?.exports ?? []).find(
      (e) => e.kind === 'custom-element-definition' && e.name === tag,
    );
    assert.deepEqual(
      definition?.declaration,
      { name: declaration.name, module: module.path },
      `dist/lib/${name}.js does not define <${tag}> as ${declaration.name} in the manifest`,
    );
  }
  const paths = JSON.stringify(manifest).match(/"(path|module)":"[^"]*"/g) ?? [];
  for (const entry of paths) {
    const path = entry.replace(/^"(path|module)":"|"$/g, '');
    assert.ok(files.includes(path), `custom-elements.json names ${path}, which is not shipped`);
  }
});

test('custom-elements.json lists only public API: no private fields, no internal helpers', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
  assert.deepEqual(
    declarations.filter((d) => d.kind !== 'class').map((d) => d.name),
    [],
    'helper functions and constants are not public API',
  );
  const navigator = declarations.find((d) => d.tagName === tagNames.navigator);
  const names = (navigator.members ?? []).map((m) => m.name);
  // `this.bodyHost.className = …` in its constructor once showed up as a public field.
  assert.ok(!names.includes('className'), 'the navigator lists a bogus className field');
});

test('editor data (VS Code custom data, web-types) describes every element and its values', () => {
  const vscode = JSON.parse(readFileSync(join(root, 'dist/vscode.html-custom-data.json'), 'utf8'));
  const webTypes = JSON.parse(readFileSync(join(root, 'dist/web-types.json'), 'utf8'));
  const webElements = webTypes.contributions.html.elements;
  assert.equal(webTypes.name, pkg.name);
  for (const tag of allTagNames) {
    const entry = vscode.tags.find((t) => t.name === tag);
    assert.ok(entry?.description, `VS Code data has no <${tag}>`);
    const theme = entry.attributes.find((a) => a.name === 'theme');
    assert.deepEqual(theme?.values?.map((v) => v.name).sort(), ['auto', 'dark', 'light']);
    const web = webElements.find((e) => e.name === tag);
    assert.ok(web?.description, `web-types has no <${tag}>`);
    assert.ok(
      web.js.events.some((e) => e.name === 'lantern-load'),
      `<${tag}>: no lantern-load`,
    );
    assert.ok(
      web.js.properties.some((p) => p.name === 'feed'),
      `<${tag}>: no feed property`,
    );
  }
  const navigator = vscode.tags.find((t) => t.name === tagNames.navigator);
  const mode = navigator.attributes.find((a) => a.name === 'mode');
  assert.deepEqual(
    mode?.values?.map((v) => v.name),
    ['navigation', 'reader'],
    'type aliases resolved',
  );
});

test('only the files listed in sideEffects register elements', () => {
  const sideEffects = pkg.sideEffects.map((p) => p.replace(/^\.\//, ''));
  const registers = (f) =>
    /defineAs\(\s*["'`]lantern-|customElements\.define\(\s*["'`]lantern-/.test(f);
  for (const file of files.filter((f) => f.startsWith('dist/lib/') && f.endsWith('.js'))) {
    const code = readFileSync(join(root, file), 'utf8');
    const listed = sideEffects.includes(file);
    if (registers(code))
      assert.ok(listed, `${file} registers an element but is not in sideEffects`);
  }
  for (const tag of allTagNames) {
    const file = `dist/lib/${moduleName(tag)}.js`;
    assert.ok(
      registers(readFileSync(join(root, file), 'utf8')),
      `${file} does not register ${tag}`,
    );
  }
  // sideEffects also steers the CDN build: a pattern too narrow there drops the registrations.
  // The CDN entry registers the card itself (in its core chunk) and the others in their own chunks.
  const cdnDir = join(root, 'dist/cdn');
  const cdn = readdirSync(cdnDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(cdnDir, f), 'utf8'))
    .join('\n');
  for (const tag of allTagNames) {
    assert.match(cdn, new RegExp(`defineAs\\(\\s*["'\`]${tag}["'\`]`), `the CDN build lost ${tag}`);
  }
});

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

test('the npm entries work in a browser: twice-registered is a no-op, class modules register nothing', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/test/e2e/pages/npm.html`);
  const result = await page.evaluate(async (tag) => {
    const before = customElements.get(tag);
    const { LanternArticleCard } = await import('/dist/lib/components/article-card.js');
    const afterClass = customElements.get(tag);
    await import('/dist/lib/article-card.js');
    await import('/dist/lib/index.js'); // registers the card a second time: must not throw
    LanternArticleCard.defineAs(tag);
    const card = document.createElement(tag);
    card.setAttribute('src', '/demo/feed.json');
    const loaded = new Promise((r) => card.addEventListener('lantern-load', r, { once: true }));
    document.body.append(card);
    await loaded;
    return {
      before: !!before,
      afterClass: !!afterClass,
      registered: customElements.get(tag) === LanternArticleCard,
      title: card.shadowRoot.querySelector('.title a')?.textContent,
    };
  }, tagNames.card);
  assert.deepEqual(result, {
    before: false,
    afterClass: false,
    registered: true,
    title: 'North Korean Soldiers in Russia-Ukraine War',
  });
  for (const tag of allTagNames) {
    assert.ok(
      await page.evaluate((t) => !!customElements.get(t), tag),
      `the npm index did not register ${tag}`,
    );
  }
  assert.deepEqual(errors, []);
  await page.close();
});
