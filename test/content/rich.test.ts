import { expect } from '@open-wc/testing';
import {
  bodySource,
  hasRichBody,
  renderMarkdown,
  renderRichContent,
} from '../../src/content/rich.js';
import type { FeedItem } from '../../src/content/types.js';
import { ALLOW_LIST } from '../../src/content/allow-list.js';
import { sanitizeHtml, type InertParse } from '../../src/content/sanitize.js';
import { platformParser } from '../../src/content/sanitize-platform.js';
import { purifyParser } from '../../src/content/sanitize-purify.js';

const base = 'https://feeds.example.org/news/feed.json';

async function render(item: Partial<FeedItem>, hideImages = false): Promise<HTMLElement> {
  const holder = document.createElement('div');
  holder.append(await renderRichContent({ id: 'x', ...item }, { baseUrl: base, hideImages }));
  return holder;
}

describe('renderRichContent', () => {
  it('prefers markdown over HTML over text', () => {
    const all = {
      id: 'x',
      content_html: '<p>h</p>',
      content_text: 't',
      _lantern: { content_markdown: 'm' },
    };
    expect(bodySource(all)).to.equal('markdown');
    expect(bodySource({ id: 'x', content_html: '<p>h</p>', content_text: 't' })).to.equal('html');
    expect(bodySource({ id: 'x', content_text: 't' })).to.equal('text');
    expect(bodySource({ id: 'x' })).to.equal(undefined);
    expect(hasRichBody({ id: 'x', content_text: 't' })).to.equal(false);
  });

  it('keeps headings, lists, emphasis, links and images from markdown', async () => {
    const holder = await render({
      _lantern: {
        content_markdown:
          '## Part 3\n\n*Making it* to **South Korea**.\n\n- one\n- two\n\n1. first\n\n[Report](reports/1.html)\n\n![A map of the route](images/map.png)',
      },
    });
    expect(holder.querySelector('h2')?.textContent).to.equal('Part 3');
    expect(holder.querySelector('em')?.textContent).to.equal('Making it');
    expect(holder.querySelector('strong')?.textContent).to.equal('South Korea');
    expect([...holder.querySelectorAll('ul li')].map((li) => li.textContent)).to.deep.equal([
      'one',
      'two',
    ]);
    expect(holder.querySelector('ol li')?.textContent).to.equal('first');
    const link = holder.querySelector('a');
    expect(link?.getAttribute('href')).to.equal('https://feeds.example.org/news/reports/1.html');
    expect(link?.getAttribute('rel')).to.equal('noopener noreferrer');
    const img = holder.querySelector('img');
    expect(img?.getAttribute('src')).to.equal('https://feeds.example.org/news/images/map.png');
    expect(img?.getAttribute('alt')).to.equal('A map of the route');
    expect(img?.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(img?.getAttribute('loading')).to.equal('lazy');
  });

  it('removes scripts, event handlers and javascript: links from HTML', async () => {
    const w = window as unknown as { lanternRichRan?: boolean };
    const holder = await render({
      content_html:
        '<p onclick="window.lanternRichRan = true">Text</p><script>window.lanternRichRan = true</script><a href="javascript:window.lanternRichRan = true">bad link</a><img src="x.png" onerror="window.lanternRichRan = true" alt="pic"><iframe src="https://example.org"></iframe><form action="https://example.org"><input></form><style>p{}</style>',
    });
    document.body.append(holder);
    try {
      expect(holder.querySelector('script, iframe, form, input, style')).to.equal(null);
      expect(holder.querySelector('[onclick], [onerror]')).to.equal(null);
      const link = holder.querySelector('a');
      expect(link?.textContent).to.equal('bad link');
      expect(link?.hasAttribute('href')).to.equal(false);
      expect(holder.textContent).to.contain('Text');
      holder.querySelector('p')?.click();
      await new Promise((r) => setTimeout(r, 50));
      expect(w.lanternRichRan).to.equal(undefined);
    } finally {
      holder.remove();
    }
  });

  it('an embedded player (iframe, video, audio) becomes a link to it, named by its title', async () => {
    const holder = await render({
      content_html: [
        '<p>Watch her tell her story:</p>',
        '<iframe title="Her testimony" src="https://www.youtube-nocookie.com/embed/abc?x=1&amp;y=2" srcdoc="&lt;a href=x&gt;"></iframe>',
        '<video controls>\n <source src="/media/clip.mp4" type="video/mp4">Your browser cannot play video.</video>',
        "<p>Listen: <audio src='https://example.org/a.mp3' title='Interview <img src=x onerror=alert(1)>'></audio></p>",
        // Not web addresses (a lazy loader's placeholder, a script): no link, no text.
        '<iframe src="about:blank" data-src="https://example.org/later"></iframe>',
        '<iframe src="javascript:alert(1)">x</iframe>',
        // A blank title: named by its address.
        '<iframe title=" " src="https://example.org/blank-title"></iframe>',
        // Inside a link: the link stays whole, no second link in it.
        '<p><a href="https://example.org/story">Watch <iframe src="https://example.org/in-link"></iframe> here</a></p>',
        '<video>No source.</video><p>After.</p>',
      ].join(''),
    });
    const links = [...holder.querySelectorAll('a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
      a.getAttribute('rel'),
    ]);
    const rel = 'noopener noreferrer';
    expect(links).to.deep.equal([
      ['Her testimony', 'https://www.youtube-nocookie.com/embed/abc?x=1&y=2', rel],
      ['/media/clip.mp4', 'https://feeds.example.org/media/clip.mp4', rel],
      ['Interview <img src=x onerror=alert(1)>', 'https://example.org/a.mp3', rel],
      ['https://example.org/blank-title', 'https://example.org/blank-title', rel],
      ['Watch  here', 'https://example.org/story', rel],
    ]);
    expect(holder.querySelector('iframe, video, audio, source, img')).to.equal(null);
    expect(holder.textContent).not.to.contain('about:blank');
    expect(holder.textContent).not.to.contain('javascript:');
    expect(holder.textContent).not.to.contain('Your browser cannot play video.');
    expect(holder.textContent).not.to.contain('No source.');
    expect(holder.textContent).to.contain('After.');
    const md = await render({
      _lantern: {
        content_markdown: 'Watch:\n\n<iframe title="Clip" src="https://example.org/v"></iframe>',
      },
    });
    expect(md.querySelector('a')?.textContent).to.equal('Clip');
    expect(md.querySelector('a')?.getAttribute('href')).to.equal('https://example.org/v');
  });

  it('an HTML body over 1,000,000 characters shows its start as text, a paragraph per block', async () => {
    const html =
      '<p>First <b>words</b>.</p><script>alert(1)</script><div>Second.</div>' +
      `<p>${'a few words '.repeat(100)}</p>`.repeat(1_000);
    const holder = await render({ content_html: html });
    const paragraphs = [...holder.querySelectorAll('p')].map((p) => p.textContent!.trim());
    expect(paragraphs[0]).to.match(/^First\s+words\s*\.$/);
    expect(paragraphs[1]).to.equal('Second.');
    expect(paragraphs[2]).to.match(/^a few words/);
    expect(holder.textContent).not.to.contain('alert');
    expect(holder.querySelector('b, script')).to.equal(null);
    // Markdown over 300,000 characters the same way.
    const md = await render({
      _lantern: { content_markdown: `First.\n\nSecond.\n\n${'words '.repeat(60_000)}` },
    });
    const mdParagraphs = [...md.querySelectorAll('p')].map((p) => p.textContent!.trim());
    expect(mdParagraphs.slice(0, 2)).to.deep.equal(['First.', 'Second.']);
  });

  it('markdown javascript: links and raw HTML are neutralised too', async () => {
    const holder = await render({
      _lantern: {
        content_markdown:
          '[click](javascript:alert(1)) <img src=x onerror=alert(1)> <svg><script>1</script></svg>',
      },
    });
    expect(holder.querySelector('a')?.hasAttribute('href') ?? false).to.equal(false);
    expect(holder.querySelector('svg, script, [onerror]')).to.equal(null);
  });

  it('plain text becomes paragraphs built as text: markup in it is shown, not parsed', async () => {
    const holder = await render({
      content_text: 'First paragraph\nsecond line.\n\n<b>Not bold</b> & fine.',
    });
    const paragraphs = [...holder.querySelectorAll('p')];
    expect(paragraphs.map((p) => p.textContent)).to.deep.equal([
      'First paragraphsecond line.',
      '<b>Not bold</b> & fine.',
    ]);
    expect(paragraphs[0]?.querySelectorAll('br')).to.have.length(1);
    expect(holder.querySelector('b')).to.equal(null);
  });

  it('hide-images removes every image but keeps its description', async () => {
    const holder = await render(
      { content_html: '<p><img src="a.png" alt="A survivor’s drawing"></p>' },
      true,
    );
    expect(holder.querySelector('img')).to.equal(null);
    expect(holder.textContent).to.equal('[A survivor’s drawing]');
  });

  it("markdown headings sit below the widget's heading, counted over the whole body", async () => {
    const levels = async (markdown: string) => {
      const fragment = await renderMarkdown(markdown, { headingOffset: 2 });
      return [...fragment.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
        (h) => `${h.localName} ${h.textContent}`,
      );
    };
    // A raw-HTML heading counts too: it goes the HTML way, the markdown around it the token way.
    expect(await levels('## Section\n\n<h1>Big</h1>')).to.deep.equal(['h4 Section', 'h3 Big']);
    // A long body is read in chunks of about 12,000 characters: every chunk takes the same shift.
    const long = `# Title\n\n${'A paragraph of the story. '.repeat(600)}\n\n## Later`;
    expect(await levels(long)).to.deep.equal(['h3 Title', 'h4 Later']);
  });

  it("bounding marked's rules leaves an app's own marked as it was", async () => {
    // An npm build shares marked with the app: Lantern bounds its own tokenizer's rules only.
    await renderMarkdown(`${'x'.repeat(80)}@example.org`);
    const { marked } = await import('marked');
    expect(marked.parse(`${'x'.repeat(80)}@example.org`)).to.contain('mailto:');
  });

  it('finds the autolinks marked finds, in a body with an @ and in one without', async () => {
    // Without an @ no email look-ahead is tried (markdown.ts): the same tokens all the same.
    const { marked } = await import('marked');
    const links = (root: ParentNode) =>
      [...root.querySelectorAll('a')].map((a) => a.textContent).join(' | ');
    for (const markdown of [
      'See www.example.org/report, https://example.org/a_b and _this_ one! a!b!c~d',
      'Write to press@example.org (or www.example.org), **now**! a!b@example.org',
    ]) {
      const ours = await renderMarkdown(markdown);
      const html = marked.parse(markdown) as string;
      const theirs = new DOMParser().parseFromString(html, 'text/html').body;
      expect(links(ours)).to.equal(links(theirs));
      expect(ours.textContent?.trim()).to.equal(theirs.textContent?.trim());
    }
  });

  it('a plain-text body past 100,000 characters shows its paragraphs up to there, decoded, then the cut mark', async () => {
    const paragraph = `${'word '.repeat(99)}&amp;`;
    const holder = await render({
      content_text: Array.from({ length: 300 }, () => paragraph).join('\n\n'),
    });
    const paragraphs = [...holder.querySelectorAll('p:not([data-lantern-continues])')];
    // 100,000 characters of 500-character paragraphs, not the first one alone.
    expect(paragraphs.length).to.be.within(199, 201);
    expect(paragraphs[0]!.textContent).to.match(/word &$/);
    // Without an address to continue at, the cut is marked "…".
    expect(holder.querySelector('[data-lantern-continues]')?.textContent).to.equal('…');
  });

  it('a <details> stays a disclosure: its summary and open state kept on both sanitiser paths and from markdown', async () => {
    const details =
      '<details open ontoggle="window.lanternRichRan = true" name="x"><summary>What happened at the border</summary><p>She crossed at night.</p></details>' +
      '<details><summary>Sources</summary><p>Interviews, 2019.</p></details>';
    const shape = (holder: ParentNode) =>
      [...holder.querySelectorAll('details')].map((d) => ({
        open: d.hasAttribute('open'),
        attributes: d.getAttributeNames().sort(),
        summary: d.firstElementChild?.localName,
        text: d.firstElementChild?.textContent,
        revealed: d.querySelector('summary + p')?.textContent,
      }));
    const expected = [
      {
        open: true,
        attributes: ['open'],
        summary: 'summary',
        text: 'What happened at the border',
        revealed: 'She crossed at night.',
      },
      {
        open: false,
        attributes: [],
        summary: 'summary',
        text: 'Sources',
        revealed: 'Interviews, 2019.',
      },
    ];
    const platform = platformParser();
    expect(platform, 'this Chromium has the HTML Sanitizer API').to.not.equal(undefined);
    const paths: [string, InertParse][] = [
      ['platform', platform!],
      ['DOMPurify', purifyParser(ALLOW_LIST)],
    ];
    for (const [name, parse] of paths) {
      const holder = document.createElement('div');
      holder.append(await sanitizeHtml(details, { baseUrl: base }, parse));
      expect(shape(holder), name).to.deep.equal(expected);
    }
    const markdown = await render({
      _lantern: { content_markdown: `Before.\n\n${details}\n\nAfter.` },
    });
    expect(shape(markdown), 'markdown').to.deep.equal(expected);
  });

  it('an item with no body renders nothing', async () => {
    const holder = await render({ title: 'Only a title' });
    expect(holder.childNodes).to.have.length(0);
  });
});

describe('long bodies are laid out only near the screen', () => {
  it('a long paragraph becomes block pieces skipped off-screen, its text unchanged', async () => {
    const sentence = 'אחת two שלוש four. ';
    const text = sentence.repeat(Math.ceil(30_000 / sentence.length));
    for (const item of [{ content_html: `<p>${text}</p>` }, { content_text: text }]) {
      const holder = await render(item);
      expect(holder.textContent?.trim()).to.equal(text.trim());
      const pieces = [...holder.querySelectorAll('p > [data-lantern-piece]')];
      expect(pieces.length).to.be.above(10);
      for (const piece of pieces) {
        expect(piece.hasAttribute('data-lantern-defer')).to.equal(true);
        expect(piece.textContent!.length).to.be.at.most(2_001);
        // Cut at a sentence end, not inside a word.
        expect(piece.textContent).to.match(/\. ?$/);
      }
    }
  });

  it('many short paragraphs are skipped off-screen in groups; a story of ordinary length is untouched', async () => {
    const long = await render({ content_html: '<p>한국어 문장입니다.</p>'.repeat(2_000) });
    const groups = [...long.querySelectorAll(':scope > [data-lantern-defer]')];
    // About 1,500 characters a group: a handful of boxes to skip, not 2,000.
    expect(groups.length).to.be.within(10, 30);
    expect(groups.every((g) => g.localName === 'div' && g.querySelector('p'))).to.equal(true);
    expect(long.querySelectorAll('p')).to.have.length(2_000);
    expect(long.querySelectorAll('p[data-lantern-defer]')).to.have.length(0);
    const ordinary = await render({
      content_html: `<p>${'An ordinary paragraph. '.repeat(40)}</p>`.repeat(8),
    });
    expect(ordinary.querySelector('[data-lantern-defer], [data-lantern-piece]')).to.equal(null);
  });
});
