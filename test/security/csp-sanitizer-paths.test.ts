import { expect } from '@open-wc/testing';
import { framedReport, partnerCsp } from './framed-page.js';

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
  const result = await framedReport<Report>(
    partnerCsp(policy),
    `/test/security/csp-paths-page.ts?path=${path}`,
    'csp-paths-report',
    { path, crash: 'no report', violations: [], pwned: 0 },
  );
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
