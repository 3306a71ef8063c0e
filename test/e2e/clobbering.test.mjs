// DOM clobbering by the host page: an element's id or name becomes a global (`window.X`) or hides
// a `document` method. The built CDN script with the README snippet, on a page holding each such
// element, must either render the widget or keep the partner's fallback link visible with a
// console warning that names the cause: never an empty box. Run `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, serve } from './harness.mjs';

/** The built CDN entry (another build can be tried with LANTERN_SCRIPT=/tmp/…/lantern.js). */
const SCRIPT = process.env.LANTERN_SCRIPT ?? '/dist/cdn/lantern.js';

/** The README snippet, with the host page's `extra` markup before it. */
function page(extra, { inlineScript = '' } = {}) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Clobbering host</title>
    ${inlineScript}
    <script type="module" src="${SCRIPT}"></script>
  </head>
  <body>
    ${extra}
    <lantern-article-card src="/demo/feed.json" item="north-korean-soldiers-russia-ukraine">
      <!-- shown until the widget loads, and if it cannot -->
      <a id="fallback" href="https://example.org/articles/north-korean-soldiers"
        >North Korean Soldiers in Russia-Ukraine War</a
      >
    </lantern-article-card>
  </body>
</html>`;
}

/** name → markup on the host page, and the word a warning must contain if it does not render. */
const CASES = {
  'div-id-litHtmlVersions': ['<div id="litHtmlVersions"></div>', 'litHtmlVersions'],
  'div-id-reactiveElementVersions': [
    '<div id="reactiveElementVersions"></div>',
    'reactiveElementVersions',
  ],
  'div-id-litElementVersions': ['<div id="litElementVersions"></div>', 'litElementVersions'],
  'div-id-litHtmlPolyfillSupport': [
    '<div id="litHtmlPolyfillSupport"></div>',
    'litHtmlPolyfillSupport',
  ],
  'a-id-litElementHydrateSupport': [
    '<a id="litElementHydrateSupport" href="#">x</a>',
    'litElementHydrateSupport',
  ],
  'div-id-litPropertyMetadata': ['<div id="litPropertyMetadata"></div>', 'litPropertyMetadata'],
  'div-id-ShadyCSS': ['<div id="ShadyCSS"></div>', 'ShadyCSS'],
  'img-name-createElement': ['<img name="createElement" alt="">', 'createElement'],
  'img-name-createTreeWalker': ['<img name="createTreeWalker" alt="">', 'createTreeWalker'],
  'img-name-importNode': ['<img name="importNode" alt="">', 'importNode'],
  'img-name-implementation': ['<img name="implementation" alt="">', 'implementation'],
  'form-name-querySelector': ['<form name="querySelector"></form>', 'querySelector'],
  'embed-name-createComment': ['<embed name="createComment">', 'createComment'],
  // Not clobbering but the same failure: the first render throws. The fallback must stay.
  'script-breaks-importNode': [
    '',
    'could not render',
    `<script>Document.prototype.importNode = () => { throw new Error('host broke importNode'); };</script>`,
  ],
};

/** The README's policy (as test/e2e/csp.test.mjs serves it). */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https:",
  "require-trusted-types-for 'script'",
  'trusted-types lantern lit-html',
].join('; ');

let server;
let browser;
before(async () => {
  const routes = {};
  for (const [name, [markup, , inlineScript = '']] of Object.entries(CASES)) {
    routes[`/clobber/${name}.html`] = (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(page(markup, { inlineScript }));
    routes[`/clobber-csp/${name}.html`] = (_req, res) =>
      res
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          // The README's policy; the inline breaking script needs its hash-free exception.
          'content-security-policy': inlineScript
            ? POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
            : POLICY,
        })
        .end(page(markup, { inlineScript }));
  }
  server = await serve({ routes });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** What a reader sees once the page has settled: rendered widget, fallback link, or neither. */
async function outcome(path) {
  const tab = await browser.newPage({ viewport: { width: 800, height: 900 } });
  const warnings = [];
  tab.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  tab.on('pageerror', (e) => warnings.push(`pageerror: ${e.message}`));
  await tab.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await tab.goto(`${server.origin}${path}`);
  // Settled: the title has rendered, or a few seconds passed (a widget that never starts).
  await tab
    .waitForFunction(
      () =>
        !!Document.prototype.querySelector
          .call(document, 'lantern-article-card')
          ?.shadowRoot?.querySelector('.title')
          ?.textContent?.trim(),
      undefined,
      { timeout: 5000, polling: 50 },
    )
    .catch(() => undefined);
  await tab.waitForTimeout(300);
  const state = await tab.evaluate(() => {
    // The page may hide document.querySelector itself (one of the cases).
    const find = (selector) => Document.prototype.querySelector.call(document, selector);
    const card = find('lantern-article-card');
    const root = card.shadowRoot;
    const title = root?.querySelector('.title')?.textContent?.trim() ?? '';
    const link = find('#fallback');
    const box = link.getBoundingClientRect();
    // Visible: laid out with a size, and assigned to a slot if the element has a shadow root.
    const linkVisible =
      box.width > 0 && box.height > 0 && link.checkVisibility() && (!root || !!link.assignedSlot);
    const sheets = root
      ? root.adoptedStyleSheets.length + root.querySelectorAll('style').length
      : 0;
    // Unstyled, a custom element is display: inline; the widget's :host rule makes it a block.
    const styled = root ? getComputedStyle(card).display !== 'inline' : false;
    return {
      defined: !!customElements.get('lantern-article-card'),
      title,
      linkVisible,
      sheets,
      styled,
      violations: window.__violations,
    };
  });
  await tab.close();
  return { ...state, warnings };
}

function assertNeverEmpty(name, word, state) {
  const rendered = state.title.length > 0;
  if (rendered) return 'rendered';
  assert.ok(
    state.linkVisible,
    `${name}: neither rendered nor showing the fallback link (${JSON.stringify(state)})`,
  );
  assert.ok(
    state.warnings.some((w) => w.includes(word)),
    `${name}: no console warning names "${word}": ${state.warnings.join(' | ')}`,
  );
  return 'fallback';
}

for (const [name, [, word]] of Object.entries(CASES)) {
  test(`host page with ${name}: the widget renders, or the fallback link stays with a warning`, async () => {
    const state = await outcome(`/clobber/${name}.html`);
    const result = assertNeverEmpty(name, word, state);
    console.log(`${name}: ${result}${state.defined ? '' : ' (not registered)'}`);
    // Lit's own globals are given back, so those pages get a working widget.
    if (/-id-/.test(name)) assert.equal(result, 'rendered', `${name}: ${state.warnings}`);
  });
}

test('under the README CSP, id="ShadyCSS" still gets a styled widget and no violation', async () => {
  const state = await outcome('/clobber-csp/div-id-ShadyCSS.html');
  assert.ok(state.title, `not rendered: ${state.warnings.join(' | ')}`);
  assert.deepEqual(state.violations, []);
  assert.ok(state.sheets > 0, 'no stylesheet in the shadow root');
  assert.equal(state.styled, true, 'the card is unstyled');
});

test('under the README CSP, a host that breaks the first render keeps the fallback link', async () => {
  const state = await outcome('/clobber-csp/script-breaks-importNode.html');
  assertNeverEmpty('script-breaks-importNode (CSP)', 'could not render', state);
});
