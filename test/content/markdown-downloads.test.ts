/**
 * What a markdown body makes the browser download where the HTML Sanitizer API is missing: the
 * DOM is built from marked's tokens, so markdown without raw HTML fetches neither the
 * sanitiser core nor DOMPurify; only raw HTML in the markdown brings them. (The API is removed
 * before any Lantern module loads; each test file runs in a page of its own, in this order.)
 */
import '../security/no-sanitizer-api.js';
import { expect } from '@open-wc/testing';
import { renderRichContent } from '../../src/content/rich.js';

const fetched = (part: string) =>
  performance.getEntriesByType('resource').some((e) => e.name.includes(part));

describe('downloads for a markdown body, in a browser without the HTML Sanitizer API', () => {
  it('markdown without raw HTML fetches marked alone: no sanitiser, no DOMPurify', async () => {
    const fragment = await renderRichContent(
      {
        id: 'm',
        _lantern: {
          content_markdown:
            '## A part\n\nA *markdown* body with [a link](https://example.org/) and\n\n- a list\n\n> a quote',
        },
      },
      { baseUrl: 'https://example.org/feed.json' },
    );
    expect(fragment.querySelector('h2')?.textContent).to.equal('A part');
    expect(fragment.querySelector('a')?.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(fetched('/marked/'), 'marked').to.equal(true);
    expect(fetched('/sanitize.ts'), 'the sanitiser core').to.equal(false);
    expect(fetched('/dompurify/'), 'DOMPurify').to.equal(false);
  });

  it('raw HTML in the markdown is sanitised by DOMPurify, fetched then', async () => {
    const fragment = await renderRichContent({
      id: 'r',
      _lantern: { content_markdown: 'Text <u onclick="window.__pwned=1">underlined</u>' },
    });
    const holder = document.createElement('div');
    holder.append(fragment);
    expect(holder.innerHTML.trim()).to.equal('<p>Text <u>underlined</u></p>');
    expect(fetched('/sanitize.ts'), 'the sanitiser core').to.equal(true);
    expect(fetched('/dompurify/'), 'DOMPurify').to.equal(true);
  });
});
