import { expect } from '@open-wc/testing';
import { framedReport, partnerCsp } from './framed-page.js';

/** The policy a partner's page sets; README "Security" documents it. */
const PARTNER_CSP = partnerCsp('lantern lit-html');

interface CspReport {
  reports?: { tag: string; status: string; text: string }[];
  violations: string[];
  inertParseReports?: string[];
  pwned: number;
  crash?: string;
}

describe('under a strict CSP with Trusted Types enforced', function () {
  this.timeout(60_000);

  it('every element renders its rich content, with no violation and no script run', async () => {
    const result = await framedReport<CspReport>(
      PARTNER_CSP,
      '/test/security/csp-page.ts',
      'csp-report',
      { crash: 'the framed page sent no report', violations: [], pwned: 0 },
    );

    expect(result.crash, result.crash).to.equal(undefined);
    expect(result.violations).to.deep.equal([]);
    // Reported, not run: the handler was seen while parsing into DOMPurify's inert document.
    if (result.inertParseReports?.length) {
      console.log(
        `CSP reports from the inert parse (nothing ran): ${result.inertParseReports.join('; ')}`,
      );
    }
    expect(result.pwned).to.equal(0);
    const reports = result.reports ?? [];
    const landed = reports.filter((r) => r.status !== 'missing');
    expect(landed.length).to.be.above(0);
    for (const r of landed)
      expect(r.status, `${r.tag}: ${r.text.slice(0, 200)}`).to.equal('loaded');
    const navigator = landed.find((r) => r.tag === 'lantern-story-navigator');
    // Part 3's markdown body went through marked and DOMPurify under Trusted Types.
    if (navigator) expect(navigator.text).to.contain('South Korea');
    const reportBlock = landed.find((r) => r.tag === 'lantern-report-download');
    if (reportBlock)
      expect(reportBlock.text).to.contain('Human Rights Violations in the North Korean Military');
  });
});
