// Every field read, as the content API (lantern-widgets/content) reads them: attachments,
// `_lantern.report` and `_lantern.series` too (the widgets' entries leave those to their code).
import '../../src/content/index.js';
import { expect } from '@open-wc/testing';
import '../../src/define/article-list.js';
import type { LanternArticleCard } from '../../src/components/article-card/article-card.js';
import { clearFeedCache, loadFeed } from '../../src/content/load.js';
import { cleanup, expectAxeClean, mountLoaded } from '../helpers.js';

// The small RSS and Atom feeds the stories and the preview use (demo/rss/), read as a partner's
// list would: what each card shows.
const RSS = '/demo/rss/partner-blog.rss.xml';
const ATOM = '/demo/rss/field-notes.atom.xml';

async function cardsOf(src: string): Promise<LanternArticleCard[]> {
  const list = await mountLoaded(
    `<lantern-article-list src="${src}" limit="6" lang="en" style="width: 360px"></lantern-article-list>`,
  );
  const cards = Array.from(
    list.shadowRoot!.querySelectorAll<LanternArticleCard>('lantern-article-card'),
  );
  await Promise.all(cards.map((card) => card.updateComplete));
  return cards;
}

const text = (card: Element, selector: string) =>
  card.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('the demo RSS and Atom feeds (demo/rss/)', () => {
  afterEach(() => {
    cleanup();
    clearFeedCache();
  });

  it('RSS: every item is read, with its image, attachment, excerpt and name', async () => {
    const { feed, warnings } = await loadFeed(RSS);
    expect(warnings).to.deep.equal([]);
    expect(feed.items).to.have.length(5);
    expect(feed.items[0]!.image).to.match(/\/demo\/images\/soldiers\.svg$/);
    expect(feed.items[4]!.attachments?.[0]?.url).to.match(/\/demo\/files\/.+\.pdf$/);

    const cards = await cardsOf(RSS);
    expect(cards).to.have.length(5);
    expect(text(cards[0]!, '.title a')).to.equal('North Korean Soldiers in the Russia-Ukraine War');
    // No image, no summary: an excerpt without WordPress's footer, and no picture box.
    expect(cards[1]!.shadowRoot!.querySelector('.media')).to.equal(null);
    expect(text(cards[1]!, '.summary')).to.match(/^She remembers the river/);
    expect(text(cards[1]!, '.summary')).to.not.contain('appeared first on');
    // Untitled: named by its date.
    expect(text(cards[2]!, '.title a')).to.equal('February 12, 2025');
    expect(text(cards[2]!, '.summary')).to.match(/^Thank you to everyone/);
    expect(text(cards[3]!, '.summary')).to.match(/^서울에 도착한 지 일 년/);
    await expectAxeClean(cards[2]!);
  });

  it('Atom: relative xml:base, html/xhtml/text content, a missing image, an empty title', async () => {
    const { feed, warnings } = await loadFeed(ATOM);
    expect(warnings).to.deep.equal([]);
    expect(feed.items).to.have.length(4);
    expect(feed.items[0]!.image).to.match(/\/demo\/images\/journey\.svg$/);

    const cards = await cardsOf(ATOM);
    expect(text(cards[0]!, '.summary')).to.match(/^From the Tumen river/);
    expect(text(cards[1]!, '.title a')).to.equal('Letters & lessons from a night school');
    expect(text(cards[1]!, '.summary')).to.match(/^The night school meets .* how to open a bank/);
    expect(text(cards[2]!, '.summary')).to.match(/^Training for new volunteers/);
    expect(text(cards[3]!, '.title a')).to.equal('January 28, 2025');

    // The image that does not exist: its box collapses once it fails.
    const missing = cards[2]!;
    const img = missing.shadowRoot!.querySelector('img');
    if (img) img.loading = 'eager';
    for (let i = 0; i < 50 && missing.shadowRoot!.querySelector('img'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(missing.shadowRoot!.querySelector('.media, img')).to.equal(null);
    // Below the screen when it failed: the card ends after its text, keeping no picture's room.
    expect(missing.getBoundingClientRect().top).to.be.above(innerHeight);
    expect(missing.matches(':state(text-only)')).to.equal(true);
    expect(missing.shadowRoot!.querySelector('.room')).to.equal(null);
  });
});
