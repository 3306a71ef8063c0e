// remember="session": the reading history's code loads with the first navigator that asks for
// it. A page of its own, so that code is not loaded yet when the test starts.
import { expect } from '@open-wc/testing';
import '../../src/define/story-navigator.js';
import type { LanternStoryNavigator } from '../../src/components/story-navigator/story-navigator.js';
import { cleanup, mount, nextEvent } from '../helpers.js';

const part = (n: number) => ({
  id: `p${n}`,
  title: `Part ${n}`,
  content_text: `Body ${n}.`,
  _lantern: { series: { id: 'history', title: 'A series', part: n, total: 3 } },
});

const feed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Test',
  items: [part(1), part(2), part(3)],
};

describe('the reading history (remember="session")', () => {
  afterEach(() => {
    cleanup();
    sessionStorage.clear();
  });

  it('marks read only the part shown, not one replaced while its code loaded', async () => {
    sessionStorage.clear();
    const nav = mount<LanternStoryNavigator>(
      `<lantern-story-navigator series="history" part="2" remember="session" lang="en"><script type="application/feed+json">${JSON.stringify(feed)}</script></lantern-story-navigator>`,
    );
    // The first render waits for the history's code; part 3 is asked for meanwhile.
    await nav.updateComplete;
    const loaded = nextEvent(nav, 'lantern-load');
    nav.partNumber = 3;
    await loaded;
    await nav.updateComplete;
    expect(JSON.parse(sessionStorage.getItem('lantern-parts-read:history') ?? '[]')).to.deep.equal([
      3,
    ]);
    expect(nav.shadowRoot!.querySelector('.progress')?.textContent?.trim()).to.equal(
      '1 of 3 parts read',
    );
  });
});
