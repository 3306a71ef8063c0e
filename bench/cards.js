// Benchmark page code: 100 article cards from one parsed feed, three ways. Bundled by
// scripts/bench.mjs into bench/dist/cards.js (lit once, shared by Lantern and Shoelace).
import '@shoelace-style/shoelace/dist/components/card/card.js';
// Lantern as it ships: the npm build (dist/lib, which npm run bench builds first), whose templates
// are minified as in every published file (from the source, each card carried about 23 text
// nodes of template whitespace the published card does not have).
import { parseFeed } from '../dist/lib/content/index.js';
import { LanternArticleCard, LanternArticleList } from '../dist/lib/index.js';
import { formatDate } from '../src/i18n/index.ts';

LanternArticleCard.defineAs('lantern-article-card');
LanternArticleList.defineAs('lantern-article-list');

/** The demo feed's items repeated to `count`, validated once, as a page would after loading. */
export async function parsedItems(count) {
  const feed = await (await fetch('/demo/feed.json')).json();
  const items = Array.from({ length: count }, (_, i) => {
    const item = feed.items[i % feed.items.length];
    return { ...item, id: `${item.id}-${i}` };
  });
  return parseFeed({ ...feed, items }, { baseUrl: new URL('/demo/feed.json', location.href).href })
    .feed.items;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/**
 * The time from the first element created until a frame with every card's title is rendered
 * (style and layout included); the marks bound the main-thread CPU that npm run bench traces.
 */
async function timed(container, build) {
  container.replaceChildren();
  await frame();
  performance.mark('lantern-bench-start');
  const start = performance.now();
  await build();
  void container.offsetHeight;
  await frame();
  const time = performance.now() - start;
  performance.mark('lantern-bench-end');
  return time;
}

export const variants = {
  /** <lantern-article-card> with `.item` set, until every card shows its title: validation, template, shadow DOM, events. */
  lantern: (container, items) =>
    timed(container, async () => {
      const loads = [];
      for (const item of items) {
        const card = document.createElement('lantern-article-card');
        card.item = item;
        loads.push(new Promise((r) => card.addEventListener('lantern-load', r, { once: true })));
        container.append(card);
      }
      await Promise.all(loads);
      // Timed until every card shows its title (content, not a skeleton): a card that has not
      // rendered its content yet is waited for, render by render.
      for (const card of container.children) {
        while (!card.shadowRoot?.querySelector('[part~="title"]')?.textContent) {
          await card.updateComplete;
          if (!card.shadowRoot?.querySelector('[part~="title"]')?.textContent) {
            await new Promise((r) => setTimeout(r, 0));
          }
        }
      }
    }),

  /**
   * One <lantern-article-list> given the same items as `.feed`, all 100 shown, until every card
   * shows its title: its cards far from the screen are not laid out yet.
   */
  lanternList: (container, items) =>
    timed(container, async () => {
      const list = document.createElement('lantern-article-list');
      list.limit = items.length;
      list.feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Bench', items };
      const loaded = new Promise((r) => list.addEventListener('lantern-load', r, { once: true }));
      container.append(list);
      await loaded;
      const cards = list.shadowRoot.querySelectorAll('lantern-article-card');
      for (const card of cards) {
        while (!card.shadowRoot?.querySelector('[part~="title"]')?.textContent) {
          await card.updateComplete;
          if (!card.shadowRoot?.querySelector('[part~="title"]')?.textContent) {
            await new Promise((r) => setTimeout(r, 0));
          }
        }
      }
      if (cards.length !== items.length) throw new Error(`the list shows ${cards.length} cards`);
    }),

  /** Hand-written DOM with the same content, no component, no shadow DOM. */
  vanilla: (container, items) =>
    timed(container, async () => {
      const fragment = document.createDocumentFragment();
      for (const item of items) {
        const article = document.createElement('article');
        article.className = 'v-card';
        if (item.image) {
          const img = document.createElement('img');
          Object.assign(img, {
            src: item.image,
            alt: item._lantern?.image_alt ?? '',
            loading: 'lazy',
          });
          img.width = 1200;
          img.height = 675;
          img.referrerPolicy = 'no-referrer';
          article.append(img);
        }
        const tags = document.createElement('p');
        tags.textContent = (item.tags ?? []).join(' · ');
        const h2 = document.createElement('h2');
        const a = document.createElement('a');
        a.href = item.url ?? '';
        a.textContent = item.title ?? '';
        h2.append(a);
        const meta = document.createElement('p');
        meta.textContent = [item.authors?.[0]?.name, formatDate(item.date_published, 'en')]
          .filter(Boolean)
          .join(' · ');
        const summary = document.createElement('p');
        summary.textContent = item.summary ?? '';
        article.append(tags, h2, meta, summary);
        fragment.append(article);
      }
      container.append(fragment);
    }),

  /** Shoelace's <sl-card> with the same content in its image, header and default slots. */
  shoelace: (container, items) =>
    timed(container, async () => {
      const cards = [];
      for (const item of items) {
        const card = document.createElement('sl-card');
        if (item.image) {
          const img = document.createElement('img');
          Object.assign(img, {
            src: item.image,
            alt: item._lantern?.image_alt ?? '',
            loading: 'lazy',
          });
          img.slot = 'image';
          card.append(img);
        }
        const header = document.createElement('strong');
        header.slot = 'header';
        const a = document.createElement('a');
        a.href = item.url ?? '';
        a.textContent = item.title ?? '';
        header.append(a);
        const meta = document.createElement('small');
        meta.textContent = [item.authors?.[0]?.name, formatDate(item.date_published, 'en')]
          .filter(Boolean)
          .join(' · ');
        const summary = document.createElement('p');
        summary.textContent = item.summary ?? '';
        card.append(header, meta, summary);
        cards.push(card);
      }
      container.append(...cards);
      await Promise.all(cards.map((c) => c.updateComplete));
    }),
};

window.bench = { parsedItems, variants };
