/**
 * No feed can freeze the page: crafted feeds that once held the main thread for seconds or
 * minutes (quadratic text passes, a million tags, a stack-overflowing spread) are given to the
 * elements while a heartbeat records the longest gap between its ticks.
 */
import { expect } from '@open-wc/testing';
import '../../src/define/article-card.js';
import '../../src/define/article-list.js';
import '../../src/define/report-download.js';
import '../../src/define/story-navigator.js';
import type { Feed, FeedItem } from '../../src/content/types.js';
import { cleanup, nextEvent, painted, visibleText } from '../helpers.js';

const V11 = 'https://jsonfeed.org/version/1.1';
/** A long task the reader would notice as a frozen page; generous, the machine is shared. */
const FREEZE_MS = 1_000;

/** Ticks on every timer turn and every frame until stopped; resolves with the longest gap. */
function heartbeat(): { stop(): Promise<number> } {
  let running = true;
  let longest = 0;
  let last = performance.now();
  const beat = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  };
  const onTimer = () => {
    beat();
    if (running) setTimeout(onTimer, 0);
  };
  const onFrame = () => {
    beat();
    if (running) requestAnimationFrame(onFrame);
  };
  setTimeout(onTimer, 0);
  requestAnimationFrame(onFrame);
  return {
    async stop() {
      // One more frame and timer turn, so a task still running at the end is counted.
      await painted();
      beat();
      running = false;
      return longest;
    },
  };
}

type Data = { item: FeedItem } | { feed: Feed };

/**
 * Creates `<tag>`, hands it the crafted data while the heartbeat runs, and waits until it has
 * rendered. The data is built before the heartbeat starts: building it is the test's work.
 */
async function renderUnderHeartbeat(
  tag: string,
  data: Data,
  label: string,
  attrs: Record<string, string> = {},
): Promise<HTMLElement> {
  const container = document.createElement('div');
  container.className = 'test-container';
  document.body.append(container);
  const el = document.createElement(tag) as HTMLElement & Partial<Data>;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  Object.assign(el, data);
  const loaded = Promise.race([
    nextEvent(el, 'lantern-load', 60_000),
    nextEvent(el, 'lantern-error', 60_000).then((e) => {
      throw new Error(`lantern-error: ${JSON.stringify(e.detail)}`);
    }),
  ]);
  // Let the garbage collector see the test's own allocations before the clock starts.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const pulse = heartbeat();
  container.append(el);
  await loaded;
  const longest = await pulse.stop();
  console.log(`${label}: longest heartbeat gap ${longest.toFixed(0)} ms`);
  expect(longest, `${label}: longest gap ${longest.toFixed(0)} ms`).to.be.below(FREEZE_MS);
  return el;
}

describe('no feed can freeze the page (heartbeat)', function () {
  this.timeout(120_000);
  afterEach(cleanup);

  it("a card whose content_text is 4.5 million '<' shows its title at once", async () => {
    const item: FeedItem = {
      id: 'flood',
      title: 'A flood of brackets',
      url: 'https://example.org/flood',
      content_text: '<'.repeat(4_500_000),
    };
    const card = await renderUnderHeartbeat('lantern-article-card', { item }, "4.5 M '<'");
    expect(visibleText(card)).to.contain('A flood of brackets');
  });

  /** One item with `body` as a navigator's reader-mode part and as a report, both under the heartbeat. */
  async function partAndReport(
    label: string,
    body: Pick<FeedItem, 'content_text' | 'content_html'>,
  ): Promise<{ nav: HTMLElement; report: HTMLElement }> {
    const feed: Feed = {
      version: V11,
      title: label,
      items: [
        {
          id: 'p',
          title: 'A hostile body',
          url: 'https://example.org/p',
          ...body,
          attachments: [{ url: 'https://example.org/p.pdf', mime_type: 'application/pdf' }],
          _lantern: { series: { id: 's', title: 'Series', part: 1, total: 1 } },
        },
      ],
    };
    const nav = await renderUnderHeartbeat(
      'lantern-story-navigator',
      { feed },
      `${label} [navigator]`,
      {
        mode: 'reader',
        series: 's',
        part: '1',
      },
    );
    const report = await renderUnderHeartbeat(
      'lantern-report-download',
      { feed },
      `${label} [report]`,
      {
        item: 'p',
      },
    );
    return { nav, report };
  }

  it("a navigator part and a report whose content_text is 4.5 million '<' show the start of it", async () => {
    // The body is text: one 4.5 MB text node used to be laid out in one task (2–5 s).
    const { nav, report } = await partAndReport("4.5 M '<'", {
      content_text: `Start of the flood. ${'<'.repeat(4_500_000)}`,
    });
    expect(visibleText(nav)).to.contain('Start of the flood.');
    expect(visibleText(report)).to.contain('A hostile body');
  });

  it("a navigator part and a report whose content_text is 1.5 million '&amp;' show it decoded", async () => {
    // Decoding all of it when the feed was read took 1.0-2.2 s; only what can be shown is decoded.
    const { nav, report } = await partAndReport("1.5 M '&amp;'", {
      content_text: `Start &amp; end. ${'&amp; '.repeat(1_500_000)}`,
    });
    expect(visibleText(nav)).to.contain('Start & end. & & &');
    expect(visibleText(report)).to.contain('A hostile body');
  });

  it('a navigator part and a report whose body is 100,000 characters of mixed-direction text show its start', async () => {
    // Every character a new bidi run: one such paragraph took Chromium 4.7 s to lay out.
    const { nav, report } = await partAndReport('bidi', {
      content_html: `<p>Start of the story. ${'אa'.repeat(50_000)}</p>`,
    });
    expect(visibleText(nav)).to.contain('Start of the story.');
    expect(visibleText(report)).to.contain('Start of the story.');
  });

  it("a card whose markdown is 600,000 unclosed '<script' and '<style' shows its title", async () => {
    const item: FeedItem = {
      id: 'scripts',
      title: 'Unclosed scripts',
      url: 'https://example.org/scripts',
      _lantern: { content_markdown: '<script<style '.repeat(300_000) },
    };
    const card = await renderUnderHeartbeat('lantern-article-card', { item }, "'<script<style'");
    expect(visibleText(card)).to.contain('Unclosed scripts');
  });

  it('a card with 1.1 million tags shows its title and at most 50 tags', async () => {
    const item: FeedItem = {
      id: 'tags',
      title: 'Tagged to death',
      url: 'https://example.org/tags',
      tags: Array.from({ length: 1_100_000 }, (_, i) => `t${i}`),
    };
    const card = await renderUnderHeartbeat('lantern-article-card', { item }, '1.1 M tags');
    const text = visibleText(card);
    expect(text).to.contain('Tagged to death');
    expect(text).to.contain('t49');
    expect(text).not.to.contain('t50');
  });

  it('a navigator given 130,000 members of one series shows the series', async () => {
    const items: FeedItem[] = Array.from({ length: 130_000 }, (_, i) => ({
      id: `m${i}`,
      title: `Member ${i}`,
      url: `https://example.org/m${i}`,
      _lantern: { series: { id: 'huge', title: 'The huge series', part: (i % 3) + 1, total: 3 } },
    }));
    const feed: Feed = { version: V11, title: 'Huge', items };
    const nav = await renderUnderHeartbeat(
      'lantern-story-navigator',
      { feed },
      '130,000 series members',
    );
    expect(visibleText(nav)).to.contain('The huge series');
  });

  it('a navigator of 500 parts whose titles and warnings are 2,000 characters in mixed directions lists them cut', async () => {
    // Every character changes direction: each one is a run of its own to lay out.
    const mixed = 'aא'.repeat(995);
    const items: FeedItem[] = Array.from({ length: 500 }, (_, i) => ({
      id: `p${i + 1}`,
      title: `${i + 1} ${mixed}`,
      url: `https://example.org/p${i + 1}`,
      _lantern: {
        content_warning: mixed,
        series: { id: 's', title: 'Mixed', part: i + 1, total: 500 },
      },
    }));
    const feed: Feed = { version: V11, title: 'Mixed', items };
    const nav = await renderUnderHeartbeat('lantern-story-navigator', { feed }, '500 long parts', {
      series: 's',
      part: '2',
    });
    const rows = [...nav.shadowRoot!.querySelectorAll('.parts > li')];
    expect(rows).to.have.length(500);
    // Each row still names its part and carries its warning, cut.
    expect(rows[499]!.textContent).to.match(/500 aא[^]*…[^]*Content warning:[^]*aא[^]*…/);
  });

  it('a report with 3,000 attachments shows its downloads', async () => {
    const item: FeedItem = {
      id: 'report',
      title: 'A report with many files',
      url: 'https://example.org/report',
      attachments: Array.from({ length: 3_000 }, (_, i) => ({
        url: `https://example.org/report-${i}.pdf`,
        mime_type: 'application/pdf',
        title: `Volume ${i}`,
        size_in_bytes: 1_000 + i,
      })),
    };
    const report = await renderUnderHeartbeat(
      'lantern-report-download',
      { item },
      '3,000 attachments',
    );
    expect(visibleText(report)).to.contain('A report with many files');
  });

  it('a list whose limit is 1,000, given 1,000 items (4 MB), shows 100 and "Load more"', async () => {
    // The partner sets `limit`, the feed fills it: every card of a page is built in one task,
    // and 1,000 such cards held the page for over a second. A page is at most 100 cards.
    const feed: Feed = {
      version: V11,
      title: 'A thousand items',
      items: Array.from({ length: 1_000 }, (_, i) => ({
        id: `long-${i}`,
        url: `https://example.org/long/${i}`,
        title: `Story ${i} ${'word '.repeat(60)}`,
        summary: 'summary words '.repeat(100),
        content_html: `<p>${'word '.repeat(400)}</p>`,
        tags: Array.from({ length: 10 }, (_, t) => `tag ${t}`.padEnd(40, 'x')),
        authors: [{ name: `Author ${i}` }],
        date_published: new Date(Date.UTC(2026, 0, 1) - i * 86_400_000).toISOString(),
        image: `https://example.org/long/${i}.jpg`,
      })),
    };
    const list = await renderUnderHeartbeat('lantern-article-list', { feed }, '1,000 items', {
      limit: '1000',
    });
    const cards = list.shadowRoot!.querySelectorAll('lantern-article-card');
    expect(cards).to.have.length(100);
    expect(visibleText(cards[99]!)).to.contain('Story 99 word');
    expect(visibleText(list)).to.contain('Load more');
  });
});
