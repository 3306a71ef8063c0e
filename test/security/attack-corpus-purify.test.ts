/**
 * The attack corpus and the pathological inputs once more, in a browser without the HTML
 * Sanitizer API: the API is removed before any Lantern module loads (the first import), so
 * every body goes through the DOMPurify fallback. The corpus runner and trap are the same.
 */
import './no-sanitizer-api.js';
import { expect } from '@open-wc/testing';
import { renderRichContent } from '../../src/content/rich.js';
import './attack-corpus.test.js';
import './pathological-markdown.test.js';

describe('without the HTML Sanitizer API', () => {
  it('bodies are sanitised by DOMPurify, fetched on demand', async () => {
    const fragment = await renderRichContent({
      id: 'x',
      content_html:
        '<p onclick="window.__pwned=1">kept<img src="javascript:window.__pwned=1" onerror="window.__pwned=1"></p>',
    });
    const holder = document.createElement('div');
    holder.append(fragment);
    expect(holder.innerHTML).to.equal('<p>kept</p>');
    const requested = performance.getEntriesByType('resource').map((e) => e.name);
    expect(requested.some((name) => name.includes('/dompurify/'))).to.equal(true);
  });
});
