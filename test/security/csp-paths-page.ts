/**
 * Runs inside an iframe with a strict CSP and Trusted Types enforced (csp-sanitizer-paths.test.ts):
 * with `?path=purify` in its own URL it first removes the HTML Sanitizer API, then renders an
 * HTML body and a markdown body, both carrying attacks, directly and in a story navigator, and
 * reports what it saw to the parent.
 */
const path = new URL(import.meta.url).searchParams.get('path') ?? 'platform';
if (path === 'purify') await import('./no-sanitizer-api.js');

const violations: string[] = [];
/**
 * Both sanitisers parse into a document with no browsing context, where nothing runs, but
 * Chromium still reports an inline handler it meets there as a `script-src-attr` violation.
 */
const inertParseReports: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const line = `${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`;
  const inert =
    e.violatedDirective === 'script-src-attr' &&
    e.target === document &&
    /\/dompurify\/|\/sanitize-platform\./.test(e.sourceFile);
  (inert ? inertParseReports : violations).push(line);
});
let pwned = 0;
Object.defineProperty(window, '__pwned', { set: () => void pwned++, get: () => undefined });

const PWN = 'window.__pwned=1';
const HTML_ATTACK = `<p onclick="${PWN}">html kept</p><img src=x onerror="${PWN}"><a href="javascript:${PWN}">link</a><svg><script>${PWN}</script></svg><x-evil onclick="${PWN}">custom kept</x-evil>`;
const MARKDOWN_ATTACK = `markdown kept [x](javascript:${PWN})\n\n<img src=x onerror="${PWN}">`;

async function run(): Promise<void> {
  const { renderRichContent } = await import('../../src/content/rich.js');
  const texts: string[] = [];
  for (const item of [
    { id: 'h', content_html: HTML_ATTACK },
    { id: 'm', _lantern: { content_markdown: MARKDOWN_ATTACK } },
  ]) {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(await renderRichContent(item as never));
    document.body.append(host);
    texts.push(host.shadowRoot!.textContent ?? '');
  }
  const data = (await (await fetch('/demo/feed.json')).json()) as {
    items: { content_html?: string }[];
  };
  for (const item of data.items) if (item.content_html) item.content_html += HTML_ATTACK;
  await import('../../src/define/story-navigator.js');
  const el = document.createElement('lantern-story-navigator') as HTMLElement & {
    feed: unknown;
    updateComplete: Promise<unknown>;
  };
  for (const [name, value] of Object.entries({
    series: 'yoon-ha',
    mode: 'reader',
    part: '3',
    // Part 3 carries a content warning: reveal it up front so its body is rendered and checked.
    'reveal-warned': '',
  })) {
    el.setAttribute(name, value);
  }
  el.feed = data;
  const outcome = new Promise<string>((resolve) => {
    el.addEventListener('lantern-load', () => resolve('loaded'), { once: true });
    el.addEventListener('lantern-error', () => resolve('error'), { once: true });
  });
  document.body.append(el);
  const status = await outcome;
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 300));
  texts.push(el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
  const requested = performance.getEntriesByType('resource').map((e) => e.name);
  parent.postMessage(
    {
      lantern: 'csp-paths-report',
      path,
      status,
      texts,
      violations,
      inertParseReports,
      pwned,
      purifyLoaded: requested.some((n) => n.includes('/dompurify/')),
      markedLoaded: requested.some((n) => n.includes('/marked/')),
    },
    '*',
  );
}

run().catch((error: unknown) =>
  parent.postMessage(
    { lantern: 'csp-paths-report', path, crash: String(error), violations, pwned },
    '*',
  ),
);
