import { expect } from '@open-wc/testing';
import { safeUrl } from '../../src/content/url.js';

const base = 'https://feeds.example.org/news/feed.json';

describe('the URL policy', () => {
  const allowed: [string, string][] = [
    ['https://example.org/a', 'https://example.org/a'],
    ['http://example.org/a', 'http://example.org/a'],
    ['mailto:press@example.org', 'mailto:press@example.org'],
    ['/reports/1.pdf', 'https://feeds.example.org/reports/1.pdf'],
    ['images/cover.jpg', 'https://feeds.example.org/news/images/cover.jpg'],
    ['//cdn.example.org/x.png', 'https://cdn.example.org/x.png'],
    ['  https://example.org/padded  ', 'https://example.org/padded'],
    ['HTTPS://EXAMPLE.ORG/Upper', 'https://example.org/Upper'],
    ['#part-2', 'https://feeds.example.org/news/feed.json#part-2'],
  ];
  for (const [input, expected] of allowed) {
    it(`keeps ${JSON.stringify(input)}`, () => {
      expect(safeUrl(input, base)).to.equal(expected);
    });
  }

  const refused = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    '\u0001javascript:alert(1)',
    'javascript&#58;alert(1)',
    'javascript&#x3A;alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    // References without their ';', as a browser reads them in an attribute.
    '&#106avascript:alert(1)',
    'javascript&#58alert(1)',
    'java&Tab;script:alert(1)',
    // Zero-padded references, which a browser reads whole.
    '&#00000000106;avascript:alert(1)',
    'javascript&#x00000003A;alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:image/png;base64,AAAA',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.org/uuid',
    'ftp://example.org/file',
    'javascript\u200b:alert(1)',
    '',
    '   ',
  ];
  for (const input of refused) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      expect(safeUrl(input, base)).to.equal(null);
    });
  }

  it('refuses values that are not strings', () => {
    expect(safeUrl(42, base)).to.equal(null);
    expect(safeUrl({ href: 'https://x' }, base)).to.equal(null);
    expect(safeUrl(null, base)).to.equal(null);
  });

  it('without a base, refuses an image or download the page would resolve to its own path', () => {
    // `http:/x` is relative to a page of the same scheme: the reader's cookies would go with it.
    const scheme = location.protocol;
    for (const use of ['image', 'download'] as const) {
      for (const input of ['/account/logout', 'logout', '//']) {
        expect(safeUrl(input, undefined, use), `${use} ${input}`).to.equal(null);
      }
      // Read on its own, it names a host "account", never the page's own path.
      expect(safeUrl(`${scheme}/account/logout`, undefined, use)).to.equal(
        `${scheme}//account/logout`,
      );
      expect(safeUrl('https://example.org/a.png', undefined, use)).to.equal(
        'https://example.org/a.png',
      );
    }
    // A link waits for the reader's click: it may resolve against the page.
    expect(safeUrl(`${scheme}/about`, undefined, 'link')).to.equal(`${location.origin}/about`);
  });

  it('refuses mailto: for images', () => {
    expect(safeUrl('mailto:a@b.c', base, 'image')).to.equal(null);
  });
});
