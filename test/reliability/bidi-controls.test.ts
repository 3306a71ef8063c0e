import { expect } from '@open-wc/testing';
import '../../src/define/article-card.js';
import '../../src/define/article-list.js';
import '../../src/define/story-navigator.js';
import '../../src/define/report-download.js';
import { cleanup, mountLoaded } from '../helpers.js';

/**
 * A feed's text may open a right-to-left override (U+202E) or embedding and never close it.
 * Inside one field that only reorders the field itself; it must not run on into the widget's
 * own words after it ("By Kim and Lee", "1 min read", "120 pages", "is not published yet"),
 * which a reader would otherwise see drawn backwards ("daer nim 1"). Each phrase is checked
 * where it is drawn: in a left-to-right widget its first letter lies left of its last.
 */

const RLO = '\u202e';
const RLE = '\u202b';
const RLI = '\u2067';
const V11 = 'https://jsonfeed.org/version/1.1';

function script(json: object): string {
  return `<script type="application/feed+json">${JSON.stringify(json).replace(/</g, '\\u003c')}</script>`;
}

/** Every plain-text field of an item opens a direction control it never closes. */
function item(id: string, part: number, total = 3): object {
  return {
    id,
    url: `https://example.org/${id}`,
    title: `${RLO}Title`,
    summary: `${RLE}Summary`,
    content_text: 'A body of a few words.',
    date_published: '2025-01-02T00:00:00Z',
    tags: [`${RLO}first tag`, `${RLI}second tag`],
    authors: [{ name: `${RLO}Kim` }, { name: `${RLI}Lee` }],
    _lantern: {
      report: { publisher: `${RLO}The publisher`, pages: 120 },
      series: { id: 's', title: `${RLO}The series`, part, total },
    },
  };
}

/** Where `phrase` is drawn in `host` (cards inside it included): true if left to right. */
function drawnInOrder(host: Element, phrase: string): boolean | undefined {
  const roots: ShadowRoot[] = [host.shadowRoot!];
  let found: boolean | undefined;
  // (for…of sees the roots pushed while it runs.)
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Element && node.shadowRoot) roots.push(node.shadowRoot);
      if (!(node instanceof Text)) continue;
      const text = node;
      const at = text.data.indexOf(phrase);
      if (at < 0) continue;
      const box = (offset: number) => {
        const range = document.createRange();
        range.setStart(text, offset);
        range.setEnd(text, offset + 1);
        return range.getBoundingClientRect();
      };
      const first = box(at);
      const last = box(at + phrase.length - 1);
      expect(Math.abs(first.top - last.top), `"${phrase}" on one line`).to.be.below(2);
      found = (found ?? true) && first.left < last.left;
    }
  }
  return found;
}

const feed = (items: object[]) => ({ version: V11, title: 'Controls', items });

const CASES: [string, string, string[]][] = [
  [
    'a card',
    `<lantern-article-card>${script(feed([item('p2', 2)]))}</lantern-article-card>`,
    ['and', 'min read'],
  ],
  [
    'a list',
    `<lantern-article-list>${script(feed([item('p2', 2)]))}</lantern-article-list>`,
    ['and', 'min read'],
  ],
  [
    'reader mode',
    `<lantern-story-navigator mode="reader" part="2" reveal-warned>${script(feed([item('p1', 1), item('p2', 2)]))}</lantern-story-navigator>`,
    ['and', 'min read'],
  ],
  [
    'a report',
    `<lantern-report-download>${script(feed([item('p2', 2)]))}</lantern-report-download>`,
    ['pages'],
  ],
  [
    "a navigator's error for a part not yet published",
    `<lantern-story-navigator part="3">${script(feed([item('p1', 1), item('p2', 2)]))}</lantern-story-navigator>`,
    ['is not published yet'],
  ],
];

describe("a feed's unclosed direction controls stay inside their field", () => {
  afterEach(cleanup);

  for (const [name, markup, phrases] of CASES) {
    it(`${name}: ${phrases.map((p) => `"${p}"`).join(', ')} read left to right`, async () => {
      const host = await mountLoaded(markup);
      await Promise.all(
        [...host.shadowRoot!.querySelectorAll('lantern-article-card')].map(
          (card) => (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete,
        ),
      );
      await new Promise((r) => requestAnimationFrame(r));
      for (const phrase of phrases) {
        expect(drawnInOrder(host, phrase), `"${phrase}" drawn left to right`).to.equal(true);
      }
    });
  }
});
