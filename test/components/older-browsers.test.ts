import { expect } from '@open-wc/testing';
import '../../src/define/article-card.js';
import type { LanternArticleCard } from '../../src/components/article-card/article-card.js';
import { cleanup, mountLoaded, shadow } from '../helpers.js';

/**
 * Custom states as older browsers have them: none at all (Safari before 17.4, Firefox before
 * 126), or only `--` names (Chromium 90 to 124 throws on any other). A card still shows its
 * item there; only the styling a state adds is missing.
 */
const item = {
  id: 'old',
  url: 'https://example.org/old',
  title: 'A story without a picture',
  summary: 'Read in a browser a few years old.',
};
const inline = `<lantern-article-card style="width: 360px"><script type="application/feed+json">${JSON.stringify(item)}</script></lantern-article-card>`;

describe('<lantern-article-card> in browsers with older custom states', () => {
  afterEach(cleanup);

  it('only `--` state names (Chromium 90 to 124): a card without a picture shows its item', async () => {
    const add = CustomStateSet.prototype.add;
    CustomStateSet.prototype.add = function (this: CustomStateSet, name: string) {
      if (!name.startsWith('--'))
        throw new DOMException(`'${name}' is not a valid state`, 'SyntaxError');
      return add.call(this, name);
    };
    try {
      const card = await mountLoaded<LanternArticleCard>(inline);
      expect(shadow(card, '.title').textContent?.trim()).to.equal(item.title);
      expect(shadow(card, '.summary').textContent?.trim()).to.equal(item.summary);
    } finally {
      CustomStateSet.prototype.add = add;
    }
  });

  it('no custom states at all: a card without a picture shows its item', async () => {
    const states = Object.getOwnPropertyDescriptor(ElementInternals.prototype, 'states')!;
    Object.defineProperty(ElementInternals.prototype, 'states', {
      get: () => undefined,
      configurable: true,
    });
    try {
      const card = await mountLoaded<LanternArticleCard>(inline);
      expect(shadow(card, '.title').textContent?.trim()).to.equal(item.title);
    } finally {
      Object.defineProperty(ElementInternals.prototype, 'states', states);
    }
  });
});
