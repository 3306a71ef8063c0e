/**
 * What a rich body makes the browser download: an HTML body fetches neither marked nor
 * DOMPurify (the browser's own Sanitizer does the work), a markdown body fetches marked alone.
 */
import { expect } from '@open-wc/testing';
import { renderRichContent } from '../../src/content/rich.js';

const fetched = (part: string) =>
  performance.getEntriesByType('resource').some((e) => e.name.includes(part));

describe('downloads for a rich body, in a browser with the HTML Sanitizer API', () => {
  it('an HTML body fetches neither marked nor DOMPurify', async () => {
    const fragment = await renderRichContent({
      id: 'h',
      content_html: '<p>An <b>HTML</b> body</p>',
    });
    expect(fragment.textContent).to.equal('An HTML body');
    expect(fetched('/sanitize.ts'), 'the sanitiser core').to.equal(true);
    expect(fetched('/marked/'), 'marked').to.equal(false);
    expect(fetched('/markdown.ts'), 'the markdown module').to.equal(false);
    expect(fetched('/dompurify/'), 'DOMPurify').to.equal(false);
  });

  it('a markdown body fetches marked, still not DOMPurify', async () => {
    const fragment = await renderRichContent({
      id: 'm',
      _lantern: { content_markdown: 'A *markdown* body' },
    });
    expect(fragment.textContent?.trim()).to.equal('A markdown body');
    expect(fetched('/marked/'), 'marked').to.equal(true);
    expect(fetched('/dompurify/'), 'DOMPurify').to.equal(false);
  });
});
