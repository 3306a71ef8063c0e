// A list and a report (or navigator) given the same feed share one parse (load.ts caches it).
// This file must not import src/index.js or src/content/index.js: the report's reader of
// attachments and `_lantern.report` arrives with its code, after the list's parse.
import { expect } from '@open-wc/testing';
import '../../src/define/article-list.js';
import { cleanup, deepText, mount, mountLoaded, nextEvent } from '../helpers.js';

/** A feed served byte for byte by the test server, so it can carry any `next_url`. */
function served(feed: object): string {
  const bytes = new TextEncoder().encode(JSON.stringify(feed));
  return `/test-server/raw?body=${encodeURIComponent(btoa(String.fromCharCode(...bytes)))}`;
}

const feedOf = (items: object[], extra: object = {}) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Test',
  items,
  ...extra,
});

/** A report with one PDF, and these `_lantern` fields besides its publisher. */
const report = (lantern: object) => ({
  id: 'r',
  url: 'https://example.org/r',
  title: 'The report',
  summary: 'About it',
  date_published: '2025-06-01T00:00:00Z',
  attachments: [
    { url: 'https://example.org/r.pdf', mime_type: 'application/pdf', size_in_bytes: 2_400_000 },
  ],
  _lantern: { report: { publisher: 'NKDB' }, ...lantern },
});

describe('a list and a report given one feed', () => {
  afterEach(cleanup);

  it("the report lists its download after the list lent the item a later page's marks", async () => {
    const page2 = served(
      feedOf([
        report({ pseudonym: true }),
        { id: 'b', url: 'https://example.org/b', title: 'B', date_published: '2025-05-01' },
      ]),
    );
    const page1 = served(feedOf([report({})], { next_url: new URL(page2, location.href).href }));
    const list = await mountLoaded<HTMLElement>(
      `<lantern-article-list lang="en" limit="1" src="${page1}"></lantern-article-list>`,
    );
    // The report's code arrives (for another report on the page): its reader is registered.
    await import('../../src/define/report-download.js');
    list.shadowRoot!.querySelector<HTMLButtonElement>('.footer button')!.click();
    await nextEvent(list, 'lantern-load');
    // The list's card shows the story with the mark its page-2 copy carries.
    const card = list.shadowRoot!.querySelector('lantern-article-card')!;
    expect(deepText(card)).to.contain('Name changed for safety');
    // Then a report of that item of the list's first page is added to the page.
    const el = mount(
      `<lantern-report-download lang="en" src="${page1}" item="r"></lantern-report-download>`,
    );
    await nextEvent(el, 'lantern-load');
    const text = deepText(el).replace(/\s+/g, ' ');
    expect(text).to.contain('PDF');
    expect(text).not.to.contain('No download is available');
    expect(text).to.contain('NKDB');
  });
});
