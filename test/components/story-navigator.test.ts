import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/define/story-navigator.js';
import type {
  LanternPartChangeDetail,
  LanternStoryNavigator,
} from '../../src/components/story-navigator/story-navigator.js';
import {
  cleanup,
  devTools,
  drawnText,
  expectAxeClean,
  expectSizeKept,
  firefox,
  itDevTools,
  mount,
  mountLoaded,
  nextEvent,
  painted,
  shadow,
  visibleText,
  voices,
} from '../helpers.js';

const FEED = '/demo/feed.json';
const TWELVE = '/demo/series-12.json';
const STORY = 'https://example.org/lantern-demo/stories';

function all<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return Array.from(el.shadowRoot?.querySelectorAll<T>(selector) ?? []);
}

/** The `<li>` of part `n` in the parts list. */
function partEntry(nav: Element, n: number): HTMLLIElement {
  const entry = all<HTMLLIElement>(nav, '.parts > li')[n - 1];
  if (!entry) throw new Error(`no list entry for part ${n}`);
  return entry;
}

/** Asserts there is no such element (and names it if there is: a DOM node in a report can stall the runner). */
function expectNone(el: Element | null | undefined, what = 'element'): void {
  expect(el ? el.outerHTML.slice(0, 200) : null, `unexpected ${what}`).to.equal(null);
}

function text(el: Element | null | undefined): string {
  return el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The URL of this test page without any `#part-N`. */
const pageUrl = `${location.pathname}${location.search}`;

describe('<lantern-story-navigator> navigation mode', () => {
  afterEach(cleanup);

  it('shows "Part 3 of 3", the series title and a nav named after the series', async () => {
    const nav = await mountLoaded<LanternStoryNavigator>(
      `<lantern-story-navigator src=${FEED} series="yoon-ha" part="3"></lantern-story-navigator>`,
    );
    expect(text(shadow(nav, '.part-of'))).to.equal('Part 3 of 3');
    expect(text(shadow(nav, 'h2.title'))).to.equal("Yoon Ha's Story");
    expect(shadow(nav, 'nav').getAttribute('aria-label')).to.equal("Yoon Ha's Story: all parts");
    expect(all(nav, '.parts > li').map((li) => text(li.querySelector('.name')))).to.deep.equal([
      'Part 1 - Growing up in North Korea',
      'Part 2 - Trafficked in China',
      'Part 3 - Making it to South Korea',
    ]);
    expect(visibleText(nav)).to.contain('The hardships Yoon Ha experienced growing up');
    await expectAxeClean(nav);
  });

  it('marks the current part aria-current="page" and does not link it', async () => {
    const nav = await mountLoaded<LanternStoryNavigator>(
      `<lantern-story-navigator src=${FEED} item="yoon-ha-part-2"></lantern-story-navigator>`,
    );
    const current = all(nav, '[aria-current]');
    expect(current.length).to.equal(1);
    expect(current[0]?.getAttribute('aria-current')).to.equal('page');
    expect(text(current[0])).to.equal('Part 2 - Trafficked in China');
    expectNone(current[0]?.closest('a'));
    expectNone(partEntry(nav, 2).querySelector('a'));
    expect(partEntry(nav, 1).querySelector('a')?.getAttribute('href')).to.equal(
      `${STORY}/yoon-ha-part-1`,
    );
    expect(partEntry(nav, 3).querySelector('a')?.getAttribute('href')).to.equal(
      `${STORY}/yoon-ha-part-3`,
    );
    expect(text(shadow(nav, '.part-of'))).to.equal('Part 2 of 3');
    await expectAxeClean(nav);
  });

  it('links previous and next to the neighbouring parts, by title', async () => {
    const nav = await mountLoaded(
      `<lantern-story-navigator src=${FEED} series="yoon-ha" part="2"></lantern-story-navigator>`,
    );
    const prev = shadow<HTMLAnchorElement>(nav, '.pager a[rel="prev"]');
    const next = shadow<HTMLAnchorElement>(nav, '.pager a[rel="next"]');
    expect(prev.getAttribute('href')).to.equal(`${STORY}/yoon-ha-part-1`);
    expect(text(prev)).to.equal('← Previous part Part 1 - Growing up in North Korea');
    expect(next.getAttribute('href')).to.equal(`${STORY}/yoon-ha-part-3`);
    expect(text(next.querySelector('.direction'))).to.equal('Next part →');
    expect(text(next.querySelector('.neighbour'))).to.match(
      /^⚠ Content warning.* Part 3 - Making it to South Korea$/,
    );
    // Part 3 is warned: its link carries the warning (see content-warning.test.ts).
    expect(text(next.querySelector('.neighbour-warning'))).to.equal(
      '⚠ Content warning: Mentions a dangerous pregnancy and fear of the police.',
    );
  });

  it('has no previous link on the first part and no next link on the last', async () => {
    const first = await mountLoaded(
      `<lantern-story-navigator src=${FEED} series="yoon-ha" part="1"></lantern-story-navigator>`,
    );
    expect(all(first, '.pager .prev').length).to.equal(0);
    expect(shadow(first, '.pager a[rel="next"]').getAttribute('href')).to.equal(
      `${STORY}/yoon-ha-part-2`,
    );
    expect(visibleText(first)).not.to.contain('Previous part');
    await expectAxeClean(first);

    const last = await mountLoaded(
      `<lantern-story-navigator src=${FEED} series="yoon-ha" part="3"></lantern-story-navigator>`,
    );
    expect(all(last, '.pager .next').length).to.equal(0);
    expect(shadow(last, '.pager a[rel="prev"]').getAttribute('href')).to.equal(
      `${STORY}/yoon-ha-part-2`,
    );
    expect(visibleText(last)).not.to.contain('Next part');
  });

  it('shows the content warning next to the part it belongs to', async () => {
    const nav = await mountLoaded(
      `<lantern-story-navigator src=${FEED} series="yoon-ha" part="1"></lantern-story-navigator>`,
    );
    expectNone(partEntry(nav, 1).querySelector('.content-warning'));
    expect(text(partEntry(nav, 2).querySelector('.content-warning'))).to.equal(
      'Content warning: Describes human trafficking.',
    );
    expect(text(partEntry(nav, 3).querySelector('.content-warning'))).to.contain(
      'dangerous pregnancy',
    );
  });

  it('shows unpublished parts of a 12-part series as "coming soon", without links', async () => {
    const nav = await mountLoaded(
      `<lantern-story-navigator src=${TWELVE} part="7"></lantern-story-navigator>`,
    );
    expect(text(shadow(nav, '.part-of'))).to.equal('Part 7 of 12');
    expect(all(nav, '.parts > li').length).to.equal(12);
    for (const n of [6, 9, 10, 11, 12]) {
      const entry = partEntry(nav, n);
      expect(text(entry), `part ${n}`).to.equal(`${n} Part ${n} Coming soon`);
      expectNone(entry.querySelector('a'), `part ${n}`);
    }
    for (const n of [1, 2, 3, 4, 5, 8]) {
      expect(partEntry(nav, n).querySelector('a')?.getAttribute('href'), `part ${n}`).to.equal(
        `https://example.org/lantern-demo/series/twelve/${n}`,
      );
    }
    // Previous skips the unpublished part 6.
    expect(text(shadow(nav, '.pager a[rel="prev"]'))).to.contain('Part 5');
    await expectAxeClean(nav);
  });

  it('says the next part is coming soon, without a link, when none is published yet', async () => {
    const nav = await mountLoaded(
      `<lantern-story-navigator src=${TWELVE} part="8"></lantern-story-navigator>`,
    );
    expect(all(nav, '.pager a[rel="next"]').length).to.equal(0);
    const upcoming = shadow(nav, '.pager .next.upcoming');
    expect(drawnText(upcoming)).to.equal('Next part Part 9 · Coming soon');
    expectNone(upcoming.closest('a'));
  });

  it('compact variant: just "Part 3 of 3" with previous/next', async () => {
    const nav = await mountLoaded(
      `<lantern-story-navigator src=${FEED} series="yoon-ha" part="3" variant="compact"></lantern-story-navigator>`,
    );
    expect(all(nav, 'ol').length).to.equal(0);
    expect(shadow(nav, 'nav').getAttribute('aria-label')).to.equal("Yoon Ha's Story");
    expect(text(shadow(nav, '.position'))).to.equal("Yoon Ha's Story Part 3 of 3");
    expect(shadow(nav, 'a[rel="prev"]').getAttribute('href')).to.equal(`${STORY}/yoon-ha-part-2`);
    expect(all(nav, 'a[rel="next"]').length).to.equal(0);
    expect(all(nav, 'a').length).to.equal(1);
    await expectAxeClean(nav);
  });

  it('compact variant on a phone: previous and next titles show two lines, as tall as the skeleton', async function () {
    // Firefox's default font here is wider: "← Previous part" takes two lines in a 296 px column
    // (as in Chromium with DejaVu Sans) and the pager grows by a line when it loads (README,
    // "Browsers").
    if (firefox) this.skip();
    const wrap = await mountLoaded(
      `<div style="width: 296px"><lantern-story-navigator src=${FEED} series="yoon-ha" part="2" variant="compact"></lantern-story-navigator></div>`,
    );
    const nav = wrap.querySelector('lantern-story-navigator')!;
    for (const rel of ['prev', 'next']) {
      const neighbour = shadow(nav, `a[rel="${rel}"] .neighbour`);
      const box = neighbour.getBoundingClientRect();
      const title = [...neighbour.childNodes].find((node) => node.textContent?.startsWith('Part'))!;
      const range = document.createRange();
      range.selectNodeContents(title);
      // Lines of the title drawn inside the box (the clamp cuts the rest with an ellipsis).
      const tops = new Set(
        [...range.getClientRects()]
          .filter((line) => line.width > 0 && line.bottom <= box.bottom + 1)
          .map((line) => Math.round(line.top)),
      );
      expect(tops.size, `${rel}: lines of "${title.textContent}" shown`).to.equal(2);
    }
    // The skeleton keeps the same room: nothing below moves when the feed arrives.
    const loaded = shadow(nav, '.pager a').getBoundingClientRect().height;
    const skeleton = await mount(
      `<div style="width: 296px"><lantern-story-navigator src="/test-server/feed/feed.json?delay=5000&key=compact-skeleton" series="yoon-ha" part="2" variant="compact"></lantern-story-navigator></div>`,
    );
    const block = shadow(skeleton.querySelector('lantern-story-navigator')!, '.pager-block');
    expect(Math.abs(block.getBoundingClientRect().height - loaded)).to.be.below(0.5);
  });

  it('compact reader: the skeleton of previous/next under the part is as tall as the pager that replaces it (390 and 1024 px)', async () => {
    for (const width of [390, 1024]) {
      const attrs = `series="yoon-ha" part="2" variant="compact" mode="reader" reveal-warned lang="en"`;
      const loaded = await mountLoaded(
        `<div style="width: ${width}px"><lantern-story-navigator src=${FEED} ${attrs}></lantern-story-navigator></div>`,
      );
      const pager = shadow(loaded.querySelector('lantern-story-navigator')!, '.navigator > .pager');
      const skeleton = mount(
        `<div style="width: ${width}px"><lantern-story-navigator src="/test-server/feed/feed.json?delay=5000&key=compact-reader-${width}-${Date.now()}" ${attrs}></lantern-story-navigator></div>`,
      );
      const nav = skeleton.querySelector<LanternStoryNavigator>('lantern-story-navigator')!;
      await nav.updateComplete;
      const reserved = shadow(nav, '.skeleton > .pager');
      const [a, b] = [reserved, pager].map((el) => el.getBoundingClientRect().height);
      expect(Math.abs(a! - b!), `${width}px: skeleton ${a} → pager ${b}`).to.be.at.most(1);
      cleanup();
    }
  });

  it('compact variant in a 120 px column: the skeleton stacks previous and next as the parts will', async () => {
    const attrs = `series="yoon-ha" part="2" variant="compact" lang="en"`;
    const loaded = await mountLoaded(
      `<div style="width: 120px"><lantern-story-navigator src=${FEED} ${attrs}></lantern-story-navigator></div>`,
    );
    const parts = ['prev', 'next'].map((rel) =>
      shadow(
        loaded.querySelector('lantern-story-navigator')!,
        `a[rel="${rel}"]`,
      ).getBoundingClientRect(),
    );
    expect(parts[1]!.top, 'next part below previous').to.be.at.least(parts[0]!.bottom);
    const skeleton = mount(
      `<div style="width: 120px"><lantern-story-navigator src="/test-server/feed/feed.json?delay=5000&key=nav-120-${Date.now()}" ${attrs}></lantern-story-navigator></div>`,
    );
    const nav = skeleton.querySelector<LanternStoryNavigator>('lantern-story-navigator')!;
    await nav.updateComplete;
    const blocks = all(nav, '.skeleton .pager-block').map((b) => b.getBoundingClientRect());
    expect(blocks.length).to.equal(2);
    expect(blocks[1]!.top, 'next block below previous').to.be.at.least(blocks[0]!.bottom);
    // One above the other, each inside the widget.
    const edge = nav.getBoundingClientRect();
    for (const block of blocks) expect(block.right).to.be.at.most(edge.right);
  });

  it('compact variant on a phone: a warned next part shows its title, the warning as its sign', async () => {
    const wrap = await mountLoaded(
      `<div style="width: 296px"><lantern-story-navigator src=${FEED} series="yoon-ha" part="2" variant="compact"></lantern-story-navigator></div>`,
    );
    const nav = wrap.querySelector('lantern-story-navigator')!;
    const next = shadow(nav, 'a[rel="next"]');
    const box = next.querySelector('.neighbour')!.getBoundingClientRect();
    const rectOf = (node: Node): DOMRect => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return range.getBoundingClientRect();
    };
    // The title: how much of it is drawn before the box cuts it short.
    const title = next.querySelector('.neighbour > span:not(.neighbour-warning)')!;
    expect(title.textContent).to.match(/^Part 3/);
    expect(box.right - rectOf(title).left, 'width of the title drawn').to.be.above(40);
    // The sign, whole inside its badge; the words are not drawn.
    const badge = next.querySelector('.neighbour-warning')!;
    const sign = rectOf(badge.querySelector('[aria-hidden="true"]')!.firstChild!);
    const badgeBox = badge.getBoundingClientRect();
    expect(sign.left, 'sign inside its badge').to.be.at.least(badgeBox.left);
    expect(sign.right, 'sign inside its badge').to.be.at.most(badgeBox.right);
    expect(badgeBox.width, 'the badge is the sign').to.be.below(30);
    // Screen readers still hear the whole warning before the title.
    expect(next.textContent!.replace(/\s+/g, ' ')).to.contain(
      'Content warning: Mentions a dangerous pregnancy and fear of the police. Part 3',
    );
    await expectAxeClean(nav);
    // The full variant (its reader mode has previous/next) has room for the words.
    const reloaded = nextEvent(nav, 'lantern-load');
    nav.setAttribute('variant', 'full');
    nav.setAttribute('mode', 'reader');
    await reloaded;
    await (nav as LanternStoryNavigator).updateComplete;
    const words = shadow(nav, 'a[rel="next"] .neighbour-warning > span:nth-child(2)');
    expect(words.textContent).to.equal('Content warning');
    expect(words.getBoundingClientRect().width, 'the words drawn').to.be.above(40);
  });

  it('speaks Korean', async () => {
    const nav = await mountLoaded(
      `<div lang="ko"><lantern-story-navigator src=${FEED} series="yoon-ha" part="2"></lantern-story-navigator></div>`,
    ).then((div) => div.querySelector('lantern-story-navigator') as LanternStoryNavigator);
    expect(text(shadow(nav, '.part-of'))).to.equal('전체 3부 중 2부');
    expect(shadow(nav, 'nav').getAttribute('aria-label')).to.equal("Yoon Ha's Story: 전체 목록");
    expect(text(shadow(nav, 'a[rel="prev"] .direction'))).to.equal('← 이전 편');
    expect(text(shadow(nav, 'a[rel="next"] .direction'))).to.equal('다음 편 →');
    expect(text(partEntry(nav, 2).querySelector('.content-warning'))).to.contain('콘텐츠 경고');
    await expectAxeClean(nav);
  });

  // Part 2 is read on the site: its "Continue reading" names it, in English.
  for (const [mode, part] of [
    ['list', 3],
    ['reader', 3],
    ['reader', 2],
  ] as const) {
    it(`in Korean, Korean text is read in Korean and the English story in English (${mode}, part ${part})`, async () => {
      const attrs = `${mode === 'reader' ? 'mode="reader"' : ''} part="${part}"`;
      const nav = await mountLoaded(
        `<div lang="ko"><lantern-story-navigator src=${FEED} series="yoon-ha" ${attrs}></lantern-story-navigator></div>`,
      ).then((div) => div.querySelector('lantern-story-navigator') as LanternStoryNavigator);
      if (mode === 'reader') {
        shadow<HTMLButtonElement>(nav, '.reading .reveal').click();
        for (
          let i = 0;
          i < 100 && part === 3 && !nav.shadowRoot!.querySelector('.body.rich p');
          i++
        ) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      await nav.updateComplete;
      const heard = voices(nav);
      const korean = heard.filter((h) => /[가-힣]/.test(h.text));
      expect(korean.length, 'some Korean interface text').to.be.above(3);
      expect(korean.filter((h) => h.lang !== 'ko')).to.deep.equal([]);
      // The story's own words: its titles and, in reader mode, its body.
      const story = heard.filter(
        (h) => /Yoon Ha|South Korea|China/.test(h.text) && !/[가-힣]/.test(h.text),
      );
      expect(story.length, 'the story is there').to.be.above(1);
      expect(story.filter((h) => h.lang !== 'en')).to.deep.equal([]);
      if (mode === 'reader') {
        // The author's name after the Korean "글: " is the story's.
        expect(heard.find((h) => h.text === 'Yoon Ha')?.lang).to.equal('en');
      }
      if (mode === 'reader' && part === 3) {
        expect(shadow(nav, '.body.rich').closest('[lang]')!.getAttribute('lang')).to.equal('en');
      }
      if (part === 2) {
        expect(heard.find((h) => h.text === 'Part 2 - Trafficked in China')?.lang).to.equal('en');
      }
    });
  }

  it('in Korean, an untitled part is named "N부" in Korean, not marked with the part\'s language', async () => {
    const parts = [1, 2].map((n) => ({
      id: `u${n}`,
      url: `https://example.org/u${n}`,
      language: 'en',
      content_text: 'Words of the part.',
      _lantern: { series: { id: 'untitled', title: 'A series', part: n, total: 2 } },
    }));
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'F', items: parts };
    const nav = await mountLoaded(
      `<div lang="ko"><lantern-story-navigator series="untitled" part="1" mode="reader"><script type="application/feed+json">${JSON.stringify(feed)}</script></lantern-story-navigator></div>`,
    ).then((div) => div.querySelector('lantern-story-navigator') as LanternStoryNavigator);
    const korean = voices(nav).filter((h) => /[가-힣]/.test(h.text));
    expect(korean.some((h) => /^1부/.test(h.text))).to.equal(true);
    expect(korean.filter((h) => h.lang !== 'ko')).to.deep.equal([]);
  });

  it('an untitled part with a summary is "Part 2", not the summary cut short above itself', async () => {
    const parts = [1, 2].map((n) => ({
      id: `s${n}`,
      url: `https://example.org/s${n}`,
      ...(n === 1 ? { title: 'The first part' } : {}),
      summary:
        'A summary that runs on for a while, longer than the eighty characters a name was cut at.',
      _lantern: { series: { id: 'summaries', title: 'A series', part: n, total: 2 } },
    }));
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'F', items: parts };
    const nav = await mountLoaded<LanternStoryNavigator>(
      `<lantern-story-navigator series="summaries" part="2" lang="en"><script type="application/feed+json">${JSON.stringify(feed)}</script></lantern-story-navigator>`,
    );
    expect(all(nav, '.parts > li').map((li) => text(li.querySelector('.name')))).to.deep.equal([
      'Part 1: The first part',
      'Part 2',
    ]);
  });

  it('compact, in reader mode: "Name changed for safety" once, with the part it is about', async () => {
    const nav = await mountLoaded<LanternStoryNavigator>(
      `<lantern-story-navigator src=${FEED} item="yoon-ha-part-3" mode="reader" variant="compact" lang="en"></lantern-story-navigator>`,
    );
    expect(visibleText(nav).split('Name changed for safety').length - 1).to.equal(1);
    expect(all(nav, '.reading .note').length).to.equal(1);
  });

  it("a warned part's teaser in the list waits behind its warning, as a card's summary does", async () => {
    const nav = await mountLoaded<LanternStoryNavigator>(
      `<lantern-story-navigator src=${FEED} series="yoon-ha" part="1" lang="en"></lantern-story-navigator>`,
    );
    expect(text(partEntry(nav, 1))).to.contain('The hardships Yoon Ha experienced');
    expect(text(partEntry(nav, 2))).to.contain('Describes human trafficking.');
    expect(visibleText(nav)).not.to.contain('trafficked in China, where she lives');
    expect(visibleText(nav)).not.to.contain('Eight months pregnant');
    const open = await mountLoaded<LanternStoryNavigator>(
      `<lantern-story-navigator src=${FEED} series="yoon-ha" part="1" reveal-warned lang="en"></lantern-story-navigator>`,
    );
    expect(text(partEntry(open, 2))).to.contain('trafficked in China, where she lives');
  });

  it('compact, given its data, with no "name changed" note: no blank row where the note would be', async () => {
    const parts = [1, 2].map((n) => ({
      id: `c${n}`,
      url: `https://example.org/c${n}`,
      title: `Part ${n}`,
      _lantern: { series: { id: 'plain', title: 'A plain series', part: n, total: 2 } },
    }));
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'F', items: parts };
    const nav = mount<LanternStoryNavigator>(
      `<lantern-story-navigator series="plain" part="1" variant="compact" lang="en"></lantern-story-navigator>`,
    );
    nav.feed = feed as never;
    await nextEvent(nav, 'lantern-load');
    await nav.updateComplete;
    const name = shadow(nav, '.series-name').getBoundingClientRect();
    const pager = shadow(nav, '.pager').getBoundingClientRect();
    // The header's gap (0.5em) between them, not a row of nothing.
    expect(Math.round(pager.top - name.bottom), 'blank above previous/next').to.be.at.most(12);
  });

  it('says which part is being read, in words (aria-current alone is not heard on a span)', async () => {
    const nav = await mountLoaded<LanternStoryNavigator>(
      `<lantern-story-navigator src=${FEED} series="yoon-ha" part="2"></lantern-story-navigator>`,
    );
    expect(text(partEntry(nav, 2).querySelector('.text'))).to.match(
      /Trafficked in China, current part/,
    );
    expect(text(partEntry(nav, 1).querySelector('.text'))).to.not.contain('current part');
  });

  it('without a current part: the whole series, nothing marked current, no previous/next', async () => {
    const container = mount<HTMLDivElement>('<div></div>');
    const loaded = nextEvent<{ items: number }>(container, 'lantern-load');
    container.innerHTML = `<lantern-story-navigator src=${TWELVE}></lantern-story-navigator>`;
    expect((await loaded).detail.items).to.equal(7);
    const nav = container.firstElementChild as LanternStoryNavigator;
    await nav.updateComplete;
    expect(text(shadow(nav, 'h2.title'))).to.equal('Twelve Voices');
    expect(all(nav, '.part-of').length).to.equal(0);
    expect(all(nav, '[aria-current]').length).to.equal(0);
    expect(all(nav, '.pager').length).to.equal(0);
    expect(all(nav, '.parts a').length).to.equal(7);
    await expectAxeClean(nav);
  });

  it('reads a feed given inline, with no request', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Inline',
      items: [1, 3].map((n) => ({
        id: `p${n}`,
        url: `https://example.org/p${n}`,
        title: `Inline part ${n}`,
        _lantern: { series: { id: 's', title: 'Inline series', part: n, total: 3 } },
      })),
    };
    const nav = await mountLoaded(
      `<lantern-story-navigator part="1"><script type="application/feed+json">${JSON.stringify(feed)}</script></lantern-story-navigator>`,
    );
    expect(text(shadow(nav, '.part-of'))).to.equal('Part 1 of 3');
    expect(text(partEntry(nav, 2))).to.contain('Coming soon');
    expect(shadow(nav, 'a[rel="next"]').getAttribute('href')).to.equal('https://example.org/p3');
  });

  it('shows a readable error, the fallback link and "Try again" when the feed is missing', async () => {
    const errors: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const container = mount<HTMLDivElement>('<div></div>');
      const failed = nextEvent(container, 'lantern-error');
      container.innerHTML = `<lantern-story-navigator src="/test-server/status/404" series="yoon-ha" part="3"><a href="${STORY}/yoon-ha-part-3">Yoon Ha's Story</a></lantern-story-navigator>`;
      const event = await failed;
      const nav = container.firstElementChild as LanternStoryNavigator;
      await nav.updateComplete;
      expect(event.detail).to.include({ kind: 'http', status: 404 });
      expect(visibleText(nav)).to.contain('This content could not be shown.');
      expect(text(shadow(nav, '.error button'))).to.equal('Try again');
      const slot = shadow<HTMLSlotElement>(nav, '.error slot');
      expect(slot.assignedElements()[0]?.getAttribute('href')).to.equal(`${STORY}/yoon-ha-part-3`);
      expect(errors.join('\n')).to.contain('404');
      await expectAxeClean(nav);
    } finally {
      console.warn = warn;
    }
  });

  it('after "Try again" by keyboard, shows where focus went: the series title, with its ring', async () => {
    const key = `nav-retry-${Date.now()}`;
    const warn = console.warn;
    console.warn = () => {};
    try {
      const nav = await mountLoaded<LanternStoryNavigator>(
        `<lantern-story-navigator src="/test-server/flaky?key=${key}" series="yoon-ha" part="2"></lantern-story-navigator>`,
      );
      await fetch(`/test-server/flaky-up?key=${key}`);
      const loaded = nextEvent(nav, 'lantern-load');
      shadow<HTMLButtonElement>(nav, '.error button').focus();
      await sendKeys({ press: 'Enter' });
      await loaded;
      await nav.updateComplete;
      const focused = nav.shadowRoot!.activeElement as HTMLElement;
      expect(focused?.textContent?.trim()).to.equal("Yoon Ha's Story");
      expect(getComputedStyle(focused).outlineStyle).not.to.equal('none');
    } finally {
      console.warn = warn;
    }
  });

  it('fails visibly for a series the feed does not have, or a part not yet published', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const missing = await mountLoaded(
        `<lantern-story-navigator src=${FEED} series="no-such-series"></lantern-story-navigator>`,
      );
      expect(visibleText(missing)).to.contain(
        'The feed has no series with the id "no-such-series"',
      );
      const unpublished = await mountLoaded(
        `<lantern-story-navigator src=${TWELVE} part="6"></lantern-story-navigator>`,
      );
      expect(visibleText(unpublished)).to.contain(
        'Part 6 of "Twelve Voices" is not published yet.',
      );
    } finally {
      console.warn = warn;
    }
  });
});

describe('<lantern-story-navigator> reader mode', () => {
  beforeEach(() => history.replaceState(null, '', pageUrl));
  afterEach(async () => {
    cleanup();
    history.replaceState(null, '', pageUrl);
    if (devTools) await emulateMedia({ reducedMotion: 'no-preference' });
  });

  // reveal-warned: parts 2 and 3 are warned; these tests are about reading, the gate has its own.
  const READER = `<lantern-story-navigator src=${FEED} series="yoon-ha" part="3" mode="reader" reveal-warned></lantern-story-navigator>`;

  it("renders the current part's body from the feed, sanitised", async () => {
    const nav = await mountLoaded<LanternStoryNavigator>(READER);
    expect(text(shadow(nav, '.reading h3.title'))).to.equal('Part 3 - Making it to South Korea');
    const body = shadow(nav, '.reading .body');
    expect(text(body)).to.contain('This is the third part of a three-part story.');
    expect(text(body.querySelector('blockquote'))).to.contain('We must go to South Korea');
    expect(visibleText(nav)).to.contain('Name changed for safety');
    expect(text(shadow(nav, '.reading .content-warning'))).to.contain('dangerous pregnancy');
    await expectAxeClean(nav);
  });

  it('switches the part in place on click: URL, content, focus and event, said once', async () => {
    const nav = await mountLoaded<LanternStoryNavigator>(READER);
    const before = history.length;
    const prev = shadow<HTMLAnchorElement>(nav, '.pager a[rel="prev"]');
    expect(new URL(prev.href).hash).to.equal('#part-2');
    const changed = nextEvent<LanternPartChangeDetail>(document, 'lantern-part-change');
    prev.click();
    const event = await changed;

    expect(event.detail.part).to.equal(2);
    expect(event.detail.item.id).to.equal('yoon-ha-part-2');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.cancelable).to.equal(false);

    expect(location.hash).to.equal('#part-2');
    expect(history.length).to.equal(before + 1);
    expect(text(shadow(nav, '.part-of'))).to.equal('Part 2 of 3');
    const heading = shadow(nav, '.reading h3.title');
    expect(text(heading)).to.equal('Part 2 - Trafficked in China');
    // Part 2 is a link-out: its summary and "Continue reading" instead of a body.
    expect(text(shadow(nav, '.reading .summary'))).to.contain('trafficked in China');
    const more = shadow<HTMLAnchorElement>(nav, '.reading .continue a');
    expect(more.getAttribute('href')).to.equal(`${STORY}/yoon-ha-part-2`);
    expect(text(more)).to.equal('Continue reading: Part 2 - Trafficked in China');
    expect(visibleText(nav)).not.to.contain('After connecting with LiNK');

    expect(document.activeElement === nav, 'focus is in the navigator').to.equal(true);
    expect(nav.shadowRoot?.activeElement === heading, 'focus is on the new heading').to.equal(true);
    // Focus moved onto the new heading, which a screen reader reads out: the polite status
    // stays quiet rather than say the same title again ("Now showing Part 2 - …").
    expect(text(shadow(nav, '[role="status"]'))).to.equal('');
    expect(text(shadow(nav, '[aria-current="page"]'))).to.equal('Part 2 - Trafficked in China');
    await expectAxeClean(nav);
  });

  it('leaves #part-N to the first reader on the page when there are two', async () => {
    const container = document.createElement('div');
    container.className = 'test-container';
    container.innerHTML = `${READER}${READER.replace('series="yoon-ha"', 'series="yoon-ha" id="second"')}`;
    let count = 0;
    const loaded = new Promise<void>((resolve) =>
      container.addEventListener('lantern-load', () => ++count === 2 && resolve()),
    );
    document.body.append(container);
    await loaded;
    const [first, second] = Array.from(
      container.querySelectorAll<LanternStoryNavigator>('lantern-story-navigator'),
    ) as [LanternStoryNavigator, LanternStoryNavigator];
    await Promise.all([first.updateComplete, second.updateComplete]);

    shadow<HTMLAnchorElement>(second, '.pager a[rel="prev"]').click();
    await nextEvent(second, 'lantern-part-change');
    expect(location.hash, 'the second reader does not take the URL').to.equal('');
    expect(text(shadow(second, '.part-of'))).to.equal('Part 2 of 3');
    expect(text(shadow(first, '.part-of'))).to.equal('Part 3 of 3');

    shadow<HTMLAnchorElement>(first, '.pager a[rel="prev"]').click();
    await nextEvent(first, 'lantern-part-change');
    expect(location.hash).to.equal('#part-2');
    expect(text(shadow(first, '.part-of'))).to.equal('Part 2 of 3');
  });

  it('switches from the parts list with the keyboard', async () => {
    const nav = await mountLoaded<LanternStoryNavigator>(READER);
    const link = partEntry(nav, 1).querySelector('a') as HTMLAnchorElement;
    link.focus();
    const changed = nextEvent<LanternPartChangeDetail>(nav, 'lantern-part-change');
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail.part).to.equal(1);
    expect(location.hash).to.equal('#part-1');
    expect(text(nav.shadowRoot?.activeElement)).to.equal('Part 1 - Growing up in North Korea');
    expect(all(nav, '.pager a[rel="prev"]').length).to.equal(0);
    // By keyboard, the title focused shows its ring, clear of its text.
    const title = nav.shadowRoot!.activeElement as HTMLElement;
    expect(getComputedStyle(title).outlineStyle).to.equal('solid');
    expect(getComputedStyle(title).outlineOffset).to.equal('4px');
  });

  it('a part chosen with the mouse moves focus to its title without a ring', async () => {
    const nav = await mountLoaded<LanternStoryNavigator>(READER);
    const link = partEntry(nav, 1).querySelector('a') as HTMLAnchorElement;
    // Where the mouse goes: the link in view, once no smooth scroll (an earlier test's part
    // change) moves it any more.
    let box: DOMRect;
    let y = NaN;
    for (let i = 0; i < 100; i++) {
      link.scrollIntoView({ block: 'center', behavior: 'instant' });
      await new Promise(requestAnimationFrame);
      box = link.getBoundingClientRect();
      if (box.y === y) break;
      y = box.y;
    }
    const changed = nextEvent<LanternPartChangeDetail>(nav, 'lantern-part-change');
    await sendMouse({ type: 'click', position: [Math.round(box!.x + 5), Math.round(box!.y + 5)] });
    await changed;
    await nav.updateComplete;
    const title = nav.shadowRoot!.activeElement as HTMLElement;
    expect(text(title)).to.equal('Part 1 - Growing up in North Korea');
    expect(getComputedStyle(title).outlineStyle).to.equal('none');
  });

  it('opens the part a #part-2 deep link names', async () => {
    history.replaceState(null, '', `${pageUrl}#part-2`);
    const nav = await mountLoaded(READER);
    expect(text(shadow(nav, '.part-of'))).to.equal('Part 2 of 3');
    expect(text(shadow(nav, '.reading .title'))).to.equal('Part 2 - Trafficked in China');
    expect(text(shadow(nav, '[aria-current="page"]'))).to.equal('Part 2 - Trafficked in China');
    await expectAxeClean(nav);
  });

  it('names the part shown when its title does not ("Now showing Part 2: …")', async () => {
    const part = (n: number, title: string) => ({
      id: `p${n}`,
      title,
      content_text: `Body ${n}.`,
      _lantern: { series: { id: 's', title: 'A series', part: n, total: 3 } },
    });
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Test',
      items: [part(1, 'Beginnings'), part(2, 'The crossing'), part(3, 'Part 3: Arrival')],
    };
    const nav = await mountLoaded<LanternStoryNavigator>(
      `<lantern-story-navigator series="s" mode="reader" lang="en"><script type="application/feed+json">${JSON.stringify(feed)}</script></lantern-story-navigator>`,
    );
    const announced = async (n: number) => {
      const changed = nextEvent<LanternPartChangeDetail>(nav, 'lantern-part-change');
      await nav.showPart(n);
      await changed;
      return text(shadow(nav, '[role="status"]'));
    };
    expect(await announced(2)).to.equal('Now showing Part 2: The crossing');
    // A title that says it is heard once.
    expect(await announced(3)).to.equal('Now showing Part 3: Arrival');
  });

  it('on a phone, a wide table in the body scrolls in its box and keeps its words whole', async () => {
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const table = [
      row(['Year', 'Province', 'Defections', 'Arrests', 'Executions', 'Source']),
      row(Array(6).fill('---')),
      row(['2019', 'Hamgyong', '1,047', '312', '18', 'Testimonies']),
      row(['2020', 'Ryanggang', '229', '97', '7', 'Testimonies']),
    ].join('\n');
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Test',
      items: [
        {
          id: 'p1',
          title: 'Figures',
          _lantern: {
            content_markdown: table,
            series: { id: 's', title: 'A series', part: 1, total: 1 },
          },
        },
      ],
    };
    const phone = await mountLoaded<HTMLElement>(
      `<div style="width: 320px"><lantern-story-navigator series="s" mode="reader" lang="en"><script type="application/feed+json">${JSON.stringify(feed)}</script></lantern-story-navigator></div>`,
    );
    const nav = phone.querySelector<LanternStoryNavigator>('lantern-story-navigator')!;
    await nav.updateComplete;
    const box = shadow(nav, '.body table');
    expect(box.scrollWidth, 'the table scrolls').to.be.above(box.clientWidth);
    expect(nav.scrollWidth, 'the widget does not').to.be.at.most(nav.clientWidth);
    for (const cell of all(nav, '.body td')) {
      const lineHeight = parseFloat(getComputedStyle(cell).lineHeight);
      expect(cell.getBoundingClientRect().height, cell.textContent!).to.be.below(lineHeight * 2);
    }
  });

  it('a <details> in the body reads as a disclosure: summary on its own line, a marker, room before what it reveals, a focus ring (light, dark, forced colours)', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Test',
      items: [
        {
          id: 'p1',
          title: 'At the border',
          content_html:
            '<p>Before.</p><details open><summary>What happened at the border</summary><p>She crossed the river at night.</p><p>The guards were near.</p></details><details><summary>Sources</summary><p>Interviews, 2019.</p></details><p>After.</p>',
          _lantern: { series: { id: 's', title: 'A series', part: 1, total: 1 } },
        },
      ],
    };
    const nav = await mountLoaded<LanternStoryNavigator>(
      `<lantern-story-navigator style="width: 600px" series="s" mode="reader" lang="en"><script type="application/feed+json">${JSON.stringify(feed)}</script></lantern-story-navigator>`,
    );
    const [open, closed] = all(nav, '.body details');
    expect(closed?.localName, 'both <details> kept').to.equal('details');
    const [summary, first, second] = [...open!.children] as HTMLElement[];
    const closedSummary = closed!.querySelector('summary')!;
    const after = all(nav, '.body > p').at(-1)!;
    expect(text(after)).to.equal('After.');
    const box = (el: Element) => el.getBoundingClientRect();
    const look = (scheme: string) => {
      const line = parseFloat(getComputedStyle(first!).lineHeight);
      const words = document.createRange();
      words.selectNodeContents(summary!);
      const wordsBox = words.getBoundingClientRect();
      // On a line of its own, above what it reveals, with room between (not one paragraph).
      expect(
        box(first!).top - box(summary!).bottom,
        `${scheme}: room under the summary`,
      ).to.be.at.least(line / 3);
      expect(
        box(second!).top - box(first!).bottom,
        `${scheme}: room between what it reveals`,
      ).to.be.at.least(line / 3);
      expect(
        box(after).top - box(closedSummary).bottom,
        `${scheme}: room under a closed one`,
      ).to.be.at.least(line / 3);
      expect(closed!.querySelector('p')!.checkVisibility(), `${scheme}: closed hides`).to.equal(
        false,
      );
      // A marker (the disclosure triangle) drawn before the words, in the text's colour.
      for (const el of [summary!, closedSummary]) {
        const style = getComputedStyle(el);
        expect(style.display, `${scheme}: a list item, so its marker is drawn`).to.equal(
          'list-item',
        );
        expect(style.listStyleType, `${scheme}: marker`).to.match(/disclosure-(open|closed)/);
      }
      expect(wordsBox.left - box(summary!).left, `${scheme}: room for the marker`).to.be.at.least(
        8,
      );
      expect(getComputedStyle(summary!).color, `${scheme}: marker seen`).to.not.equal(
        getComputedStyle(shadow(nav, '.navigator')).backgroundColor,
      );
    };
    look('light');
    nav.setAttribute('theme', 'dark');
    look('dark');
    // By keyboard: the summary gets the widget's focus ring, drawn whole.
    closedSummary.focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(nav.shadowRoot!.activeElement, 'the summary is a stop').to.equal(summary);
    const ring = () => {
      const style = getComputedStyle(summary!);
      expect(summary!.matches(':focus-visible'), 'keyboard focus').to.equal(true);
      expect(style.outlineStyle).to.not.equal('none');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
      const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
      const clip = box(shadow(nav, '.body'));
      expect(box(summary!).left - reach, 'ring inside the body').to.be.at.least(clip.left - 8);
    };
    ring();
    // (Forced colours are emulated through the DevTools protocol: Chromium only.)
    if (!devTools) return;
    await executeServerCommand('forced-colors', 'active');
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      look('forced colours');
      ring();
    } finally {
      await executeServerCommand('forced-colors', 'none');
    }
  });

  it('ignores a deep link to a part that is not published', async () => {
    history.replaceState(null, '', `${pageUrl}#part-6`);
    const nav = await mountLoaded(
      `<lantern-story-navigator src=${TWELVE} part="2" mode="reader"></lantern-story-navigator>`,
    );
    expect(text(shadow(nav, '.part-of'))).to.equal('Part 2 of 12');
    const paragraphs = all(nav, '.reading .body p').map(text);
    expect(paragraphs).to.deep.equal([
      'The body of part two, told in plain text.',
      'A second paragraph.',
    ]);
  });

  it('follows back and forward', async () => {
    const nav = await mountLoaded<LanternStoryNavigator>(READER);
    let changed = nextEvent<LanternPartChangeDetail>(nav, 'lantern-part-change');
    (partEntry(nav, 1).querySelector('a') as HTMLAnchorElement).click();
    await changed;
    changed = nextEvent<LanternPartChangeDetail>(nav, 'lantern-part-change');
    shadow<HTMLAnchorElement>(nav, '.pager a[rel="next"]').click();
    expect((await changed).detail.part).to.equal(2);
    expect(location.hash).to.equal('#part-2');

    changed = nextEvent<LanternPartChangeDetail>(nav, 'lantern-part-change');
    history.back();
    expect((await changed).detail.part).to.equal(1);
    expect(text(shadow(nav, '.reading .title'))).to.equal('Part 1 - Growing up in North Korea');
    expect(text(shadow(nav, '[role="status"]'))).to.equal(
      'Now showing Part 1 - Growing up in North Korea',
    );

    changed = nextEvent<LanternPartChangeDetail>(nav, 'lantern-part-change');
    history.back();
    // Back to the page without #part-N: the part the attributes name.
    expect((await changed).detail.part).to.equal(3);
    expect(location.hash).to.equal('');
    expect(text(shadow(nav, '.reading .body'))).to.contain('After connecting with LiNK');

    changed = nextEvent<LanternPartChangeDetail>(nav, 'lantern-part-change');
    history.forward();
    expect((await changed).detail.part).to.equal(1);
    expect(location.hash).to.equal('#part-1');
    await expectAxeClean(nav);
  });

  itDevTools(
    'back with focus in the navigator: the focused heading is in view, not where the browser restores the page',
    async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const nav = await mountLoaded<LanternStoryNavigator>(READER);
      nav.after(Object.assign(document.createElement('div'), { style: 'height: 300vh' }));
      const click = async (link: HTMLAnchorElement) => {
        // The link at the top of the window: the part's heading is above it, out of view.
        link.scrollIntoView({ behavior: 'instant', block: 'start' });
        const changed = nextEvent<LanternPartChangeDetail>(nav, 'lantern-part-change');
        link.click();
        await changed;
      };
      await click(partEntry(nav, 1).querySelector('a')!);
      await click(shadow<HTMLAnchorElement>(nav, '.pager a[rel="next"]'));
      expect(location.hash).to.equal('#part-2');
      const changed = nextEvent<LanternPartChangeDetail>(nav, 'lantern-part-change');
      // Chromium puts back the scroll position of the #part-1 entry (the "Next part" link at the
      // top) after popstate: it undid the scroll to the heading that had just been focused.
      history.back();
      expect((await changed).detail.part).to.equal(1);
      await painted();
      await painted();
      const heading = shadow(nav, '.reading .title');
      expect(nav.shadowRoot!.activeElement).to.equal(heading);
      const top = heading.getBoundingClientRect().top;
      expect(top, 'heading in view').to.be.within(0, innerHeight - 20);
    },
  );

  itDevTools('scrolls without smooth motion when the reader prefers reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const nav = await mountLoaded<LanternStoryNavigator>(READER);
    const calls: unknown[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (
      this: Element,
      arg?: boolean | ScrollIntoViewOptions,
    ) {
      calls.push(arg);
      return original.call(this, arg);
    };
    try {
      const changed = nextEvent(nav, 'lantern-part-change');
      shadow<HTMLAnchorElement>(nav, '.pager a[rel="prev"]').click();
      await changed;
      // (The scroll waits for a task of its own.)
      await painted();
    } finally {
      Element.prototype.scrollIntoView = original;
    }
    expect(calls).to.deep.equal([{ behavior: 'instant', block: 'start' }]);
  });

  itDevTools(
    'jumps without motion for a reader who asks for less, on a page that scrolls smoothly',
    async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      // A theme's `html { scroll-behavior: smooth }` (Tailwind's scroll-smooth, many WordPress
      // themes): behavior 'auto' means "as the page says", so the part's heading glided up anyway.
      const root = document.documentElement;
      root.style.scrollBehavior = 'smooth';
      try {
        const nav = await mountLoaded<LanternStoryNavigator>(READER);
        nav.before(Object.assign(document.createElement('div'), { style: 'height: 150vh' }));
        nav.after(Object.assign(document.createElement('div'), { style: 'height: 150vh' }));
        const prev = shadow<HTMLAnchorElement>(nav, '.pager a[rel="prev"]');
        prev.scrollIntoView({ behavior: 'instant', block: 'end' });
        const changed = nextEvent(nav, 'lantern-part-change');
        prev.click();
        await changed;
        await painted();
        // At the top (less its scroll margin) by the next frame, not after an animation.
        const title = shadow(nav, '.reading .title');
        expect(title.getBoundingClientRect().top).to.be.closeTo(
          parseFloat(getComputedStyle(title).scrollMarginTop),
          1,
        );
      } finally {
        root.style.scrollBehavior = '';
      }
    },
  );

  it('with hide-images, shows no image of the part', async () => {
    const nav = await mountLoaded(
      `<lantern-story-navigator src=${FEED} series="yoon-ha" part="3" mode="reader" hide-images reveal-warned></lantern-story-navigator>`,
    );
    expect(all(nav, 'img').length).to.equal(0);
    expect(text(shadow(nav, '.reading .body'))).to.contain('After connecting with LiNK');
    const shown = await mountLoaded(READER);
    expect(shadow<HTMLImageElement>(shown, '.reading .media img').alt).to.equal(
      'Illustration: a path over mountains at dusk.',
    );
  });

  it('puts body headings below the part heading', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Headings',
      items: [
        {
          id: 'h1',
          title: 'With headings',
          _lantern: {
            content_markdown: '# A top heading\n\nText.\n\n## A sub heading\n\nMore.',
            series: { id: 's', title: 'Series', part: 1, total: 1 },
          },
        },
      ],
    };
    const nav = await mountLoaded(
      `<lantern-story-navigator mode="reader"><script type="application/feed+json">${JSON.stringify(feed)}</script></lantern-story-navigator>`,
    );
    expect(all(nav, '.reading h3.title').length).to.equal(1);
    const body = shadow(nav, '.reading .body');
    expect(text(body.querySelector('h4'))).to.equal('A top heading');
    expect(text(body.querySelector('h5'))).to.equal('A sub heading');
    expectNone(body.querySelector('h1, h2, h3'));
    await expectAxeClean(nav);
  });
});

describe('<lantern-story-navigator> reading progress', () => {
  beforeEach(() => {
    sessionStorage.clear();
    history.replaceState(null, '', pageUrl);
  });
  afterEach(() => {
    cleanup();
    sessionStorage.clear();
    history.replaceState(null, '', pageUrl);
  });

  /** Counts every Storage call (session and local) while `run` runs. */
  async function storageCalls(run: () => Promise<void>): Promise<string[]> {
    const calls: string[] = [];
    const proto = Storage.prototype;
    const originals = {
      getItem: proto.getItem,
      setItem: proto.setItem,
      removeItem: proto.removeItem,
    };
    for (const name of Object.keys(originals) as (keyof typeof originals)[]) {
      const original = originals[name] as (...args: unknown[]) => unknown;
      (proto as unknown as Record<string, unknown>)[name] = function (
        this: Storage,
        ...args: unknown[]
      ) {
        calls.push(`${this === localStorage ? 'local' : 'session'}.${name}(${String(args[0])})`);
        return original.apply(this, args);
      };
    }
    try {
      await run();
    } finally {
      Object.assign(proto, originals);
    }
    return calls;
  }

  it('touches no storage at all without remember="session"', async () => {
    const calls = await storageCalls(async () => {
      const nav = await mountLoaded(
        `<lantern-story-navigator src=${FEED} series="yoon-ha" part="3" mode="reader"></lantern-story-navigator>`,
      );
      const changed = nextEvent(nav, 'lantern-part-change');
      shadow<HTMLAnchorElement>(nav, '.pager a[rel="prev"]').click();
      await changed;
      expect(visibleText(nav)).not.to.contain('parts read');
      expect(all(nav, '.read-mark').length).to.equal(0);
    });
    expect(calls).to.deep.equal([]);
    expect(sessionStorage.length).to.equal(0);
  });

  it('with remember="session", marks parts read in sessionStorage only', async () => {
    const localBefore = localStorage.length;
    const calls = await storageCalls(async () => {
      const nav = await mountLoaded(
        `<lantern-story-navigator src=${FEED} series="yoon-ha" part="3" mode="reader" remember="session"></lantern-story-navigator>`,
      );
      // Part 3 is warned: behind its "Show content" button it is not read yet.
      expect(text(shadow(nav, '.progress'))).to.equal('0 of 3 parts read');
      expectNone(partEntry(nav, 3).querySelector('.read-mark'));
      shadow<HTMLButtonElement>(nav, '.reading .reveal').click();
      await waitUntil(() => text(shadow(nav, '.progress')) === '1 of 3 parts read');
      expect(text(partEntry(nav, 3).querySelector('.read-mark'))).to.equal('✓ Read');
      expectNone(partEntry(nav, 1).querySelector('.read-mark'));
      const changed = nextEvent(nav, 'lantern-part-change');
      shadow<HTMLAnchorElement>(nav, '.pager a[rel="prev"]').click();
      await changed;
      // Part 2 is warned too.
      expect(text(shadow(nav, '.progress'))).to.equal('1 of 3 parts read');
      shadow<HTMLButtonElement>(nav, '.reading .reveal').click();
      await waitUntil(() => text(shadow(nav, '.progress')) === '2 of 3 parts read');
      await expectAxeClean(nav);
    });
    expect(calls.filter((c) => c.startsWith('local.'))).to.deep.equal([]);
    expect(
      JSON.parse(sessionStorage.getItem('lantern-parts-read:yoon-ha') ?? 'null'),
    ).to.deep.equal([2, 3]);
    expect(localStorage.length).to.equal(localBefore);

    // A navigator on another page of the same tab shows the progress.
    const later = await mountLoaded(
      `<lantern-story-navigator src=${FEED} series="yoon-ha" part="1" remember="session"></lantern-story-navigator>`,
    );
    expect(text(shadow(later, '.progress'))).to.equal('3 of 3 parts read');
  });

  it('with remember="session", a warned part shown and hidden again before its body is built is not read', async () => {
    const nav = await mountLoaded<LanternStoryNavigator>(
      `<lantern-story-navigator src=${FEED} series="yoon-ha" part="3" mode="reader" remember="session"></lantern-story-navigator>`,
    );
    const reveal = shadow<HTMLButtonElement>(nav, '.reading .reveal');
    reveal.click();
    reveal.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await nav.updateComplete;
    expect(text(shadow(nav, '.progress'))).to.equal('0 of 3 parts read');
    expect(sessionStorage.getItem('lantern-parts-read:yoon-ha')).to.equal(null);
    // Shown for good this time: read.
    shadow<HTMLButtonElement>(nav, '.reading .reveal').click();
    await waitUntil(() => text(shadow(nav, '.progress')) === '1 of 3 parts read');
    expect(
      JSON.parse(sessionStorage.getItem('lantern-parts-read:yoon-ha') ?? 'null'),
    ).to.deep.equal([3]);
  });

  it('with remember="session", "Show content" pressed while another part loads does not stop the move', async () => {
    const nav = await mountLoaded<LanternStoryNavigator>(
      `<lantern-story-navigator src=${FEED} series="yoon-ha" part="3" mode="reader" remember="session"></lantern-story-navigator>`,
    );
    const reveal = () => shadow<HTMLButtonElement>(nav, '.reading .reveal').click();
    reveal();
    await waitUntil(() => text(shadow(nav, '.progress')) === '1 of 3 parts read');
    reveal();
    await nav.updateComplete;
    const changed = nextEvent<LanternPartChangeDetail>(nav, 'lantern-part-change');
    (partEntry(nav, 1).querySelector('a') as HTMLAnchorElement).click();
    reveal();
    await changed;
    await nav.updateComplete;
    expect(text(shadow(nav, '.part-of'))).to.equal('Part 1 of 3');
    expect(text(shadow(nav, '.reading h3.title'))).to.equal('Part 1 - Growing up in North Korea');
    expect(location.hash).to.equal('#part-1');
  });

  it('given its feed up front, a part without a warning ends at its summary: no blank row', async () => {
    const feed = await (await fetch(FEED)).text();
    const nav = await mountLoaded<LanternStoryNavigator>(
      `<lantern-story-navigator style="width: 720px" item="yoon-ha-part-3" lang="en"><script type="application/feed+json">${feed}</script></lantern-story-navigator>`,
    );
    const first = all(nav, '.parts .text')[0]!;
    expect(text(first)).not.to.contain('Content warning');
    const blank =
      first.getBoundingClientRect().bottom - first.lastElementChild!.getBoundingClientRect().bottom;
    expect(Math.round(blank), 'blank under part 1').to.equal(0);
  });

  // On a phone the part titles and warnings wrap onto more lines than the skeleton reserves.
  it('reserves its final size while loading (desktop column)', async () => {
    const nav = mount<LanternStoryNavigator>(
      `<lantern-story-navigator style="width: 720px; font-family: 'DejaVu Sans', sans-serif" src="/test-server/feed/feed.json?key=nav-size-${Date.now()}&delay=700" item="yoon-ha-part-3" lang="en"></lantern-story-navigator>`,
    );
    await expectSizeKept(nav);
  });
});
