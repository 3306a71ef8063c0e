// Every field read, as the content API (lantern-widgets/content) reads them: attachments,
// `_lantern.report` and `_lantern.series` too (the widgets' entries leave those to their code).
import '../../src/content/index.js';
import { expect } from '@open-wc/testing';
import { clearFeedCache, loadFeed } from '../../src/content/load.js';
import { itemExcerpt } from '../../src/content/excerpt.js';
import { parseFeed } from '../../src/content/parse.js';
import { renderRichContent } from '../../src/content/rich.js';
import type { Feed, FeedItem, FeedWarning } from '../../src/content/types.js';

const lines = (warnings: FeedWarning[]) => warnings.map((w) => `${w.path}: ${w.message}`);

/** Every URL the parser let through, wherever it sits in the feed. */
function allUrls(feed: Feed): string[] {
  const urls: (string | undefined)[] = [
    feed.home_page_url,
    feed.feed_url,
    feed.next_url,
    ...(feed.authors ?? []).map((a) => a.url),
  ];
  for (const item of feed.items) {
    urls.push(item.url, item.external_url, item.image);
    urls.push(...(item.authors ?? []).map((a) => a.url));
    urls.push(...(item.attachments ?? []).map((a) => a.url));
  }
  return urls.filter((u): u is string => u !== undefined);
}

async function quirk(name: string): Promise<{ feed: Feed; warnings: FeedWarning[] }> {
  clearFeedCache();
  return loadFeed(`/test-server/fixture/quirks/${name}`);
}

function item(feed: Feed, index = 0): FeedItem {
  const found = feed.items[index];
  if (!found) throw new Error(`no item ${index}`);
  return found;
}

// The real feeds sit beside the clone (../shared/realworld-feeds), on the project's machines
// and in CI. Without them this file fails rather than passing on nothing.
const listing = await fetch('/test-server/realworld/');
const realFeeds: string[] = listing.ok ? await listing.json() : [];
const xmlListing = await fetch('/test-server/realworld-xml/');
const realXmlFeeds: string[] = xmlListing.ok ? await xmlListing.json() : [];

describe('real-world feeds from ../shared/realworld-feeds', () => {
  it('are present beside this clone', () => {
    expect(realFeeds, 'put the real feeds in ../shared/realworld-feeds').to.have.length.above(0);
  });

  for (const name of realFeeds) {
    it(`${name} parses into all of its items, with no warnings and only allowed URLs`, async () => {
      const raw = (await (await fetch(`/test-server/realworld/${name}`)).json()) as {
        items: unknown[];
      };
      clearFeedCache();
      const { feed, warnings } = await loadFeed(`/test-server/realworld/${name}`);
      expect(lines(warnings)).to.deep.equal([]);
      expect(raw.items.length).to.be.greaterThan(0);
      expect(feed.items).to.have.length(raw.items.length);
      for (const entry of feed.items) {
        expect(entry.id, 'id').to.be.a('string').and.not.equal('');
        const shows = entry.title ?? entry.summary ?? entry.content_html ?? entry.content_text;
        expect(shows, `item ${entry.id} has something to show`).to.be.a('string');
      }
      for (const url of allUrls(feed)) expect(url).to.match(/^(https?|mailto):/);
    });
  }

  it('the first item of every real feed with a body renders as sanitised content', async () => {
    expect(realFeeds).to.have.length.above(0);
    for (const name of realFeeds) {
      clearFeedCache();
      const { feed } = await loadFeed(`/test-server/realworld/${name}`);
      const first = feed.items.find((i) => i.content_html || i.content_text);
      // Every real feed here carries bodies; one that loses them all is a parser regression.
      expect(first, `${name} has an item with a body`).to.not.equal(undefined);
      const fragment = await renderRichContent(first!, { baseUrl: feed.feed_url });
      const holder = document.createElement('div');
      holder.append(fragment);
      // A photo post may have no text at all; it must still show something.
      const shown = (holder.textContent?.trim() ?? '') + holder.querySelectorAll('img').length;
      expect(shown, name).not.to.equal('0');
      expect(holder.querySelector('script, style, iframe, form'), name).to.equal(null);
      for (const a of holder.querySelectorAll('a[href]')) {
        expect(a.getAttribute('rel'), name).to.equal('noopener noreferrer');
      }
    }
  });
});

describe('what readers see of every item of every real feed (JSON, RSS, Atom)', () => {
  const sources = [
    ...realFeeds.map((name) => `/test-server/realworld/${name}`),
    ...realXmlFeeds.map((name) => `/test-server/realworld-xml/${name}`),
  ];

  it('are present beside this clone', () => {
    expect(realXmlFeeds, 'put the real feeds in ../shared/realworld-feeds').to.have.length.above(0);
  });

  for (const src of sources) {
    it(`${src.split('/').pop()}: no HTML entity left as written in a title, tag or excerpt`, async () => {
      clearFeedCache();
      const { feed } = await loadFeed(src);
      const raw: string[] = [];
      for (const each of feed.items) {
        for (const text of [each.title, ...(each.tags ?? []), itemExcerpt(each)]) {
          // ReliefWeb writes `&bull;`, others `&egrave;`, `&lrm;` or `&shy;`.
          raw.push(...(text?.match(/&[a-z][a-z0-9]*;/gi) ?? []).map((e) => `${each.id}: ${e}`));
        }
      }
      expect(raw).to.deep.equal([]);
    });
  }
});

describe('quirks of real feeds, reproduced in small fixtures', () => {
  it('JSON Feed 1.0 with a singular author, http: URLs and only content_html', async () => {
    const { feed, warnings } = await quirk('v1-singular-author.json');
    expect(warnings).to.deep.equal([]);
    expect(feed.authors).to.deep.equal([
      { name: 'Brent-style Author', url: 'http://quirks.example.org/about' },
    ]);
    expect(item(feed).authors).to.deep.equal([{ name: 'Item Author' }]);
    expect(item(feed).url).to.equal('http://quirks.example.org/2017/12/01/one');
    expect(item(feed, 1)).not.to.have.property('title');
    expect(feed).not.to.have.property('user_comment');
  });

  it('1.1 authors at both levels, an http: external_url, and HTML that starts with a newline', async () => {
    const { feed, warnings } = await quirk('authors-and-link-posts.json');
    expect(warnings).to.deep.equal([]);
    expect(feed.authors?.[0]?.name).to.equal('Feed Author');
    expect(item(feed).external_url).to.equal('http://elsewhere.example.net/story');
    const holder = document.createElement('div');
    holder.append(await renderRichContent(item(feed)));
    expect(holder.firstElementChild?.localName).to.equal('p');
    const link = holder.querySelector('a');
    expect(link?.textContent).to.equal('linked story');
    expect(link?.getAttribute('href')).to.equal('http://elsewhere.example.net/story');
  });

  it('German feed with author and authors, mailto: author URLs, extensions, path ids, an empty summary and tags in a title', async () => {
    const { feed, warnings } = await quirk('german-extensions.json');
    expect(warnings).to.deep.equal([]);
    expect(feed.language).to.equal('de-DE');
    expect(feed.authors).to.deep.equal([
      { name: 'Neue Form', url: 'mailto:neu@quirks.example.de' },
    ]);
    const entry = item(feed);
    expect(entry.id).to.equal('/2019/03/eintrag.html');
    expect(entry).not.to.have.property('summary');
    // Literal tags in a title stay text: they are never parsed as markup.
    expect(entry.title).to.equal('Über <i>kursive</i> und <b>fette</b> Titel');
    expect(entry.image).to.equal('https://quirks.example.de/bild.jpg');
    // What no widget shows is not read (a banner image, an icon, an avatar).
    expect(entry).not.to.have.property('banner_image');
    expect(Object.keys(entry)).not.to.include('_geo');
    expect(Object.keys(feed)).not.to.include('_rss');
  });

  it('root-relative links and images in content resolve against the feed, images without referrer', async () => {
    const { feed, warnings } = await quirk('root-relative-links.json');
    expect(warnings).to.deep.equal([]);
    expect(feed.feed_url).to.equal('http://quirks.example.com/feed.json');
    const holder = document.createElement('div');
    holder.append(await renderRichContent(item(feed), { baseUrl: feed.feed_url }));
    expect(holder.querySelector('a')?.getAttribute('href')).to.equal(
      'http://quirks.example.com/blog/2014/earlier.html',
    );
    const img = holder.querySelector('img');
    expect(img?.getAttribute('src')).to.equal('http://quirks.example.com/images/chart.png');
    expect(img?.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(img?.getAttribute('loading')).to.equal('lazy');
  });

  it('podcast attachments: audio/x-m4a of 90 MB over http:', async () => {
    const { feed, warnings } = await quirk('podcast-attachments.json');
    expect(warnings).to.deep.equal([]);
    expect(item(feed).attachments).to.deep.equal([
      {
        url: 'http://quirks.example.fm/audio/episode-11.m4a',
        mime_type: 'audio/x-m4a',
        size_in_bytes: 89970236,
        duration_in_seconds: 5400,
      },
    ]);
  });

  it('a minimal top level, plain text in content_html and &#8217; in a title', async () => {
    const { feed, warnings } = await quirk('minimal-top-level.json');
    expect(warnings).to.deep.equal([]);
    expect(feed).not.to.have.property('feed_url');
    expect(feed).not.to.have.property('authors');
    expect(item(feed).title).to.equal('Manton’s episode');
    const holder = document.createElement('div');
    holder.append(await renderRichContent(item(feed)));
    expect(holder.textContent?.trim()).to.equal(
      'Plain text in the HTML field, with no tags at all.',
    );
  });

  it('tags as one comma-separated string (or ""), external_url null, &amp; in titles', async () => {
    const { feed, warnings } = await quirk('tags-as-string.json');
    expect(lines(warnings)).to.deep.equal([]);
    expect(item(feed).tags).to.deep.equal(['workflow', 'omnifocus']);
    expect(item(feed, 1)).not.to.have.property('tags');
    expect(item(feed)).not.to.have.property('external_url');
    expect(item(feed).title).to.equal('Workflow: Add Task & Sub Tasks');
    expect(item(feed).id).to.equal('workflow-add-task-sub-tasks');
    expect(feed.feed_url).to.equal(feed.home_page_url);
  });

  it('an http:// version string, an empty description and &#8216; in a title', async () => {
    const { feed, warnings } = await quirk('http-version-string.json');
    expect(warnings).to.deep.equal([]);
    expect(feed).not.to.have.property('description');
    expect(item(feed).title).to.equal('‘Quoted’ in a title');
    expect(item(feed).external_url).to.equal('https://elsewhere.example.org/quoted-article');
  });

  it('dates without seconds or zone are kept (read as UTC), with \\/-escaped URLs', async () => {
    const { feed, warnings } = await quirk('loose-dates.json');
    expect(warnings).to.deep.equal([]);
    expect(item(feed).date_published).to.equal('2018-01-06T08:00Z');
    expect(item(feed).url).to.equal('http://quirks.example.net/twitter-quitter');
    const holder = document.createElement('div');
    holder.append(await renderRichContent(item(feed), { baseUrl: feed.feed_url }));
    expect(holder.textContent).to.contain('I’ve decided.');
    expect(holder.querySelector('a')?.getAttribute('href')).to.equal(
      'http://quirks.example.net/about',
    );
  });

  it('Kirby: \\/ everywhere, an empty icon and avatar, unprefixed keys, HTML in the description', async () => {
    const { feed, warnings } = await quirk('escaped-slashes.json');
    expect(warnings).to.deep.equal([]);
    expect(feed.version).to.equal('https://jsonfeed.org/version/1.1');
    expect(feed).not.to.have.property('icon');
    expect(feed).not.to.have.property('favicon');
    expect(item(feed).authors).to.deep.equal([
      { name: 'Author', url: 'https://quirks.example.com/' },
    ]);
    expect(Object.keys(item(feed))).not.to.include('slug');
    expect(item(feed).image).to.equal('https://quirks.example.com/media/new-font.png');
  });

  it('content_text with entities is shown decoded; date_modified before date_published is kept', async () => {
    const { feed, warnings } = await quirk('text-only-entities.json');
    expect(warnings).to.deep.equal([]);
    const entry = item(feed);
    expect(itemExcerpt(entry)).to.equal('Copenhagen A footnote↩ and an arrow -> here.');
    expect(entry.date_modified).to.equal('2025-05-20T09:00:00+02:00');
    const holder = document.createElement('div');
    holder.append(await renderRichContent(entry));
    expect([...holder.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal([
      'Copenhagen',
      'A footnote↩ and an arrow -> here.',
    ]);
  });

  it('Micro.blog: untitled items, ids on another host, tabs and blank lines', async () => {
    const raw = await (await fetch('/test-server/fixture/quirks/microblog-tabs.json')).text();
    expect(raw).to.contain('\t\t\n'); // the fixture really has the template's whitespace
    const { feed, warnings } = await quirk('microblog-tabs.json');
    expect(warnings).to.deep.equal([]);
    expect(feed.items).to.have.length(2);
    expect(item(feed)).not.to.have.property('title');
    expect(item(feed).id).to.equal('http://quirks.micro.example/2018/07/13/225214.html');
    expect(item(feed).url).to.equal('https://quirks.example.co.uk/2018/07/13/225214.html');
    const holder = document.createElement('div');
    holder.append(await renderRichContent(item(feed)));
    expect(holder.textContent).to.contain('Sunset 🌅');
  });

  it('the same quirks parse the same way without the loader', async () => {
    const json = await (await fetch('/test-server/fixture/quirks/tags-as-string.json')).json();
    expect(parseFeed(json).feed.items[0]?.tags).to.deep.equal(['workflow', 'omnifocus']);
  });
});
