import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { Feed } from '../../src/content/types.js';
import { tagNames } from '../../src/tags.js';
import { cleanup, deepText, demoFeed } from '../helpers.js';

const FEED = '/demo/feed.json';

interface Widget extends HTMLElement {
  feed?: Feed;
  item?: unknown;
  baseUrl?: string;
  updateComplete: Promise<unknown>;
}

/** Each element, and the attributes that pick what it shows from the demo feed. */
const cases: [string, Record<string, string>][] = [
  [tagNames.card, { item: 'north-korean-soldiers-russia-ukraine' }],
  [tagNames.list, { limit: '3' }],
  [tagNames.navigator, { series: 'yoon-ha' }],
  [tagNames.report, { item: 'nkdb-military-report' }],
];

/** Whether the widget (or a card inside it) shows a skeleton rather than its content. */
const busy = (el: Element): boolean =>
  !!el.shadowRoot?.querySelector('[aria-busy="true"], .skeleton') ||
  [...(el.shadowRoot?.querySelectorAll('*') ?? [])].some(
    (child) => child.shadowRoot && busy(child),
  );

describe('data given up front is in the first render', () => {
  let feed: Feed;
  before(async () => {
    feed = await demoFeed();
  });
  afterEach(cleanup);

  for (const [tag, attributes] of cases) {
    it(`<${tag}> given .feed shows its content after its first update, then fires lantern-load`, async () => {
      const el = document.createElement(tag) as Widget;
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      el.feed = feed;
      const loads: Event[] = [];
      el.addEventListener('lantern-load', (e) => loads.push(e));
      const container = document.createElement('div');
      container.className = 'test-container';
      container.append(el);
      document.body.append(container);
      await el.updateComplete;
      expect(busy(el), 'no skeleton in the first render').to.equal(false);
      expect(deepText(el)).to.match(/North Korea|Yoon Ha|NKDB|Soldiers/);
      await Promise.resolve();
      expect(loads.length, 'lantern-load right after that render').to.equal(1);
    });

    it(`<${tag}> with an inline feed script shows its content after its first update`, async () => {
      const container = document.createElement('div');
      container.className = 'test-container';
      const attrs = Object.entries(attributes)
        .map(([n, v]) => `${n}="${v}"`)
        .join(' ');
      // JSON in a script is data; `</` would end it, so it is escaped as JSON allows.
      const json = JSON.stringify(feed).replace(/<\//g, '<\\/');
      container.innerHTML = `<${tag} ${attrs}><script type="application/feed+json">${json}</script></${tag}>`;
      document.body.append(container);
      const el = container.firstElementChild as Widget;
      await el.updateComplete;
      expect(busy(el)).to.equal(false);
      expect(deepText(el)).to.match(/North Korea|Yoon Ha|NKDB|Soldiers/);
    });
  }

  it('a card given src still shows a skeleton while the feed is fetched', async () => {
    const container = document.createElement('div');
    container.className = 'test-container';
    container.innerHTML = `<${tagNames.card} src="${FEED}" item="yoon-ha-part-3"></${tagNames.card}>`;
    document.body.append(container);
    const el = container.firstElementChild as Widget;
    await el.updateComplete;
    expect(busy(el)).to.equal(true);
  });
});

describe('a framework that wrote an object as an attribute', () => {
  afterEach(cleanup);

  it('says so clearly: a visible error and a lantern-error naming the property', async () => {
    const container = document.createElement('div');
    container.className = 'test-container';
    const errors: CustomEvent[] = [];
    container.addEventListener('lantern-error', (e) => errors.push(e as CustomEvent));
    container.innerHTML = `<${tagNames.card} item="[object Object]"><a href="https://example.org/">Read it</a></${tagNames.card}>`;
    document.body.append(container);
    const el = container.firstElementChild as Widget;
    await el.updateComplete;
    expect(errors.length).to.equal(1);
    expect((errors[0]!.detail as { message: string }).message).to.match(/item property/);
    expect(el.shadowRoot?.textContent).to.match(/item property/);
  });

  it('names the feed property too, as a list given a feed object before it was defined shows it', async () => {
    const container = document.createElement('div');
    container.className = 'test-container';
    const errors: CustomEvent[] = [];
    container.addEventListener('lantern-error', (e) => errors.push(e as CustomEvent));
    container.innerHTML = `<${tagNames.list} feed="[object Object]"></${tagNames.list}>`;
    document.body.append(container);
    const el = container.firstElementChild as Widget;
    await el.updateComplete;
    expect(errors.length).to.equal(1);
    expect((errors[0]!.detail as { message: string }).message).to.match(/feed property/);
    expect(el.shadowRoot?.textContent).to.match(
      /feed attribute is "\[object Object\]": set the feed property/,
    );
  });
});

describe('<lantern-article-list reveal-warned>', () => {
  afterEach(cleanup);

  it('passes reveal-warned to its cards: a warned item shows its summary without a Show button', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Warned',
      items: [
        {
          id: 'w',
          url: 'https://example.org/w',
          title: 'A warned story',
          summary: 'What happened at the border.',
          _lantern: { content_warning: 'Violence' },
        },
      ],
    } as unknown as Feed;
    const shownSummary = async (reveal: boolean) => {
      const list = document.createElement(tagNames.list) as Widget;
      if (reveal) list.setAttribute('reveal-warned', '');
      list.feed = feed;
      const container = document.createElement('div');
      container.className = 'test-container';
      container.append(list);
      document.body.append(container);
      await list.updateComplete;
      return deepText(list);
    };
    expect(await shownSummary(false)).to.not.contain('What happened at the border');
    cleanup();
    const revealed = await shownSummary(true);
    expect(revealed).to.contain('What happened at the border').and.contain('Violence');
  });
});
