/**
 * A long HTML body is parsed and sanitised a top-level slice at a time (so no single step
 * freezes the page). Slicing must never change what the body becomes: on both sanitising
 * paths, every body of a corpus (demo feed, real-world feeds, attacks) and thousands of
 * generated tag soups are rendered cut at every point the slicer allows and in one piece, and
 * the results must be identical, byte for byte.
 */
import { expect } from '@open-wc/testing';
import { attackCorpus, materialize } from '../fixtures/attacks/index.js';
import { defuseHtml } from '../../src/content/html-budget.js';
import { sliceHtml } from '../../src/content/html-slices.js';
import { bodyBudget, MAX_BODY_NODES } from '../../src/content/rich.js';
import { SLICE, sanitizeHtml, type InertParse } from '../../src/content/sanitize.js';
import { platformParser } from '../../src/content/sanitize-platform.js';
import { ALLOW_LIST } from '../../src/content/allow-list.js';
import { purifyParser } from '../../src/content/sanitize-purify.js';

const EVERY_POINT = { nodes: 1, chars: 1 };
const ONE_PIECE = { nodes: Infinity, chars: Infinity };

function serialised(fragment: DocumentFragment): string {
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAGS = [
  'p', 'div', 'b', 'i', 'a', 'em', 'span', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'h2', 'h3',
  'table', 'tbody', 'tr', 'td', 'th', 'caption', 'pre', 'blockquote', 'figure', 'section',
  'form', 'select', 'option', 'template', 'svg', 'math', 'title', 'textarea', 'script', 'style',
  'head', 'body', 'html', 'frameset', 'nobr', 'font', 'center', 'button', 'noscript', 'font',
]; // prettier-ignore
const VOIDS = ['br', 'img src="https://example.org/i.png" alt="i"', 'hr', 'wbr', 'meta', 'link'];
const TEXTS = ['x', ' ', '\n', 'text &amp; more', '&lt;p&gt;', '  \n  ', 'z'];

/** Tag soup: well nested in stretches, with stray, unclosed and misnested tags. */
function soup(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const open: string[] = [];
  let out = next() < 0.1 ? '<!doctype html>' : '';
  const length = 5 + Math.floor(next() * 60);
  for (let k = 0; k < length; k++) {
    const r = next();
    if (r < 0.3) {
      const tag = pick(TAGS);
      open.push(tag);
      out += `<${tag}${next() < 0.2 ? ' title="t"' : ''}>`;
    } else if (r < 0.55 && open.length) {
      // Mostly the right end tag; sometimes one out of order.
      const at = next() < 0.85 ? open.length - 1 : Math.floor(next() * open.length);
      out += `</${open.splice(at, 1)[0]}>`;
    } else if (r < 0.6) {
      out += `</${pick(TAGS)}>`;
    } else if (r < 0.68) {
      out += `<${pick(VOIDS)}>`;
    } else {
      out += pick(TEXTS);
    }
  }
  if (next() < 0.7) while (open.length) out += `</${open.pop()}>`;
  return out;
}

async function corpus(): Promise<{ name: string; html: string }[]> {
  const bodies: { name: string; html: string }[] = [];
  const demo = (await (await fetch('/demo/feed.json')).json()) as {
    items: { id: string; content_html?: string }[];
  };
  for (const item of demo.items) {
    if (item.content_html) bodies.push({ name: `demo ${item.id}`, html: item.content_html });
  }
  const listing = await fetch('/test-server/realworld/');
  const feeds: string[] = listing.ok ? await listing.json() : [];
  for (const file of feeds) {
    const feed = (await (await fetch(`/test-server/realworld/${file}`)).json()) as {
      items?: { content_html?: unknown }[];
    };
    for (const [i, item] of (feed.items ?? []).entries()) {
      if (typeof item.content_html === 'string' && item.content_html) {
        bodies.push({ name: `${file} #${i}`, html: item.content_html });
      }
    }
  }
  // Bodies past the node and text budgets: cut where the budget runs out, in either case.
  const bomb = `<p>${Array.from({ length: 600 }, (_, i) => `<b title=${i}>`).join('')}start${'<p>x</p>'.repeat(500)}`;
  bodies.push(
    { name: 'formatting bomb', html: bomb },
    {
      name: '15,000 paragraphs',
      html: '<p>a <b>paragraph</b> with <i>formatting</i></p>'.repeat(15_000),
    },
    { name: '130,000 unclosed headings', html: '<h2>h'.repeat(130_000) },
    { name: '200,000 characters of text', html: `<p>${'word '.repeat(20_000)}</p>`.repeat(2) },
  );
  for (const raw of attackCorpus.filter((e) => e.input.length < 50_000)) {
    const entry = materialize(raw);
    bodies.push({ name: `attack [${entry.class}] ${entry.name}`, html: entry.input });
  }
  return bodies;
}

describe('a long HTML body sanitised in slices becomes exactly what it would in one piece', function () {
  this.timeout(300_000);
  const paths: [string, () => InertParse][] = [
    [
      'platform',
      () => {
        const parse = platformParser();
        if (!parse) throw new Error('this browser has no HTML Sanitizer API');
        return parse;
      },
    ],
    ['DOMPurify', () => purifyParser(ALLOW_LIST)],
  ];
  const options = {
    baseUrl: 'https://example.org/feed.json',
    continueUrl: 'https://example.org/story',
    headingOffset: 2,
  };
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => {};
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('cuts only at the top level: the slices of well-formed HTML, and none inside an element', () => {
    expect(sliceHtml('<p>a</p> <div><p>b</p></div>text<h2>c</h2>', 1, 1)).to.deep.equal([
      '<p>a</p> ',
      '<div><p>b</p></div>text',
      '<h2>c</h2>',
    ]);
    // Implied ends the parser knows: a `<p>` before a block, a heading before a heading.
    expect(sliceHtml('<p>a<p>b<h2>c<h3>d', 1, 1)).to.deep.equal(['<p>a', '<p>b', '<h2>c', '<h3>d']);
    // A doctype is repeated, so every slice parses in the same mode.
    expect(sliceHtml('<!DOCTYPE html><p>a</p><p>b</p>', 1, 1)).to.deep.equal([
      '<!DOCTYPE html><p>a</p>',
      '<!DOCTYPE html><p>b</p>',
    ]);
    // Misnested: the rest stays one piece.
    expect(sliceHtml('<p>a</p><b><p>b</b></p><p>c</p>', 1, 1)).to.deep.equal([
      '<p>a</p>',
      '<b><p>b</b></p><p>c</p>',
    ]);
    // Never before a tag a document parse would put in the head.
    expect(sliceHtml('<p>a</p><title>t</title><p>b</p>', 1, 1)).to.deep.equal([
      '<p>a</p><title>t</title>',
      '<p>b</p>',
    ]);
  });

  it('a body at the node budget is cut into many slices within the limits', () => {
    const html = '<p>a <b>paragraph</b> with <i>formatting</i></p>'.repeat(15_000);
    const defused = defuseHtml(html, bodyBudget());
    const slices = sliceHtml(defused, SLICE.nodes, SLICE.chars);
    expect(slices.join('')).to.equal(defused);
    expect(slices.length).to.be.at.least(MAX_BODY_NODES / SLICE.nodes);
    for (const slice of slices) expect(slice.length).to.be.at.most(SLICE.chars + 100);
  });

  for (const [path, parser] of paths) {
    it(`${path}: every body of the corpus, cut at every point allowed`, async () => {
      const parse = parser();
      const bodies = await corpus();
      const different: string[] = [];
      let sliced = 0;
      for (const { name, html } of bodies) {
        const whole = serialised(await sanitizeHtml(html, options, parse, ONE_PIECE));
        const cut = serialised(await sanitizeHtml(html, options, parse, EVERY_POINT));
        if (sliceHtml(defuseHtml(html, bodyBudget()), 1, 1).length > 1) sliced++;
        if (whole !== cut)
          different.push(`${name}\n  whole ${whole.slice(0, 300)}\n  cut   ${cut.slice(0, 300)}`);
      }
      console.log(
        `slices [${path}]: ${bodies.length} bodies, ${sliced} cut in slices, ${different.length} different`,
      );
      expect(bodies.length).to.be.above(50);
      expect(sliced).to.be.above(bodies.length / 4);
      expect(different.slice(0, 5)).to.deep.equal([]);
    });

    it(`${path}: 3,000 generated tag soups, cut at every point allowed`, async () => {
      const parse = parser();
      const next = random(16);
      const different: string[] = [];
      let sliced = 0;
      for (let k = 0; k < 3_000; k++) {
        const html = soup(next);
        const whole = serialised(await sanitizeHtml(html, options, parse, ONE_PIECE));
        const cut = serialised(await sanitizeHtml(html, options, parse, EVERY_POINT));
        if (sliceHtml(defuseHtml(html, bodyBudget()), 1, 1).length > 1) sliced++;
        if (whole !== cut)
          different.push(`${JSON.stringify(html)}\n  whole ${whole}\n  cut   ${cut}`);
      }
      console.log(
        `slices [${path}]: 3,000 soups, ${sliced} cut in slices, ${different.length} different`,
      );
      expect(sliced).to.be.above(300);
      expect(different.slice(0, 5)).to.deep.equal([]);
    });
  }
});
