// A partner page under a strict Content Security Policy with Trusted Types renders every element,
// rich content included, without a single CSP or Trusted Types violation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, serve, watchErrors } from './harness.mjs';
import {
  shadowText,
  showWarned,
  trackWidgets,
  waitForShadowText,
  waitForWidgets,
} from './widgets.mjs';

/** The policy from the README's "Content Security Policy" section. */
export const POLICY = [
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
  server = await serve({
    headers: (path) => (path.endsWith('.html') ? { 'content-security-policy': POLICY } : {}),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path) {
  const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
  const errors = watchErrors(page);
  const messages = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Trusted Type|TrustedHTML|TrustedScript/i.test(m.text())) {
      messages.push(m.text());
    }
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`),
    );
  });
  await trackWidgets(page);
  const response = await page.goto(`${server.origin}${path}`);
  assert.equal(response.headers()['content-security-policy'], POLICY);
  const state = await waitForWidgets(page);
  await page.waitForTimeout(300);
  return { page, errors, messages, state };
}

/** Violations seen so far: read after the reveals, so what they build is covered too. */
async function violationsOf(page) {
  await page.waitForTimeout(300);
  return page.evaluate(() => window.__violations);
}

test('every element, rich content included, renders under the strict CSP with no violation', async () => {
  const { page, errors, messages, state } = await open('/test/e2e/pages/every.html');
  assert.deepEqual(state.failed, []);
  assert.equal(state.loaded, state.total);
  assert.equal(await page.evaluate(() => typeof window.trustedTypes?.createPolicy), 'function');

  // Part 3 carries a content warning (issue 11): its body is built only once the reader presses
  // "Show content", so press it as a reader would; the body is then sanitised and rendered under
  // Trusted Types and is on screen.
  const reader = 'lantern-story-navigator[mode="reader"]';
  assert.match(await shadowText(page, reader), /Part 3 - Making it to South Korea/);
  assert.doesNotMatch(await shadowText(page, reader), /third part of a three-part story/);
  assert.ok((await showWarned(page, reader)) > 0, 'the reader has a "Show content" button');
  assert.match(
    await waitForShadowText(page, reader, /third part of a three-part story/),
    /This is the third part of a three-part story/,
  );
  await showWarned(page, 'lantern-report-download');
  assert.match(
    await waitForShadowText(page, 'lantern-report-download', /forced labour/),
    /forced labour/,
  );
  assert.match(await shadowText(page, 'lantern-article-card:not([src])'), /An item given inline/);

  assert.deepEqual(await violationsOf(page), []);
  assert.deepEqual(messages, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a ?ver= query on the script (WordPress) loads one copy of Lit, still without violations', async () => {
  const requested = [];
  const { page, errors, state } = await (async () => {
    const before = server.requests.length;
    const result = await open('/test/e2e/pages/csp-versioned.html');
    requested.push(...server.requests.slice(before));
    return result;
  })();
  assert.deepEqual(state.failed, []);
  // The part's body is behind its content warning: reveal it as a reader would.
  assert.ok((await showWarned(page, 'lantern-story-navigator')) > 0);
  assert.match(
    await waitForShadowText(page, 'lantern-story-navigator', /third part of a three-part story/),
    /third part of a three-part story/,
  );
  const entries = requested.filter((r) => r.startsWith('/dist/cdn/lantern.js'));
  assert.deepEqual(entries, ['/dist/cdn/lantern.js?ver=6.4.2'], 'the entry loaded once');
  assert.deepEqual(await violationsOf(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});
