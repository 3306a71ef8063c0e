import { expect } from '@open-wc/testing';

/** The policy a partner's page sets; README "Security" documents it. */
const PARTNER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lantern lit-html',
].join('; ');

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
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 900px; height: 600px';
    const report = new Promise<CspReport>((resolve) => {
      setTimeout(
        () => resolve({ crash: 'the framed page sent no report', violations: [], pwned: 0 }),
        40_000,
      );
      window.addEventListener('message', function onMessage(e: MessageEvent) {
        if ((e.data as { lantern?: string })?.lantern !== 'csp-report') return;
        window.removeEventListener('message', onMessage);
        resolve(e.data as CspReport);
      });
    });
    frame.srcdoc = `<!doctype html><html lang="en"><head>
      <meta http-equiv="Content-Security-Policy" content="${PARTNER_CSP}">
      <script type="module" src="/test/security/csp-page.ts"></script>
      </head><body></body></html>`;
    document.body.append(frame);
    const result = await report;
    frame.remove();

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
