// The hostile feeds of the heartbeat tests (test/reliability/freeze-content.test.ts,
// test/security/bombs.test.ts), built the same way, for `npm run bench`: the bench serves each
// one as JSON and gives it to every element. Shared by scripts/bench.mjs (Node) and
// bench/hostile.js (the page).

const STORY_URL = 'https://example.org/stories/p1';

/** One item every element shows: a navigator part (reader mode), a report, a card. */
function feedWith(extra) {
  const { _lantern, ...rest } = extra;
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Hostile',
    items: [
      {
        id: 'p1',
        url: STORY_URL,
        title: 'A hostile item',
        summary: 'Summary',
        attachments: [
          { url: '/demo/files/nkdb-military-report-en.pdf', mime_type: 'application/pdf' },
        ],
        ...rest,
        _lantern: { series: { id: 's', title: 'Series', part: 1, total: 1 }, ..._lantern },
      },
    ],
  };
}

const bombHtml = `<p>${Array.from({ length: 600 }, (_, i) => `<b title=${i}>`).join('')}start${'<p>x</p>'.repeat(500)}<p>bomb end</p>`;

/** name → a function building the feed (built on demand: some are tens of megabytes). */
export const hostileFeeds = {
  "content_text of 4.5 M '<'": () => feedWith({ content_text: '<'.repeat(4_500_000) }),
  // Entities in every text field: each once cost a microsecond to decode, all when the feed was read.
  "content_text of 800,000 '&amp;'": () => feedWith({ content_text: '&amp; '.repeat(800_000) }),
  "500 summaries of 1,250 '&eacute;'": () => {
    const feed = feedWith({ summary: '&eacute;'.repeat(1_250) });
    for (let i = 1; i < 500; i++) {
      feed.items.push({ id: `e${i}`, title: `Entry ${i}`, summary: feed.items[0].summary });
    }
    return feed;
  },
  "markdown of 300,000 '<script<style'": () =>
    feedWith({ _lantern: { content_markdown: '<script<style '.repeat(300_000) } }),
  '1.1 M tags': () =>
    feedWith({ content_text: 'Body', tags: Array.from({ length: 1_100_000 }, (_, i) => `t${i}`) }),
  // The same shape at the loader's 5 MB cap, by src: parsing it is one step nothing can split.
  '520,000 tags (4.9 MB, by src)': () =>
    feedWith({ content_text: 'Body', tags: Array.from({ length: 520_000 }, (_, i) => `t${i}`) }),
  '130,000 series members': () => ({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Huge',
    items: Array.from({ length: 130_000 }, (_, i) => ({
      id: i === 0 ? 'p1' : `m${i}`,
      title: `Member ${i}`,
      url: `https://example.org/m${i}`,
      content_text: `Part ${i}`,
      _lantern: { series: { id: 's', title: 'The huge series', part: (i % 3) + 1, total: 3 } },
    })),
  }),
  '3,000 attachments': () =>
    feedWith({
      content_text: 'Body',
      attachments: Array.from({ length: 3_000 }, (_, i) => ({
        url: `https://example.org/report-${i}.pdf`,
        mime_type: 'application/pdf',
        title: `Volume ${i}`,
        size_in_bytes: 1_000 + i,
      })),
    }),
  'HTML formatting bomb': () => feedWith({ content_html: bombHtml }),
  'HTML bomb in markdown': () =>
    feedWith({
      _lantern: { content_markdown: `Before the bomb.\n\n<div>\n${bombHtml}\n</div>\n` },
    }),
  '15,000 HTML paragraphs': () =>
    feedWith({
      content_html: `<p>first paragraph</p>${'<p>a <b>paragraph</b> with <i>formatting</i></p>'.repeat(15_000)}<p>never shown</p>`,
    }),
  '130,000 unclosed <h2>': () => feedWith({ content_html: '<h2>h'.repeat(130_000) }),
  '900 KB of HTML paragraphs': () => {
    const p =
      '<p>An ordinary paragraph with <b>bold</b> and <a href="https://example.org/">a link</a>.</p>';
    return feedWith({
      content_html: `<p>kept</p>${p.repeat(Math.round((900 * 1024) / p.length))}`,
    });
  },
  // Text the browser itself is slow to lay out: every character a new bidi run, or Hangul.
  'mixed-direction text body': () => feedWith({ content_text: 'א a '.repeat(25_000) }),
  'mixed-direction HTML paragraph': () =>
    feedWith({ content_html: `<p>${'אa'.repeat(50_000)}</p>` }),
  'Hangul text body': () => feedWith({ content_text: '한국어 문장입니다 '.repeat(10_000) }),
  '1,000 mixed-direction titles and summaries': () => ({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Mixed',
    items: Array.from({ length: 1_000 }, (_, i) => ({
      id: i === 0 ? 'p1' : `m${i}`,
      url: `https://example.org/m${i}`,
      title: 'אa'.repeat(1_000),
      summary: 'בb'.repeat(5_000),
      _lantern: { series: { id: 's', title: 'דd'.repeat(1_000), part: 1, total: 1 } },
    })),
  }),
  // One series' 500 parts, titles and warnings near their caps: the navigator's list once laid
  // them all out whole (8-13 s).
  '500 parts, mixed-direction titles and warnings': () => ({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Parts',
    items: Array.from({ length: 500 }, (_, i) => ({
      id: `p${i + 1}`,
      url: `https://example.org/p${i + 1}`,
      title: 'aא'.repeat(995),
      _lantern: {
        content_warning: 'aא'.repeat(995),
        series: { id: 's', title: 'Series', part: i + 1, total: 500 },
      },
    })),
  }),
  'every text field at its cap, mixed directions': () => {
    const mixed = (n) => 'אa'.repeat(n / 2);
    return feedWith({
      title: mixed(2_000),
      summary: mixed(10_000),
      content_text: mixed(100_000),
      image: 'https://example.org/cover.png',
      tags: Array.from({ length: 50 }, () => mixed(100)),
      authors: Array.from({ length: 20 }, () => ({ name: mixed(2_000) })),
      attachments: Array.from({ length: 50 }, (_, i) => ({
        url: `https://example.org/r${i}.pdf`,
        mime_type: 'application/pdf',
        title: mixed(2_000),
        _lantern: { language: 'he' },
      })),
      _lantern: {
        image_alt: mixed(2_000),
        image_credit: mixed(2_000),
        content_warning: mixed(2_000),
        pseudonym: true,
        report: {
          publisher: mixed(2_000),
          edition: mixed(2_000),
          license: mixed(2_000),
          document_id: mixed(2_000),
          // Over its cap: cut to 2,000 (10,000 once took the report's first layout 80 ms).
          citation: mixed(10_000),
        },
      },
    });
  },
  '1.1 MB HTML (plain-text fallback)': () =>
    feedWith({
      content_html: `<p>start of the story</p>${'<script>'.repeat(3_000)}${'x'.repeat(1_100_000)}`,
    }),
};

/**
 * Feeds over the loader's 5 MB cap are refused by `src`: these are given by the `feed`
 * property (parsed before the clock starts), as the heartbeat tests give them.
 */
export const byProperty = new Set([
  '1.1 M tags',
  '130,000 series members',
  '1,000 mixed-direction titles and summaries',
]);

/** What each element needs to show item p1 of those feeds. */
export const hostileTargets = {
  'lantern-article-card': { item: 'p1' },
  'lantern-article-list': {},
  'lantern-story-navigator': { mode: 'reader', series: 's', part: '1' },
  'lantern-report-download': { item: 'p1' },
};
