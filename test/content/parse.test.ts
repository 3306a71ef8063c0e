// Every field read, as the content API (lantern-widgets/content) reads them: attachments,
// `_lantern.report` and `_lantern.series` too (the widgets' entries leave those to their code).
import '../../src/content/index.js';
import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/content/errors.js';
import { parseFeed, parseFeedOrItem } from '../../src/content/parse.js';
import type { FeedWarning } from '../../src/content/types.js';

/** A committed fixture, fetched byte for byte from the test server and parsed as JSON. */
async function fixture(dir: 'quirks' | 'malformed', name: string): Promise<unknown> {
  const response = await fetch(`/test-server/fixture/${dir}/${name}`);
  if (!response.ok) throw new Error(`fixture ${dir}/${name}: HTTP ${response.status}`);
  return response.json();
}

const lines = (warnings: FeedWarning[]) => warnings.map((w) => `${w.path}: ${w.message}`);
const NOT_ALLOWED = 'not an allowed URL (https:, http:, mailto: or relative)';
const V11 = 'https://jsonfeed.org/version/1.1';
const base = 'https://feeds.example.org/news/feed.json';

function notAFeed(json: unknown): FeedError {
  try {
    parseFeed(json);
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('parseFeed accepted a document that is not a feed');
}

describe('parseFeed: validation names the path of every problem', () => {
  it('feed-level fields of the wrong type or with refused URLs', async () => {
    const { feed, warnings } = parseFeed(await fixture('malformed', 'wrong-types-feed.json'));
    expect(lines(warnings)).to.deep.equal([
      'feed_url: expected a string',
      'version: expected https://jsonfeed.org/version/1.1',
      'title: expected a string',
      `home_page_url: ${NOT_ALLOWED}`,
      `next_url: ${NOT_ALLOWED}`,
      'language: expected a language tag',
      'authors: expected an array',
      'author: expected an object',
    ]);
    expect(feed.items.map((i) => i.title)).to.deep.equal(['The one good item']);
    for (const key of ['home_page_url', 'feed_url', 'icon', 'favicon', 'next_url', 'language']) {
      expect(feed, key).not.to.have.property(key);
    }
    expect(feed.title).to.equal('');
  });

  it('item fields of the wrong type', async () => {
    const { feed, warnings } = parseFeed(await fixture('malformed', 'wrong-types-item.json'));
    expect(lines(warnings)).to.deep.equal([
      'items[0].url: expected a string',
      'items[1].external_url: expected a string',
      'items[2].title: expected a string; item skipped',
      'items[3].content_html: expected a string',
      'items[4].content_text: expected a string',
      'items[5].summary: expected a string',
      'items[6].image: expected a string',
      'items[8].date_published: expected an RFC 3339 date',
      'items[9].date_modified: expected an RFC 3339 date',
      'items[10].authors: expected an array',
      'items[11].authors[0]: expected an object',
      'items[12].author: expected an object',
      'items[13].tags: expected an array',
      'items[14].tags: some were not strings',
      'items[15].language: expected a string',
      'items[16].language: expected a language tag',
      'items[17].attachments: expected an array',
      'items[18].attachments[0]: expected an object',
      'items[19]._lantern: expected an object',
      'items[20].id: missing or not a string; the URL is used',
      'items[21].id: required; item skipped',
      'items[22]: expected an object; item skipped',
      'items[23]: expected an object; item skipped',
      'items[25].authors[0].name: expected a string',
      `items[25].authors[0].url: ${NOT_ALLOWED}`,
    ]);
    // Only the four unusable items are gone; the rest survive without their bad field.
    expect(feed.items).to.have.length(22);
    const byId = new Map(feed.items.map((i) => [i.id, i]));
    expect(byId.get('url-number')).to.deep.equal({ id: 'url-number' });
    expect(byId.get('tags-mixed')?.tags).to.deep.equal(['kept']);
    expect(byId.get('https://example.org/id-object')?.url).to.equal(
      'https://example.org/id-object',
    );
    expect(byId.get('17')?.title).to.equal('A numeric id is kept');
    expect(byId.get('author-fields')).not.to.have.property('authors');
    expect(byId.has('title-number')).to.equal(false);
  });

  it('attachment fields: a missing or refused URL or MIME type drops the attachment', async () => {
    const { feed, warnings } = parseFeed(await fixture('malformed', 'wrong-types-attachment.json'));
    const at = (i: number) => `items[0].attachments[${i}]`;
    expect(lines(warnings)).to.deep.equal([
      `${at(0)}.url: expected a string`,
      `${at(1)}.url: required`,
      `${at(2)}.url: required`,
      `${at(3)}.url: ${NOT_ALLOWED}`,
      `${at(4)}.mime_type: required`,
      `${at(5)}.mime_type: expected a string`,
      `${at(6)}.title: expected a string`,
      `${at(7)}.duration_in_seconds: expected a non-negative integer`,
      `${at(8)}._lantern: expected an object`,
      `${at(9)}._lantern.sha256: expected 64 hexadecimal digits`,
      `${at(10)}._lantern.language: expected a string`,
      `${at(11)}._lantern.language: expected a language tag`,
      `${at(12)}._lantern.pages: expected a positive integer`,
    ]);
    const attachments = feed.items[0]?.attachments ?? [];
    expect(attachments.map((a) => a.url.replace('https://example.org/', ''))).to.deep.equal([
      'title-number.pdf',
      'duration.mp3',
      'ext-string.pdf',
      'sha.pdf',
      'lang-number.pdf',
      'lang-junk.pdf',
      'pages.pdf',
      'good.pdf',
    ]);
    expect(attachments[1]).not.to.have.property('duration_in_seconds');
    expect(attachments[7]).to.deep.equal({
      url: 'https://example.org/good.pdf',
      mime_type: 'application/pdf',
      title: 'Good',
      _lantern: { language: 'ko', pages: 12, sha256: 'ab'.repeat(32) },
    });
  });

  it('negative, fractional, string and huge sizes drop the attachment', async () => {
    const { feed, warnings } = parseFeed(await fixture('malformed', 'sizes.json'));
    expect(lines(warnings)).to.deep.equal(
      [0, 1, 2, 3, 4, 5].map(
        (i) => `items[0].attachments[${i}].size_in_bytes: expected a non-negative integer`,
      ),
    );
    expect(feed.items[0]?.attachments?.map((a) => a.size_in_bytes)).to.deep.equal([
      0,
      89970236,
      Number.MAX_SAFE_INTEGER,
    ]);
  });

  it('_lantern extension fields, series and report', async () => {
    const { feed, warnings } = parseFeed(await fixture('malformed', 'wrong-types-lantern.json'));
    const at = (i: number) => `items[${i}]._lantern`;
    expect(lines(warnings)).to.deep.equal([
      `${at(0)}.content_markdown: expected a string`,
      `${at(1)}.image_alt: expected a string`,
      `${at(2)}.image_credit: expected a string`,
      `${at(3)}.content_warning: expected a string; a generic warning is shown`,
      `${at(4)}.pseudonym: expected true or false; read as true`,
      `${at(5)}.hide_images: expected true or false; read as true`,
      `${at(6)}.series: expected an object`,
      `${at(7)}.series.part: expected a positive integer`,
      `${at(7)}.series: needs id, title, part and total`,
      `${at(8)}.series.part: part 4 is beyond total 3`,
      `${at(9)}.series.total: over 500: series ignored`,
      `${at(10)}.series: needs id, title, part and total`,
      `${at(11)}.report: expected an object`,
      `${at(12)}.report.publisher: expected a string`,
      `${at(12)}.report.pages: expected a positive integer`,
    ]);
    // A bad extension field never costs the item itself.
    expect(feed.items).to.have.length(13);
    expect(feed.items.every((i) => !i._lantern?.series)).to.equal(true);
    expect(feed.items[12]?._lantern?.report).to.deep.equal({ edition: '2nd' });
  });

  it('a content warning on the whole feed warns each item without its own, fail-closed', () => {
    const items = [
      { id: 'a', title: 'A' },
      { id: 'b', title: 'B', _lantern: { content_warning: 'Its own.' } },
      { id: 'c', title: 'C', _lantern: { pseudonym: true } },
    ];
    const feed = (lantern: unknown) =>
      parseFeed({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'F',
        _lantern: lantern,
        items,
      });
    const warnings = (lantern: unknown) =>
      feed(lantern).feed.items.map((item) => item._lantern?.content_warning);
    expect(warnings({ content_warning: 'Whole feed.' })).to.deep.equal([
      'Whole feed.',
      'Its own.',
      'Whole feed.',
    ]);
    // Unreadable, it is the generic warning (""), said in the console.
    expect(warnings({ content_warning: 5 })).to.deep.equal(['', 'Its own.', '']);
    expect(lines(feed({ content_warning: 5 }).warnings)).to.deep.equal([
      '_lantern.content_warning: expected a string; a generic warning is shown',
    ]);
    expect(warnings(undefined)).to.deep.equal([undefined, 'Its own.', undefined]);
    expect(feed({ content_warning: 'W' }).feed.items[2]?._lantern?.pseudonym).to.equal(true);
  });

  it('missing required fields: version, title and id', async () => {
    const { feed, warnings } = parseFeed(await fixture('malformed', 'missing-required.json'));
    expect(lines(warnings)).to.deep.equal([
      'version: expected https://jsonfeed.org/version/1.1',
      'title: required',
      'items[0].id: required; item skipped',
      'items[1].id: required; item skipped',
      'items[2].id: missing or not a string; the URL is used',
      'items[3].id: required; item skipped',
    ]);
    expect(feed.items.map((i) => i.id)).to.deep.equal(['https://example.org/only-url', 'complete']);
  });

  it('refuses javascript:, data:, vbscript: and file: URLs in every URL field', async () => {
    const { feed, warnings } = parseFeed(await fixture('malformed', 'refused-urls.json'), {
      baseUrl: base,
    });
    expect(lines(warnings)).to.deep.equal(
      ['url', 'external_url', 'image', 'authors[0].url'].map(
        (field) => `items[0].${field}: ${NOT_ALLOWED}`,
      ),
    );
    const [refused, kept] = feed.items;
    expect(refused).to.deep.equal({
      id: 'a',
      title: 'Refused',
      authors: [{ name: 'Disguised' }],
    });
    expect(kept).to.deep.include({
      url: 'http://example.org/plain-http',
      external_url: 'mailto:press@example.org',
      image: 'https://feeds.example.org/news/images/relative.png',
    });
    expect(kept?.authors).to.deep.equal([
      { name: 'Fine', url: 'https://feeds.example.org/people/fine' },
    ]);
  });

  it('survives ten thousand levels of nested junk', async () => {
    const { feed, warnings } = parseFeed(await fixture('malformed', 'deep-nesting.json'));
    expect(lines(warnings)).to.deep.equal([
      'items[0].summary: expected a string',
      'items[0]._lantern.series.id: expected a string',
      'items[0]._lantern.series: needs id, title, part and total',
    ]);
    expect(feed.items.map((i) => i.id)).to.deep.equal(['deep', 'fine']);
  });

  it('reads a safety flag that is not true or false as set: images hidden, the pseudonym noted', () => {
    const item = (lantern: object) => ({ id: 'x', title: 'X', _lantern: lantern });
    const { feed } = parseFeed({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Flags',
      items: [
        item({ hide_images: 'true', pseudonym: 1 }),
        item({ hide_images: 'false', pseudonym: 'no' }),
        item({ hide_images: false, pseudonym: true }),
      ].map((it, i) => ({ ...it, id: `x${i}` })),
    });
    expect(feed.items.map((i) => [i._lantern?.hide_images, i._lantern?.pseudonym])).to.deep.equal([
      [true, true],
      [true, true],
      [undefined, true],
    ]);
  });

  it('copies fields one by one, so __proto__ keys pollute nothing', async () => {
    const { feed } = parseFeed(await fixture('malformed', 'proto-pollution.json'));
    const item = feed.items[0] as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(feed)).to.equal(Object.prototype);
    expect(Object.getPrototypeOf(item)).to.equal(Object.prototype);
    expect(item.isAdmin).to.equal(undefined);
    expect(Object.hasOwn(item, 'constructor')).to.equal(false);
    expect(Object.hasOwn(item, '__proto__')).to.equal(false);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(feed.items[0]?._lantern?.hide_images).to.equal(undefined);
    expect(feed.items[0]?.attachments?.[0]?.size_in_bytes).to.equal(undefined);
  });

  it('reads dates as RFC 3339, the zone-less form (as UTC) and RFC 2822, and nothing looser', () => {
    const dates = [
      '2025-03-04T09:00:00+09:00',
      '2018-01-06T08:00',
      '2018-01-06 08:00:30',
      '2018-01-06',
      'Sat, 06 Jan 2018 08:00:00 GMT',
      // A CMS's template can leave space around a date.
      ' 2025-02-20T10:00:00Z\n',
      '1',
      'Monday',
      '2018-13-45',
      'soon',
    ];
    const { feed, warnings } = parseFeed({
      version: V11,
      title: 'Dates',
      items: dates.map((date_published, i) => ({ id: String(i), date_published })),
    });
    expect(feed.items.map((i) => i.date_published)).to.deep.equal([
      '2025-03-04T09:00:00+09:00',
      '2018-01-06T08:00Z',
      '2018-01-06T08:00:30Z',
      '2018-01-06',
      '2018-01-06T08:00:00.000Z',
      '2025-02-20T10:00:00Z',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(lines(warnings)).to.deep.equal(
      [6, 7, 8, 9].map((i) => `items[${i}].date_published: expected an RFC 3339 date`),
    );
  });
});

describe('parseFeed: what is a feed', () => {
  const cases: [string, string][] = [
    ['array.json', 'This is not a JSON Feed: the document is a JSON array.'],
    ['null.json', 'This is not a JSON Feed: the document is null.'],
    ['string.json', 'This is not a JSON Feed: the document is a string.'],
    ['number.json', 'This is not a JSON Feed: the document is a number.'],
    ['no-items.json', 'This is not a JSON Feed: it has no "items" list.'],
    ['items-object.json', 'This is not a JSON Feed: it has no "items" list.'],
  ];
  for (const [name, message] of cases) {
    it(`${name} is an error of kind not-a-feed that says why`, async () => {
      const error = notAFeed(await fixture('malformed', name));
      expect(error.kind).to.equal('not-a-feed');
      expect(error.message).to.equal(message);
    });
  }

  it('accepts JSON Feed 1.0 with a singular author, at feed and item level', () => {
    const { feed, warnings } = parseFeed({
      version: 'https://jsonfeed.org/version/1',
      title: 'Old feed',
      author: { name: 'Feed Author', url: 'https://example.org/me' },
      items: [{ id: '1', title: 'One', author: { name: 'Item Author' } }],
    });
    expect(warnings).to.deep.equal([]);
    expect(feed.authors).to.deep.equal([{ name: 'Feed Author', url: 'https://example.org/me' }]);
    expect(feed.items[0]?.authors).to.deep.equal([{ name: 'Item Author' }]);
  });

  it("an item without authors has the feed's (JSON Feed 1.1), one with its own keeps them", () => {
    const { feed } = parseFeed({
      version: V11,
      title: 'A blog',
      authors: [{ name: 'Brent Simmons' }],
      items: [
        { id: '1', title: 'Mine' },
        { id: '2', title: 'A guest post', authors: [{ name: 'Guest' }] },
      ],
    });
    expect(feed.items.map((item) => item.authors)).to.deep.equal([
      [{ name: 'Brent Simmons' }],
      [{ name: 'Guest' }],
    ]);
    // A feed without authors gives its items none (no empty field either).
    const bare = parseFeed({ version: V11, title: 'B', items: [{ id: '1' }] }).feed;
    expect(bare.items[0]).to.not.have.property('authors');
  });

  it("an item without a language is in the feed's (a German feed's stories read in German)", () => {
    const { feed } = parseFeed({
      version: V11,
      title: 'Ein Blog',
      language: 'de-DE',
      items: [
        { id: '1', title: 'Ohne Sprache' },
        { id: '2', title: 'In English', language: 'en' },
        { id: '3', title: 'Kaputt', language: 'not a tag!' },
      ],
    });
    expect(feed.items.map((item) => item.language)).to.deep.equal(['de-DE', 'en', 'de-DE']);
    // A feed without a language gives its items none.
    const bare = parseFeed({ version: V11, title: 'B', items: [{ id: '1' }] }).feed;
    expect(bare.items[0]).to.not.have.property('language');
  });

  it('prefers 1.1 authors over 1.0 author when both are present', () => {
    const { feed } = parseFeed({
      version: V11,
      title: 'Both',
      items: [{ id: '1', author: { name: 'Old' }, authors: [{ name: 'New' }] }],
    });
    expect(feed.items[0]?.authors).to.deep.equal([{ name: 'New' }]);
  });

  it('accepts a single item where a widget asks for one, without a feed-title warning', () => {
    const { feed, warnings } = parseFeedOrItem(
      {
        id: 'report-1',
        title: 'A report',
        url: 'reports/1.html',
      },
      { baseUrl: base },
    );
    expect(warnings).to.deep.equal([]);
    expect(feed.items).to.deep.equal([
      { id: 'report-1', title: 'A report', url: 'https://feeds.example.org/news/reports/1.html' },
    ]);
  });

  it('still rejects an object that is neither a feed nor an item', () => {
    expect(() => parseFeedOrItem({ hello: 'world' })).to.throw(FeedError, /no "items" list/);
    expect(() => parseFeedOrItem([{ id: '1' }])).to.throw(FeedError, /a JSON array/);
  });

  it('a single bad item in parseFeedOrItem is skipped with its path named', () => {
    const { feed, warnings } = parseFeedOrItem({ id: 'x', title: 5 });
    expect(feed.items).to.deep.equal([]);
    expect(lines(warnings)).to.deep.equal(['items[0].title: expected a string; item skipped']);
  });

  it('parses a thousand items quickly and keeps their order; past a thousand, warns', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      id: `item-${i}`,
      title: `Item ${i}`,
      url: `https://example.org/${i}`,
      date_published: '2024-01-01T00:00:00Z',
      tags: ['a', 'b'],
    }));
    items[999] = { ...items[999]!, url: 'javascript:alert(1)' };
    const started = performance.now();
    const { feed, warnings } = parseFeed({ version: V11, title: 'Many', items });
    const elapsed = performance.now() - started;
    expect(feed.items).to.have.length(1_000);
    expect(feed.items[432]?.title).to.equal('Item 432');
    expect(lines(warnings)).to.deep.equal([
      'items: more than 1000 items; only the first 1000 are read',
      `items[999].url: ${NOT_ALLOWED}`,
    ]);
    expect(elapsed, `${elapsed.toFixed(0)} ms`).to.be.below(1_500);
  });
});

describe('the demo feeds', () => {
  it('the demo feed parses with zero warnings', async () => {
    const response = await fetch('/demo/feed.json');
    const { feed, warnings } = parseFeed(await response.json(), { baseUrl: response.url });
    expect(lines(warnings)).to.deep.equal([]);
    expect(feed.items.length).to.be.greaterThanOrEqual(5);
    const titles = feed.items.map((i) => i.title);
    expect(titles).to.include('North Korean Soldiers in Russia-Ukraine War');
    expect(titles.some((t) => t?.startsWith("Yoon Ha's Story: Part 3"))).to.equal(true);
    const parts = feed.items
      .filter((i) => i._lantern?.series?.id === 'yoon-ha')
      .map((i) => i._lantern?.series?.part);
    expect(parts.sort()).to.deep.equal([1, 2, 3]);
    const report = feed.items.find((i) => i._lantern?.report);
    expect(report?.attachments?.map((a) => a._lantern?.language).sort()).to.deep.equal([
      'en',
      'ko',
    ]);
  });

  it('the 12-part series feed parses with zero warnings', async () => {
    const { warnings } = parseFeed(await (await fetch('/demo/series-12.json')).json());
    expect(lines(warnings)).to.deep.equal([]);
  });

  it('the invalid-item demo feed skips exactly its bad item and drops the bad attachment', async () => {
    // Relative attachment URLs resolve against where the feed came from, as loadFeed does.
    const response = await fetch('/demo/invalid-item-feed.json');
    const { feed, warnings } = parseFeed(await response.json(), { baseUrl: response.url });
    expect(lines(warnings)).to.deep.equal([
      'items[0].attachments[0].size_in_bytes: expected a non-negative integer',
      'items[1].title: expected a string; item skipped',
    ]);
    expect(feed.items.map((i) => i.id)).to.deep.equal([
      'bad-item',
      'north-korean-soldiers-russia-ukraine',
    ]);
    expect(feed.items[0]).not.to.have.property('attachments');
  });

  it('the empty demo feed is a feed with no items, not an error', async () => {
    const { feed, warnings } = parseFeed(await (await fetch('/demo/empty-feed.json')).json());
    expect(warnings).to.deep.equal([]);
    expect(feed.items).to.deep.equal([]);
  });
});
