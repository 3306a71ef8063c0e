import { expect } from '@open-wc/testing';
import '../../src/define/article-card.js';
import '../../src/define/article-list.js';
import type { LanternArticleList } from '../../src/components/article-list/article-list.js';
import { cleanup, mount, nextEvent, painted } from '../helpers.js';

/**
 * A list's cards far from the screen are not styled or laid out (`content-visibility: auto`)
 * until the reader scrolls near them. What a reader must never notice: text missing, or the page moving
 * under their eyes when a card is laid out for the first time — scrolling down, or back up
 * after a jump to the end (an anchor, the End key).
 */

/**
 * Items of varied shapes: titles of one to three lines, no image, a content warning, the "name
 * changed" note (on three-line titles, the tallest text a card without a warning has).
 */
function items(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `item-${i}`,
    url: `https://example.org/${i}`,
    title: `Story ${i}: ${'a longer title that wraps onto another line '.repeat(i % 3)}`,
    summary: `Summary of story ${i}. `.repeat(1 + (i % 4)),
    image: i % 5 === 4 ? undefined : `${location.origin}/demo/images/journey.svg?img=${i}`,
    date_published: '2025-03-04T09:00:00Z',
    tags: ['Testimony'],
    _lantern:
      i % 7 === 3
        ? { content_warning: 'Descriptions of violence.' }
        : i % 3 === 2
          ? { pseudonym: true }
          : undefined,
  }));
}

interface Shift {
  value: number;
  sources: string[];
}

/** Layout shifts from now until `stop()` (none is from input: the test scrolls by script). */
function watchShifts(): { stop(): Shift[] } {
  const shifts: Shift[] = [];
  const record = (entries: PerformanceEntryList) => {
    for (const entry of entries as unknown as {
      value: number;
      hadRecentInput: boolean;
      sources: { node?: Node }[];
    }[]) {
      if (entry.hadRecentInput) continue;
      shifts.push({
        value: entry.value,
        sources: entry.sources.map((s) => (s.node as Element)?.localName ?? '#text'),
      });
    }
  };
  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({ type: 'layout-shift' });
  return {
    stop() {
      record(observer.takeRecords());
      observer.disconnect();
      return shifts;
    },
  };
}

/** Scrolls through the page in steps of 250 px and returns the shifts seen meanwhile. */
async function scrollThrough(direction: 'down' | 'up'): Promise<Shift[]> {
  const end = document.documentElement.scrollHeight - innerHeight;
  if (direction === 'up') {
    // The jump itself (the reader's End key or a link: input, so not counted as a shift) lands
    // on cards not laid out yet, which are laid out in the next frame. From there on, nothing
    // may move.
    scrollTo(0, end);
    await painted();
    await painted();
  }
  const watch = watchShifts();
  for (let step = 0; step <= end / 250 + 1; step++) {
    scrollBy(0, direction === 'down' ? 250 : -250);
    await painted();
  }
  return watch.stop();
}

describe("a list's cards far from the screen", () => {
  afterEach(() => {
    cleanup();
    scrollTo(0, 0);
  });

  /** A list of `count` cards, all shown, `width` wide (`pictures`: every fifth has none). */
  async function list(count: number, width: string, pictures = true): Promise<LanternArticleList> {
    const element = mount<LanternArticleList>(
      `<lantern-article-list style="width: ${width}" limit="${count}"></lantern-article-list>`,
    );
    const loaded = nextEvent(element, 'lantern-load');
    element.feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Stories',
      items: items(count).map((item) => (pictures ? item : { ...item, image: undefined })),
    } as LanternArticleList['feed'];
    await loaded;
    await painted();
    return element;
  }

  const cardsOf = (element: LanternArticleList) => [
    ...element.shadowRoot!.querySelectorAll<HTMLElement>('.entry'),
  ];

  it('are not laid out, but their text is there for find-in-page and screen readers', async () => {
    const cards = cardsOf(await list(30, '360px'));
    // The last card with a picture (one without is laid out at once: see below).
    const last = cards.at(-2)!;
    const title = last.shadowRoot!.querySelector('.title a')!;
    expect(title.textContent).to.contain('Story 28: ');
    expect(title.checkVisibility({ contentVisibilityAuto: true })).to.equal(false);
    expect(cards[0]!.shadowRoot!.querySelector('.title a')!.checkVisibility()).to.equal(true);
    last.scrollIntoView();
    // Laid out in the next frame (a jump, not a scroll: a scroll reaches it before it shows).
    await painted();
    await painted();
    expect(title.checkVisibility({ contentVisibilityAuto: true })).to.equal(true);
  });

  for (const [width, label] of [
    ['360px', 'one column'],
    ['720px', 'two columns'],
  ] as const) {
    for (const direction of ['down', 'up'] as const) {
      it(`nothing the reader sees moves when they scroll ${direction} through 40 cards (${label})`, async () => {
        await list(40, width);
        const shifts = await scrollThrough(direction);
        expect(shifts, JSON.stringify(shifts)).to.deep.equal([]);
      });
    }
  }

  it('nothing moves scrolling back up a list whose font size is relative to the page', async () => {
    // The room is kept in the list's cells: a card must be as large as the cell it is in, not
    // --lantern-font-size over again (1.25em of 1.25em).
    await list(40, '720px; --lantern-font-size: 1.25em');
    const shifts = await scrollThrough('up');
    expect(shifts, JSON.stringify(shifts)).to.deep.equal([]);
  });

  it('nothing moves scrolling back up a wide list of cards without pictures', async () => {
    // Their summaries take the picture's room, more than a list keeps at this width.
    await list(24, '640px', false);
    const shifts = await scrollThrough('up');
    expect(shifts, JSON.stringify(shifts)).to.deep.equal([]);
  });

  it('a card keeps its own item: a new item at its place gets a new card', async () => {
    const element = await list(3, '360px');
    const [first] = cardsOf(element);
    const loaded = nextEvent(element, 'lantern-load');
    const newest = { ...items(4)[3]!, id: 'newest', date_published: '2026-01-01T00:00:00Z' };
    element.feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Stories',
      items: [...items(3), newest],
    } as LanternArticleList['feed'];
    await loaded;
    await element.updateComplete;
    const cards = cardsOf(element);
    // The newest story comes first: the first card is a new element, not the old one re-filled
    // (whose picture would show until the new one loads).
    expect(cards[0]!.shadowRoot!.querySelector('.title a')!.textContent).to.contain('Story 3');
    expect(cards[0]).to.not.equal(first);
  });

  it('the first frame of a list arriving on screen is its final size', async () => {
    const element = mount<LanternArticleList>(
      '<lantern-article-list style="width: 720px" limit="6"></lantern-article-list>',
    );
    await element.updateComplete;
    await painted();
    const watch = watchShifts();
    const loaded = nextEvent(element, 'lantern-load');
    element.feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Stories',
      items: items(6),
    } as LanternArticleList['feed'];
    await loaded;
    const first = element.getBoundingClientRect().height;
    await painted();
    await painted();
    expect(element.getBoundingClientRect().height).to.equal(first);
    expect(watch.stop()).to.deep.equal([]);
  });
});

describe('a loose card far from the screen', () => {
  afterEach(() => {
    cleanup();
    scrollTo(0, 0);
  });

  // Only parts of a fixed height are skipped (below): a whole card skipped at an estimated height
  // (`content-visibility: auto` on .card, 100 cards' CPU ×2.4 to ×1.5 of hand-written DOM) moved
  // what the reader sees by up to 0.1 a frame, down and up, in one to three columns.
  for (const columns of [1, 3]) {
    for (const direction of ['down', 'up'] as const) {
      it(`nothing the reader sees moves when they scroll ${direction} through 40 loose cards (${columns} columns)`, async () => {
        const host = mount<HTMLDivElement>(
          `<div style="display: grid; gap: 16px; grid-template-columns: repeat(${columns}, 1fr); width: ${columns * 320}px"></div>`,
        );
        const cards = items(40).map((item) => {
          const card = document.createElement('lantern-article-card') as HTMLElement & {
            item: unknown;
            updateComplete: Promise<unknown>;
          };
          card.item = item;
          return card;
        });
        host.append(...cards);
        await Promise.all(cards.map((card) => card.updateComplete));
        await painted();
        const shifts = await scrollThrough(direction);
        expect(shifts, JSON.stringify(shifts)).to.deep.equal([]);
      });
    }
  }

  /** Parts the card skips laying out away from the screen (`content-visibility: auto`). */
  const FIXED = ['.tags', '.meta', '.summary', '.credit'];

  it('skips its fixed-height lines, each as tall skipped as laid out, in any script and layout', async () => {
    const mixed = {
      id: 'mixed',
      url: 'https://example.org/mixed',
      title: '북한 군인들의 이야기 😀',
      language: 'ko',
      image: `${location.origin}/demo/images/soldiers.svg`,
      tags: ['분석', '😀 emoji', 'العربية'],
      authors: [{ name: '김철수 😀 𝕏 مرحبا' }],
      date_published: '2025-03-04T09:00:00+09:00',
      summary: '북한 군인들의 이야기와 인권 침해 보고서 😀 مرحبا بالعالم 𝕏 z̷̢̛a̸l̴g̵o̵ '.repeat(5),
      _lantern: { image_credit: '사진: 😀 '.repeat(20), pseudonym: true },
    };
    const bare = { id: 'bare', url: 'https://example.org/bare', title: 'Bare' };
    const cards = [...items(6), mixed, bare].flatMap((item) =>
      ['vertical', 'horizontal', 'compact'].map((layout) => {
        const card = document.createElement('lantern-article-card') as HTMLElement & {
          item: unknown;
          updateComplete: Promise<unknown>;
        };
        card.setAttribute('layout', layout);
        card.style.cssText = `display: block; width: ${layout === 'horizontal' ? 700 : 300}px`;
        card.item = item;
        return card;
      }),
    );
    const host = mount<HTMLDivElement>('<div></div>');
    host.append(...cards);
    await Promise.all(cards.map((card) => card.updateComplete));
    await painted();
    let checked = 0;
    for (const card of cards) {
      for (const part of card.shadowRoot!.querySelectorAll<HTMLElement>(FIXED.join(','))) {
        expect(getComputedStyle(part).contentVisibility).to.equal('auto');
        // Laid out (as near the screen), then skipped (as far from it): sized without its contents.
        part.style.contentVisibility = 'visible';
        const laidOut = part.getBoundingClientRect().height;
        part.style.contentVisibility = 'hidden';
        const skipped = part.getBoundingClientRect().height;
        part.style.contentVisibility = '';
        expect(skipped, `${card.getAttribute('layout')} ${part.className}`).to.be.closeTo(
          laidOut,
          0.01,
        );
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(60);
  });
});
