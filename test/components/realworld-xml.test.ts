// Every field read, as the content API (lantern-widgets/content) reads them: attachments,
// `_lantern.report` and `_lantern.series` too (the widgets' entries leave those to their code).
import '../../src/content/index.js';
import { expect } from '@open-wc/testing';
import '../../src/define/article-card.js';
import '../../src/define/article-list.js';
import { clearFeedCache, loadFeed } from '../../src/content/load.js';
import { cleanup, mountLoaded, shadow } from '../helpers.js';

// The real RSS/Atom feeds are read where they lie, ../shared/realworld-feeds/rss-atom/ (served by
// /test-server/realworld-xml/), never copied into the repository.
const listing = await fetch('/test-server/realworld-xml/');
const realFeeds: string[] = listing.ok ? await listing.json() : [];

/** Every element under `root`, inside every shadow root too. */
function deepAll(root: ParentNode, selector: string): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector));
  }
  return found;
}

/** Collects page errors (uncaught exceptions and rejections) while `fn` runs. */
async function withoutPageErrors<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; errors: string[] }> {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(String(e.error ?? e.message));
  const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    const result = await fn();
    // Late work (image decode, deferred renders) gets a moment to fail too.
    await new Promise((r) => setTimeout(r, 200));
    return { result, errors };
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
}

/** URLs of images the page asked for from other hosts since `since` (Resource Timing). */
function foreignImageRequests(since: number): string[] {
  return performance
    .getEntriesByType('resource')
    .filter((e) => e.startTime >= since && !e.name.startsWith(location.origin))
    .map((e) => e.name);
}

describe('real-world RSS and Atom feeds from ../shared/realworld-feeds/rss-atom', () => {
  afterEach(() => {
    cleanup();
    clearFeedCache();
  });

  if (realFeeds.length === 0) {
    it('are not present here, so they are skipped', function () {
      console.warn(
        'Skipped: ../shared/realworld-feeds/rss-atom/ is not present beside this clone.',
      );
      this.skip();
    });
    return;
  }

  it('all five are there', () => {
    expect(realFeeds).to.have.length.of.at.least(5);
  });

  for (const name of realFeeds) {
    const src = `/test-server/realworld-xml/${name}`;

    it(`${name}: every item is read, with an id, a link and a date`, async () => {
      const xml = await (await fetch(src)).text();
      const count = new DOMParser()
        .parseFromString(xml, 'application/xml')
        .querySelectorAll('item, entry').length;
      const { feed, warnings } = await loadFeed(src);
      console.log(`${name}: ${feed.items.length} items, ${warnings.length} warnings`);
      for (const w of warnings) console.log(`  ${w.path}: ${w.message}`);
      expect(feed.items).to.have.length(count);
      const enclosures = xml.match(/<enclosure\b/g)?.length ?? 0;
      const attachments = feed.items.flatMap((i) => i.attachments ?? []);
      // Every enclosure is either the picture or an attachment (ReliefWeb: 14 PDFs).
      expect(attachments.length + feed.items.filter((i) => i.image).length).to.be.at.least(
        enclosures,
      );
      for (const item of feed.items) {
        expect(item.url, item.id).to.match(/^https?:\/\//);
        expect(item.date_published, item.id).to.be.a('string');
        expect(item.content_html ?? item.content_text, item.id).to.be.a('string');
      }
    });

    it(`${name}: a list of 6 fills with titled, linked cards and no page error`, async () => {
      const { result: list, errors } = await withoutPageErrors(() =>
        mountLoaded(
          `<lantern-article-list src="${src}" limit="6" lang="en"></lantern-article-list>`,
        ),
      );
      expect(list.shadowRoot!.querySelector('[role="alert"], .error')).to.equal(null);
      const cards = Array.from(list.shadowRoot!.querySelectorAll('lantern-article-card'));
      expect(cards).to.have.length(6);
      for (const card of cards) {
        await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        const link = shadow<HTMLAnchorElement>(card, '.title a');
        expect(link.textContent!.trim(), `${name}: a card title`).to.not.equal('');
        expect(link.href).to.match(/^https?:\/\//);
      }
      expect(errors).to.deep.equal([]);
    });

    it(`${name}: a single card (item picked by its id) renders with no page error`, async () => {
      const xml = await (await fetch(src)).text();
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      // The second item, by the id the feed gives it (RSS guid or link, Atom id).
      const second = doc.querySelectorAll('item, entry')[1]!;
      const pick =
        second.querySelector('guid, id')?.textContent?.trim() ??
        second.querySelector('link')?.textContent?.trim() ??
        '';
      expect(pick).to.not.equal('');
      const title = second.querySelector('title')?.textContent?.trim() ?? '';
      const { result: card, errors } = await withoutPageErrors(() =>
        mountLoaded(
          `<lantern-article-card src="${src}" item="${pick.replace(/"/g, '&quot;')}" lang="en"></lantern-article-card>`,
        ),
      );
      const link = shadow<HTMLAnchorElement>(card, '.title a');
      // Titles may carry markup or entities; the card shows the words.
      const words = title
        .replace(/<[^>]*>/g, '')
        .replace(/&[a-z#0-9]+;/gi, '')
        .slice(0, 12);
      expect(link.textContent).to.contain(words.trim().split(' ')[0]);
      expect(errors).to.deep.equal([]);
    });

    it(`${name}: with hide-images, no image is shown or requested`, async () => {
      const since = performance.now();
      const list = await mountLoaded(
        `<lantern-article-list src="${src}" limit="6" hide-images lang="en"></lantern-article-list>`,
      );
      for (const card of Array.from(list.shadowRoot!.querySelectorAll('lantern-article-card'))) {
        await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(deepAll(list, 'img').map((img) => img.getAttribute('src'))).to.deep.equal([]);
      expect(foreignImageRequests(since)).to.deep.equal([]);
    });
  }
});
