import { expect } from '@open-wc/testing';

/** The partner's policy, with the Trusted Types policy names a path needs. */
function csp(trustedTypes: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${trustedTypes}`,
  ].join('; ');
}

interface Report {
  path: string;
  status?: string;
  texts?: string[];
  violations: string[];
  inertParseReports?: string[];
  pwned: number;
  purifyLoaded?: boolean;
  markedLoaded?: boolean;
  crash?: string;
}

async function render(path: 'platform' | 'purify', policy: string): Promise<Report> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 600px';
  const report = new Promise<Report>((resolve) => {
    setTimeout(() => resolve({ path, crash: 'no report', violations: [], pwned: 0 }), 40_000);
    window.addEventListener('message', function onMessage(e: MessageEvent) {
      if ((e.data as { lantern?: string })?.lantern !== 'csp-paths-report') return;
      window.removeEventListener('message', onMessage);
      resolve(e.data as Report);
    });
  });
  frame.srcdoc = `<!doctype html><html lang="en"><head>
    <meta http-equiv="Content-Security-Policy" content="${csp(policy)}">
    <script type="module" src="/test/security/csp-paths-page.ts?path=${path}"></script>
    </head><body></body></html>`;
  document.body.append(frame);
  const result = await report;
  frame.remove();
  console.log(
    `${path} under "trusted-types ${policy}": ${result.violations.length} violations, ` +
      `${result.inertParseReports?.length ?? 0} inert-parse reports, DOMPurify ${result.purifyLoaded ? 'loaded' : 'not loaded'}, marked ${result.markedLoaded ? 'loaded' : 'not loaded'}`,
  );
  return result;
}

function expectClean(result: Report): void {
  expect(result.crash, result.crash).to.equal(undefined);
  expect(result.violations).to.deep.equal([]);
  expect(result.pwned).to.equal(0);
  expect(result.status).to.equal('loaded');
  const [html, markdown, navigator] = result.texts ?? [];
  expect(html).to.contain('html kept').and.contain('custom kept');
  expect(markdown).to.contain('markdown kept');
  expect(navigator).to.contain('South Korea').and.contain('html kept');
}

describe('both sanitising paths under a strict CSP with Trusted Types enforced', function () {
  this.timeout(120_000);

  it('the platform Sanitizer needs no Trusted Types policy of ours (only lit-html) and never loads DOMPurify', async () => {
    const result = await render('platform', 'lit-html');
    expectClean(result);
    expect(result.purifyLoaded).to.equal(false);
  });

  it('without the API, DOMPurify renders through the lantern policy', async () => {
    const result = await render('purify', 'lantern lit-html');
    expectClean(result);
    expect(result.purifyLoaded).to.equal(true);
  });
});
