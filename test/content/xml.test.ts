// Every field read, as the content API (lantern-widgets/content) reads them: attachments,
// `_lantern.report` and `_lantern.series` too (the widgets' entries leave those to their code).
import '../../src/content/index.js';
import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/content/errors.js';
import { pickItem } from '../../src/content/items.js';
import { clearFeedCache, loadFeed } from '../../src/content/load.js';
import { renderRichContent } from '../../src/content/rich.js';
import type { FeedItem } from '../../src/content/types.js';
import { parseXmlFeed } from '../../src/content/xml.js';

const BASE = 'https://partner.example/blog/feed/';

function only(xml: string, base = BASE): FeedItem {
  const { feed } = parseXmlFeed(xml, { baseUrl: base });
  expect(feed.items).to.have.length(1);
  return feed.items[0]!;
}

function failure(fn: () => unknown): FeedError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('the XML was accepted, but it should have been refused');
}

/** A served body, byte for byte, with the content type given. */
const served = (body: string, type: string) => {
  const bytes = new TextEncoder().encode(body);
  const base64 = btoa(String.fromCharCode(...bytes));
  return `/test-server/raw?body=${encodeURIComponent(base64)}&type=${encodeURIComponent(type)}&k=${Math.random()}`;
};

const WORDPRESS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"
  xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Partner &amp; Friends</title>
  <link>https://partner.example/blog</link>
  <atom:link href="https://partner.example/blog/feed/" rel="self" type="application/rss+xml"/>
  <language>ko-KR</language>
  <item>
    <title>탈북민 이야기 &amp;#8211; 제3부</title>
    <link>https://partner.example/blog/2025/02/part-3/</link>
    <guid isPermaLink="false">https://partner.example/blog/?p=12137</guid>
    <dc:creator><![CDATA[윤하]]></dc:creator>
    <pubDate>Thu, 20 Feb 2025 09:00:00 +0900</pubDate>
    <atom:updated>2025-02-21T10:00:00Z</atom:updated>
    <category><![CDATA[Refugee stories]]></category>
    <category><![CDATA[한국]]></category>
    <category><![CDATA[Refugee stories]]></category>
    <description><![CDATA[<p>An excerpt with a <a href="/more">Read more</a> link.</p><p>The post 탈북민 appeared first on Partner.</p>]]></description>
    <content:encoded><![CDATA[<p>Body <strong>text</strong> with <img src="/img/inline.jpg" alt="inline"> and <a href="relative/page">a relative link</a>.</p><script>alert(1)</script>]]></content:encoded>
    <media:content url="https://cdn.partner.example/photo.jpg" medium="image" />
    <enclosure url="https://partner.example/files/report.pdf" length="245000" type="application/pdf" />
    <enclosure url="https://partner.example/files/cover.png" length="1000" type="image/png" />
    <enclosure url="https://partner.example/files/episode.mp3" length="0" type="audio/mpeg" />
  </item>
</channel>
</rss>`;

describe('RSS 2.0 and Atom 1.0 (src/content/xml.ts)', () => {
  describe('a WordPress-style RSS item', () => {
    it('maps content:encoded, description, dc:creator, categories, dates and language', () => {
      const { feed, warnings } = parseXmlFeed(WORDPRESS, { baseUrl: BASE });
      expect(warnings).to.deep.equal([]);
      expect(feed.title).to.equal('Partner & Friends');
      expect(feed.language).to.equal('ko-KR');
      const item = feed.items[0]!;
      expect(item.id).to.equal('https://partner.example/blog/?p=12137');
      expect(item.url).to.equal('https://partner.example/blog/2025/02/part-3/');
      // The title's double-escaped dash is shown as a dash, in Korean as written.
      expect(item.title).to.equal('탈북민 이야기 – 제3부');
      expect(item.content_html).to.contain('<strong>text</strong>');
      expect(item.summary).to.equal(
        'An excerpt with a Read more link. The post 탈북민 appeared first on Partner.',
      );
      expect(item.authors).to.deep.equal([{ name: '윤하' }]);
      expect(item.tags).to.deep.equal(['Refugee stories', '한국']);
      expect(item.date_published).to.equal('2025-02-20T00:00:00.000Z');
      expect(item.date_modified).to.equal('2025-02-21T10:00:00Z');
    });

    it('media:content is the picture; an image enclosure is not an attachment; others are', () => {
      const item = only(WORDPRESS);
      expect(item.image).to.equal('https://cdn.partner.example/photo.jpg');
      expect(item.attachments).to.deep.equal([
        {
          url: 'https://partner.example/files/report.pdf',
          mime_type: 'application/pdf',
          size_in_bytes: 245000,
        },
        // length="0" is WordPress's "unknown", not an empty file.
        { url: 'https://partner.example/files/episode.mp3', mime_type: 'audio/mpeg' },
      ]);
    });

    // WordPress.com (and Jetpack) attach the author's Gravatar to every post as an image
    // media:content, before or instead of the post's own picture. Read as the picture, it put
    // the author's avatar (a photo of them, or an identicon) on every card of a post without one
    // and asked gravatar.com for it from each reader's browser, unasked.
    it('a Gravatar media:content is the author, not the picture: never a card’s image', () => {
      const avatar = (url: string) =>
        `<media:content url="${url}" medium="image"><media:title type="html">yoonha</media:title></media:content>`;
      // (Without the item's image enclosure, which would be its picture.)
      const post = (media: string) =>
        WORDPRESS.replace(
          '<media:content url="https://cdn.partner.example/photo.jpg" medium="image" />',
          media,
        ).replace(/<enclosure [^>]*image\/png" \/>/, '');
      const gravatar = 'https://0.gravatar.com/avatar/0f1e2d3c?s=96&#38;d=identicon&#38;r=G';
      expect(only(post(avatar(gravatar))).image).to.equal(undefined);
      expect(only(post(avatar('https://secure.GRAVATAR.com/avatar/ab?s=96'))).image).to.equal(
        undefined,
      );
      expect(
        only(
          post(
            `${avatar(gravatar)}<media:content url="https://cdn.partner.example/photo.jpg" type="image/jpeg" />`,
          ),
        ).image,
      ).to.equal('https://cdn.partner.example/photo.jpg');
    });

    it('the body goes through the widgets’ sanitiser: script gone, relative links resolved', async () => {
      const item = only(WORDPRESS);
      const fragment = await renderRichContent(item, { baseUrl: BASE });
      const div = document.createElement('div');
      div.append(fragment);
      expect(div.querySelector('script')).to.equal(null);
      expect(div.querySelector('a')!.getAttribute('href')).to.equal(
        'https://partner.example/blog/feed/relative/page',
      );
      expect(div.querySelector('img')!.getAttribute('src')).to.equal(
        'https://partner.example/img/inline.jpg',
      );
      expect(div.querySelector('img')!.getAttribute('referrerpolicy')).to.equal('no-referrer');
    });

    it('item="…" picks by guid, and also by the item’s link', () => {
      const parsed = parseXmlFeed(WORDPRESS, { baseUrl: BASE });
      expect(pickItem(parsed, 'https://partner.example/blog/?p=12137').title).to.contain('제3부');
      expect(pickItem(parsed, 'https://partner.example/blog/2025/02/part-3/').id).to.equal(
        'https://partner.example/blog/?p=12137',
      );
      expect(() => pickItem(parsed, 'https://partner.example/nope')).to.throw(FeedError);
    });
  });

  it('Hugo: entity-escaped HTML in description is the body; thumbnails and image enclosures are pictures', () => {
    const xml = `<?xml version="1.0" encoding="utf-8" standalone="yes" ?>
<rss version="2.0"><channel><title>Hugo site</title><link>https://hugo.example/</link>
<item><title>Rebooting &lt;em&gt;on&lt;/em&gt; wrong password</title>
<link>https://hugo.example/2016/09/reboot/</link>
<guid>https://hugo.example/2016/09/reboot/</guid>
<pubDate>Wed, 28 Sep 2016 22:57:21 +0200</pubDate>
<description>&lt;p&gt;Having an encrypted hard drive is all well and good, it&amp;rsquo;s&lt;/p&gt;
&lt;img src=&#34;/images/disk.png&#34; alt=&#34;a disk&#34;&gt;</description>
<media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="https://hugo.example/thumb.png"/>
</item>
<item><title>Second</title><guid>https://hugo.example/2/</guid><description>Plain words only.</description>
<enclosure url="/cover.jpg" type="image/jpeg" length="10"/></item>
</channel></rss>`;
    const { feed } = parseXmlFeed(xml, { baseUrl: 'https://hugo.example/index.xml' });
    const [first, second] = feed.items;
    expect(first!.title).to.equal('Rebooting on wrong password');
    expect(first!.content_html).to.match(/^<p>Having an encrypted hard drive/);
    expect(first!.content_html).to.contain('it&rsquo;s');
    expect(first!.content_html).to.contain('<img src="/images/disk.png" alt="a disk">');
    expect(first!.image).to.equal('https://hugo.example/thumb.png');
    expect(first!.summary).to.equal(undefined);
    // A permalink guid with no <link> is the URL; plain text is a text body.
    expect(second!.url).to.equal('https://hugo.example/2/');
    expect(second!.content_text).to.equal('Plain words only.');
    expect(second!.content_html).to.equal(undefined);
    expect(second!.image).to.equal('https://hugo.example/cover.jpg');
    expect(second!.attachments).to.equal(undefined);
  });

  describe('Atom', () => {
    const ATOM_FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"
      xml:base="https://news.example/site/" xml:lang="en">
  <title type="html">Partner &lt;b&gt;news&lt;/b&gt;</title>
  <link href="/" rel="alternate"/>
  <link href="feed.atom" rel="self"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2025-03-04T09:00:00Z</updated>
  <author><name>Partner desk</name></author>
  <entry xml:base="posts/2025/">
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Soldiers <em>in</em> Kursk</div></title>
    <link rel="alternate" type="text/html" href="soldiers/"/>
    <link rel="enclosure" type="application/pdf" length="935" title="Full report" href="../../files/report.pdf"/>
    <link rel="enclosure" type="image/jpeg" href="img/cover.jpg"/>
    <id>tag:news.example,2025:soldiers</id>
    <published>2025-03-04T09:00:00+09:00</published>
    <updated>2025-03-05T09:00:00+09:00</updated>
    <category term="analysis" label="Analysis"/>
    <category term="pow"/>
    <summary>Insights &amp; policy.</summary>
    <content type="xhtml" xml:base="soldiers/"><div xmlns="http://www.w3.org/1999/xhtml"><p>See <a href="notes.html">the notes</a> and <img src="../map.png" alt="map"/>.</p></div></content>
  </entry>
  <entry xml:lang="ko">
    <title>북한 인권 보고서</title>
    <link href="https://elsewhere.example/report"/>
    <id>tag:news.example,2025:report</id>
    <updated>2025-01-01T00:00:00Z</updated>
    <author><name>NKDB</name></author>
    <content type="html">&lt;p&gt;본문 &lt;a href="more"&gt;더 보기&lt;/a&gt;&lt;/p&gt;</content>
  </entry>
  <entry><title>Text only</title><id>t3</id><updated>2025-01-02T00:00:00Z</updated>
    <content>Line one &lt;not a tag&gt;</content><media:thumbnail url="thumb.png"/></entry>
</feed>`;

    it('nested xml:base resolves links, enclosures, images and links inside the body', () => {
      const { feed, warnings } = parseXmlFeed(ATOM_FEED, { baseUrl: BASE });
      expect(warnings).to.deep.equal([]);
      expect(feed.title).to.equal('Partner news');
      expect(feed.home_page_url).to.equal('https://news.example/');
      expect(feed.feed_url).to.equal('https://news.example/site/feed.atom');
      expect(feed.language).to.equal('en');
      const entry = feed.items[0]!;
      expect(entry.id).to.equal('tag:news.example,2025:soldiers');
      expect(entry.title).to.equal('Soldiers in Kursk');
      expect(entry.url).to.equal('https://news.example/site/posts/2025/soldiers/');
      expect(entry.image).to.equal('https://news.example/site/posts/2025/img/cover.jpg');
      expect(entry.attachments).to.deep.equal([
        {
          url: 'https://news.example/site/files/report.pdf',
          mime_type: 'application/pdf',
          title: 'Full report',
          size_in_bytes: 935,
        },
      ]);
      expect(entry.content_html).to.contain(
        'href="https://news.example/site/posts/2025/soldiers/notes.html"',
      );
      expect(entry.content_html).to.contain('src="https://news.example/site/posts/2025/map.png"');
      expect(entry.summary).to.equal('Insights & policy.');
      expect(entry.tags).to.deep.equal(['analysis', 'pow']);
      expect(entry.authors).to.deep.equal([{ name: 'Partner desk' }]);
      expect(entry.date_published).to.equal('2025-03-04T09:00:00+09:00');
      expect(entry.date_modified).to.equal('2025-03-05T09:00:00+09:00');
    });

    it('type="html" content, entry language and author; type="text" stays text', () => {
      const { feed } = parseXmlFeed(ATOM_FEED, { baseUrl: BASE });
      const [, korean, text] = feed.items;
      expect(korean!.title).to.equal('북한 인권 보고서');
      expect(korean!.language).to.equal('ko');
      expect(korean!.authors).to.deep.equal([{ name: 'NKDB' }]);
      expect(korean!.content_html).to.equal(
        '<p>본문 <a href="https://news.example/site/more">더 보기</a></p>',
      );
      // Only `updated`: it dates the entry.
      expect(korean!.date_published).to.equal('2025-01-01T00:00:00Z');
      expect(text!.content_text).to.equal('Line one <not a tag>');
      expect(text!.content_html).to.equal(undefined);
      expect(text!.image).to.equal('https://news.example/site/thumb.png');
    });

    it('a one-line minified Atom feed with relative ids and links reads the same', () => {
      const xml = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><link href="/feed.xml" rel="self" type="application/atom+xml" /><link href="/" rel="alternate" type="text/html" /><updated>2025-10-08T23:46:50+00:00</updated><id>/feed.xml</id><title type="html">QEMU</title><entry><title type="html">QEMU version 10.1.0 released</title><link href="/2025/08/26/qemu-10-1-0/" rel="alternate" type="text/html" title="QEMU version 10.1.0 released" /><published>2025-08-26T23:25:00+00:00</published><updated>2025-08-26T23:25:00+00:00</updated><id>/2025/08/26/qemu-10-1-0</id><content type="html" xml:base="/2025/08/26/qemu-10-1-0/"><![CDATA[<p>Grab it from <a href="download/">here</a>.</p>]]></content><author><name>Paolo</name></author><summary type="html"><![CDATA[We’d like to announce…]]></summary></entry></feed>`;
      const item = only(xml, 'https://www.qemu.org/feed.xml');
      expect(item.id).to.equal('/2025/08/26/qemu-10-1-0');
      expect(item.url).to.equal('https://www.qemu.org/2025/08/26/qemu-10-1-0/');
      expect(item.content_html).to.contain(
        'href="https://www.qemu.org/2025/08/26/qemu-10-1-0/download/"',
      );
      expect(item.summary).to.equal('We’d like to announce…');
      const parsed = parseXmlFeed(xml, { baseUrl: 'https://www.qemu.org/feed.xml' });
      expect(pickItem(parsed, '/2025/08/26/qemu-10-1-0').title).to.equal(
        'QEMU version 10.1.0 released',
      );
    });
  });

  describe('the same validation and URL policy as JSON Feed', () => {
    it('javascript: and data: links and pictures are dropped with a warning naming the item', () => {
      const xml = `<rss version="2.0"><channel><title>t</title>
<item><title>Bad link</title><guid>g1</guid><link>javascript:alert(1)</link>
<enclosure url="data:application/pdf;base64,AAAA" type="application/pdf"/>
<media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="javascript:alert(2)"/></item>
</channel></rss>`;
      const { feed, warnings } = parseXmlFeed(xml, { baseUrl: BASE });
      const item = feed.items[0]!;
      expect(item.url).to.equal(undefined);
      expect(item.image).to.equal(undefined);
      expect(item.attachments).to.equal(undefined);
      expect(warnings.map((w) => w.path)).to.include.members([
        'items[0].url',
        'items[0].image',
        'items[0].attachments[0].url',
      ]);
    });

    it('an item with neither guid nor link is skipped with a warning; the others stay', () => {
      const xml = `<rss version="2.0"><channel><title>t</title>
<item><title>No id</title></item><item><title>Kept</title><link>https://a.example/x</link></item>
</channel></rss>`;
      const { feed, warnings } = parseXmlFeed(xml, { baseUrl: BASE });
      expect(feed.items.map((i) => i.title)).to.deep.equal(['Kept']);
      expect(warnings[0]!.path).to.equal('items[0].id');
    });
  });

  describe('documents Lantern refuses, with the error a broken JSON Feed gets', () => {
    it('an XML bomb (entity declarations) is refused before it is parsed', () => {
      const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title><guid>x</guid></item></channel></rss>`;
      const started = performance.now();
      const error = failure(() => parseXmlFeed(bomb, { baseUrl: BASE }));
      expect(error.kind).to.equal('not-json');
      expect(error.message).to.match(/entities/);
      console.log(`XML bomb refused in ${(performance.now() - started).toFixed(1)} ms`);
    });

    it('malformed XML is "not-json", naming XML', () => {
      const error = failure(() =>
        parseXmlFeed('<rss version="2.0"><channel><title>cut off</title><item>', {}),
      );
      expect(error.kind).to.equal('not-json');
      expect(error.message).to.equal('The RSS or Atom feed is not well-formed XML.');
    });

    it('well-formed XML that is not RSS or Atom is "not-a-feed"', () => {
      const error = failure(() => parseXmlFeed('<?xml version="1.0"?><sitemap><url/></sitemap>'));
      expect(error.kind).to.equal('not-a-feed');
      expect(error.message).to.contain('<sitemap>');
    });
  });

  describe('through loadFeed', () => {
    beforeEach(() => clearFeedCache());

    for (const type of [
      'application/rss+xml',
      'application/xml; charset=utf-8',
      'text/xml',
      'text/plain',
      'application/octet-stream',
    ]) {
      it(`an RSS feed served as ${type} loads`, async () => {
        const { feed, source } = await loadFeed(served(`\ufeff  ${WORDPRESS}`, type));
        expect(source).to.contain('/test-server/raw');
        expect(feed.items[0]!.title).to.equal('탈북민 이야기 – 제3부');
      });
    }

    it('an Atom feed served as application/atom+xml loads', async () => {
      const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>e1</id><title>Entry</title><updated>2025-01-01T00:00:00Z</updated><link href="/e1"/></entry></feed>`;
      const { feed } = await loadFeed(served(xml, 'application/atom+xml'));
      expect(feed.items[0]!.url).to.equal(new URL('/e1', location.href).href);
    });

    it('an ISO-8859-1 feed is read in the encoding it declares', async () => {
      const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\u00e9</title><item><guid>1</guid><title>Cr\u00e8me br\u00fbl\u00e9e</title></item></channel></rss>`;
      const bytes = Uint8Array.from(xml, (c) => c.charCodeAt(0));
      const url = `/test-server/raw?body=${encodeURIComponent(btoa(String.fromCharCode(...bytes)))}&type=application/rss%2Bxml`;
      const { feed } = await loadFeed(url);
      expect(feed.items[0]!.title).to.equal('Crème brûlée');
    });

    it('a bomb and a malformed document fail loadFeed as "not-json"', async () => {
      for (const body of [
        '<!DOCTYPE x [<!ENTITY a "aaaa">]><rss><channel><title>&a;</title></channel></rss>',
        '<rss><channel><title>unclosed</channel></rss>',
      ]) {
        const error = await loadFeed(served(body, 'application/rss+xml')).then(
          () => undefined,
          (e: unknown) => e as FeedError,
        );
        expect(error, body).to.be.instanceOf(FeedError);
        expect(error!.kind).to.equal('not-json');
      }
    });

    it('an HTML page is still "a web page", not parsed as a feed', async () => {
      const error = await loadFeed(
        served('<!doctype html><html><body>hi</body></html>', 'application/json'),
      ).then(
        () => undefined,
        (e: unknown) => e as FeedError,
      );
      expect(error!.message).to.equal('The address sent a web page, not a JSON feed.');
    });
  });

  it('a feed of 100 items and about 400 KB reads in one pass (time printed)', () => {
    const paragraph = `<p>${'Words of a long report body, repeated. '.repeat(100)}</p>`;
    const items = Array.from(
      { length: 100 },
      (_, i) => `<item><title>Item ${i}</title><link>https://big.example/${i}</link>
<pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate><category>c${i % 5}</category>
<description><![CDATA[${paragraph}]]></description></item>`,
    ).join('\n');
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`;
    expect(xml.length).to.be.within(380_000, 440_000);
    const started = performance.now();
    const { feed, warnings } = parseXmlFeed(xml, { baseUrl: BASE });
    const ms = performance.now() - started;
    console.log(`100 items, ${Math.round(xml.length / 1024)} KB: parsed in ${ms.toFixed(1)} ms`);
    expect(warnings).to.deep.equal([]);
    expect(feed.items).to.have.length(100);
    expect(feed.items[99]!.content_html).to.contain('Words of a long report body');
    expect(ms).to.be.below(1000);
  });
});
