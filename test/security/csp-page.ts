/**
 * Runs inside an iframe whose document has a strict CSP with Trusted Types enforced (see
 * csp-trusted-types.test.ts): renders every element with rich bodies and an attack, then
 * reports to the parent what it saw.
 */

export interface ElementReport {
  tag: string;
  status: 'loaded' | 'error' | 'missing';
  text: string;
}

const violations: string[] = [];
/**
 * Both sanitisers parse feed HTML into an inert document (DOMPurify with DOMParser, the platform
 * path with Document.parseHTML) where nothing runs, but Chromium still reports an event-handler
 * attribute it meets there as a `script-src-attr` violation.
 */
const inertParseReports: string[] = [];
let current = 'before any element';
document.addEventListener('securitypolicyviolation', (e) => {
  const line = `${e.violatedDirective} ${e.blockedURI} while rendering ${current} (${e.sourceFile}:${e.lineNumber})`;
  const inert =
    e.violatedDirective === 'script-src-attr' &&
    e.target === document &&
    /\/dompurify\/|\/sanitize-platform\.ts/.test(e.sourceFile);
  (inert ? inertParseReports : violations).push(line);
});
let pwned = 0;
Object.defineProperty(window, '__pwned', { set: () => void pwned++, get: () => undefined });

const ELEMENTS: [string, string, Record<string, string>][] = [
  ['lantern-article-card', 'article-card', {}],
  ['lantern-article-list', 'article-list', { limit: '3' }],
  // Warned content is revealed up front, so its body is rendered under the policy too.
  [
    'lantern-story-navigator',
    'story-navigator',
    { series: 'yoon-ha', mode: 'reader', part: '3', 'reveal-warned': '' },
  ],
  [
    'lantern-report-download',
    'report-download',
    { item: 'nkdb-military-report', 'reveal-warned': '' },
  ],
];

const attack = '\n\n<img src=x onerror="window.__pwned=1"> [link](javascript:window.__pwned=1)';
const htmlAttack =
  '<p><img src=x onerror="window.__pwned=1"><a href="javascript:window.__pwned=1">x</a></p>';
async function run(): Promise<void> {
  const data = (await (await fetch('/demo/feed.json')).json()) as {
    items: { content_html?: string; _lantern?: { content_markdown?: string } }[];
  };
  // The demo bodies are HTML (built by lantern-feed); markdown bodies get the attack too.
  for (const item of data.items) {
    if (item._lantern?.content_markdown) item._lantern.content_markdown += attack;
    if (item.content_html) item.content_html += htmlAttack;
  }
  const reports: ElementReport[] = [];
  for (const [tag, define, attrs] of ELEMENTS) {
    try {
      await import(/* @vite-ignore */ `../../src/define/${define}.ts`);
    } catch {
      reports.push({ tag, status: 'missing', text: '' });
      continue;
    }
    current = tag;
    const el = document.createElement(tag) as HTMLElement & {
      feed: unknown;
      updateComplete: Promise<unknown>;
    };
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    el.feed = data;
    const outcome = new Promise<'loaded' | 'error'>((resolve) => {
      el.addEventListener('lantern-load', () => resolve('loaded'), { once: true });
      el.addEventListener('lantern-error', () => resolve('error'), { once: true });
    });
    document.body.append(el);
    const status = await outcome;
    await el.updateComplete;
    reports.push({ tag, status, text: el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '' });
  }
  await new Promise((r) => setTimeout(r, 200));
  parent.postMessage({ lantern: 'csp-report', reports, violations, inertParseReports, pwned }, '*');
}

run().catch((error: unknown) =>
  parent.postMessage({ lantern: 'csp-report', crash: String(error), violations, pwned }, '*'),
);
