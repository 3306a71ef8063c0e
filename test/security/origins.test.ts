// Origins: a feed's next page stays on the feed's own origin; relative images and attachments in
// data given in the page never hit the partner's own paths; the reading-progress key is bounded.
// Every field read, as the content API (lantern-widgets/content) reads them: attachments,
// `_lantern.report` and `_lantern.series` too (the widgets' entries leave those to their code).
import '../../src/content/index.js';
import { expect } from '@open-wc/testing';
import '../../src/define/article-card.js';
import '../../src/define/article-list.js';
import '../../src/define/report-download.js';
import '../../src/define/story-navigator.js';
import type { LanternArticleCard } from '../../src/components/article-card/article-card.js';
import {
  markPartRead,
  partsRead,
  readingProgressKey,
} from '../../src/components/story-navigator/reading-progress.js';
import { parseFeed } from '../../src/content/parse.js';
import { cleanup, mount, mountLoaded, nextEvent } from '../helpers.js';

const V11 = 'https://jsonfeed.org/version/1.1';

/** The same test server on another origin (localhost ⇄ 127.0.0.1). */
function otherOrigin(path: string): string {
  const url = new URL(path, location.href);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.href;
}

/** A feed served byte for byte by the test server, so it can carry any `next_url`. */
function served(feed: object): string {
  const bytes = new TextEncoder().encode(JSON.stringify(feed));
  return `/test-server/raw?body=${encodeURIComponent(btoa(String.fromCharCode(...bytes)))}`;
}

async function requests(route: string, key: string): Promise<number> {
  const response = await fetch(`/test-server/count/${route}?key=${key}`);
  return ((await response.json()) as { count: number }).count;
}

let unique = 0;
const key = (name: string) => `origins-${name}-${Date.now()}-${++unique}`;

/** Collects console.warn lines while `body` runs. */
async function warnings(body: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    seen.push(args.map(String).join(' '));
  };
  try {
    await body();
  } finally {
    console.warn = original;
  }
  return seen;
}

/** A DOM node in a failed assertion can stall the runner: compare markup instead. */
function html(host: Element, selector: string): string | null {
  return host.shadowRoot?.querySelector(selector)?.outerHTML.slice(0, 200) ?? null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function article(n: number, extra: object = {}): object {
  return { id: `a${n}`, url: `https://example.org/a${n}`, title: `Article ${n}`, ...extra };
}

describe('next_url stays on the feed’s own origin', () => {
  afterEach(cleanup);

  it('a next_url on another origin gives no "Load more" and is never fetched', async () => {
    const k = key('cross');
    const page2 = otherOrigin(`/test-server/feed/feed.json?key=${k}`);
    let list!: HTMLElement;
    const seen = await warnings(async () => {
      list = await mountLoaded(
        `<lantern-article-list limit="6" src="${served({ version: V11, title: 'T', items: [article(1)], next_url: page2 })}"></lantern-article-list>`,
      );
    });
    expect(html(list, '.footer button'), 'Load more button').to.equal(null);
    expect(seen.some((line) => line.includes(page2) && line.includes('origin'))).to.equal(true);
    await pause(200);
    expect(await requests('feed', k)).to.equal(0);
  });

  it('a next_url on the same origin still gives "Load more"', async () => {
    const page2 = new URL(`/test-server/feed/feed.json?key=${key('same')}`, location.href).href;
    const list = await mountLoaded(
      `<lantern-article-list limit="6" src="${served({ version: V11, title: 'T', items: [article(1)], next_url: page2 })}"></lantern-article-list>`,
    );
    expect(html(list, '.footer button')).to.not.equal(null);
  });

  it('for an inline feed the reference is its base: a next_url elsewhere is refused', async () => {
    const feed = {
      version: V11,
      title: 'T',
      feed_url: 'https://feeds.example.org/feed.json',
      next_url: 'https://attacker.example/page2.json',
      items: [article(1)],
    };
    const list = await mountLoaded(
      `<lantern-article-list limit="6"><script type="application/feed+json">${JSON.stringify(feed)}</script></lantern-article-list>`,
    );
    expect(html(list, '.footer button')).to.equal(null);
  });
});

describe('relative URLs in data given in the page', () => {
  afterEach(cleanup);

  it('without a base, a relative image is dropped with a warning naming the field, and never requested', async () => {
    const k = key('img');
    const card = document.createElement('lantern-article-card') as LanternArticleCard;
    card.item = { ...article(1), image: `/test-server/status/204?key=${k}` } as never;
    const seen = await warnings(async () => {
      const container = mount('<div></div>');
      const loaded = nextEvent(card, 'lantern-load');
      container.append(card);
      await loaded;
      await pause(300);
    });
    expect(html(card, 'img[src]'), 'image').to.equal(null);
    expect(seen.some((line) => line.includes('image') && line.includes('base'))).to.equal(true);
    expect(await requests('status', k)).to.equal(0);
  });

  it('base-url is the base for relative images in .item', async () => {
    const base = otherOrigin('/test-server/');
    const card = document.createElement('lantern-article-card') as LanternArticleCard;
    card.setAttribute('base-url', base);
    card.item = { ...article(1), image: 'status/204?key=based' } as never;
    const container = mount('<div></div>');
    const loaded = nextEvent(card, 'lantern-load');
    container.append(card);
    await loaded;
    expect(card.shadowRoot!.querySelector('img')?.getAttribute('src')).to.equal(
      new URL('status/204?key=based', base).href,
    );
  });

  it('an inline feed’s own feed_url is its base', async () => {
    const feed = {
      version: V11,
      title: 'T',
      feed_url: 'https://feeds.example.org/news/feed.json',
      items: [article(1, { image: 'images/a.png' })],
    };
    const card = await mountLoaded(
      `<lantern-article-card hide-images><script type="application/feed+json">${JSON.stringify(feed)}</script></lantern-article-card>`,
    );
    // hide-images keeps the test off the network; the parsed data is what matters.
    expect(html(card, 'img')).to.equal(null);
    expect(parseFeed(feed).feed.items[0]!.image).to.equal(
      'https://feeds.example.org/news/images/a.png',
    );
  });

  it('a relative feed_url is no base: an image on the page’s own paths is never requested', async () => {
    const k = key('feedurl');
    const feed = {
      version: V11,
      title: 'T',
      // Resolved against the page, "/" would make every relative path in the feed the partner's.
      feed_url: '/',
      items: [
        article(1, {
          image: `test-server/status/204?key=${k}`,
        }),
      ],
    };
    const seen = await warnings(async () => {
      const card = await mountLoaded(
        `<lantern-article-card><script type="application/feed+json">${JSON.stringify(feed)}</script></lantern-article-card>`,
      );
      await pause(300);
      expect(html(card, 'img[src]'), 'image').to.equal(null);
    });
    expect(await requests('status', k), 'requests to the page’s own path').to.equal(0);
    expect(seen.some((line) => line.includes('feed_url') && line.includes('base'))).to.equal(true);
    expect(parseFeed(feed).feed.feed_url).to.equal(undefined);
  });

  it('a reader-mode body image in an inline feed without a base is never requested', async () => {
    const k = key('body');
    const feed = {
      version: V11,
      title: 'T',
      items: [
        {
          id: 'p1',
          title: 'Part 1',
          content_html: `<p>Text</p><p><img alt="x" src="/test-server/status/204?key=${k}"></p>`,
          _lantern: { series: { id: 's', title: 'Series', part: 1, total: 1 } },
        },
      ],
    };
    const nav = await mountLoaded(
      `<lantern-story-navigator mode="reader" series="s" part="1"><script type="application/feed+json">${JSON.stringify(feed)}</script></lantern-story-navigator>`,
    );
    await pause(300);
    expect(nav.shadowRoot!.textContent).to.contain('Text');
    const images = [...nav.shadowRoot!.querySelectorAll('img')].map((img) => img.src);
    expect(images.filter((src) => src.includes(k))).to.deep.equal([]);
    expect(await requests('status', k)).to.equal(0);
  });

  it('without a base, relative attachments are dropped; absolute ones stay', () => {
    const feed = {
      version: V11,
      title: 'T',
      items: [
        article(1, {
          attachments: [
            { url: '/account/export.pdf', mime_type: 'application/pdf' },
            { url: 'https://ngo.example/report.pdf', mime_type: 'application/pdf' },
          ],
        }),
      ],
    };
    const { feed: parsed, warnings: found } = parseFeed(feed);
    expect(parsed.items[0]!.attachments?.map((a) => a.url)).to.deep.equal([
      'https://ngo.example/report.pdf',
    ]);
    expect(found.map((w) => w.path)).to.include('items[0].attachments[0].url');
    const based = parseFeed(feed, { baseUrl: 'https://ngo.example/feed.json' });
    expect(based.feed.items[0]!.attachments?.[0]?.url).to.equal(
      'https://ngo.example/account/export.pdf',
    );
  });

  it('relative links without a base resolve against the page (a click, never a request)', () => {
    const { feed } = parseFeed({ version: V11, title: 'T', items: [{ id: '1', url: '/news/1' }] });
    expect(feed.items[0]!.url).to.equal(new URL('/news/1', location.href).href);
  });
});

describe('remember="session" keys are bounded', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    sessionStorage.clear();
    cleanup();
  });

  it('a 2 MB series id writes a short key, and progress still round-trips', () => {
    const huge = 's'.repeat(2 * 1024 * 1024);
    markPartRead(huge, 2);
    markPartRead(huge, 1);
    const keys = Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i)!);
    expect(keys.length).to.equal(1);
    expect(keys[0]!.length).to.be.below(300);
    expect(sessionStorage.getItem(keys[0]!)).to.equal('[1,2]');
    expect([...partsRead(huge)]).to.deep.equal([1, 2]);
    // Two long ids that share their first 200 characters are still two series.
    expect(readingProgressKey(`${huge}x`)).to.not.equal(readingProgressKey(huge));
    expect([...partsRead(`${huge}x`)]).to.deep.equal([]);
    // Short ids keep their readable key.
    expect(readingProgressKey('yoon-ha')).to.equal('lantern-parts-read:yoon-ha');
  });

  it('an oversized stored value is ignored, and parts beyond a series’ cap are not stored', () => {
    sessionStorage.setItem(readingProgressKey('big'), JSON.stringify(Array(200_000).fill(1)));
    expect([...partsRead('big')]).to.deep.equal([]);
    markPartRead('odd', 10 ** 9);
    expect(sessionStorage.getItem(readingProgressKey('odd'))).to.equal(null);
  });

  it('a navigator with a long series id keeps its storage key short', async () => {
    const id = `series-${'x'.repeat(1900)}`;
    const feed = {
      version: V11,
      title: 'T',
      items: [1, 2].map((part) => ({
        id: `p${part}`,
        url: `https://example.org/p${part}`,
        title: `Part ${part}`,
        _lantern: { series: { id, title: 'Long', part, total: 2 } },
      })),
    };
    await mountLoaded(
      `<lantern-story-navigator part="2" remember="session"><script type="application/feed+json">${JSON.stringify(feed)}</script></lantern-story-navigator>`,
    );
    const keys = Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i)!);
    expect(keys.length).to.equal(1);
    expect(keys[0]!.length).to.be.below(300);
  });
});
