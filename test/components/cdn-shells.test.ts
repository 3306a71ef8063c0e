// lantern.js (src/cdn.ts) defines all four elements at once, the list, navigator and report as
// shells that load their code when the first one is connected. A framework that renders right
// after the script (React, Vue) must find every element defined and set properties, and an
// element made before its code arrived must end up the same as one made after.
import { expect } from '@open-wc/testing';
import { defineAll } from '../../src/cdn.js';
import type { Feed } from '../../src/content/types.js';
import { allTagNames, tagNames } from '../../src/tags.js';
import { cleanup, deepText, demoFeed, nextEvent } from '../helpers.js';

const FEED = '/demo/feed.json';

type Widget = HTMLElement & Record<string, unknown> & { updateComplete: Promise<unknown> };

/** Everything an element holds of its own: Lit's, the base class's and its class's fields. */
const ownKeys = (el: object): string[] =>
  Reflect.ownKeys(el)
    .map((key) => (typeof key === 'symbol' ? (key.description ?? 'symbol') : key))
    .sort();

/** How React 19 and Vue 3 decide: a name the element has is set as a property. */
function give(el: Widget, props: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(props)) {
    if (name in el) el[name] = value;
    else el.setAttribute(name, String(value));
  }
}

const objectAttributes = (el: Element): string[] =>
  [...el.attributes].filter((a) => a.value.includes('[object Object]')).map((a) => a.name);

// The tests run in this order in one page: the code of the three is loaded only by the second.
describe('lantern.js: every element defined at once', () => {
  let feed: Feed;
  before(async () => {
    feed = await demoFeed();
  });
  afterEach(cleanup);

  it('defines all four tags before any element is on the page, with their properties', async () => {
    for (const tag of allTagNames) expect(customElements.get(tag), tag).to.be.a('function');
    // Every property with an attribute in the public API (custom-elements.json), e.g. partNumber.
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: { declarations?: { tagName?: string; attributes?: { fieldName?: string }[] }[] }[];
    };
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
    for (const tag of [tagNames.list, tagNames.navigator, tagNames.report]) {
      const names = declarations
        .find((d) => d.tagName === tag)!
        .attributes!.flatMap((a) => (a.fieldName ? [a.fieldName] : []));
      expect(names.length, tag).to.be.above(5);
      const el = document.createElement(tag);
      for (const name of ['feed', ...names])
        expect(name in el, `${tag}: '${name}' in element`).to.equal(true);
    }
  });

  // Runs in a fresh page per file, so the code of these three has not been loaded yet.
  it('takes properties and attributes given early, and ends up like one made after', async () => {
    const reportItem = feed.items.find((i) => i.id === 'nkdb-military-report');
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [tagNames.list, { feed, limit: 2, cardLayout: 'compact', 'heading-level': 4 }, /Soldiers/],
      [
        tagNames.navigator,
        { feed, series: 'yoon-ha', mode: 'reader', partNumber: 2, revealWarned: true },
        /Part 2/,
      ],
      [tagNames.report, { item: reportItem, baseUrl: FEED, hideImages: true }, /Violations/],
    ];
    const early = cases.map(([tag, props]) => {
      const el = document.createElement(tag) as Widget;
      // A base-class attribute, then the property set after it: the property must win.
      el.setAttribute('theme', 'dark');
      give(el, { ...props, theme: 'light' });
      return el;
    });
    const container = document.createElement('div');
    container.className = 'test-container';
    document.body.append(container);
    const loads = early.map((el) => nextEvent(el, 'lantern-load'));
    for (const el of early) {
      expect(el.matches(':state(pending)'), `${el.localName} pending`).to.equal(true);
      container.append(el);
    }
    await Promise.all(loads);

    for (const [index, [tag, props, shown]] of cases.entries()) {
      const el = early[index]!;
      expect(el.matches(':state(pending)'), `${tag} no longer pending`).to.equal(false);
      expect(deepText(el), tag).to.match(shown);
      expect(objectAttributes(el), tag).to.deep.equal([]);
      const late = document.createElement(tag) as Widget;
      late.setAttribute('theme', 'dark');
      give(late, { ...props, theme: 'light' });
      expect(late.matches(':state(pending)'), `${tag} made after: never pending`).to.equal(false);
      const loaded = nextEvent(late, 'lantern-load');
      container.append(late);
      await loaded;
      expect(ownKeys(el), `${tag}: the same fields as one made after`).to.deep.equal(ownKeys(late));
      expect(deepText(el), tag).to.equal(deepText(late));
      expect(el.outerHTML, tag).to.equal(late.outerHTML);
    }
    const [list, navigator, report] = early as [Widget, Widget, Widget];
    // The browser keeps the callbacks it found at define: the real disconnect must still run
    // (the navigator stops listening to the window's history).
    for (const nav of [
      navigator,
      container.querySelectorAll(tagNames.navigator)[1] as unknown as Widget,
    ]) {
      let heard = 0;
      nav['handleEvent'] = () => heard++;
      window.dispatchEvent(new PopStateEvent('popstate'));
      expect(heard, 'listening while on the page').to.equal(1);
      nav.remove();
      window.dispatchEvent(new PopStateEvent('popstate'));
      expect(heard, 'not listening once removed').to.equal(1);
      container.append(nav);
    }
    expect(list.shadowRoot!.querySelectorAll('lantern-article-card').length).to.equal(2);
    const card = list.shadowRoot!.querySelector('lantern-article-card')!;
    expect(
      card.shadowRoot!.querySelector('h4'),
      'heading-level given as an attribute',
    ).not.to.equal(null);
    expect(navigator.getAttribute('mode'), 'reflected').to.equal('reader');
    expect(navigator['partNumber']).to.equal(2);
    for (const el of early) expect(el['theme'], `${el.localName} theme`).to.equal('light');
    expect(report.shadowRoot!.querySelector('img'), 'hideImages given as a property').to.equal(
      null,
    );
  });

  it('observes every attribute of the real element, and declares its real properties', async () => {
    await defineAll();
    const loaded = await Promise.all([
      import('../../src/components/article-list/article-list.js'),
      import('../../src/components/story-navigator/story-navigator.js'),
      import('../../src/components/report-download/report-download.js'),
    ]);
    const classes = [
      loaded[0].LanternArticleList,
      loaded[1].LanternStoryNavigator,
      loaded[2].LanternReportDownload,
    ];
    for (const Real of classes) {
      const tag = Object.values(tagNames).find(
        (t) => customElements.get(t)?.prototype instanceof Real,
      );
      expect(tag, Real.name).to.be.a('string');
      const shell = customElements.get(tag!) as unknown as { observedAttributes: string[] };
      // The three shells share one list: each observes its own attributes and maybe another's.
      const observed = new Set(shell.observedAttributes);
      expect(
        Real.observedAttributes.filter((a) => !observed.has(a)),
        `${tag}: attributes the shell does not observe`,
      ).to.deep.equal([]);
    }
  });
});
