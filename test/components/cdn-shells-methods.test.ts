// A partner's script may call a widget's method as soon as the tag is defined, which lantern.js
// (src/cdn.ts) does before the list's and navigator's code has arrived: the call waits for it.
// A file of its own, so that code is not loaded yet when the test starts.
import { expect } from '@open-wc/testing';
import '../../src/cdn.js';
import { tagNames } from '../../src/tags.js';
import { cleanup, deepText, demoFeed } from '../helpers.js';

type Widget = HTMLElement & Record<string, unknown>;

function add(tag: string, props: Record<string, unknown>): Widget {
  const el = Object.assign(document.createElement(tag), props) as Widget;
  const container = document.createElement('div');
  container.className = 'test-container';
  container.append(el);
  document.body.append(container);
  return el;
}

describe('lantern.js: a method called before its element’s code arrives', () => {
  afterEach(cleanup);

  it('showPart() and loadMore() wait for the code, then act', async () => {
    const feed = await demoFeed();
    const navigator = add(tagNames.navigator, { feed, series: 'yoon-ha', mode: 'reader' });
    const list = add(tagNames.list, { feed, limit: 2 });
    for (const el of [navigator, list]) {
      expect(el.matches(':state(pending)'), `${el.localName} pending`).to.equal(true);
    }
    await (navigator['showPart'] as (n: number) => Promise<void>)(3);
    await (list['loadMore'] as () => Promise<void>)();
    expect(navigator.matches(':state(pending)')).to.equal(false);
    expect(deepText(navigator)).to.match(/Part 3 of 3/);
    expect(list.shadowRoot!.querySelectorAll('lantern-article-card').length).to.equal(4);
  });
});
