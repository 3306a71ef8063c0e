import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/article-list.js';
import type { LanternArticleCard } from '../../src/components/article-card/article-card.js';
import type { LanternArticleList } from '../../src/components/article-list/article-list.js';
import {
  cleanup,
  expectAxeClean,
  expectSizeKept,
  mount,
  mountLoaded,
  nextEvent,
  painted,
  shadow,
  visibleText,
} from '../helpers.js';

const FEED = '/demo/feed.json';

let unique = 0;
function key(name: string): string {
  unique += 1;
  return `list-${name}-${Date.now()}-${unique}`;
}

/** A feed served byte for byte by the test server, so it can carry any `next_url`. */
function served(feed: object): string {
  const bytes = new TextEncoder().encode(JSON.stringify(feed));
  const base64 = btoa(String.fromCharCode(...bytes));
  return `/test-server/raw?body=${encodeURIComponent(base64)}`;
}

function feedOf(items: object[], extra: object = {}): object {
  return { version: 'https://jsonfeed.org/version/1.1', title: 'Test', items, ...extra };
}

/** Article `n` again, behind a content warning and without tags. */
const warned = (n: number, date: string) => ({
  ...article(n, date),
  summary: 'Behind the warning.',
  _lantern: { content_warning: 'Describes torture.' },
});

function article(n: number, date: string | undefined, tags: string[] = []): object {
  return {
    id: `a${n}`,
    url: `https://example.org/a${n}`,
    title: `Article ${n}`,
    summary: `Summary ${n}`,
    date_published: date,
    tags,
  };
}

function cards(list: Element): LanternArticleCard[] {
  return Array.from(list.shadowRoot!.querySelectorAll('lantern-article-card'));
}

function titles(list: Element): string[] {
  return cards(list).map((card) => shadow(card, '.title a').textContent ?? '');
}

function loadMoreButton(list: Element): HTMLButtonElement | null {
  return list.shadowRoot!.querySelector<HTMLButtonElement>('.footer button');
}

/**
 * Presses "Load more", then expects these titles and the card at `warnedAt` to show its
 * warning, with nothing of article `hidden`'s summary anywhere in the list.
 */
async function loadMoreExpectingWarned(
  list: LanternArticleList,
  expected: string[],
  warnedAt: number,
  hidden: number,
): Promise<void> {
  loadMoreButton(list)!.click();
  await nextEvent(list, 'lantern-load');
  expect(titles(list)).to.deep.equal(expected);
  await Promise.all(cards(list).map((card) => card.updateComplete));
  expect(visibleText(cards(list)[warnedAt]!)).to.contain('Describes torture.');
  expect(visibleText(list)).not.to.contain(`Summary ${hidden}`);
}

/** The element that has focus, looking inside shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function requestCount(route: string, k: string): Promise<number> {
  const response = await fetch(`/test-server/count/${route}?key=${k}`);
  return ((await response.json()) as { count: number }).count;
}

async function quietly<T>(run: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    return { result: await run(), warnings };
  } finally {
    console.warn = warn;
  }
}

describe('<lantern-article-list>', () => {
  afterEach(cleanup);

  it('shows the demo feed newest first as article cards with real links', async () => {
    const list = await mountLoaded<LanternArticleList>(
      `<lantern-article-list src=${FEED}></lantern-article-list>`,
    );
    expect(titles(list)).to.deep.equal([
      'North Korean Soldiers in Russia-Ukraine War',
      "Yoon Ha's Story: Part 3 - Making it to South Korea",
      "Yoon Ha's Story: Part 2 - Trafficked in China",
      "Yoon Ha's Story: Part 1 - Growing up in North Korea",
      'Human Rights Violations in the North Korean Military',
    ]);
    expect(shadow(cards(list)[0]!, '.title a').getAttribute('href')).to.equal(
      'https://example.org/lantern-demo/articles/north-korean-soldiers-in-russia-ukraine-war',
    );
    expect(shadow(list, 'ul').getAttribute('role')).to.equal('list');
    expect(loadMoreButton(list) === null, 'no more to load').to.equal(true);
    await expectAxeClean(list);
  });

  it('sorts by date_published, not feed order, with undated items last', async () => {
    const list = await mountLoaded<LanternArticleList>(
      `<lantern-article-list src="${served(
        feedOf([
          article(1, '2024-05-01T00:00:00Z'),
          article(2, undefined),
          article(3, '2025-01-01T00:00:00Z'),
          article(4, '2023-02-01T00:00:00+09:00'),
        ]),
      )}"></lantern-article-list>`,
    );
    expect(titles(list)).to.deep.equal(['Article 3', 'Article 1', 'Article 4', 'Article 2']);
  });

  it('fires one lantern-load for the list, not one per card', async () => {
    const container = document.createElement('div');
    container.className = 'test-container';
    const loads: number[] = [];
    container.addEventListener('lantern-load', (e) =>
      loads.push((e as CustomEvent<{ items: number }>).detail.items),
    );
    const first = nextEvent(container, 'lantern-load');
    container.innerHTML = `<lantern-article-list src=${FEED} limit="3"></lantern-article-list>`;
    document.body.append(container);
    await first;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(loads).to.deep.equal([3]);
  });

  /**
   * Presses "Load more": then `count` cards show, focus is on the title of the first new one and
   * the status says `said`.
   */
  async function loadMore(list: LanternArticleList, count: number, said: string): Promise<void> {
    const first = titles(list).length;
    loadMoreButton(list)!.click();
    await nextEvent(list, 'lantern-load');
    expect(titles(list)).to.have.length(count);
    expect(
      deepActiveElement() === shadow(cards(list)[first]!, '.title a'),
      `focus on the title of card ${first}`,
    ).to.equal(true);
    expect(shadow(list, '[role="status"]').textContent?.trim()).to.equal(said);
  }

  it('shows `limit` cards, then the rest of the feed with "Load more"', async () => {
    const list = await mountLoaded<LanternArticleList>(
      `<lantern-article-list src=${FEED} limit="2"></lantern-article-list>`,
    );
    expect(titles(list)).to.have.length(2);
    const button = loadMoreButton(list)!;
    expect(button.textContent?.trim()).to.equal('Load more');
    await expectAxeClean(list);
    await loadMore(list, 4, '2 more articles loaded');
    await loadMore(list, 5, '1 more article loaded');
    expect(loadMoreButton(list) === null, 'the button is gone').to.equal(true);
    await expectAxeClean(list);
  });

  it('shows at most 100 cards at a time, whatever `limit` says', async () => {
    // Each card is built in one task: a partner's limit="1000" filled by the feed froze the page.
    const items = Array.from({ length: 150 }, (_, i) =>
      article(i + 1, new Date(Date.UTC(2026, 0, 1) - i * 86_400_000).toISOString()),
    );
    const list = document.createElement('lantern-article-list') as LanternArticleList;
    list.setAttribute('limit', '1000');
    list.feed = feedOf(items) as LanternArticleList['feed'];
    const container = document.createElement('div');
    container.className = 'test-container';
    container.append(list);
    const loaded = nextEvent(list, 'lantern-load');
    document.body.append(container);
    await loaded;
    expect(titles(list)).to.have.length(100);
    await loadMore(list, 150, '50 more articles loaded');
  });

  it('filters by tag, case-insensitively, and follows a tag change', async () => {
    const list = await mountLoaded<LanternArticleList>(
      `<lantern-article-list src=${FEED} tag="refugee STORIES"></lantern-article-list>`,
    );
    expect(titles(list)).to.deep.equal([
      "Yoon Ha's Story: Part 3 - Making it to South Korea",
      "Yoon Ha's Story: Part 2 - Trafficked in China",
      "Yoon Ha's Story: Part 1 - Growing up in North Korea",
    ]);
    await expectAxeClean(list);
    const loaded = nextEvent(list, 'lantern-load');
    list.tag = 'North Korean military';
    await loaded;
    expect(titles(list)).to.deep.equal([
      'North Korean Soldiers in Russia-Ukraine War',
      'Human Rights Violations in the North Korean Military',
    ]);
  });

  it('a feed whose every item is refused is an error, not "No articles to show yet"', async () => {
    // Items without a title or id, or not objects: a broken feed (a CMS that renamed a field),
    // not an empty one. The card and the report already say so; the list said it had nothing yet.
    const broken = feedOf([{ id: 'a', title: 2 }, { title: 'No id' }, 'an item', null] as object[]);
    const container = document.createElement('div');
    container.className = 'test-container';
    const failed = nextEvent<{ kind: string; message: string }>(container, 'lantern-error');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      container.innerHTML = `<lantern-article-list src="${served(broken)}"><a href="https://example.org/stories">Our stories</a></lantern-article-list>`;
      document.body.append(container);
      const { detail } = await failed;
      expect(detail.message).to.equal('The feed has no items.');
    } finally {
      console.warn = warn;
    }
    const list = container.firstElementChild as LanternArticleList;
    await list.updateComplete;
    expect(visibleText(list)).to.contain('The feed has no items.');
    expect(visibleText(list)).not.to.contain('No articles to show yet.');
    expect(shadow(list, 'button').textContent).to.contain('Try again');
    // The console names each cause, and the error.
    expect(warnings.join('\n')).to.contain('items[0].title: expected a string; item skipped');
    expect(warnings.join('\n')).to.contain('items[1].id: required; item skipped');
    expect(warnings.join('\n')).to.contain('The feed has no items.');
  });

  it('shows an empty state when nothing matches', async () => {
    const container = document.createElement('div');
    container.className = 'test-container';
    const loaded = nextEvent<{ items: number }>(container, 'lantern-load');
    container.innerHTML = `<lantern-article-list src=${FEED} tag="no such tag"></lantern-article-list>`;
    document.body.append(container);
    expect((await loaded).detail.items).to.equal(0);
    const list = container.firstElementChild as LanternArticleList;
    await list.updateComplete;
    expect(visibleText(list)).to.equal('No articles to show yet.');
    expect(cards(list)).to.have.length(0);
    await expectAxeClean(list);

    const ko = await mountLoaded<LanternArticleList>(
      `<lantern-article-list src="/demo/empty-feed.json" lang="ko"></lantern-article-list>`,
    );
    expect(visibleText(ko)).to.equal('아직 표시할 글이 없습니다.');
    await expectAxeClean(ko);
  });

  it('lays cards out in a grid or a single column, with the card layout asked for', async () => {
    await setViewport({ width: 1280, height: 900 });
    try {
      const grid = await mountLoaded<LanternArticleList>(
        `<lantern-article-list src=${FEED} limit="3"></lantern-article-list>`,
      );
      const [a, b] = cards(grid).map((card) => card.getBoundingClientRect());
      expect(a!.top).to.equal(b!.top);
      expect(b!.left).to.be.greaterThan(a!.right);
      expect(cards(grid).every((card) => card.layout === 'vertical')).to.equal(true);

      const column = await mountLoaded<LanternArticleList>(
        `<lantern-article-list src=${FEED} limit="3" layout="list"></lantern-article-list>`,
      );
      const [c, d] = cards(column).map((card) => card.getBoundingClientRect());
      expect(d!.top).to.be.greaterThan(c!.bottom);
      expect(c!.left).to.equal(d!.left);
      expect(cards(column).every((card) => card.layout === 'horizontal')).to.equal(true);
      await expectAxeClean(column);

      const compact = await mountLoaded<LanternArticleList>(
        `<lantern-article-list src=${FEED} limit="3" card-layout="compact" heading-level="3"></lantern-article-list>`,
      );
      expect(cards(compact).every((card) => card.layout === 'compact')).to.equal(true);
      expect(
        compact
          .shadowRoot!.querySelector('lantern-article-card')!
          .shadowRoot!.querySelector('h3') !== null,
      ).to.equal(true);
      await expectAxeClean(compact);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows no image under hide-images', async () => {
    const list = await mountLoaded<LanternArticleList>(
      `<lantern-article-list src=${FEED} hide-images></lantern-article-list>`,
    );
    expect(cards(list)).to.have.length(5);
    expect(cards(list).filter((card) => card.shadowRoot!.querySelector('img'))).to.have.length(0);
    await expectAxeClean(list);
  });

  it('shows one card per id, the warned copy, on the first page and after "Load more"', async () => {
    const page2 = served(feedOf([warned(1, '2025-06-01T00:00:00Z'), article(4, undefined)]));
    const list = await mountLoaded<LanternArticleList>(
      `<lantern-article-list lang="en" limit="3" src="${served(
        feedOf(
          [
            article(1, '2025-06-01T00:00:00Z'),
            article(2, '2025-05-01T00:00:00Z'),
            warned(2, '2025-04-01T00:00:00Z'),
          ],
          { next_url: new URL(page2, location.href).href },
        ),
      )}"></lantern-article-list>`,
    );
    // Article 2's warned copy takes the place of the first copy; nothing of it shows.
    expect(titles(list)).to.deep.equal(['Article 1', 'Article 2']);
    expect(visibleText(cards(list)[1]!)).to.contain('Describes torture.');
    expect(visibleText(list)).not.to.contain('Summary 2');
    // Page 2 repeats article 1 with a warning: its card now shows the warning, at its place.
    await loadMoreExpectingWarned(list, ['Article 1', 'Article 2', 'Article 4'], 0, 1);
  });

  it('with a tag, shows the warned copy of a story whose other copy carries the tag', async () => {
    const list = await mountLoaded<LanternArticleList>(
      `<lantern-article-list lang="en" tag="Russia" src="${served(
        feedOf([
          article(1, '2025-06-01T00:00:00Z', ['Russia']),
          // The same story again, with a warning and without the tag: the warning is not lost.
          warned(1, '2025-06-01T00:00:00Z'),
          article(2, '2025-05-01T00:00:00Z', ['Russia']),
          article(3, '2025-04-01T00:00:00Z', ['Ukraine']),
        ]),
      )}"></lantern-article-list>`,
    );
    expect(titles(list)).to.deep.equal(['Article 1', 'Article 2']);
    await Promise.all(cards(list).map((card) => card.updateComplete));
    expect(visibleText(cards(list)[0]!)).to.contain('Describes torture.');
    expect(visibleText(list)).not.to.contain('Summary 1');
  });

  it("with a tag, a later page's warned copy of a shown story (without the tag) puts its warning on the card", async () => {
    const page2 = served(
      feedOf([warned(1, '2025-06-01T00:00:00Z'), article(3, '2025-04-01T00:00:00Z', ['Russia'])]),
    );
    const list = await mountLoaded<LanternArticleList>(
      `<lantern-article-list lang="en" limit="2" tag="Russia" src="${served(
        feedOf(
          [
            article(1, '2025-06-01T00:00:00Z', ['Russia']),
            article(2, '2025-05-01T00:00:00Z', ['Russia']),
          ],
          { next_url: new URL(page2, location.href).href },
        ),
      )}"></lantern-article-list>`,
    );
    expect(titles(list)).to.deep.equal(['Article 1', 'Article 2']);
    await loadMoreExpectingWarned(list, ['Article 1', 'Article 2', 'Article 3'], 0, 1);
  });

  it("with a tag, an earlier page's warned copy (without the tag) of a story a later page tags puts its warning on the card", async () => {
    const page2 = served(
      feedOf([
        article(1, '2025-06-01T00:00:00Z', ['Russia']),
        article(3, '2025-04-01T00:00:00Z', ['Russia']),
      ]),
    );
    const list = await mountLoaded<LanternArticleList>(
      `<lantern-article-list lang="en" limit="2" tag="Russia" src="${served(
        feedOf(
          [warned(1, '2025-06-01T00:00:00Z'), article(2, '2025-05-01T00:00:00Z', ['Russia'])],
          { next_url: new URL(page2, location.href).href },
        ),
      )}"></lantern-article-list>`,
    );
    // No copy of article 1 on page 1 carries the tag: only article 2 shows.
    expect(titles(list)).to.deep.equal(['Article 2']);
    // Page 2 tags article 1, without a warning: the card is page 1's warned copy.
    await loadMoreExpectingWarned(list, ['Article 2', 'Article 1', 'Article 3'], 1, 1);
  });

  describe("a story's safety marks across pages (one id)", () => {
    /** An image URL the test server counts requests to, by key. */
    const countedImage = (k: string) => `${location.origin}/test-server/feed/feed.json?key=${k}`;
    /** Story 1 with a picture; its title carries a literal "&lt;" (escaped once in the feed). */
    const story = (image: string, lantern: object) => ({
      ...article(1, '2025-06-01T00:00:00Z'),
      title: 'Ben &amp;lt;3 Seoul',
      image,
      _lantern: lantern,
    });
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    /**
     * After "Load more", the story's card is its warned copy with both marks: the warning, and
     * once shown (`reveal` presses "Show content"), the summary, no picture and the pseudonym
     * note; its title parsed once ("&lt;" stays text, not "<"). Then a pause for any image request.
     */
    async function expectMarkedAfterMore(list: LanternArticleList, reveal?: 'reveal') {
      loadMoreButton(list)!.click();
      await nextEvent(list, 'lantern-load');
      expect(titles(list)).to.deep.equal(['Ben &lt;3 Seoul', 'Article 2']);
      const card = cards(list)[0]!;
      await card.updateComplete;
      expect(visibleText(card)).to.contain('Violence');
      if (reveal) {
        shadow<HTMLButtonElement>(card, 'button.reveal').click();
        await card.updateComplete;
      }
      expect(visibleText(card)).to.contain('Summary 1');
      expect(card.shadowRoot!.querySelector('img') === null, 'no image element').to.equal(true);
      expect(visibleText(card)).to.contain('Name changed for safety');
      expect(shadow(card, '.title a').textContent).to.equal('Ben &lt;3 Seoul');
      await pause(300);
    }

    it("a later page's warned copy shows no picture and the pseudonym note of the story's first copy", async () => {
      const k = key('marks-later');
      const page2 = served(
        feedOf([
          // Its own flags say nothing more: `false` cancels neither of page 1's.
          story(countedImage(k), {
            content_warning: 'Violence',
            pseudonym: false,
            hide_images: false,
          }),
          article(2, '2025-05-01T00:00:00Z'),
        ]),
      );
      const list = await mountLoaded<LanternArticleList>(
        `<lantern-article-list lang="en" limit="1" src="${served(
          feedOf([story(countedImage(k), { pseudonym: true, hide_images: true })], {
            next_url: new URL(page2, location.href).href,
          }),
        )}"></lantern-article-list>`,
      );
      expect(visibleText(cards(list)[0]!)).to.contain('Name changed for safety');
      await expectMarkedAfterMore(list, 'reveal');
      expect(await requestCount('feed', k), 'no image request').to.equal(0);
    });

    it("a shown warned copy gains the picture ban and pseudonym note a later page's copy carries", async () => {
      const k = key('marks-earlier');
      const page2 = served(
        feedOf([
          story(countedImage(`${k}-2`), { pseudonym: true, hide_images: true }),
          article(2, '2025-05-01T00:00:00Z'),
        ]),
      );
      const list = await mountLoaded<LanternArticleList>(
        `<lantern-article-list lang="en" limit="1" reveal-warned src="${served(
          feedOf([story(countedImage(k), { content_warning: 'Violence' })], {
            next_url: new URL(page2, location.href).href,
          }),
        )}"></lantern-article-list>`,
      );
      const before = cards(list)[0]!;
      // Control: under reveal-warned, page 1's copy alone shows its picture, and no note.
      expect(before.shadowRoot!.querySelector('img') !== null, 'an image at first').to.equal(true);
      expect(visibleText(before)).not.to.contain('Name changed for safety');
      await expectMarkedAfterMore(list);
      expect(await requestCount('feed', `${k}-2`), "no request for page 2's image").to.equal(0);
    });
  });

  it('follows next_url on "Load more": appends, moves focus, announces, fetches once', async () => {
    const k = key('next');
    const page2 = `/test-server/feed/series-12.json?key=${k}&delay=300`;
    const list = await mountLoaded<LanternArticleList>(
      `<lantern-article-list limit="3" src="${served(
        feedOf([article(1, '2025-06-01T00:00:00Z'), article(2, '2025-05-01T00:00:00Z')], {
          next_url: new URL(page2, location.href).href,
        }),
      )}"></lantern-article-list>`,
    );
    expect(titles(list)).to.deep.equal(['Article 1', 'Article 2']);
    const button = loadMoreButton(list)!;
    button.focus();
    button.click();
    await list.updateComplete;
    expect(loadMoreButton(list)!.textContent?.trim()).to.equal('Loading more…');
    expect(loadMoreButton(list)!.getAttribute('aria-disabled')).to.equal('true');
    await expectAxeClean(list);
    loadMoreButton(list)!.click(); // a second click while loading does nothing
    await nextEvent(list, 'lantern-load');
    // series-12.json: seven published parts, newest first.
    expect(titles(list)).to.have.length(5);
    expect(titles(list).slice(2)).to.deep.equal([
      'Twelve Voices, Part 8',
      'Twelve Voices, Part 7',
      'Twelve Voices, Part 5',
    ]);
    expect(
      deepActiveElement() === shadow(cards(list)[2]!, '.title a'),
      'focus on the title of card 2',
    ).to.equal(true);
    expect(shadow(list, '[role="status"]').textContent?.trim()).to.equal('3 more articles loaded');
    expect(await requestCount('feed', k)).to.equal(1);
    await expectAxeClean(list);
  });

  it('announces in Korean in a Korean page', async () => {
    const k = key('ko');
    const list = await mountLoaded<LanternArticleList>(
      `<lantern-article-list lang="ko" limit="1" src="${served(
        feedOf([article(1, '2025-06-01T00:00:00Z')], {
          next_url: new URL(`/test-server/feed/feed.json?key=${k}`, location.href).href,
        }),
      )}"></lantern-article-list>`,
    );
    expect(loadMoreButton(list)!.textContent?.trim()).to.equal('더 보기');
    loadMoreButton(list)!.click();
    await nextEvent(list, 'lantern-load');
    expect(shadow(list, '[role="status"]').textContent?.trim()).to.equal(
      '글 1개를 더 불러왔습니다',
    );
  });

  it('keeps its cards when the next page fails, says so, and tries again', async () => {
    const k = key('flaky');
    const { result: list, warnings } = await quietly(async () => {
      const el = await mountLoaded<LanternArticleList>(
        `<lantern-article-list limit="2" src="${served(
          feedOf([article(1, '2025-06-01T00:00:00Z')], {
            next_url: new URL(`/test-server/flaky?key=${k}&file=feed.json`, location.href).href,
          }),
        )}"></lantern-article-list>`,
      );
      const failed = nextEvent<{ status: number }>(el, 'lantern-error');
      loadMoreButton(el)!.click();
      expect((await failed).detail.status).to.equal(503);
      await el.updateComplete;
      return el;
    });
    expect(warnings.join('\n')).to.contain('HTTP 503');
    expect(titles(list)).to.deep.equal(['Article 1']);
    expect(visibleText(list)).to.contain('More articles could not be loaded. Try again.');
    expect(loadMoreButton(list)!.textContent?.trim()).to.equal('Load more');
    await expectAxeClean(list);

    await fetch(`/test-server/flaky-up?key=${k}`);
    loadMoreButton(list)!.click();
    await nextEvent(list, 'lantern-load');
    expect(titles(list)).to.deep.equal([
      'Article 1',
      'North Korean Soldiers in Russia-Ukraine War',
      "Yoon Ha's Story: Part 3 - Making it to South Korea",
    ]);
    expect(visibleText(list)).to.not.contain('could not be loaded');
  });

  it('does not loop on a next_url that points back to itself', async () => {
    const k = key('loop');
    const self = new URL(`/test-server/feed/feed.json?key=${k}`, location.href).href;
    const list = await mountLoaded<LanternArticleList>(
      `<lantern-article-list limit="5" src="${served(
        feedOf([article(1, '2025-06-01T00:00:00Z')], { next_url: self }),
      )}"></lantern-article-list>`,
    );
    loadMoreButton(list)!.click();
    await nextEvent(list, 'lantern-load');
    // feed.json has no next_url; its 5 items arrive once, and the button goes.
    expect(titles(list)).to.have.length(6);
    expect(loadMoreButton(list) === null, 'the button is gone').to.equal(true);
    expect(await requestCount('feed', k)).to.equal(1);
  });

  it('shares one request with a card that uses the same src', async () => {
    const k = key('shared');
    const src = `/test-server/feed/feed.json?key=${k}&delay=200`;
    const container = document.createElement('div');
    container.className = 'test-container';
    container.innerHTML = `
      <lantern-article-list src="${src}" limit="2"></lantern-article-list>
      <lantern-article-card src="${src}" item="nkdb-military-report"></lantern-article-card>`;
    const [list, card] = Array.from(container.children);
    const loaded = Promise.all([
      nextEvent(list!, 'lantern-load'),
      nextEvent(card!, 'lantern-load'),
    ]);
    document.body.append(container);
    await loaded;
    expect(titles(list!)).to.have.length(2);
    expect(shadow(card!, '.title a').textContent).to.equal(
      'Human Rights Violations in the North Korean Military',
    );
    expect(await requestCount('feed', k)).to.equal(1);
  });

  it('shows placeholder cards while loading, as many as `limit`', async () => {
    const list = mount<LanternArticleList>(
      `<lantern-article-list limit="4" src="/test-server/feed/feed.json?key=${key('slow')}&delay=600"></lantern-article-list>`,
    );
    const loaded = nextEvent(list, 'lantern-load');
    await list.updateComplete;
    expect(list.shadowRoot!.querySelector('[aria-busy="true"]') !== null).to.equal(true);
    expect(list.shadowRoot!.querySelectorAll('.skeleton')).to.have.length(4);
    expect(visibleText(list)).to.equal('Loading…');
    await expectAxeClean(list);
    await loaded;
    expect(cards(list)).to.have.length(4);
  });

  it('shows an error with the fallback link on a 404, and fires lantern-error', async () => {
    const { result, warnings } = await quietly(async () => {
      const container = document.createElement('div');
      container.className = 'test-container';
      const failed = nextEvent<{ kind: string; status: number }>(container, 'lantern-error');
      container.innerHTML = `<lantern-article-list src="/test-server/status/404"><a href="https://example.org/news">All our news</a></lantern-article-list>`;
      document.body.append(container);
      const event = await failed;
      const list = container.firstElementChild as LanternArticleList;
      await list.updateComplete;
      return { event, list };
    });
    expect(result.event.detail).to.include({ kind: 'http', status: 404 });
    expect(warnings.join('\n')).to.contain('HTTP 404');
    expect(visibleText(result.list)).to.contain('This content could not be shown.');
    expect(shadow(result.list, 'button').textContent?.trim()).to.equal('Try again');
    expect(
      shadow<HTMLSlotElement>(result.list, 'slot').assignedElements()[0]?.textContent,
    ).to.equal('All our news');
    await expectAxeClean(result.list);
  });

  it('takes a feed from the .feed property', async () => {
    const list = mount<LanternArticleList>(`<lantern-article-list></lantern-article-list>`);
    const loaded = nextEvent(list, 'lantern-load');
    list.feed = feedOf([article(7, '2025-01-01T00:00:00Z')]) as LanternArticleList['feed'];
    await loaded;
    expect(titles(list)).to.deep.equal(['Article 7']);
  });

  for (const [label, viewport, width] of [
    ['phone', 375, 'auto'],
    ['desktop', 1280, '720px'],
  ] as const) {
    it(`reserves its final size while loading: cards, their notices and "Load more" (${label})`, async () => {
      await setViewport({ width: viewport, height: 900 });
      try {
        const list = mount<LanternArticleList>(
          `<lantern-article-list style="width: ${width}" limit="2" src="/test-server/feed/feed.json?key=${key('size')}&delay=700"></lantern-article-list>`,
        );
        await expectSizeKept(list);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }
});

describe('<lantern-article-list> of items without pictures', () => {
  afterEach(cleanup);

  it("does not keep a picture's room in a card whose item has no image", async () => {
    await setViewport({ width: 1000, height: 800 });
    const image = `${location.origin}/demo/images/soldiers.svg`;
    const list = document.createElement('lantern-article-list');
    // One column of vertical cards: each card is its own row, so neither stretches to the other.
    list.setAttribute('layout', 'list');
    list.setAttribute('card-layout', 'vertical');
    list.style.width = '480px';
    list.feed = feedOf([
      { ...article(1, '2025-01-02'), image },
      article(2, '2025-01-01'),
    ]) as LanternArticleList['feed'];
    const loaded = nextEvent(list, 'lantern-load');
    mount('<div></div>').append(list);
    await loaded;
    await list.updateComplete;
    const [pictured, plain] = cards(list).map((card) => shadow(card, '.card'));
    const room = pictured!.getBoundingClientRect().height - plain!.getBoundingClientRect().height;
    // The picture's room at 480 px and 16:9 is about 270 px; the text-only card's excerpt may
    // take some of it back in whole lines, never all.
    expect(room, 'text-only card is shorter by most of a picture').to.be.above(100);
  });
});

describe('<lantern-article-list>: the room each kind of card keeps', () => {
  afterEach(cleanup);

  /** The height of the first cell of a one-column 720 px list of two short articles with pictures. */
  async function cellHeight(attributes: string): Promise<number> {
    // Alone at the top of the page: a list below the screen keeps no room (see below).
    cleanup();
    const image = `${location.origin}/demo/images/soldiers.svg`;
    const list = mount<LanternArticleList>(
      `<lantern-article-list style="width: 720px" layout="list" limit="2" ${attributes}></lantern-article-list>`,
    );
    const loaded = nextEvent(list, 'lantern-load');
    list.feed = feedOf([
      { ...article(1, '2025-01-02'), image },
      { ...article(2, '2025-01-01'), image },
    ]) as LanternArticleList['feed'];
    await loaded;
    await list.updateComplete;
    await painted();
    return list.shadowRoot!.querySelector('.item')!.getBoundingClientRect().height;
  }

  it('a wide horizontal card keeps no picture room above its text, a compact one a shorter body', async () => {
    const vertical = await cellHeight('card-layout="vertical"');
    const horizontal = await cellHeight('card-layout="horizontal"');
    const hidden = await cellHeight('card-layout="vertical" hide-images');
    const compactHidden = await cellHeight('card-layout="compact" hide-images');
    // At 720 px and 16:9 the picture takes about 400 px; its image sits beside the text instead.
    expect(vertical - horizontal, `${vertical} → ${horizontal}`).to.be.above(300);
    expect(Math.abs(horizontal - hidden), `${horizontal} vs ${hidden}`).to.be.at.most(2);
    // A compact card's body: one title line less, fewer gaps (about 45 px at 16 px).
    expect(hidden - compactHidden, `${hidden} → ${compactHidden}`).to.be.above(30);
  });
});

describe('<lantern-article-list>: a list below the screen when its items arrive', () => {
  afterEach(async () => {
    cleanup();
    window.scrollTo(0, 0);
    // Some tests here narrow the window; a failed one must not leave the next at its width.
    await setViewport({ width: 800, height: 600 });
  });

  /** The blank between the end of a card's text (its last line, not its box) and its bottom. */
  function blankBelowText(card: LanternArticleCard): number {
    const base = shadow(card, '[part~="base"]').getBoundingClientRect();
    const text = document.createRange();
    text.selectNodeContents(shadow(card, '.body'));
    return Math.round(base.bottom - text.getBoundingClientRect().bottom);
  }

  /**
   * Per card, the blank between the end of its text and the end of its box, as the reader sees
   * it on scrolling to the list.
   */
  async function blanks(below: boolean, src = FEED): Promise<number[]> {
    window.scrollTo(0, 0);
    const list = mount<LanternArticleList>(
      `<lantern-article-list style="width: 360px" src="${src}" limit="3"></lantern-article-list>`,
    );
    // The page above it: taller than the window, or nothing.
    if (below) {
      list.before(Object.assign(document.createElement('div'), { style: 'height: 150vh' }));
    }
    await nextEvent(list, 'lantern-load');
    await list.updateComplete;
    list.scrollIntoView();
    await painted();
    return cards(list).map(blankBelowText);
  }

  it('keeps no blank room in its cards: nothing in view can move', async () => {
    // In view, every card keeps the room any card may need (a warning, a longer summary).
    const inView = await blanks(false);
    expect(Math.max(...inView), `in view: ${inView}`).to.be.above(100);
    cleanup();
    // Below the screen, each ends after its text (the body's padding and the border).
    const belowScreen = await blanks(true);
    for (const blank of belowScreen) {
      expect(blank, `below the screen: ${belowScreen}`).to.be.at.most(18);
    }
    cleanup();
    // Cards without a picture, whose summary otherwise takes the picture's room in lines.
    const noPictures = served(feedOf([article(1, '2025-01-02'), article(2, '2025-01-01')]));
    const textOnly = await blanks(true, noPictures);
    for (const blank of textOnly) expect(blank, `without pictures: ${textOnly}`).to.be.at.most(18);
  });

  it('in view, a card without a picture keeps no warning room either, unless it has a warning', async () => {
    // A partner's RSS feed: no pictures, no warnings. The cards shrink once as the feed arrives
    // (the pictures' room goes); the warnings' room (137 px) goes with it.
    const warned = {
      ...article(3, '2024-12-31'),
      _lantern: { content_warning: 'Describes violence against detainees. '.repeat(3) },
    };
    const src = served(feedOf([article(1, '2025-01-02'), article(2, '2025-01-01'), warned]));
    const inView = await blanks(false, src);
    // Each unwarned card: its body's padding and border, the "name changed" row and the title's
    // second line that a one-line title leaves.
    for (const blank of inView.slice(0, 2)) {
      expect(blank, `in view, without pictures: ${inView}`).to.be.at.most(70);
    }
    // The warned one shows its warning whole, and its text ends inside the card.
    const list = document.querySelector('lantern-article-list')!;
    const card = cards(list)[2]!;
    const base = shadow(card, '[part~="base"]').getBoundingClientRect();
    const gate = shadow(card, '.warning-gate').getBoundingClientRect();
    // It keeps the picture's and the warning's room: a warned card is never text-only.
    expect(card.matches(':state(text-only)'), 'the warned card is text-only').to.equal(false);
    expect(gate.height, 'the warning and its button').to.be.above(80);
    expect(gate.bottom).to.be.below(base.bottom);
    expect(inView[2], 'the warned card ends after its text').to.be.at.least(0);
  });

  it("in view, an unwarned card shows more of its summary in the warning's room; a warned one keeps it", async () => {
    const image = `${location.origin}/demo/images/soldiers.svg`;
    const summary = 'A long summary of the story, told in full. '.repeat(20);
    const warned = {
      ...article(2, '2025-01-01'),
      image,
      summary,
      _lantern: { content_warning: 'Describes violence against detainees.' },
    };
    const src = served(feedOf([{ ...article(1, '2025-01-02'), image, summary }, warned]));
    const lines = (card: LanternArticleCard) => {
      const text = shadow(card, '.summary');
      return text.getBoundingClientRect().height / parseFloat(getComputedStyle(text).lineHeight);
    };
    // [card layout, window width, lines unwarned, lines warned]. In a window 20em wide or
    // less the room is for a title's lines (article-card.styles.ts): three, as anywhere else.
    for (const [cardLayout, viewport, more, kept] of [
      ['vertical', 800, 7, 3],
      ['compact', 800, 6, 2],
      ['vertical', 300, 3, 3],
    ] as const) {
      cleanup();
      await setViewport({ width: viewport, height: 1400 });
      // A window tall enough for both cards (a summary off the screen is not laid out). One
      // column: each card is its own row, so neither stretches to the other. Warned items
      // show their text at once (reveal-warned), under the warning that takes the room.
      const list = mount<LanternArticleList>(
        `<lantern-article-list style="width: min(360px, 100%)" layout="list" card-layout="${cardLayout}" reveal-warned src="${src}"></lantern-article-list>`,
      );
      await nextEvent(list, 'lantern-load');
      await list.updateComplete;
      await painted();
      const [plain, story] = cards(list);
      const cells = cards(list).map((card) => card.parentElement!.getBoundingClientRect().height);
      // Both keep the room of any card: the unwarned one did not grow past it.
      expect(cells[0], `cells: ${cells}`).to.be.closeTo(cells[1]!, 1);
      expect(lines(plain!), `${cardLayout}: lines of the unwarned summary`).to.be.closeTo(
        more,
        0.1,
      );
      expect(lines(story!), `${cardLayout}: lines of the warned summary`).to.be.closeTo(kept, 0.1);
      // Each shows its summary's lines inside its box (the warned one under its warning).
      for (const card of [plain!, story!]) {
        const box = shadow(card, '[part~="base"]').getBoundingClientRect();
        expect(shadow(card, '.summary').getBoundingClientRect().bottom).to.be.below(box.bottom);
      }
    }
    // Behind its gate, shown by the reader ("Show content"): three lines, and nothing moves.
    // (A window tall enough for the whole card: a summary off the screen is not laid out.)
    cleanup();
    await setViewport({ width: 800, height: 1400 });
    const list = mount<LanternArticleList>(
      `<lantern-article-list style="width: 360px" layout="list" card-layout="vertical" src="${src}"></lantern-article-list>`,
    );
    await nextEvent(list, 'lantern-load');
    await list.updateComplete;
    await painted();
    const story = cards(list)[1]!;
    const cell = story.parentElement!.getBoundingClientRect().height;
    shadow<HTMLButtonElement>(story, '.reveal').click();
    await story.updateComplete;
    // A new summary is laid out only once the browser has seen it near the screen: two frames.
    await painted();
    await painted();
    expect(lines(story), 'lines of the summary the reader revealed').to.be.closeTo(3, 0.1);
    expect(story.parentElement!.getBoundingClientRect().height, 'its cell').to.be.closeTo(cell, 1);
  });

  it('keeps its height as the reader scrolls through it, long summaries and all', async () => {
    // Its cards arrived below the screen: each takes its own height, and a summary laid out
    // only near the screen must be as tall as it was unseen (three lines), or the page moves.
    const image = `${location.origin}/demo/images/soldiers.svg`;
    // Seven lines and more at 360 px (the address carries the feed: it stays short).
    const summary = 'A long summary of the story, told in full. '.repeat(8);
    const items = Array.from({ length: 8 }, (_, i) => ({
      ...article(i + 1, `2025-01-0${9 - i}`),
      image,
      summary,
    }));
    window.scrollTo(0, 0);
    const list = mount<LanternArticleList>(
      `<lantern-article-list style="width: 360px" layout="list" limit="8" src="${served(feedOf(items))}"></lantern-article-list>`,
    );
    list.before(Object.assign(document.createElement('div'), { style: 'height: 150vh' }));
    list.after(Object.assign(document.createElement('div'), { style: 'height: 150vh' }));
    await nextEvent(list, 'lantern-load');
    await list.updateComplete;
    await painted();
    // Its items arrived below the screen (else this would test the list in view).
    expect(shadow(list, '.list').classList.contains('fit'), 'a list below the screen').to.equal(
      true,
    );
    const before = list.getBoundingClientRect().height;
    // Through the list, a screen at a time, so every card is laid out once.
    const top = list.getBoundingClientRect().top + scrollY;
    for (let y = top - innerHeight; y < top + before; y += innerHeight / 2) {
      window.scrollTo(0, y);
      await painted();
    }
    expect(list.getBoundingClientRect().height, 'the list grew as it was read').to.be.closeTo(
      before,
      1,
    );
  });

  it('shows three lines of a long summary in a card without a picture', async () => {
    const long = {
      ...article(1, '2025-01-02'),
      summary: 'A long summary of the story. '.repeat(30),
    };
    const list = mount<LanternArticleList>(
      `<lantern-article-list style="width: 360px" src="${served(feedOf([long]))}"></lantern-article-list>`,
    );
    list.before(Object.assign(document.createElement('div'), { style: 'height: 150vh' }));
    await nextEvent(list, 'lantern-load');
    await list.updateComplete;
    list.scrollIntoView();
    await painted();
    const summary = shadow(cards(list)[0]!, '.summary');
    const lineHeight = parseFloat(getComputedStyle(summary).lineHeight);
    // Not all of it (twenty lines at this width): as beside a picture.
    expect(summary.getBoundingClientRect().height / lineHeight).to.be.closeTo(3, 0.1);
  });

  it('in view, keeps the room its largest card needs, not more', async () => {
    // The demo's part 3: a content warning and the "name changed" note. Revealed by the reader,
    // it shows everything a card may show (the warning with its button, picture, note, summary).
    const list = mount<LanternArticleList>(
      `<lantern-article-list style="width: 360px" src="${FEED}" limit="3"></lantern-article-list>`,
    );
    await nextEvent(list, 'lantern-load');
    await list.updateComplete;
    await painted();
    const story = cards(list).find((card) => card.shadowRoot?.querySelector('.reveal'))!;
    const height = story.getBoundingClientRect().height;
    shadow<HTMLButtonElement>(story, '.reveal').click();
    await story.updateComplete;
    await painted();
    const blank = blankBelowText(story);
    // Its body's padding and border, and a line the demo's two-line warning leaves of the three
    // kept (the warning counted in the body as well left 85 px more in every card).
    expect(blank, 'blank below the revealed story').to.be.at.most(45);
    expect(story.getBoundingClientRect().height, 'the cell kept its size').to.be.closeTo(height, 1);
  });

  it('given the same items again (a framework re-sends its data), its cards keep their size', async () => {
    // In view, items without pictures: the cards keep no picture's room, before and after.
    const items = [article(1, '2025-01-02'), article(2, '2025-01-01')];
    const list = mount<LanternArticleList>(
      `<lantern-article-list style="width: 360px" limit="2"></lantern-article-list>`,
    );
    let loaded = nextEvent(list, 'lantern-load');
    list.feed = feedOf(items) as LanternArticleList['feed'];
    await loaded;
    await list.updateComplete;
    await painted();
    const before = list.getBoundingClientRect().height;
    expect(cards(list).every((card) => card.matches(':state(text-only)'))).to.equal(true);
    loaded = nextEvent(list, 'lantern-load');
    list.feed = structuredClone(feedOf(items)) as LanternArticleList['feed'];
    await loaded;
    await list.updateComplete;
    await painted();
    expect(cards(list).every((card) => card.matches(':state(text-only)'))).to.equal(true);
    expect(list.getBoundingClientRect().height).to.be.closeTo(before, 1);
  });

  it('keeps its cards as they are on "Load more"', async () => {
    // A feed of one item whose next page has more: "Load more" brings a new view.
    const page2 = new URL(`/test-server/feed/series-12.json?key=${key('fit')}`, location.href);
    const src = served(feedOf([article(1, '2025-06-01T00:00:00Z')], { next_url: page2.href }));
    const list = mount<LanternArticleList>(
      `<lantern-article-list style="width: 360px" src="${src}" limit="1"></lantern-article-list>`,
    );
    list.before(Object.assign(document.createElement('div'), { style: 'height: 150vh' }));
    await nextEvent(list, 'lantern-load');
    await list.updateComplete;
    list.scrollIntoView();
    await painted();
    const first = cards(list)[0]!;
    // It arrived below the screen: it keeps no room (else this test would prove nothing).
    expect(blankBelowText(first), 'no room kept before "Load more"').to.be.at.most(18);
    const before = first.getBoundingClientRect().height;
    const loaded = nextEvent(list, 'lantern-load');
    loadMoreButton(list)!.click();
    await loaded;
    await list.updateComplete;
    await painted();
    // The card the reader is looking at does not grow to the room (it would push the button down).
    expect(first.getBoundingClientRect().height).to.be.closeTo(before, 1);
  });
});
