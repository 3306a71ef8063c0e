// Every field read, as the content API (lantern-widgets/content) reads them: attachments,
// `_lantern.report` and `_lantern.series` too (the widgets' entries leave those to their code).
import '../../src/content/index.js';
import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/content/errors.js';
import { readInlineFeed } from '../../src/content/inline.js';
import { parseFeedOrItem } from '../../src/content/parse.js';
import { cleanup, mount } from '../helpers.js';

const V11 = 'https://jsonfeed.org/version/1.1';

function thrown(fn: () => unknown): FeedError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected readInlineFeed to throw');
}

describe('readInlineFeed', () => {
  afterEach(cleanup);

  it('reads a feed from a child <script type="application/feed+json">', () => {
    const feed = { version: V11, title: 'Inline', items: [{ id: '1', title: 'From the page' }] };
    const host = mount(
      `<div><script type="application/feed+json">${JSON.stringify(feed)}</script><a href="/x">Fallback</a></div>`,
    );
    expect(readInlineFeed(host)).to.deep.equal(feed);
  });

  it('reads a single item, which parseFeedOrItem accepts', () => {
    const host = mount(
      `<div><script type="application/feed+json">{"id": "only", "title": "One item"}</script></div>`,
    );
    const { feed, warnings } = parseFeedOrItem(readInlineFeed(host));
    expect(warnings).to.deep.equal([]);
    expect(feed.items.map((i) => i.title)).to.deep.equal(['One item']);
  });

  it('returns undefined when there is no inline feed, so src is used instead', () => {
    expect(readInlineFeed(mount('<div><a href="/x">Fallback</a></div>'))).to.equal(undefined);
  });

  it('ignores other script types and scripts that are not direct children', () => {
    const host = mount(
      `<div><script type="application/json">{"items": []}</script><section><script type="application/feed+json">{"items": []}</script></section></div>`,
    );
    expect(readInlineFeed(host)).to.equal(undefined);
  });

  it('an escaped </script> inside a string survives as text', () => {
    const host = mount(
      `<div><script type="application/feed+json">{"id": "x", "title": "<\\/script><b>not markup</b>"}</script></div>`,
    );
    expect((readInlineFeed(host) as { title: string }).title).to.equal(
      '</script><b>not markup</b>',
    );
  });

  it('an empty script is a readable not-json error', () => {
    const host = mount('<div><script type="application/feed+json">   </script></div>');
    const error = thrown(() => readInlineFeed(host));
    expect([error.kind, error.message]).to.deep.equal([
      'not-json',
      'The inline feed script is empty.',
    ]);
  });

  it('broken JSON is a not-json error, and the content never runs as script', () => {
    const w = window as unknown as { lanternInlineRan?: boolean };
    const host = mount(
      '<div><script type="application/feed+json">window.lanternInlineRan = true;</script></div>',
    );
    const error = thrown(() => readInlineFeed(host));
    expect([error.kind, error.message]).to.deep.equal([
      'not-json',
      'The inline feed is not valid JSON.',
    ]);
    expect(w.lanternInlineRan).to.equal(undefined);
  });
});
