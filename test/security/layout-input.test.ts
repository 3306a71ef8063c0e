import { expect } from '@open-wc/testing';
import { renderMarkdown, renderRichContent } from '../../src/content/rich.js';
import { tagNames } from '../../src/tags.js';
import { TARGETS, loadTargets, mountWith } from './targets.js';
import { installTrap, takeFindings } from './trap.js';

/** Renders an HTML body through the content layer into a detached holder. */
async function html(body: string, options = {}): Promise<HTMLElement> {
  const holder = document.createElement('div');
  holder.append(await renderRichContent({ id: 'x', content_html: body }, options));
  return holder;
}

/** How deeply `selector` elements nest inside each other, at most. */
function nesting(root: Element, selector: string): number {
  let deepest = 0;
  for (const el of root.querySelectorAll(selector)) {
    let depth = 0;
    for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
      if (at.matches(selector)) depth++;
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

describe('layout input: what a body says about its own layout is kept in range', () => {
  before(() => installTrap());
  afterEach(async () => expect(await takeFindings()).to.deep.equal([]));

  it('300 nested lists, quotes, definition lists and figures are flattened, their text kept', async () => {
    for (const [open, close] of <[string, string][]>[
      ['<ul><li>', '</li></ul>'],
      ['<ol><li>', '</li></ol>'],
      ['<blockquote>', '</blockquote>'],
      ['<dl><dd>', '</dd></dl>'],
      ['<figure>', '</figure>'],
    ]) {
      const holder = await html(`${open.repeat(300)}deepest words${close.repeat(300)}`);
      expect(holder.textContent, open).to.contain('deepest words');
      expect(nesting(holder, 'ul, ol, dl, dd, blockquote, figure'), open).to.be.at.most(8);
    }
  });

  it('a markdown list nested 12 deep stays readable, flattened past 8 levels', async () => {
    const markdown = Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join(
      '\n',
    );
    const holder = document.createElement('div');
    holder.append(await renderMarkdown(markdown));
    expect(holder.textContent).to.contain('level 12');
    expect(nesting(holder, 'ul')).to.be.at.most(8);
  });

  it('elements nested past 32 levels are flattened', async () => {
    const holder = await html(`${'<div><span>'.repeat(200)}core${'</span></div>'.repeat(200)}`);
    expect(holder.textContent).to.equal('core');
    expect(nesting(holder, '*')).to.be.at.most(32);
  });

  it('an image nested past 32 levels is still shown, with its privacy attributes', async () => {
    const src = 'https://example.org/deep.png';
    const holder = await html(
      `${'<div><span>'.repeat(40)}<img src="${src}" alt="Deep">${'</span></div>'.repeat(40)}`,
    );
    const img = holder.querySelector('img');
    expect(img?.getAttribute('src')).to.equal(src);
    expect(img?.alt).to.equal('Deep');
    expect(img?.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(nesting(holder, '*')).to.be.at.most(33);
  });

  it('<ol start> is clamped; colspan and rowspan are clamped; absurd table sizes are dropped', async () => {
    const holder = await html(
      '<ol start="2147483647"><li>a</li></ol><ol start="-99999999"><li>b</li></ol>' +
        '<table width="100000" height="99999"><tr><td colspan="1000" rowspan="65534" width="5000">c</td>' +
        '<td width="50%" height="20">d</td></tr></table>',
    );
    const [first, second] = Array.from(holder.querySelectorAll('ol'));
    expect(Number(first!.getAttribute('start'))).to.be.at.most(99_999);
    expect(Number(second!.getAttribute('start'))).to.be.at.least(-99_999);
    const table = holder.querySelector('table')!;
    expect(table.hasAttribute('width')).to.equal(false);
    expect(table.hasAttribute('height')).to.equal(false);
    const [c, d] = Array.from(holder.querySelectorAll('td'));
    expect(c!.getAttribute('colspan')).to.equal('20');
    expect(c!.getAttribute('rowspan')).to.equal('20');
    expect(c!.hasAttribute('width')).to.equal(false);
    expect(d!.getAttribute('width')).to.equal('50%');
    expect(d!.getAttribute('height')).to.equal('20');
  });

  it('a rule or preformatted block keeps no width of its own (<hr width="100000"> widened a reader)', async () => {
    const holder = await html('<p>a</p><hr width="100000" height="50"><pre width="900">b</pre>');
    expect(holder.querySelector('hr')!.hasAttribute('width')).to.equal(false);
    expect(holder.querySelector('hr')!.hasAttribute('height')).to.equal(false);
    expect(holder.querySelector('pre')!.hasAttribute('width')).to.equal(false);
    // In a box that shrinks to fit, the body is as wide as its text, not 100,000 px.
    const box = document.createElement('div');
    box.style.cssText = 'float: left; max-width: none';
    box.append(holder);
    document.body.append(box);
    expect(box.getBoundingClientRect().width).to.be.below(200);
    box.remove();
  });

  it('body images are made with referrerpolicy, loading and decoding before src', async () => {
    const holder = await html(
      `<p><img src="${location.origin}/demo/images/journey.svg" alt="journey" width="999999" height="300"></p>`,
    );
    const img = holder.querySelector('img')!;
    const names = img.getAttributeNames();
    expect(names.at(-1)).to.equal('src');
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('decoding')).to.equal('async');
    expect(img.hasAttribute('width'), 'absurd width dropped').to.equal(false);
    expect(img.getAttribute('height')).to.equal('300');
    expect(img.ownerDocument).to.equal(document);
  });
});

describe('small ones: code stays code, #part links stay on the page', function () {
  this.timeout(60_000);
  before(async () => {
    installTrap();
    await loadTargets();
  });
  afterEach(async () => expect(await takeFindings()).to.deep.equal([]));

  it('an <img> written in a fenced code block stays text, even when a later chunk uses its label', async () => {
    const filler = 'A paragraph that fills the first chunk of a long story. '.repeat(30);
    const markdown = [
      '```',
      `[pic]: x <img src="${location.origin}/test-server/count/code-image?key=fenced" alt="from the fence">`,
      '```',
      ...Array.from({ length: 20 }, () => filler),
      'The label [pic] used after many chunks.',
    ].join('\n\n');
    expect(markdown.length).to.be.above(24_000);
    const holder = document.createElement('div');
    holder.append(await renderMarkdown(markdown));
    expect(holder.querySelector('img')).to.equal(null);
    expect(holder.querySelector('pre code')?.textContent).to.contain('<img src=');
    expect(holder.textContent).to.contain('The label [pic] used');
  });

  it('a valid definition still resolves across chunks', async () => {
    const filler = 'A paragraph that fills a chunk. '.repeat(40);
    const markdown = [
      'See [the source][src].',
      ...Array.from({ length: 20 }, () => filler),
      'Again [the source][src].',
      '[src]: https://example.org/source "The source"',
    ].join('\n\n');
    const holder = document.createElement('div');
    holder.append(await renderMarkdown(markdown));
    const hrefs = Array.from(holder.querySelectorAll('a'), (a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://example.org/source', 'https://example.org/source']);
  });

  it('a #part-2 link stays as written, not resolved against the feed URL', async () => {
    const holder = await html('<p><a href="#part-2">Part two</a> <a href="page#x">page</a></p>', {
      baseUrl: 'https://feeds.example.org/feed.json',
    });
    const [fragment, relative] = Array.from(holder.querySelectorAll('a'));
    expect(fragment!.getAttribute('href')).to.equal('#part-2');
    expect(relative!.getAttribute('href')).to.equal('https://feeds.example.org/page#x');
  });

  it('in a navigator loaded by src, the #part-2 link points at this page', async () => {
    const target = TARGETS.find((t) => t.tag === tagNames.navigator)!;
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Parts',
      items: [1, 2].map((part) => ({
        id: `part-${part}`,
        title: `Part ${part}`,
        content_html: `<p>Body ${part}. <a href="#part-2">On to part two</a></p>`,
        _lantern: { series: { id: 'attack-series', title: 'Series', part, total: 2 } },
      })),
    };
    const stage = document.createElement('div');
    document.body.append(stage);
    try {
      const { el, failed } = await mountWith(target, feed, 'src', stage, { item: 'part-1' });
      expect(failed).to.equal(false);
      const link = Array.from(el.shadowRoot!.querySelectorAll('a')).find(
        (a) => a.textContent === 'On to part two',
      )!;
      expect(link.getAttribute('href')).to.equal('#part-2');
      const resolved = new URL(link.href);
      expect(resolved.origin + resolved.pathname).to.equal(location.origin + location.pathname);
      expect(resolved.hash).to.equal('#part-2');
    } finally {
      stage.remove();
    }
  });
});
