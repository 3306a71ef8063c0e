import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/article-card.js';
import type { LanternArticleCard } from '../../src/components/article-card/article-card.js';
import { pendingFeedRequests } from '../../src/content/load.js';
import {
  cleanup,
  drawnText,
  expectAxeClean,
  expectSizeKept,
  mount,
  mountLoaded,
  nextEvent,
  painted,
  shadow,
  visibleText,
  voices,
} from '../helpers.js';

const FEED = '/demo/feed.json';
const ARTICLE_URL =
  'https://example.org/lantern-demo/articles/north-korean-soldiers-in-russia-ukraine-war';

let unique = 0;
/** A URL no other test (or earlier run in this page) has used, so no cache is involved. */
function fresh(path: string, extra = ''): string {
  unique += 1;
  return `${path}?key=card-${Date.now()}-${unique}${extra}`;
}

/** An inline `<script type="application/feed+json">` holding `item`. */
function inlineItem(item: object): string {
  return `<script type="application/feed+json">${JSON.stringify(item)}</script>`;
}

async function requestCount(key: string): Promise<number> {
  const response = await fetch(`/test-server/count/feed?key=${encodeURIComponent(key)}`);
  return ((await response.json()) as { count: number }).count;
}

/** The element's size in the frame a reader sees. */
async function size(el: Element): Promise<{ width: number; height: number }> {
  await painted();
  const { width, height } = el.getBoundingClientRect();
  return { width, height };
}

/** Words of filler prose, for reading-time checks. */
function words(count: number): string {
  return Array.from({ length: count }, (_, i) => `word${i}`).join(' ');
}

describe('<lantern-article-card>', () => {
  afterEach(cleanup);

  it('shows the title as a real link to the article', async () => {
    const card = await mountLoaded(`<lantern-article-card src=${FEED}></lantern-article-card>`);
    const link = shadow<HTMLAnchorElement>(card, '.title a');
    expect(link.textContent?.trim()).to.equal('North Korean Soldiers in Russia-Ukraine War');
    expect(link.getAttribute('href')).to.equal(ARTICLE_URL);
    expect(shadow(card, '.title').localName).to.equal('h2');
    await expectAxeClean(card);
  });

  it('shows the image with its alt text and credit, tags, byline and reading time', async () => {
    const card = await mountLoaded(`<lantern-article-card src=${FEED}></lantern-article-card>`);
    const img = shadow<HTMLImageElement>(card, 'img');
    expect(img.alt).to.equal('Illustration: a low sun over dark hills.');
    expect(img.src).to.match(/\/demo\/images\/soldiers\.svg$/);
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(shadow(card, 'figcaption').textContent?.trim()).to.equal(
      'Photo: Lantern demo illustration',
    );
    expect(drawnText(shadow(card, '.tags'))).to.equal('Analysis · North Korean military · POWs');
    expect(shadow(card, '.byline').textContent?.trim()).to.equal('By Sokeel Park');
    expect(shadow(card, '.dateline time').textContent).to.equal('March 4, 2025');
    expect(visibleText(shadow(card, '.dateline'))).to.equal('March 4, 2025 3 min read');
  });

  it('renders again when the inline feed script is rewritten after upgrade', async () => {
    const card = await mountLoaded(
      `<lantern-article-card>${inlineItem({ id: 'a', title: 'First draft', url: 'https://example.org/a' })}</lantern-article-card>`,
    );
    expect(shadow(card, '.title a').textContent?.trim()).to.equal('First draft');
    const reloaded = nextEvent(card, 'lantern-load');
    card.querySelector('script')!.textContent = JSON.stringify({
      id: 'a',
      title: 'Second draft',
      url: 'https://example.org/a2',
    });
    await reloaded;
    await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const link = shadow<HTMLAnchorElement>(card, '.title a');
    expect(link.textContent?.trim()).to.equal('Second draft');
    expect(link.getAttribute('href')).to.equal('https://example.org/a2');
  });

  it('in Korean, the interface is read in Korean and the English story in English', async () => {
    const card = await mountLoaded(
      `<div lang="ko"><lantern-article-card src=${FEED} style="width: 360px"></lantern-article-card></div>`,
    ).then((div) => div.querySelector('lantern-article-card') as LanternArticleCard);
    const heard = voices(card);
    const korean = heard.filter((h) => /[가-힣]/.test(h.text));
    // The credit's label, the byline's, the date and the reading time.
    expect(korean.length, JSON.stringify(heard)).to.be.at.least(3);
    expect(korean.filter((h) => h.lang !== 'ko')).to.deep.equal([]);
    expect(heard.find((h) => h.text.startsWith('North Korean Soldiers'))?.lang).to.equal('en');
    // The names after the labels are the story's own words too ("글: " before an English name).
    for (const words of ['Sokeel Park', 'Lantern demo illustration']) {
      expect(heard.find((h) => h.text === words)?.lang, words).to.equal('en');
    }
    // The picture's description is the story's own text.
    expect(shadow(card, 'img').closest('[lang]')!.getAttribute('lang')).to.equal('en');
  });

  it('on a right-to-left page reads left to right, and a story in Arabic right to left', async () => {
    const item: Record<string, unknown> = {
      id: 'x',
      url: 'https://example.org/x',
      language: 'ar',
      title: 'تقرير',
      summary: 'شهادات اللاجئين.',
      authors: [{ name: 'Jane Doe' }],
    };
    const card = await mountLoaded(
      `<div dir="rtl" lang="ar"><lantern-article-card style="width: 360px">${inlineItem(item)}</lantern-article-card></div>`,
    ).then((div) => div.querySelector('lantern-article-card') as LanternArticleCard);
    /** Where the character `char` in `el`'s text is drawn. */
    const at = (el: Element, char: string): DOMRect => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const index = node.data.indexOf(char);
        if (index === -1) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + char.length);
        return range.getBoundingClientRect();
      }
      throw new Error(`no ${char} in ${el.textContent}`);
    };
    // The English byline starts at the left of the card's text, as on any page.
    const byline = shadow(card, '.byline');
    expect(byline.textContent?.trim()).to.equal('By Jane Doe');
    expect(at(byline, 'B').left - shadow(card, '.meta').getBoundingClientRect().left).to.be.below(
      1,
    );
    // The Arabic summary runs right to left: its full stop ends it on the left.
    const summary = shadow(card, '.summary');
    expect(at(summary, '.').right).to.be.at.most(at(summary, 'ش').left);
    expect(at(summary, 'ش').right).to.be.closeTo(summary.getBoundingClientRect().right, 1);
    // So does an Arabic story whose feed names no language (many RSS feeds), title included.
    item.language = undefined;
    item.id = 'y';
    card.item = { ...item } as unknown as LanternArticleCard['item'];
    await card.updateComplete;
    const untagged = shadow(card, '.summary');
    expect(at(untagged, '.').right).to.be.at.most(at(untagged, 'ش').left);
    const title = shadow(card, '.title');
    expect(at(title, 'ت').right).to.be.closeTo(title.getBoundingClientRect().right, 1);
  });

  it('formats the date in English and in Korean', async () => {
    const en = await mountLoaded(
      `<lantern-article-card src=${FEED} lang="en"></lantern-article-card>`,
    );
    expect(visibleText(en)).to.contain('March 4, 2025');
    expect(shadow(en, 'time').getAttribute('datetime')).to.equal('2025-03-04T09:00:00+09:00');
    await expectAxeClean(en);
    const ko = await mountLoaded(
      `<div lang="ko"><lantern-article-card src=${FEED}></lantern-article-card></div>`,
    );
    const koCard = ko.querySelector('lantern-article-card')!;
    expect(visibleText(koCard)).to.contain('2025년 3월 4일');
    expect(visibleText(koCard)).to.contain('3분 분량');
    expect(visibleText(koCard)).to.contain('글: Sokeel Park');
    await expectAxeClean(koCard);
  });

  it('estimates reading time from the body, in words for English and characters for Korean', async () => {
    const short = await mountLoaded(
      `<lantern-article-card>${inlineItem({ id: 'a', title: 'Short', url: 'https://example.org/a', content_text: 'One line.' })}</lantern-article-card>`,
    );
    expect(visibleText(shadow(short, '.dateline'))).to.equal('1 min read');
    const long = await mountLoaded(
      `<lantern-article-card>${inlineItem({ id: 'b', title: 'Long', url: 'https://example.org/b', _lantern: { content_markdown: words(920) } })}</lantern-article-card>`,
    );
    expect(visibleText(shadow(long, '.dateline'))).to.equal('4 min read');
    const korean = await mountLoaded(
      `<lantern-article-card lang="ko">${inlineItem({ id: 'c', title: '긴 글', url: 'https://example.org/c', language: 'ko', content_text: '가나다라마 '.repeat(300) })}</lantern-article-card>`,
    );
    expect(visibleText(shadow(korean, '.dateline'))).to.equal('3분 분량');
    const linkOut = await mountLoaded(
      `<lantern-article-card>${inlineItem({ id: 'd', title: 'Link out', url: 'https://example.org/d', summary: 'Only a summary.' })}</lantern-article-card>`,
    );
    expect(visibleText(shadow(linkOut, '.dateline'))).to.not.contain('min read');
    await expectAxeClean(long);
  });

  it('shows the content warning before the summary, and the pseudonym note', async () => {
    // reveal-warned: the summary is shown at once, under the warning (the gate has its own tests).
    const card = await mountLoaded(
      `<lantern-article-card src=${FEED} item="yoon-ha-part-3" reveal-warned></lantern-article-card>`,
    );
    const warning = shadow(card, '.content-warning');
    const summary = shadow(card, '.summary');
    expect(visibleText(warning)).to.equal(
      'Content warning: Mentions a dangerous pregnancy and fear of the police.',
    );
    expect(warning.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).to.equal(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(warning.getAttribute('role')).to.equal('note');
    expect(shadow(card, '.note').textContent?.trim()).to.equal('Name changed for safety');
    await expectAxeClean(card);

    const ko = await mountLoaded(
      `<lantern-article-card src=${FEED} item="yoon-ha-part-3" lang="ko"></lantern-article-card>`,
    );
    expect(visibleText(shadow(ko, '.content-warning'))).to.match(/^콘텐츠 경고: Mentions/);
    expect(shadow(ko, '.note').textContent?.trim()).to.equal('안전을 위해 이름을 바꾸었습니다');
    await expectAxeClean(ko);
  });

  it('shows no image and requests none under hide-images or _lantern.hide_images', async () => {
    // The test server counts every request to /test-server/feed/…?key=K, images included.
    // Absolute: an inline item has no base for relative image URLs.
    const image = (name: string) =>
      `${location.origin}/test-server/feed/feed.json?key=${name}-${Date.now()}`;
    const requests = async (url: string) =>
      requestCount(new URL(url, location.href).searchParams.get('key')!);
    const item = (img: string, extra = {}) => ({
      id: 'x',
      title: 'A story',
      url: 'https://example.org/x',
      image: img,
      _lantern: { image_alt: 'A path', ...extra },
    });

    // Control: the same item without hide-images does make the request. (Eager, because a
    // test page running in a background tab never loads lazy images.)
    const shownUrl = image('img-shown');
    const shown = await mountLoaded(
      `<lantern-article-card>${inlineItem(item(shownUrl))}</lantern-article-card>`,
    );
    shadow<HTMLImageElement>(shown, 'img').loading = 'eager';
    for (let i = 0; i < 50 && (await requests(shownUrl)) === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await requests(shownUrl), 'control: a card with an image requests it').to.equal(1);

    const hiddenUrl = image('img-attr');
    const hidden = await mountLoaded(
      `<lantern-article-card hide-images>${inlineItem(item(hiddenUrl))}</lantern-article-card>`,
    );
    const perItemUrl = image('img-item');
    const perItem = await mountLoaded(
      `<lantern-article-card>${inlineItem(item(perItemUrl, { hide_images: true }))}</lantern-article-card>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const card of [hidden, perItem]) {
      expect(card.shadowRoot!.querySelector('img') === null).to.equal(true);
      expect(card.shadowRoot!.querySelector('figure') === null).to.equal(true);
      expect(visibleText(card)).to.contain('A story');
      await expectAxeClean(card);
    }
    expect(await requests(hiddenUrl)).to.equal(0);
    expect(await requests(perItemUrl)).to.equal(0);
  });

  it('gives the image its aspect ratio before it loads', async () => {
    const card = await mountLoaded(
      `<div style="width: 400px"><lantern-article-card>${inlineItem({ id: 'x', title: 'Slow image', url: 'https://example.org/x', image: `${location.origin}/test-server/stall?img=1` })}</lantern-article-card></div>`,
    );
    const img = shadow(card.querySelector('lantern-article-card')!, 'img');
    const { width, height } = await size(img);
    expect(width).to.be.closeTo(398, 1);
    expect(height).to.be.closeTo((398 * 9) / 16, 1);
  });

  for (const [label, viewport, layout] of [
    ['phone', 375, 'vertical'],
    ['phone', 375, 'horizontal'],
    ['phone', 375, 'compact'],
    ['desktop', 1280, 'vertical'],
    ['desktop', 1280, 'horizontal'],
    ['desktop', 1280, 'compact'],
  ] as const) {
    it(`reserves its final size while loading (${label}, ${layout})`, async () => {
      await setViewport({ width: viewport, height: 900 });
      try {
        // On a desktop page a card usually sits in a column; on a phone it takes the width.
        const width = viewport > 600 ? (layout === 'horizontal' ? '760px' : '360px') : 'auto';
        const card = mount<LanternArticleCard>(
          `<lantern-article-card style="width: ${width}" layout=${layout} src="${fresh('/test-server/feed/feed.json', '&delay=700')}"></lantern-article-card>`,
        );
        await expectSizeKept(card, () => expectAxeClean(card));
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('clamps a very long title and summary', async () => {
    const long = 'A very long title about many things '.repeat(12);
    const card = await mountLoaded(
      // With a picture (one that never arrives): the summary has its three lines.
      `<div style="width: 320px"><lantern-article-card>${inlineItem({ id: 'x', url: 'https://example.org/x', title: long, summary: long, image: `${location.origin}/test-server/stall?img=clamp` })}</lantern-article-card></div>`,
    );
    const el = card.querySelector('lantern-article-card')!;
    const title = shadow(el, '.title');
    const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
    expect(title.getBoundingClientRect().height).to.be.closeTo(lineHeight * 3, 2);
    expect(title.scrollHeight).to.be.greaterThan(title.clientHeight);
    const summary = shadow(el, '.summary');
    expect(summary.getBoundingClientRect().height).to.be.closeTo(
      parseFloat(getComputedStyle(summary).lineHeight) * 3,
      2,
    );
    // The whole title is still in the link, for screen readers and search.
    expect(shadow(el, '.title a').textContent).to.equal(long.trim());
    await expectAxeClean(el);
  });

  it('shows its whole title, tags, byline, date line and credit in a window 20em wide (a phone at 200% zoom)', async () => {
    const item = {
      id: 'x',
      url: 'https://example.org/x',
      title: "Yoon Ha's Story: Part 3 - Making it to South Korea",
      // Each too long for one line at 320 px: clamped or kept on one line, it would be cut.
      tags: ['Refugee stories', 'North Korea', 'Testimonies', 'Escape'],
      authors: [{ name: 'Yoon Ha' }, { name: 'The North Korean Documentation Centre' }],
      date_published: '2025-02-20T09:00:00Z',
      content_text: 'word '.repeat(600),
      // A picture that never arrives: its credit line is drawn all the same.
      image: `${location.origin}/test-server/stall?img=reflow`,
      _lantern: { image_credit: 'Lantern demo illustration, drawn for this story by the centre' },
    };
    /** Per part, the pixels of its text cut off (below its lines, or past its end). */
    const cutAt = async (width: number) => {
      cleanup();
      await setViewport({ width, height: 900 });
      const card = await mountLoaded(
        `<lantern-article-card>${inlineItem(item)}</lantern-article-card>`,
      );
      return Object.fromEntries(
        ['.title', '.tags', '.byline', '.dateline', '.credit'].map((part) => {
          const el = shadow(card, part);
          const box = el.getBoundingClientRect();
          const text = document.createRange();
          text.selectNodeContents(el);
          const drawn = text.getBoundingClientRect();
          return [part, Math.round(Math.max(drawn.bottom - box.bottom, drawn.right - box.right))];
        }),
      );
    };
    try {
      // 160 CSS px: a 320 px phone at 200% zoom; 320 px: WCAG's reflow width, 20em. Every line
      // of each is drawn.
      for (const width of [160, 320]) {
        const narrow = await cutAt(width);
        for (const [part, cut] of Object.entries(narrow)) {
          expect(cut, `${part} cut at ${width} px: ${JSON.stringify(narrow)}`).to.be.at.most(1);
        }
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('breaks Korean text between words, not inside them', async () => {
    const card = await mountLoaded(
      `<lantern-article-card lang="ko">${inlineItem({ id: 'x', url: 'https://example.org/x', language: 'ko', title: '북한 군인들의 이야기와 인권 침해 보고서', summary: '탈북민의 증언' })}</lantern-article-card>`,
    );
    expect(getComputedStyle(shadow(card, '.title a')).wordBreak).to.equal('keep-all');
    expect(getComputedStyle(shadow(card, '.summary')).wordBreak).to.equal('keep-all');
    expect(shadow(card, '.summary').getAttribute('lang')).to.equal('ko');
  });

  it('shows an error, its fallback link and "Try again" on a 404, and fires lantern-error', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const container = document.createElement('div');
      container.className = 'test-container';
      const failed = nextEvent<{ kind: string; status: number }>(container, 'lantern-error');
      container.innerHTML = `<lantern-article-card src="/test-server/status/404"><a href="${ARTICLE_URL}">Read the article</a></lantern-article-card>`;
      document.body.append(container);
      const event = await failed;
      const card = container.firstElementChild as LanternArticleCard;
      await card.updateComplete;
      expect(event.detail.kind).to.equal('http');
      expect(event.detail.status).to.equal(404);
      expect(visibleText(card)).to.contain('This content could not be shown.');
      expect(visibleText(card)).to.contain('The feed was not found (HTTP 404).');
      expect(shadow(card, 'button').textContent?.trim()).to.equal('Try again');
      const slot = shadow<HTMLSlotElement>(card, 'slot');
      expect(slot.assignedElements()[0]?.getAttribute('href')).to.equal(ARTICLE_URL);
      expect(warnings.join('\n')).to.contain('HTTP 404');
      await expectAxeClean(card);
    } finally {
      console.warn = warn;
    }
  });

  it('tries again when asked and moves focus to the title', async () => {
    const key = `card-retry-${Date.now()}`;
    const warn = console.warn;
    console.warn = () => {};
    try {
      const card = await mountLoaded<LanternArticleCard>(
        `<lantern-article-card src="/test-server/flaky?key=${key}"></lantern-article-card>`,
      );
      expect(visibleText(card)).to.contain('HTTP 503');
      await fetch(`/test-server/flaky-up?key=${key}`);
      const loaded = nextEvent(card, 'lantern-load');
      shadow<HTMLButtonElement>(card, 'button').click();
      await loaded;
      await card.updateComplete;
      expect(
        card.shadowRoot!.activeElement === shadow(card, '.title a'),
        'focus on the title',
      ).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });

  it('after "Try again", leaves focus where the reader moved it while it loaded', async () => {
    const key = `card-retry-away-${Date.now()}`;
    const warn = console.warn;
    console.warn = () => {};
    try {
      const card = await mountLoaded<LanternArticleCard>(
        `<lantern-article-card src="/test-server/flaky?key=${key}"></lantern-article-card>`,
      );
      const input = document.createElement('input');
      input.setAttribute('aria-label', 'Search');
      card.after(input);
      // It fails again, then it loads: both times the reader is typing elsewhere.
      for (const up of [false, true]) {
        if (up) await fetch(`/test-server/flaky-up?key=${key}`);
        const settled = nextEvent(card, up ? 'lantern-load' : 'lantern-error');
        const button = shadow<HTMLButtonElement>(card, 'button');
        button.focus();
        button.click();
        input.focus();
        await settled;
        await card.updateComplete;
        expect(document.activeElement === input, `focus stays in the input (${up})`).to.equal(true);
      }
      input.remove();
    } finally {
      console.warn = warn;
    }
  });

  it('renders another item when `item` changes, and drops the old request when `src` does', async () => {
    const card = await mountLoaded<LanternArticleCard>(
      `<lantern-article-card src=${FEED}></lantern-article-card>`,
    );
    let loaded = nextEvent(card, 'lantern-load');
    card.setAttribute('item', 'yoon-ha-part-2');
    await loaded;
    await card.updateComplete;
    expect(shadow(card, '.title a').textContent).to.equal(
      "Yoon Ha's Story: Part 2 - Trafficked in China",
    );
    await expectAxeClean(card);

    let errors = 0;
    card.addEventListener('lantern-error', () => errors++);
    card.src = fresh('/test-server/feed/feed.json', '&delay=3000');
    await card.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pendingFeedRequests()).to.equal(1);
    loaded = nextEvent(card, 'lantern-load');
    card.src = fresh('/test-server/feed/feed.json');
    await loaded;
    expect(pendingFeedRequests(), 'the slow request was aborted').to.equal(0);
    expect(errors).to.equal(0);
    expect(shadow(card, '.title a').textContent).to.equal(
      "Yoon Ha's Story: Part 2 - Trafficked in China",
    );
  });

  it('takes the .item property before the inline feed, and the inline feed before src', async () => {
    const card = await mountLoaded<LanternArticleCard>(
      `<lantern-article-card src=${FEED}>${inlineItem({ id: 'inline', title: 'Inline story', url: 'https://example.org/inline' })}</lantern-article-card>`,
    );
    expect(shadow(card, '.title a').textContent).to.equal('Inline story');
    const loaded = nextEvent(card, 'lantern-load');
    card.item = { id: 'prop', title: 'Property story', url: 'https://example.org/prop' };
    await loaded;
    await card.updateComplete;
    expect(shadow(card, '.title a').textContent).to.equal('Property story');
  });

  it('keeps the card in its dark theme readable', async () => {
    const card = await mountLoaded(
      `<lantern-article-card src=${FEED} theme="dark" item="yoon-ha-part-3"></lantern-article-card>`,
    );
    expect(getComputedStyle(card).colorScheme).to.equal('dark');
    await expectAxeClean(card);
  });
});
