// What a screen reader hears: separators drawn but not read (CSS alt text, aria-hidden), distinct
// link names, no stray landmarks or empty figures. The runner has no accessibility-tree command,
// so these check the DOM and the generated content's alternative text that Chromium exposes.
import { expect } from '@open-wc/testing';
import '../../src/define/article-card.js';
import '../../src/define/report-download.js';
import '../../src/define/story-navigator.js';
import type { FeedItem } from '../../src/content/types.js';
import { cleanup, expectAxeClean, mountLoaded, shadow } from '../helpers.js';

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

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function inlineReport(item: Partial<FeedItem>): Promise<HTMLElement> {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Test feed',
    items: [{ id: 'report', title: 'A test report', ...item }],
  };
  return mountLoaded(
    `<lantern-report-download lang="en"><script type="application/feed+json">${JSON.stringify(
      feed,
    )}</script></lantern-report-download>`,
  );
}

describe('accessibility tree', () => {
  afterEach(cleanup);

  it('card: the "·" between tags and in the date line is drawn, not read', async () => {
    const card = await mountLoaded(
      `<lantern-article-card src=${FEED} lang="en"></lantern-article-card>`,
    );
    // Sighted readers still see the dots.
    expect(shadow(card, '.tags').textContent?.trim()).to.equal(
      'Analysis · North Korean military · POWs',
    );
    const nodes = flatten(await tree());
    const text = spoken(await tree());
    expect(text).to.contain('Analysis, North Korean military, POWs');
    expect(text).to.contain('March 4, 2025, 3 min read');
    expect(nodes.some((n) => n.name?.includes('·'))).to.equal(false);
  });

  it('card: an item without an image has no empty figure', async () => {
    const card = await mountLoaded(
      `<lantern-article-card lang="en"><script type="application/feed+json">${JSON.stringify({
        id: 'x',
        url: 'https://example.org/x',
        title: 'No picture',
        summary: 'Text only.',
      })}</script></lantern-article-card>`,
    );
    expect(card.shadowRoot!.querySelector('figure')).to.equal(null);
    expect(shadow(card, '.media').getAttribute('aria-hidden')).to.equal('true');
    expect(flatten(await tree()).some((n) => n.role === 'figure')).to.equal(false);
    await expectAxeClean(card);
  });

  it('navigator: no banner landmark, even as a direct child of <body>', async () => {
    const nav = await mountLoaded(
      `<lantern-story-navigator src=${FEED} item="yoon-ha-part-2"></lantern-story-navigator>`,
    );
    // Out of any <main>: a <header> here would be the page's banner.
    document.body.append(nav);
    await (nav as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const nodes = flatten(await tree());
    expect(nodes.filter((n) => n.role === 'banner').map((n) => n.name)).to.deep.equal([]);
    nav.remove();
  });

  it('navigator: previous/next names pause after the direction; "coming soon" has no dot', async () => {
    const nav = await mountLoaded(
      `<lantern-story-navigator src=${TWELVE} part="8" lang="en"></lantern-story-navigator>`,
    );
    const nodes = flatten(await tree());
    const links = nodes.filter((n) => n.role === 'link').map((n) => n.name);
    expect(links).to.include('Previous part: Part 7');
    expect(spoken(await tree())).to.contain('Next part: Part 9, Coming soon');
    expect(nodes.some((n) => n.name?.includes('·'))).to.equal(false);
    await expectAxeClean(nav);
  });

  it('navigator: no "Part 1:" prefix before a title that already says "Part 1", in Korean too', async () => {
    const nav = await mountLoaded(
      `<lantern-story-navigator src=${FEED} item="yoon-ha-part-2" lang="ko"></lantern-story-navigator>`,
    );
    const links = flatten(await tree())
      .filter((n) => n.role === 'link')
      .map((n) => n.name);
    expect(links).to.include('Part 1 - Growing up in North Korea');
    expect(nav.shadowRoot!.querySelector('.parts .visually-hidden')).to.equal(null);
  });

  it('report: file facts are read "PDF, 935 bytes, 1 page"', async () => {
    const el = await mountLoaded(
      `<lantern-report-download src=${FEED} item="nkdb-military-report" lang="en"></lantern-report-download>`,
    );
    const text = spoken(await tree());
    expect(text).to.contain('PDF, 935 bytes, 1 page');
    expect(text).to.contain('Human Rights), 212 pages');
    expect(text).not.to.contain('·');
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
    const nodes = flatten(await tree());
    const links = nodes.filter((n) => n.role === 'link').map((n) => n.name ?? '');
    expect(links).to.have.length(2);
    expect(new Set(links).size).to.equal(2);
    expect(links[0]).to.match(/^Download \(English\), PDF/);
    const buttons = nodes
      .filter((n) => n.role === 'button' && n.name?.startsWith('Copy checksum'))
      .map((n) => n.name);
    expect(new Set(buttons).size).to.equal(2);
    await expectAxeClean(el);
  });

  it('report: downloads with no language are told apart by their titles', async () => {
    await inlineReport({
      attachments: [
        { url: '/a.pdf', mime_type: 'application/pdf', title: 'Full report' },
        { url: '/b.pdf', mime_type: 'application/pdf', title: 'Summary' },
      ],
    });
    const links = flatten(await tree())
      .filter((n) => n.role === 'link')
      .map((n) => n.name);
    expect(links).to.deep.equal(['Download, PDF, Full report', 'Download, PDF, Summary']);
  });
});
