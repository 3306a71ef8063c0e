import { expect } from '@open-wc/testing';
import '../../src/define/article-card.js';
import { cleanup, expectAxeClean, mountLoaded, shadow, visibleText } from '../helpers.js';

const FEED = '/demo/feed.json';

describe('<lantern-article-card>', () => {
  afterEach(cleanup);

  it('shows the title as a real link to the article', async () => {
    const card = await mountLoaded(`<lantern-article-card src=${FEED}></lantern-article-card>`);
    const link = shadow<HTMLAnchorElement>(card, '.title a');
    expect(link.textContent?.trim()).to.equal('North Korean Soldiers in Russia-Ukraine War');
    expect(link.getAttribute('href')).to.equal(
      'https://example.org/lantern-demo/articles/north-korean-soldiers-in-russia-ukraine-war',
    );
    await expectAxeClean(card);
  });

  it('formats the date in English and in Korean', async () => {
    const en = await mountLoaded(
      `<lantern-article-card src=${FEED} lang="en"></lantern-article-card>`,
    );
    expect(visibleText(en)).to.contain('March 4, 2025');
    const ko = await mountLoaded(
      `<lantern-article-card src=${FEED} lang="ko"></lantern-article-card>`,
    );
    expect(visibleText(ko)).to.contain('2025년 3월 4일');
  });
});
