// A browser without constructed style sheets (Safari before 16.4, Firefox before 101). The CDN
// files' Lit has no <style> fallback (build/lit-messages.ts), so there the CDN entry registers no
// element and the partner's fallback content stays, rather than an empty box. Nothing from src/
// is imported statically: the API is taken away before Lantern's modules run.
import { expect } from '@open-wc/testing';

describe('the CDN entry in a browser without constructed style sheets', () => {
  it('registers no element, and the fallback link stays in view', async () => {
    const replaceSync = Object.getOwnPropertyDescriptor(CSSStyleSheet.prototype, 'replaceSync')!;
    delete (CSSStyleSheet.prototype as Partial<CSSStyleSheet>).replaceSync;
    try {
      document.body.innerHTML = `<lantern-article-card src="/demo/feed.json"
        ><a href="https://example.org/">Read it</a></lantern-article-card
      >`;
      await import('../../src/cdn.js');
      for (const tag of [
        'lantern-article-card',
        'lantern-article-list',
        'lantern-report-download',
      ]) {
        expect(customElements.get(tag), tag).to.equal(undefined);
      }
      expect(document.querySelector('a')!.getBoundingClientRect().height).to.be.above(0);
    } finally {
      Object.defineProperty(CSSStyleSheet.prototype, 'replaceSync', replaceSync);
      document.body.replaceChildren();
    }
  });
});
