/**
 * Runs of `<br>` are collapsed before parsing (html-budget.ts), on both sanitising paths: a poem
 * keeps its line breaks, 20,000 empty lines do not become a half-million-pixel body.
 */
import { expect } from '@open-wc/testing';
import { MAX_BREAKS_IN_A_ROW } from '../../src/content/live-copy.js';
import { sanitizeMarkdown } from '../../src/content/markdown.js';
import { sanitizeHtml, type InertParse } from '../../src/content/sanitize.js';
import { platformParser } from '../../src/content/sanitize-platform.js';
import { ALLOW_LIST } from '../../src/content/allow-list.js';
import { purifyParser } from '../../src/content/sanitize-purify.js';

const breaks = (fragment: DocumentFragment) => fragment.querySelectorAll('br').length;
const text = (fragment: DocumentFragment) => fragment.textContent?.replace(/\s+/g, '');

const paths: [string, () => InertParse | undefined][] = [
  ['platform Sanitizer', platformParser],
  ['DOMPurify', () => purifyParser(ALLOW_LIST)],
];

for (const [label, parser] of paths) {
  describe(`runs of <br> (${label})`, () => {
    let parse: InertParse;
    before(function () {
      const found = parser();
      if (!found) throw new Error(`${label} is not available in this browser`);
      parse = found;
    });

    it(`20,000 <br> in a row become ${MAX_BREAKS_IN_A_ROW}, and the text on both sides stays`, async () => {
      const out = await sanitizeHtml(`<p>kept${'<br>'.repeat(20_000)}end</p>`, {}, parse);
      expect(breaks(out)).to.equal(MAX_BREAKS_IN_A_ROW);
      expect(text(out)).to.equal('keptend');
    });

    it('white space, </br> and self-closing <br/> between them do not break a run', async () => {
      const run = Array.from({ length: 3000 }, (_, i) => ['<br>\n', '</br> ', '<BR/>\t'][i % 3]);
      const out = await sanitizeHtml(`<p>kept${run.join('')}end</p>`, {}, parse);
      expect(breaks(out)).to.equal(MAX_BREAKS_IN_A_ROW);
      expect(text(out)).to.equal('keptend');
    });

    it("a poem's line breaks and one blank line stay", async () => {
      const poem = '<p>one<br>two<br><br>three<br>\n<br>four<br>five</p>';
      const out = await sanitizeHtml(poem, {}, parse);
      expect(breaks(out)).to.equal(6);
      expect(text(out)).to.equal('onetwothreefourfive');
    });

    it('an image between breaks ends a run', async () => {
      const out = await sanitizeHtml(
        '<p>a<br><br><img src="https://example.org/x.png" alt="x"><br><br>b</p>',
        {},
        parse,
      );
      expect(breaks(out)).to.equal(4);
    });

    it('markdown hard breaks, built from its tokens, are collapsed too', async () => {
      // Backslash breaks only: no raw HTML, so the body never reaches the sanitiser.
      const source = Array.from({ length: 4 }, () => `kept${'\\\n'.repeat(4000)}end`).join('\n\n');
      const out = await sanitizeMarkdown(source, {}, parse);
      expect(breaks(out)).to.equal(4 * MAX_BREAKS_IN_A_ROW);
      expect(text(out)).to.equal('keptend'.repeat(4));
    });

    it('a markdown body of hard breaks is collapsed too', async () => {
      // Hard breaks (two trailing spaces) and raw <br>, in one block under MAX_BLOCK_CHARS.
      const source = `kept${'  \n<br>'.repeat(2000)}\nend`;
      const out = await sanitizeMarkdown(source, {}, parse);
      expect(breaks(out)).to.equal(MAX_BREAKS_IN_A_ROW);
      expect(text(out)).to.equal('keptend');
    });
  });
}
