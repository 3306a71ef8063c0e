import { expect } from '@open-wc/testing';
import '../../src/define/article-card.js';
import type { LanternArticleCard } from '../../src/components/article-card/article-card.js';
import {
  cleanup,
  expectAxeClean,
  mount,
  mountLoaded,
  nextEvent,
  painted,
  shadow,
} from '../helpers.js';

/** An inline `<script type="application/feed+json">` holding `item`. */
function inlineItem(item: object): string {
  return `<script type="application/feed+json">${JSON.stringify(item)}</script>`;
}

const story = {
  id: 'x',
  url: 'https://example.org/x',
  title: 'Letters from the front',
  date_published: '2025-03-04T09:00:00Z',
  tags: ['Analysis'],
  content_html: `<p>${'The soldiers wrote home about the cold, the hunger and the long marches. '.repeat(12)}</p>`,
};

/** A card that never loads: it keeps showing its placeholder. */
function placeholder(attrs: string): LanternArticleCard {
  return mount<LanternArticleCard>(
    `<lantern-article-card ${attrs} src="/test-server/stall?card=${Math.random()}"></lantern-article-card>`,
  );
}

const height = (el: Element) => el.getBoundingClientRect().height;

/**
 * A card as a partner's page has it: in the page when its class arrives (upgraded in place, as
 * the snippet's element is when lantern.js runs), so it replaces the box lantern.css kept.
 */
async function inPage(markup: string): Promise<LanternArticleCard> {
  const container = mount('<div></div>');
  const loaded = nextEvent(container, 'lantern-load');
  container.innerHTML = markup;
  await loaded;
  const card = container.firstElementChild as LanternArticleCard;
  await card.updateComplete;
  return card;
}

describe('<lantern-article-card> with the items real feeds carry', () => {
  afterEach(() => {
    cleanup();
    window.scrollTo(0, 0);
  });

  for (const [layout, width] of [
    ['vertical', 360],
    ['vertical', 640],
    ['horizontal', 320],
    ['horizontal', 760],
  ] as const) {
    it(`no image, in view: the picture's box stays, empty and unheard, and the card keeps its placeholder's size (${layout}, ${width} px)`, async () => {
      const style = `style="width: ${width}px" layout=${layout}`;
      // At the top of the page: it replaces the box lantern.css kept for it, in view.
      const card = await inPage(
        `<lantern-article-card ${style} lang="en">${inlineItem(story)}</lantern-article-card>`,
      );
      const waiting = placeholder(style);
      await waiting.updateComplete;
      expect(card.shadowRoot!.querySelector('figure, img')).to.equal(null);
      expect(shadow(card, '.media').getAttribute('aria-hidden')).to.equal('true');
      expect(waiting.shadowRoot!.querySelector('.skeleton')).to.not.equal(null);
      await painted();
      expect(
        Math.abs(height(card) - height(waiting)),
        `${height(waiting)} → ${height(card)}`,
      ).to.be.at.most(2);
      // No blank under the text: the summary's three lines, then the card's own padding.
      const summary = shadow(card, '.summary');
      const below = card.getBoundingClientRect().bottom - summary.getBoundingClientRect().bottom;
      expect(below, 'blank below the summary').to.be.at.most(20);
      await expectAxeClean(card);
    });
  }

  it('no image and a one-line summary, in view: no blank under the text (the picture box takes the room)', async () => {
    const card = await inPage(
      `<lantern-article-card style="width: 640px" lang="en">${inlineItem({ ...story, content_html: undefined, summary: 'One line.' })}</lantern-article-card>`,
    );
    await painted();
    // Where the text a reader sees ends, not the summary's box: below it, at most the two
    // more lines every summary reserves (as its placeholder drew) and the card's padding.
    const range = document.createRange();
    range.selectNodeContents(shadow(card, '.summary'));
    const blank = card.getBoundingClientRect().bottom - range.getBoundingClientRect().bottom;
    expect(blank, 'blank below the last line').to.be.at.most(90);
  });

  it('no image, below the screen: the card ends after its text (nothing in view can move)', async () => {
    mount('<div style="height: 150vh"></div>');
    const card = await inPage(
      `<lantern-article-card style="width: 640px" lang="en">${inlineItem(story)}</lantern-article-card>`,
    );
    expect(card.getBoundingClientRect().top).to.be.above(innerHeight);
    card.scrollIntoView();
    await painted();
    const waiting = placeholder('style="width: 640px"');
    await waiting.updateComplete;
    await painted();
    // Three lines of summary, as beside a picture, and the card's own padding below them.
    const summary = shadow(card, '.summary');
    const line = parseFloat(getComputedStyle(summary).lineHeight);
    expect(height(summary) / line).to.be.closeTo(3, 0.05);
    const below = card.getBoundingClientRect().bottom - summary.getBoundingClientRect().bottom;
    expect(below, 'blank below the summary').to.be.at.most(20);
    // The picture's room at 640 px is 360 px: it is not kept.
    expect(height(waiting) - height(card)).to.be.above(300);
    expect(card.matches(':state(text-only)')).to.equal(true);
  });

  it('no image, given as an object to a card not yet drawn: no box replaced, no room kept', async () => {
    const card = document.createElement('lantern-article-card') as LanternArticleCard;
    card.item = story as LanternArticleCard['item'];
    card.style.width = '640px';
    const loaded = nextEvent(card, 'lantern-load');
    mount('<div></div>').append(card);
    await loaded;
    await painted();
    expect(card.shadowRoot!.querySelector('.media')).to.equal(null);
    expect(height(shadow(card, '.summary'))).to.be.below(100);
  });

  it('hide-images: no room kept for a picture (its placeholder had none either)', async () => {
    const waiting = placeholder('style="width: 360px" hide-images');
    await waiting.updateComplete;
    const card = await mountLoaded<LanternArticleCard>(
      `<lantern-article-card style="width: 360px" hide-images>${inlineItem({ ...story, image: `${location.origin}/test-server/status/404?img=hidden` })}</lantern-article-card>`,
    );
    expect(card.shadowRoot!.querySelector('.text-only, img')).to.equal(null);
    await painted();
    expect(Math.abs(height(card) - height(waiting))).to.be.at.most(2);
  });

  it('an image that fails to load leaves its box empty: no broken image, the card keeps its size', async () => {
    const card = await mountLoaded<LanternArticleCard>(
      `<lantern-article-card style="width: 360px">${inlineItem({ ...story, image: `${location.origin}/test-server/status/404?img=${Math.random()}` })}</lantern-article-card>`,
    );
    // Eager: a test tab may never load a lazy image. It may have failed already.
    const img = card.shadowRoot!.querySelector('img');
    if (img) img.loading = 'eager';
    for (let i = 0; i < 50 && card.shadowRoot!.querySelector('img'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await card.updateComplete;
    expect(card.shadowRoot!.querySelector('figure, img')).to.equal(null);
    // In view when it failed: the picture's box stays, empty, and the card keeps its size.
    expect(shadow(card, '.media[aria-hidden="true"] .media-frame:not(.placeholder)')).to.not.equal(
      null,
    );
    const waiting = placeholder('style="width: 360px"');
    await waiting.updateComplete;
    await painted();
    expect(Math.abs(height(card) - height(waiting))).to.be.at.most(2);
  });

  it('no summary: an excerpt of the body, as plain text cut on a word', async () => {
    const card = await mountLoaded<LanternArticleCard>(
      `<lantern-article-card>${inlineItem({
        ...story,
        content_html:
          '<p>Within ten short years, the United States saw the unfolding of [&#8230;]</p>\n<p>The post <a href="/x">Letters</a> appeared first on <a href="/">A Blog</a>.</p>',
      })}</lantern-article-card>`,
    );
    expect(shadow(card, '.summary').textContent?.trim()).to.equal(
      'Within ten short years, the United States saw the unfolding of…',
    );
    const long = await mountLoaded<LanternArticleCard>(
      `<lantern-article-card>${inlineItem(story)}</lantern-article-card>`,
    );
    const excerpt = shadow(long, '.summary').textContent!.trim();
    expect(excerpt).to.match(/^The soldiers wrote home about the cold,/);
    expect(excerpt).to.match(/[a-z,.]…$/);
    expect(excerpt.length).to.be.below(story.content_html.length / 2);
  });

  it('a title and a summary far past what a card shows are cut for everyone, on a word', async () => {
    // Laying out 10,000 characters of mixed scripts cost a card about 70 ms; six in a list, 0.5 s.
    const card = await mountLoaded<LanternArticleCard>(
      `<lantern-article-card>${inlineItem({
        ...story,
        title: 'שלום world '.repeat(300),
        summary: 'בוקר morning '.repeat(900),
      })}</lantern-article-card>`,
    );
    const title = shadow(card, '.title a').textContent!.trim();
    const summary = shadow(card, '.summary').textContent!.trim();
    expect(title).to.match(/^שלום world שלום/);
    expect(title).to.match(/[a-zא-ת]…$/);
    expect(title.length).to.be.within(800, 1_001);
    expect(summary).to.match(/^בוקר morning/);
    expect(summary.length).to.be.within(600, 801);
  });

  it('no title: the link is named by the date (not repeated below), else by the opening words', async () => {
    const untitled = {
      ...story,
      title: undefined,
      content_html: '<p>Lost about 6/7 hours after the Mac went bananas. Back up now.</p>',
    };
    const card = await mountLoaded<LanternArticleCard>(
      `<lantern-article-card lang="en">${inlineItem(untitled)}</lantern-article-card>`,
    );
    const link = shadow<HTMLAnchorElement>(card, '.title a');
    expect(link.textContent?.trim()).to.equal('March 4, 2025');
    expect(link.querySelector('time')?.getAttribute('datetime')).to.equal(story.date_published);
    expect(card.shadowRoot!.querySelectorAll('time')).to.have.length(1);
    expect(shadow(card, '.summary').textContent?.trim()).to.equal(
      'Lost about 6/7 hours after the Mac went bananas. Back up now.',
    );
    await expectAxeClean(card);

    const undated = await mountLoaded<LanternArticleCard>(
      `<lantern-article-card lang="en">${inlineItem({ ...untitled, date_published: undefined, content_html: `<p>${'An untitled note about a long day at the office, '.repeat(4)}</p>` })}</lantern-article-card>`,
    );
    const opening = shadow<HTMLAnchorElement>(undated, '.title a').textContent!.trim();
    expect(opening).to.match(
      /^An untitled note about a long day at the office, An untitled note about a long…$/,
    );
    await expectAxeClean(undated);

    // A photo post with neither text nor date still has a named link: its address.
    const bare = await mountLoaded<LanternArticleCard>(
      `<lantern-article-card lang="en">${inlineItem({ id: 'p', url: 'https://example.org/p', content_html: '<p><img src="p.jpg"></p>' })}</lantern-article-card>`,
    );
    expect(shadow(bare, '.title a').textContent?.trim()).to.equal('https://example.org/p');
  });

  it('the image still goes out with no referrer, set before its address', async () => {
    const loaded = nextEvent(document.body, 'lantern-load');
    const card = mount<LanternArticleCard>(
      `<lantern-article-card>${inlineItem({ ...story, image: `${location.origin}/test-server/stall?img=${Math.random()}` })}</lantern-article-card>`,
    );
    await loaded;
    const img = shadow<HTMLImageElement>(card, 'img');
    expect(img.referrerPolicy).to.equal('no-referrer');
    expect([...img.attributes].map((a) => a.name).indexOf('referrerpolicy')).to.be.below(
      [...img.attributes].map((a) => a.name).indexOf('src'),
    );
  });
});
