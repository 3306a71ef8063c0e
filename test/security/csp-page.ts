/**
 * Runs inside an iframe whose document has a strict CSP with Trusted Types enforced (see
 * csp-trusted-types.test.ts): renders every element with rich bodies and an attack, then
 * reports to the parent what it saw.
 */

interface Report {
  tag: string;
  status: 'loaded' | 'error' | 'missing';
  text: string;
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
);
let pwned = 0;
Object.defineProperty(window, '__pwned', { set: () => void pwned++, get: () => undefined });

const ELEMENTS: [string, string, Record<string, string>][] = [
  ['lantern-article-card', 'article-card', {}],
  ['lantern-article-list', 'article-list', { limit: '3' }],
  ['lantern-story-navigator', 'story-navigator', { series: 'yoon-ha', mode: 'reader', part: '3' }],
  ['lantern-report-download', 'report-download', { item: 'nkdb-military-report' }],
];

const attack = '\n\n<img src=x onerror="window.__pwned=1"> [link](javascript:window.__pwned=1)';
async function run(): Promise<void> {
  const data = (await (await fetch('/demo/feed.json')).json()) as {
    items: { _lantern?: { content_markdown?: string } }[];
  };
  for (const item of data.items) {
    if (item._lantern?.content_markdown) item._lantern.content_markdown += attack;
  }
  const reports: Report[] = [];
  for (const [tag, define, attrs] of ELEMENTS) {
    try {
      await import(/* @vite-ignore */ `../../src/define/${define}.ts`);
    } catch {
      reports.push({ tag, status: 'missing', text: '' });
      continue;
    }
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
  parent.postMessage({ lantern: 'csp-report', reports, violations, pwned }, location.origin);
}

run().catch((error: unknown) =>
  parent.postMessage({ lantern: 'csp-report', crash: String(error), violations, pwned }, location.origin),
);
