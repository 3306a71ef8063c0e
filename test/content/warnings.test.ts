// Every field read, as the content API (lantern-widgets/content) reads them: attachments,
// `_lantern.report` and `_lantern.series` too (the widgets' entries leave those to their code).
import '../../src/content/index.js';
import { expect } from '@open-wc/testing';
import { findSeries } from '../../src/components/story-navigator/series.js';
import { isWarnedItem } from '../../src/content/items.js';
import { parseFeed } from '../../src/content/parse.js';
import type { FeedItem, FeedWarning, ParsedFeed } from '../../src/content/types.js';

const V11 = 'https://jsonfeed.org/version/1.1';
const lines = (warnings: FeedWarning[]) => warnings.map((w) => `${w.path}: ${w.message}`);

function warningOf(value: unknown): { warning: unknown; has: boolean; lines: string[] } {
  const { feed, warnings } = parseFeed({
    version: V11,
    title: 'W',
    items: [{ id: '1', title: 'Story', _lantern: { content_warning: value } }],
  });
  const ext = feed.items[0]?._lantern ?? {};
  return {
    warning: ext.content_warning,
    has: Object.hasOwn(ext, 'content_warning'),
    lines: lines(warnings),
  };
}

describe('content warnings fail closed at validation', () => {
  const wrongTypes: [string, unknown][] = [
    ['an array', ['violence']],
    ['an object', { en: 'violence' }],
    ['a number', 1],
    ['true', true],
  ];
  for (const [label, value] of wrongTypes) {
    it(`a warning that is ${label} becomes the generic warning ''`, () => {
      const result = warningOf(value);
      expect(result).to.deep.equal({
        warning: '',
        has: true,
        lines: ['items[0]._lantern.content_warning: expected a string; a generic warning is shown'],
      });
    });
  }

  const invisible: [string, string][] = [
    ['braille blanks (U+2800)', '\u2800\u2800\u2800'],
    ['zero-width spaces (U+200B)', '\u200b\u200b'],
    ['Hangul fillers (U+3164, U+115F, U+FFA0)', '\u3164\u115f\uffa0'],
    ['spaces and an ideographic space', '  \u3000 '],
    ['bidi and joiner controls', '\u202e\u200d\u2066'],
    ['combining marks with nothing to sit on', '\u0301\u0308'],
    ['an entity that decodes to a zero-width space', '&#8203;'],
    ['an empty string', ''],
  ];
  for (const [label, value] of invisible) {
    it(`a warning of ${label} becomes the generic warning ''`, () => {
      const result = warningOf(value);
      expect(result).to.deep.equal({
        warning: '',
        has: true,
        lines: ['items[0]._lantern.content_warning: no visible text; a generic warning is shown'],
      });
    });
  }

  // Too long, it is shortened first, and the shortened text ends with an ellipsis: still none.
  it("a warning of zero-width spaces longer than its limit becomes the generic warning ''", () => {
    const result = warningOf('\u200b'.repeat(2_001));
    expect(result.warning).to.equal('');
    expect(result.lines).to.include(
      'items[0]._lantern.content_warning: no visible text; a generic warning is shown',
    );
  });

  // Shortened after its entities are decoded: cut in the middle of one, it read "&#82…".
  for (const entity of ['&#8203;', '&#x200B;', '&#00000008203;']) {
    it(`a warning of 2,001 ${entity} becomes the generic warning ''`, () => {
      const result = warningOf(entity.repeat(2_001));
      expect(result.warning).to.equal('');
      expect(result.lines).to.include(
        'items[0]._lantern.content_warning: no visible text; a generic warning is shown',
      );
    });
  }

  it('a long warning of zero-padded entities ends before a cut one', () => {
    const result = warningOf(`&#${'0'.repeat(60)}65;`.repeat(2_001));
    expect(result.warning).to.match(/^A+…$/);
  });

  it('a long warning written with entities is cut between two of them, never inside one', () => {
    const result = warningOf('&lt;abuse&gt; '.repeat(300));
    expect(result.warning).to.match(/^(<abuse> )+<abuse…$/);
  });

  it('a readable warning is kept as written, and null means none', () => {
    expect(warningOf('  Violence &amp; abuse ').warning).to.equal('Violence & abuse');
    expect(warningOf('\u2800Torture').warning).to.equal('\u2800Torture');
    expect(warningOf('폭력').warning).to.equal('폭력');
    expect(warningOf(null)).to.deep.equal({ warning: undefined, has: false, lines: [] });
  });

  it("isWarnedItem counts '' as warned", () => {
    expect(isWarnedItem({ id: 'a', _lantern: { content_warning: '' } })).to.equal(true);
    expect(isWarnedItem({ id: 'a', _lantern: {} })).to.equal(false);
  });
});

describe('copies of one story share its safety marks', () => {
  const url = 'https://example.org/story';
  const read = (items: object[]) =>
    parseFeed({ version: V11, title: 'C', items }).feed.items.map((item) => ({
      id: item.id,
      ...item._lantern,
    }));

  it('by id: a warning, the pseudonym and no pictures from any copy', () => {
    expect(
      read([
        { id: 'x', title: 'Story' },
        {
          id: 'x',
          title: 'Story',
          url,
          _lantern: { content_warning: 'Violence', pseudonym: true },
        },
        { id: 'x', title: 'Story', _lantern: { hide_images: true } },
        { id: 'z', title: 'Another story', url, _lantern: { hide_images: true } },
      ]),
    ).to.deep.equal([
      { id: 'x', content_warning: 'Violence', pseudonym: true, hide_images: true },
      { id: 'x', content_warning: 'Violence', pseudonym: true, hide_images: true },
      { id: 'x', content_warning: 'Violence', pseudonym: true, hide_images: true },
      { id: 'z', hide_images: true },
    ]);
  });
  it('lends a readable warning before the generic one', () => {
    const warnings = read([
      { id: 'x', title: 'Story', _lantern: { content_warning: '\u200b' } },
      { id: 'x', title: 'Story', _lantern: { content_warning: 'Sexual violence' } },
      { id: 'x', title: 'Story' },
    ]).map((item) => item.content_warning);
    expect(warnings).to.deep.equal(['', 'Sexual violence', 'Sexual violence']);
  });

  it("keeps a copy's own warning, and marks nothing where no copy has one", () => {
    expect(
      read([
        { id: 'x', title: 'Story', _lantern: { content_warning: 'Violence' } },
        { id: 'x', title: 'Story', _lantern: { content_warning: 'Torture', hide_images: false } },
        { id: 'w', title: 'Other' },
      ]),
    ).to.deep.equal([
      { id: 'x', content_warning: 'Violence' },
      { id: 'x', content_warning: 'Torture' },
      { id: 'w' },
    ]);
  });
});

describe('a duplicate series part never unwarns a part', () => {
  const part = (id: string, warning?: string): FeedItem => ({
    id,
    title: id,
    _lantern: {
      series: { id: 's', title: 'S', part: 2, total: 3 },
      ...(warning === undefined ? {} : { content_warning: warning }),
    },
  });
  const parsed = (items: FeedItem[]): ParsedFeed => ({
    feed: { version: V11, title: 'S', items },
    warnings: [],
  });

  let logged: string[] = [];
  const original = console.warn;
  beforeEach(() => {
    logged = [];
    console.warn = (...args: unknown[]) => logged.push(args.join(' '));
  });
  afterEach(() => {
    console.warn = original;
  });

  it('keeps the warned part when an unwarned one comes after it, and says so', () => {
    const series = findSeries(parsed([part('warned', 'Violence'), part('impostor')]));
    expect(series.parts[1]?.item?.id).to.equal('warned');
    expect(logged).to.deep.equal([
      'Lantern: series "s" has two items for part 2; "impostor" is ignored.',
    ]);
  });

  it('keeps the warned part when an unwarned one comes before it, and says so', () => {
    const series = findSeries(parsed([part('impostor'), part('warned', '')]));
    expect(series.parts[1]?.item?.id).to.equal('warned');
    expect(logged).to.deep.equal([
      'Lantern: series "s" has two items for part 2; "impostor" is ignored (the other one is warned).',
    ]);
  });

  it('otherwise keeps the first', () => {
    expect(findSeries(parsed([part('a'), part('b')])).parts[1]?.item?.id).to.equal('a');
    expect(findSeries(parsed([part('a', 'x'), part('b', 'y')])).parts[1]?.item?.id).to.equal('a');
    expect(logged).to.have.length(2);
  });

  it('gathers 130,000 members without overflowing the stack', () => {
    const items = Array.from({ length: 130_000 }, (_, i) => ({
      ...part(`p${i}`),
      _lantern: { series: { id: 's', title: 'S', part: (i % 3) + 1, total: 3 } },
    }));
    const series = findSeries(parsed(items));
    expect(series.total).to.equal(3);
    expect(series.parts.map((p) => p.item?.id)).to.deep.equal(['p0', 'p1', 'p2']);
    // Five lines name duplicates; the rest are counted in one.
    expect(logged.length).to.equal(6);
    expect(logged[5]).to.equal('Lantern: series "s" has 129992 more duplicate parts, ignored.');
  });
});
