import { expect } from '@open-wc/testing';
import '../../src/define/article-list.js';
import type { LanternArticleCard } from '../../src/components/article-card/article-card.js';
import { clearFeedCache } from '../../src/content/load.js';
import type { FeedItem } from '../../src/content/types.js';
import { cleanup, mountLoaded } from '../helpers.js';

// What a person sees in a list of 6 from every real feed, JSON Feed and RSS/Atom alike, read
// where the feeds lie (../shared/realworld-feeds, served by the test server), never copied in.
async function listing(path: string): Promise<string[]> {
  const response = await fetch(path);
  return response.ok ? ((await response.json()) as string[]) : [];
}
const feeds = [
  ...(await listing('/test-server/realworld/')).map((name) => `/test-server/realworld/${name}`),
  ...(await listing('/test-server/realworld-xml/')).map(
    (name) => `/test-server/realworld-xml/${name}`,
  ),
];

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The words a reader of the item's own page would see: summary, else the body's text. */
function itemText(item: FeedItem): string {
  if (item.summary?.trim()) return squash(item.summary);
  const html = item.content_html ?? item._lantern?.content_markdown;
  if (html) return squash(new DOMParser().parseFromString(html, 'text/html').body.textContent);
  return squash(item.content_text);
}

/** The name a screen reader gives a link: its text, or its label, or its images' alt text. */
function linkName(link: HTMLAnchorElement): string {
  const alts = Array.from(link.querySelectorAll('img'), (img) => img.alt).join(' ');
  return squash(link.getAttribute('aria-label') || `${link.textContent} ${alts}`);
}

/** Lets every image load or fail (eagerly: a test tab may never load lazy ones), for up to 5 s. */
async function settleImages(cards: LanternArticleCard[]): Promise<void> {
  const images = cards.flatMap((card) => Array.from(card.shadowRoot!.querySelectorAll('img')));
  for (const img of images) img.loading = 'eager';
  await Promise.race([
    Promise.all(
      images.map(
        (img) =>
          img.complete ||
          new Promise((resolve) => {
            img.addEventListener('load', resolve, { once: true });
            img.addEventListener('error', resolve, { once: true });
          }),
      ),
    ),
    new Promise((resolve) => setTimeout(resolve, 5000)),
  ]);
  // An image may be complete (broken) while its error event still waits in the task queue.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await Promise.all(cards.map((card) => card.updateComplete));
}

/**
 * What looks like a picture that is not there: a broken image, or a frame with no image that is
 * not the plain, unheard box a card in view keeps where shrinking would move the page (a
 * picture that failed there: article-card.ts, `emptyMedia`).
 */
function emptyPictureBoxes(card: LanternArticleCard): string[] {
  const root = card.shadowRoot!;
  const problems: string[] = [];
  for (const media of Array.from(root.querySelectorAll('.media, .media-frame'))) {
    const img = media.localName === 'img' ? media : media.querySelector('img');
    const kept =
      card.getBoundingClientRect().top < innerHeight &&
      !!media.closest('[aria-hidden="true"]') &&
      !media.matches('.placeholder') &&
      !media.querySelector('.placeholder');
    if (!img && !kept) problems.push(`an empty ${media.className} box`);
  }
  for (const img of Array.from(root.querySelectorAll('img'))) {
    if (img.complete && img.naturalWidth === 0) problems.push(`a broken image ${img.src}`);
  }
  return problems;
}

describe('real items look designed: a list of 6 from every real feed (JSON, RSS, Atom)', () => {
  afterEach(() => {
    cleanup();
    clearFeedCache();
  });

  it('finds the real feeds beside this clone', () => {
    expect(feeds.length, 'put the real feeds in ../shared/realworld-feeds').to.be.at.least(17);
  });

  for (const src of feeds) {
    const name = src.split('/').pop();
    it(`${name}: no broken image nor a picture box heard, an excerpt wherever there is text, every link named`, async () => {
      const list = await mountLoaded(
        `<lantern-article-list src="${src}" limit="6" lang="en"></lantern-article-list>`,
      );
      const cards = Array.from(
        list.shadowRoot!.querySelectorAll<LanternArticleCard>('lantern-article-card'),
      );
      expect(cards, `${name}: six cards`).to.have.length(6);
      // The feed's own authors, as published (JSON Feed 1.1 `authors`, 1.0 `author`).
      const raw = src.endsWith('.json') ? await (await fetch(src)).json() : {};
      const feedAuthors = (raw.authors ?? (raw.author ? [raw.author] : undefined)) as
        { name?: string }[] | undefined;
      await settleImages(cards);
      for (const card of cards) {
        const item = card.item as FeedItem;
        const root = card.shadowRoot!;
        const where = `${name}, item ${item.id}`;
        expect(emptyPictureBoxes(card), where).to.deep.equal([]);

        const excerpt = squash(root.querySelector('.summary')?.textContent);
        if (itemText(item)) {
          expect(excerpt, `${where}: an excerpt`).to.not.equal('');
          expect(excerpt, `${where}: plain text`).to.not.match(/<\/?[a-z][^>]*>|&[a-z]+;/i);
          expect(excerpt, `${where}: no WordPress footer`).to.not.contain('appeared first on');
        }

        // JSON Feed: an item without authors has the feed's (four real feeds name only those).
        const author = (item.authors ?? feedAuthors)?.find((a) => a.name)?.name;
        if (author) {
          expect(squash(root.querySelector('.byline')?.textContent), `${where}: byline`).to.contain(
            squash(author),
          );
        }

        const links = Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href]'));
        expect(links.length, `${where}: a link to the article`).to.be.at.least(1);
        for (const link of links) expect(linkName(link), `${where}: a named link`).to.not.equal('');
      }
    });

    it(`${name}: with hide-images, no picture and no image request, the excerpts still there`, async () => {
      const since = performance.now();
      const list = await mountLoaded(
        `<lantern-article-list src="${src}" limit="6" hide-images lang="en"></lantern-article-list>`,
      );
      const cards = Array.from(
        list.shadowRoot!.querySelectorAll<LanternArticleCard>('lantern-article-card'),
      );
      await Promise.all(cards.map((card) => card.updateComplete));
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const card of cards) {
        const item = card.item as FeedItem;
        expect(card.shadowRoot!.querySelector('img, .media, .text-only'), item.id).to.equal(null);
        if (itemText(item)) {
          expect(squash(card.shadowRoot!.querySelector('.summary')?.textContent)).to.not.equal('');
        }
      }
      const requests = performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime >= since && !e.name.startsWith(location.origin));
      expect(requests.map((e) => e.name)).to.deep.equal([]);
    });
  }
});
