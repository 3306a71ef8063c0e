// Every field read, as the content API (lantern-widgets/content) reads them: attachments,
// `_lantern.report` and `_lantern.series` too (the widgets' entries leave those to their code).
import '../../src/content/index.js';
import { expect } from '@open-wc/testing';
import { itemReadingMinutes } from '../../src/content/items.js';
import { LIMITS, parseFeed } from '../../src/content/parse.js';
import { MAX_ATTACHMENTS } from '../../src/content/parse-report.js';
import {
  bodyReadingMinutes,
  decodeEntities,
  readingMinutes,
  roughText,
} from '../../src/content/text.js';
import type { FeedWarning } from '../../src/content/types.js';

const V11 = 'https://jsonfeed.org/version/1.1';
const lines = (warnings: FeedWarning[]) => warnings.map((w) => `${w.path}: ${w.message}`);
const feedOf = (...items: unknown[]) => ({ version: V11, title: 'Budgets', items });

/**
 * Runs `work` and returns how long it took. Bounds are generous (the machine is shared): the
 * quadratic passes these replace took 25 s and more on the same inputs.
 */
function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

describe('entity decoding uses only the real entity table', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    it(`&${name}; stays as written`, () => {
      expect(decodeEntities(`a &${name}; b`)).to.equal(`a &${name}; b`);
    });
  }

  it('a feed title with &constructor; shows the text, not a function', () => {
    const { feed } = parseFeed(feedOf({ id: '1', title: 'Hello &constructor; &amp; more' }));
    expect(feed.items[0]?.title).to.equal('Hello &constructor; & more');
  });
});

describe('text passes take linear time on crafted input', () => {
  const floods: [string, string][] = [
    ['1.5 million "<"', '<'.repeat(1_500_000)],
    ['300,000 unclosed "<script"', '<script'.repeat(300_000)],
    ['300,000 "<style</"', '<style</'.repeat(300_000)],
    ['1 million "[a]("', '[a]('.repeat(1_000_000)],
    ['2 million "&a"', '&a'.repeat(2_000_000)],
    ['1 million "<!--"', '<!--'.repeat(1_000_000)],
    ['500,000 closed comments', '<!-- a -- b -->'.repeat(500_000)],
  ];
  for (const [label, source] of floods) {
    it(`reads ${label} in well under a second`, () => {
      const ms = timed(() => readingMinutes(roughText(source)));
      console.log(`roughText + readingMinutes, ${label}: ${ms.toFixed(0)} ms`);
      expect(ms).to.be.below(5_000);
    });
  }

  it('still drops tags, scripts and styles the way a reader would not see them', () => {
    const seen = (s: string) => roughText(s).split(/\s+/).filter(Boolean);
    expect(seen('<p>One <SCRIPT>two</script> three <Style>x{}</STYLE>four</p>')).to.deep.equal([
      'One',
      'three',
      'four',
    ]);
    // An unclosed "<" is text; an unclosed <script> is just a tag.
    expect(seen('a < b')).to.deep.equal(['a', '<', 'b']);
    expect(seen('a <script>b')).to.deep.equal(['a', 'b']);
    // A comment is not text; an unclosed one hides the rest, as in a browser.
    expect(seen('a<!-- b <script> -->c<!-- d')).to.deep.equal(['a', 'c']);
  });

  it('estimates a 5 MB body from its start, in proportion', () => {
    const body = 'word '.repeat(1_000_000);
    let minutes = 0;
    const ms = timed(() => (minutes = bodyReadingMinutes(body)));
    console.log(`bodyReadingMinutes, 5 MB of words: ${ms.toFixed(0)} ms, ${minutes} min`);
    expect(minutes).to.be.within(4_300, 4_400); // a million words at 230 a minute
    expect(ms).to.be.below(5_000);
    expect(itemReadingMinutes({ id: 'x', content_text: 'word '.repeat(460) })).to.equal(2);
  });
});

describe('validation budgets: caps with a warning naming the path', () => {
  it(`keeps ${LIMITS.tags} of 1.1 million tags`, () => {
    const tags = Array.from({ length: 1_100_000 }, (_, i) => `tag ${i}`);
    const { feed, warnings } = parseFeed(feedOf({ id: '1', title: 'T', tags }));
    expect(feed.items[0]?.tags?.length).to.equal(LIMITS.tags);
    expect(feed.items[0]?.tags?.[49]).to.equal('tag 49');
    expect(lines(warnings)).to.deep.equal([
      'items[0].tags: more than 50 tags; only the first 50 are read',
    ]);
  });

  it('caps tags given as one comma-separated string too', () => {
    const { feed, warnings } = parseFeed(feedOf({ id: '1', tags: 'x,'.repeat(500_000) }));
    expect(feed.items[0]?.tags?.length).to.equal(LIMITS.tags);
    expect(lines(warnings)).to.deep.equal([
      'items[0].tags: more than 50 tags; only the first 50 are read',
    ]);
  });

  it('shortens a 5,000-character tag', () => {
    const { feed, warnings } = parseFeed(feedOf({ id: '1', tags: ['W'.repeat(5_000), 'ok'] }));
    expect(feed.items[0]?.tags).to.deep.equal([`${'W'.repeat(LIMITS.tagChars)}…`, 'ok']);
    expect(lines(warnings)).to.deep.equal([
      'items[0].tags: a tag longer than 100 characters was shortened',
    ]);
  });

  it(`keeps ${MAX_ATTACHMENTS} of 3,000 attachments and ${LIMITS.authors} of 500 authors`, () => {
    const attachments = Array.from({ length: 3_000 }, (_, i) => ({
      url: `https://example.org/r-${i}.pdf`,
      mime_type: 'application/pdf',
    }));
    const authors = Array.from({ length: 500 }, (_, i) => ({ name: `Author ${i}` }));
    const { feed, warnings } = parseFeed(feedOf({ id: '1', attachments, authors }));
    expect(feed.items[0]?.attachments?.length).to.equal(MAX_ATTACHMENTS);
    expect(feed.items[0]?.authors?.length).to.equal(LIMITS.authors);
    // Attachments are read after the item's common fields (parse-report.ts).
    expect(lines(warnings)).to.deep.equal([
      'items[0].authors: more than 20 authors; only the first 20 are read',
      'items[0].attachments: more than 50 attachments; only the first 50 are read',
    ]);
  });

  it(`reads the first ${LIMITS.items} of 130,000 items`, () => {
    const items = Array.from({ length: 130_000 }, (_, i) => ({ id: `i${i}`, title: `${i}` }));
    const { feed, warnings } = parseFeed({ version: V11, title: 'Many', items });
    expect(feed.items?.length).to.equal(LIMITS.items);
    expect(lines(warnings)).to.deep.equal([
      'items: more than 1000 items; only the first 1000 are read',
    ]);
  });

  it('shortens long plain-text fields and never splits a surrogate pair', () => {
    const { feed, warnings } = parseFeed(
      feedOf({
        id: '1',
        title: 'T'.repeat(5_000),
        summary: '😀'.repeat(20_000),
        authors: [{ name: 'N'.repeat(2_000) }],
        _lantern: {
          image_credit: 'C'.repeat(5_000),
          report: { publisher: 'P'.repeat(3_000), citation: 'Q'.repeat(10_000) },
        },
      }),
    );
    const item = feed.items[0]!;
    expect(item.title).to.equal(`${'T'.repeat(LIMITS.textChars)}…`);
    expect(item._lantern?.image_credit).to.have.length(LIMITS.textChars + 1);
    expect(item._lantern?.report?.publisher).to.have.length(LIMITS.textChars + 1);
    // Shown and copied as the report block shows it (10,000 took its first layout 80 ms).
    expect(item._lantern?.report?.citation).to.equal(`${'Q'.repeat(LIMITS.textChars)}…`);
    expect(item.authors?.[0]?.name).to.equal(`${'N'.repeat(LIMITS.nameChars)}…`);
    // 10,000 UTF-16 units end inside no emoji: 4,999 whole ones plus the ellipsis… or 5,000.
    expect(item.summary?.endsWith('😀…')).to.equal(true);
    expect(item.summary?.includes('\ud83d…')).to.equal(false);
    expect(lines(warnings)).to.deep.equal([
      'items[0].title: longer than 2000 characters; shortened',
      'items[0].summary: longer than 10000 characters; shortened',
      'items[0].authors[0].name: longer than 200 characters; shortened',
      'items[0]._lantern.image_credit: longer than 2000 characters; shortened',
      'items[0]._lantern.report.publisher: longer than 2000 characters; shortened',
      'items[0]._lantern.report.citation: longer than 2000 characters; shortened',
    ]);
  });

  it('bodies are not shortened (the 5 MB feed cap bounds them)', () => {
    const body = 'b'.repeat(100_000);
    const { feed, warnings } = parseFeed(
      feedOf({
        id: '1',
        content_text: body,
        content_html: body,
        _lantern: { content_markdown: body },
      }),
    );
    expect(feed.items[0]?.content_text).to.have.length(100_000);
    expect(feed.items[0]?.content_html).to.have.length(100_000);
    expect(feed.items[0]?._lantern?.content_markdown).to.have.length(100_000);
    expect(warnings).to.deep.equal([]);
  });

  it('refuses ids too long to be keys, rather than cutting two into one', () => {
    const long = 'i'.repeat(LIMITS.idChars + 1);
    const { feed, warnings } = parseFeed(
      feedOf(
        { id: long, title: 'Too long' },
        { id: 'ok', _lantern: { series: { id: long, title: 'S', part: 1, total: 1 } } },
      ),
    );
    expect(feed.items.map((i) => i.id)).to.deep.equal(['ok']);
    expect(feed.items[0]?._lantern).not.to.have.property('series');
    expect(lines(warnings)).to.deep.equal([
      'items[0].id: longer than 2048 characters; item skipped',
      'items[1]._lantern.series.id: over 2048 characters; series ignored',
    ]);
  });
});
