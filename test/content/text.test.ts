import { expect } from '@open-wc/testing';
import { decodeEntities, readingMinutes, roughText } from '../../src/content/text.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
/** Korean prose: 10 syllables a word-group, separated by spaces as Korean is written. */
const hangul = (chars: number) =>
  Array.from({ length: chars / 10 }, () => '북한군포로의인권문제').join(' ');

describe('reading time', () => {
  const english: [number, number][] = [
    [0, 0],
    [1, 1],
    [100, 1],
    [230, 1],
    [460, 2],
    [1_150, 5],
    [2_300, 10],
  ];
  for (const [count, minutes] of english) {
    it(`${count} English words take ${minutes} min (about 230 words a minute)`, () => {
      expect(readingMinutes(words(count))).to.equal(minutes);
    });
  }

  const korean: [number, number][] = [
    [500, 1],
    [2_500, 5],
    [5_000, 10],
  ];
  for (const [chars, minutes] of korean) {
    it(`${chars} Korean characters take ${minutes} min (about 500 characters a minute)`, () => {
      expect(readingMinutes(hangul(chars))).to.equal(minutes);
    });
  }

  it('counts Korean by characters even with some English mixed in', () => {
    // 5,000 Hangul syllables and 50 English words: still about ten minutes, not a quarter of one.
    expect(readingMinutes(`${hangul(5_000)} ${words(50)}`)).to.equal(10);
  });

  it('whitespace alone takes no time', () => {
    expect(readingMinutes(' \n\t ')).to.equal(0);
  });
});

describe('decodeEntities', () => {
  const cases: [string, string][] = [
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['It&#8217;s', 'It’s'],
    ['&#x2019;quoted&#X2019;', '’quoted’'],
    ['&lt;b&gt;not bold&lt;/b&gt;', '<b>not bold</b>'],
    ['&hellip; &mdash; &nbsp;', '… — \u00a0'],
    ['&AMP;', '&'],
    ['&amp;lt;', '&lt;'],
    ['&unknown; stays', '&unknown; stays'],
    ['&bull; Summary&lrm;', '• Summary\u200e'],
    [
      'caf&eacute; &Eacute;cole na&iuml;ve Bj&ouml;rk Fran&ccedil;ais Se&ntilde;or &Aring;',
      'café École naïve Björk Français Señor Å',
    ],
    ['&Yacute;&yuml;&Aring;&uuml;', 'Ýÿ\u00c5ü'],
    // HTML's other accented n and c (Polish, Latvian): ń Ć ņ ĉ.
    ['&nacute;&Cacute;&ncedil;&ccirc;', 'ńĆņĉ'],
    ['&EACUTE; stays', '&EACUTE; stays'],
    // Not an accented letter HTML names: as written (the browser shows ◯ for &xcirc;).
    [
      '&acute; &uml; &xamp; &bring; &Tuml; &gtilde; &xcirc; stay',
      '&acute; &uml; &xamp; &bring; &Tuml; &gtilde; &xcirc; stay',
    ],
    ['&#0; &#x110000;', '&#0; &#x110000;'],
    ['no entities', 'no entities'],
    // Direction controls a field may leave open are dropped, as given or as entities; the
    // marks (U+200E, U+200F) stay.
    ['\u202eevil\u202b &#x202E;x&#8295;y\u2069 &lrm;z\u200f', 'evil xy \u200ez\u200f'],
  ];
  for (const [input, output] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(output)}`, () => {
      expect(decodeEntities(input)).to.equal(output);
    });
  }
});

describe('roughText (for counting words only)', () => {
  it('drops tags, scripts, styles and markdown syntax, keeping link text', () => {
    const text = roughText(
      '<p>Hello <b>world</b></p><script>var secret = 1;</script><style>p{}</style> ## Title [link text](https://example.org) ![alt](x.png) **bold**',
    );
    const seen = text.split(/\s+/).filter(Boolean);
    expect(seen).to.deep.equal(['Hello', 'world', 'Title', 'link', 'text', 'alt', 'bold']);
  });
});
