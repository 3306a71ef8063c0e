// What a screen reader hears: separators drawn but not read (CSS alt text, aria-hidden), distinct
// link names, no stray landmarks or empty figures. The runner has no accessibility-tree command,
// so these check the DOM and the generated content's alternative text that Chromium exposes.
import { expect } from '@open-wc/testing';
import '../../src/define/article-card.js';
import '../../src/define/report-download.js';
import '../../src/define/story-navigator.js';
import type { FeedItem } from '../../src/content/types.js';
import { cleanup, drawnText, expectAxeClean, mountLoaded, shadow } from '../helpers.js';

const FEED = '/demo/feed.json';
const TWELVE = '/demo/series-12.json';

/**
 * The text a screen reader gets from `node`: aria-hidden and visually-hidden text handled as
 * Chromium does, and ::before/::after content by its alternative text (`content: '·' / ', '`).
 */
function spoken(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node.getAttribute('aria-hidden') === 'true') return '';
  const pseudo = (which: '::before' | '::after') => {
    const content = getComputedStyle(node, which).content;
    if (!content || content === 'none' || content === 'normal') return '';
    const strings = [...content.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? '');
    return content.includes('/') ? (strings[strings.length - 1] ?? '') : strings.join('');
  };
  const root = node.shadowRoot ?? node;
  return pseudo('::before') + [...root.childNodes].map(spoken).join('') + pseudo('::after');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').replace(/ ,/g, ',').trim();

function inlineReport(item: Partial<FeedItem>): Promise<HTMLElement> {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Test feed',
    // Relative attachment URLs need a base: the feed says where it lives.
    feed_url: `${location.origin}/feed.json`,
    items: [{ id: 'report', title: 'A test report', ...item }],
  };
  return mountLoaded(
    `<lantern-report-download lang="en"><script type="application/feed+json">${JSON.stringify(
      feed,
    )}</script></lantern-report-download>`,
  );
}

describe('what a screen reader hears', () => {
  afterEach(cleanup);

  it('card: the "·" between tags and in the date line is drawn, not read', async () => {
    const card = await mountLoaded(
      `<lantern-article-card src=${FEED} lang="en"></lantern-article-card>`,
    );
    // Sighted readers still see the dots.
    expect(drawnText(shadow(card, '.tags'))).to.equal('Analysis · North Korean military · POWs');
    expect(squash(spoken(shadow(card, '.tags')))).to.equal('Analysis, North Korean military, POWs');
    expect(squash(spoken(shadow(card, '.dateline')))).to.equal('March 4, 2025, 3 min read');
    expect(spoken(card)).not.to.contain('·');
  });

  it('a page in a language without interface text (German, Arabic): labels, dates and lang all English', async () => {
    for (const page of ['lang="de"', 'lang="ar" dir="rtl"']) {
      const wrapper = await mountLoaded(
        `<div ${page}><lantern-article-card src=${FEED}></lantern-article-card></div>`,
      );
      const card = wrapper.querySelector('lantern-article-card')!;
      // Not "Published 4. März 2025" read by a German voice: one language, the one of the words.
      expect(shadow(card, '.card').lang, page).to.equal('en');
      expect(squash(spoken(shadow(card, '.dateline'))), page).to.equal('March 4, 2025, 3 min read');
      cleanup();
    }
  });

  it('card: an item without an image has no empty figure and no picture box', async () => {
    const card = await mountLoaded(
      `<lantern-article-card lang="en"><script type="application/feed+json">${JSON.stringify({
        id: 'x',
        url: 'https://example.org/x',
        title: 'No picture',
        summary: 'Text only.',
      })}</script></lantern-article-card>`,
    );
    expect(card.shadowRoot!.querySelector('figure, .media') === null).to.equal(true);
    await expectAxeClean(card);
  });

  // WCAG 1.4.12: a reader's text-spacing tool (a bookmarklet, an extension) adds this to the page.
  it("a reader's letter and word spacing reach the widget's text", async () => {
    const tool = document.createElement('style');
    tool.textContent = '* { letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }';
    document.head.append(tool);
    try {
      const feed = JSON.stringify({ id: 'x', url: 'https://example.org/x', title: 'Spaced' });
      const card = await mountLoaded(
        `<lantern-article-card lang="en" style="--lantern-font-size: 20px"><script type="application/feed+json">${feed}</script></lantern-article-card>`,
      );
      // Em of the host's 20 px, inherited as lengths.
      const title = getComputedStyle(shadow(card, '.title a'));
      expect(parseFloat(title.letterSpacing)).to.be.closeTo(0.12 * 20, 0.1);
      expect(parseFloat(title.wordSpacing)).to.be.closeTo(0.16 * 20, 0.1);
    } finally {
      tool.remove();
    }
  });

  it('a widget in an inert part of the page (behind a dialog) stays inert', async () => {
    const feed = JSON.stringify({ id: 'x', url: 'https://example.org/x', title: 'Behind' });
    const markup = `<lantern-article-card lang="en"><script type="application/feed+json">${feed}</script></lantern-article-card>`;
    // The widget resets what a page passes down (all: initial), but not inertness: neither
    // inside an inert region nor when the element itself is inert. Chromium 156 enforces inert
    // from the attribute either way, so the CSS value is checked too (browsers that make
    // inertness a matter of that property alone would let focus in).
    for (const inert of ['region', 'element']) {
      const card = await mountLoaded(markup);
      (inert === 'region' ? card.parentElement! : card).inert = true;
      // (Only where the browser has the property: Firefox 153 makes inertness the attribute's.)
      if (CSS.supports('interactivity', 'inert')) {
        expect(getComputedStyle(card).getPropertyValue('interactivity'), inert).to.equal('inert');
      }
      const link = shadow<HTMLAnchorElement>(card, '.title a');
      link.focus();
      expect(card.shadowRoot!.activeElement, `${inert}: focus`).to.equal(null);
      cleanup();
    }
  });

  it('navigator: no <header> (a banner landmark when the widget sits in <body>)', async () => {
    for (const variant of ['full', 'compact']) {
      for (const mode of ['navigation', 'reader']) {
        const nav = await mountLoaded(
          `<lantern-story-navigator src=${FEED} item="yoon-ha-part-2" variant=${variant} mode=${mode}></lantern-story-navigator>`,
        );
        expect(nav.shadowRoot!.querySelector('header, footer, main, aside') === null).to.equal(
          true,
        );
        cleanup();
      }
    }
  });

  it('navigator: previous/next pause after the direction; "coming soon" has no dot', async () => {
    const nav = await mountLoaded(
      `<lantern-story-navigator src=${TWELVE} part="8" lang="en"></lantern-story-navigator>`,
    );
    expect(squash(spoken(shadow(nav, '.pager a[rel="prev"]')))).to.equal('Previous part: Part 7');
    expect(squash(spoken(shadow(nav, '.pager .upcoming')))).to.equal(
      'Next part: Part 9, Coming soon',
    );
    expect(squash(spoken(shadow(nav, '.parts > li:nth-child(9)')))).to.equal('Part 9, Coming soon');
    expect(spoken(nav)).not.to.contain('·');
    await expectAxeClean(nav);
  });

  it('navigator: no "1부:" prefix before a title that already says "Part 1"', async () => {
    const nav = await mountLoaded(
      `<lantern-story-navigator src=${FEED} item="yoon-ha-part-2" lang="ko"></lantern-story-navigator>`,
    );
    // (The hidden ", current part" after the part being read is not a prefix.)
    expect(nav.shadowRoot!.querySelector('.parts .name .visually-hidden') === null).to.equal(true);
    // A title in no known language gets the reader's label ("1부: Part 1"): it cannot tell.
    const twelve = await mountLoaded(
      `<lantern-story-navigator src=${TWELVE} part="1" lang="ko"></lantern-story-navigator>`,
    );
    expect(twelve.shadowRoot!.querySelector('.parts .name .visually-hidden')?.textContent).to.equal(
      '1부: ',
    );
  });

  it('navigator reader: the meta line is read with commas, not dots', async () => {
    const nav = await mountLoaded(
      `<lantern-story-navigator mode="reader" src=${FEED} item="yoon-ha-part-3" lang="en"></lantern-story-navigator>`,
    );
    expect(squash(spoken(shadow(nav, '.reading .meta')))).to.equal(
      'February 20, 2025, By Yoon Ha, 3 min read',
    );
  });

  it('report: facts are read "PDF, 935 bytes, 1 page", visible as "PDF · 935 bytes · 1 page"', async () => {
    const el = await mountLoaded(
      `<lantern-report-download src=${FEED} item="nkdb-military-report" lang="en"></lantern-report-download>`,
    );
    const file = shadow(el, '.download .file');
    expect(drawnText(file)).to.equal('PDF · 935 bytes · 1 page');
    expect(squash(spoken(file))).to.equal('PDF, 935 bytes, 1 page');
    expect(squash(spoken(shadow(el, '.meta')))).to.match(/Human Rights\), 212 pages$/);
    expect(spoken(el)).not.to.contain('·');
    await expectAxeClean(el);
  });

  it('report: two downloads in one language get distinct names (the format)', async () => {
    const el = await inlineReport({
      attachments: [
        {
          url: '/r.pdf',
          mime_type: 'application/pdf',
          size_in_bytes: 1000,
          _lantern: { language: 'en', sha256: 'a'.repeat(64) },
        },
        {
          url: '/r.epub',
          mime_type: 'application/epub+zip',
          size_in_bytes: 2000,
          _lantern: { language: 'en', sha256: 'b'.repeat(64) },
        },
      ],
    });
    const links = [...el.shadowRoot!.querySelectorAll('.downloads a')].map((a) =>
      squash(spoken(a)),
    );
    expect(links).to.have.length(2);
    expect(new Set(links).size).to.equal(2);
    expect(links[0]).to.equal('Download (English), PDF');
    const buttons = [...el.shadowRoot!.querySelectorAll('.checksum button')].map((b) =>
      squash(spoken(b)),
    );
    expect(new Set(buttons).size).to.equal(2);
    await expectAxeClean(el);
  });

  it('report: downloads with no language are told apart by their titles', async () => {
    const el = await inlineReport({
      attachments: [
        { url: '/a.pdf', mime_type: 'application/pdf', title: 'Full report' },
        { url: '/b.pdf', mime_type: 'application/pdf', title: 'Summary' },
      ],
    });
    const links = [...el.shadowRoot!.querySelectorAll('.downloads a')].map((a) =>
      squash(spoken(a)),
    );
    expect(links).to.deep.equal(['Download, PDF, Full report', 'Download, PDF, Summary']);
  });

  it('report: the copy confirmations are live regions in the tree before they speak', async () => {
    const el = await mountLoaded(
      `<lantern-report-download src=${FEED} item="nkdb-military-report" lang="en"></lantern-report-download>`,
    );
    // A region that is display: none while empty enters the accessibility tree with its text
    // already in it: screen readers (NVDA, JAWS) then often say nothing, not "Copied".
    const regions = [...el.shadowRoot!.querySelectorAll('[role="status"]')];
    expect(regions).to.have.length(3);
    for (const region of regions) {
      expect(region.textContent).to.equal('');
      expect(getComputedStyle(region).display, region.parentElement!.className).not.to.equal(
        'none',
      );
    }
  });

  it('report: a single download keeps its plain name', async () => {
    const el = await inlineReport({
      attachments: [{ url: '/a.pdf', mime_type: 'application/pdf', _lantern: { language: 'en' } }],
    });
    expect(squash(spoken(shadow(el, '.downloads a')))).to.equal('Download (English)');
  });
});
