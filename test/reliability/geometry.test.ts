import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/article-card.js';
import '../../src/define/article-list.js';
import '../../src/define/story-navigator.js';
import '../../src/define/report-download.js';
import {
  LONG_KOREAN,
  LONG_RTL,
  LONG_WORD,
  ZALGO,
  hostileBodies,
  hostileItem,
  hostileReport,
} from '../fixtures/geometry/hostile.js';
import { cleanup, nextEvent } from '../helpers.js';

/**
 * Nothing a feed contains draws outside the element or widens the page. Each hostile input is
 * rendered in a 320 px and a 120 px column; then every element and every line of text in the
 * shadow tree must lie inside the host's box (1 px slack). Content inside a scroll container
 * or a clipping box counts where it is visible: the container itself must be inside. Text may
 * not be cut off sideways by a clipping box (unless it ends in an ellipsis), ordered-list
 * numbers must fit, and stacked combining marks must be clipped before they paint outside.
 */

const WIDTHS = [320, 120];
const SLACK = 1;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
const EVERYWHERE: Box = { left: -Infinity, right: Infinity, top: -Infinity, bottom: Infinity };

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

function script(json: object): string {
  // `<` escaped: a body's `</script>` must not end the inline feed early.
  return `<script type="application/feed+json">${JSON.stringify(json).replace(/</g, '\\u003c')}</script>`;
}

function feedOf(items: object[]): object {
  return { version: 'https://jsonfeed.org/version/1.1', title: 'Geometry', items };
}

/** A three-part series whose part 2 is `item`; parts 1 and 3 are ordinary. */
function seriesFeed(item: Record<string, unknown>, seriesTitle = 'A series'): object {
  const series = (part: number) => ({ id: 'geo', title: seriesTitle, part, total: 3 });
  const plain = (part: number) => ({
    id: `geo-${part}`,
    url: `https://example.org/geo-${part}`,
    title: `Part ${part}`,
    _lantern: { series: series(part) },
  });
  const ext = (item._lantern ?? {}) as object;
  return feedOf([
    plain(1),
    { ...item, id: 'geo-2', _lantern: { ...ext, series: series(2) } },
    plain(3),
  ]);
}

/** Renders `markup` in a column `width` px wide and waits until it and any cards in it have loaded. */
async function render(
  markup: string,
  width: number,
): Promise<{ host: Widget; column: HTMLElement }> {
  const column = document.createElement('div');
  column.className = 'test-container';
  column.style.width = `${width}px`;
  const loaded = Promise.race([
    nextEvent(column, 'lantern-load'),
    nextEvent(column, 'lantern-error'),
  ]);
  column.innerHTML = markup;
  document.body.append(column);
  await loaded;
  const host = column.firstElementChild as Widget;
  await host.updateComplete;
  const cards = host.shadowRoot?.querySelectorAll<Widget>('lantern-article-card') ?? [];
  await Promise.all([...cards].map((card) => card.updateComplete));
  // Two frames: layout, container queries and lazy image boxes have settled.
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await frames();
  // A list's cards away from the screen are not laid out (`content-visibility: auto`) until a
  // reader scrolls near them, and what a browser reports for them meanwhile differs (Firefox
  // gives their text's boxes from outside the room the list keeps): each is measured as a reader
  // sees it, in view.
  for (const card of cards) {
    card.scrollIntoView();
    await frames();
  }
  return { host, column };
}

function composedParent(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent instanceof ShadowRoot ? parent.host : null;
}

function boxOf(rect: DOMRect): Box {
  return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
}

function intersect(a: Box, b: Box): Box {
  return {
    left: Math.max(a.left, b.left),
    right: Math.min(a.right, b.right),
    top: Math.max(a.top, b.top),
    bottom: Math.min(a.bottom, b.bottom),
  };
}

function inside(box: Box, outer: Box): boolean {
  return (
    box.left >= outer.left - SLACK &&
    box.right <= outer.right + SLACK &&
    box.top >= outer.top - SLACK &&
    box.bottom <= outer.bottom + SLACK
  );
}

const clipsPaint = (style: CSSStyleDeclaration) => /paint|strict|content/.test(style.contain);
const clipsX = (style: CSSStyleDeclaration) => style.overflowX !== 'visible' || clipsPaint(style);
const clipsY = (style: CSSStyleDeclaration) => style.overflowY !== 'visible' || clipsPaint(style);
const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';

function nameOf(node: Node): string {
  const el = node instanceof Element ? node : node.parentElement;
  const path: string[] = [];
  for (let e: Element | null = el; e && path.length < 4; e = composedParent(e)) {
    path.unshift(`${e.localName}${e.classList.length ? `.${[...e.classList].join('.')}` : ''}`);
  }
  const what = node instanceof Text ? ` text "${node.data.slice(0, 16)}…"` : '';
  return `${path.join(' > ')}${what}`;
}

function format(box: Box): string {
  const r = (n: number) => Math.round(n);
  return `x ${r(box.left)}..${r(box.right)} y ${r(box.top)}..${r(box.bottom)}`;
}

/** Width of an ordered-list marker such as "2147483647. " in the item's font. */
const canvas = document.createElement('canvas').getContext('2d')!;
function markerWidth(li: HTMLLIElement, style: CSSStyleDeclaration): number {
  const ol = li.parentElement as HTMLOListElement;
  const items = [...ol.children].filter((c) => c.localName === 'li');
  const index = items.indexOf(li);
  const start = ol.reversed && !ol.hasAttribute('start') ? items.length : ol.start;
  const value = ol.reversed ? start - index : start + index;
  canvas.font = style.font;
  return canvas.measureText(`${value}. `).width;
}

/** Everything in `host`'s shadow tree (nested shadow trees included) that escapes the host's box. */
function escapes(host: Element): string[] {
  const hostBox = boxOf(host.getBoundingClientRect());
  const problems: string[] = [];
  const styles = new Map<Element, CSSStyleDeclaration>();
  const style = (el: Element) => {
    let s = styles.get(el);
    if (!s) styles.set(el, (s = getComputedStyle(el)));
    return s;
  };
  const clips = new Map<Element, Box>();
  /** The area in which `el`'s descendants are visible, from clipping boxes up to (not including) the host. */
  const clipInside = (el: Element): Box => {
    if (el === host) return EVERYWHERE;
    let clip = clips.get(el);
    if (clip) return clip;
    clip = clipInside(composedParent(el) ?? host);
    const s = style(el);
    if (clipsX(s) || clipsY(s)) {
      const own = boxOf(el.getBoundingClientRect());
      // overflow: clip paints up to overflow-clip-margin beyond the box.
      const margin =
        s.overflowX === 'clip' && s.overflowY === 'clip'
          ? Number(/([\d.]+)px/.exec(s.overflowClipMargin)?.[1] ?? 0)
          : 0;
      own.left -= margin;
      own.right += margin;
      own.top -= margin;
      own.bottom += margin;
      clip = intersect(clip, {
        left: clipsX(s) ? own.left : -Infinity,
        right: clipsX(s) ? own.right : Infinity,
        top: clipsY(s) ? own.top : -Infinity,
        bottom: clipsY(s) ? own.bottom : Infinity,
      });
    }
    clips.set(el, clip);
    return clip;
  };
  const report = (message: string) => {
    if (problems.length < 6) problems.push(message);
  };
  const check = (node: Node, box: Box, clip: Box) => {
    if (box.right - box.left <= 0 && box.bottom - box.top <= 0) return;
    const visible = intersect(box, clip);
    if (visible.right <= visible.left || visible.bottom <= visible.top) return;
    if (!inside(visible, hostBox)) {
      report(`${nameOf(node)} draws at ${format(visible)}, outside the host at ${format(hostBox)}`);
    }
  };

  const visit = (node: Node) => {
    if (node instanceof Element) {
      const s = style(node);
      // Hidden, or clipped to nothing (visually hidden text for screen readers).
      if (s.display === 'none' || s.clipPath !== 'none') return;
      const parent = composedParent(node) ?? host;
      check(node, boxOf(node.getBoundingClientRect()), clipInside(parent));
      if (node instanceof HTMLLIElement && node.parentElement instanceof HTMLOListElement) {
        if (
          s.display === 'list-item' &&
          s.listStylePosition === 'outside' &&
          s.listStyleType !== 'none'
        ) {
          const li = boxOf(node.getBoundingClientRect());
          const width = markerWidth(node, s);
          const rtl = s.direction === 'rtl';
          const marker = {
            ...li,
            left: rtl ? li.right : li.left - width,
            right: rtl ? li.right + width : li.left,
          };
          const area = intersect(hostBox, clipInside(parent));
          if (!inside(marker, area)) {
            report(
              `${nameOf(node)}'s number is drawn at ${format(marker)}, outside ${format(area)}`,
            );
          }
        }
      }
      const children = node.shadowRoot ? [...node.shadowRoot.childNodes] : [...node.childNodes];
      for (const child of children) visit(child);
      return;
    }
    if (!(node instanceof Text) || !node.data.trim()) return;
    const parent = node.parentElement ?? host;
    if (parent.localName === 'script' || parent.localName === 'style') return;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].map(boxOf);
    const clip = clipInside(parent);
    for (const rect of rects) check(node, rect, clip);
    // Cut off sideways: a clipping box (not a scroller, not an ellipsis) hides part of a line.
    for (let el: Element | null = parent; el && el !== host; el = composedParent(el)) {
      const s = style(el);
      if (scrolls(s.overflowX)) break;
      if (!clipsX(s)) continue;
      if (s.textOverflow === 'ellipsis') break;
      const own = boxOf(el.getBoundingClientRect());
      const cut = rects.find((r) => r.left < own.left - SLACK || r.right > own.right + SLACK);
      if (cut)
        report(
          `${nameOf(node)} is cut off sideways at ${format(cut)} by ${nameOf(el)} at ${format(own)}`,
        );
      break;
    }
    // Stacked combining marks paint far outside their line box: something must clip them.
    if (/\p{M}{8}/u.test(node.data)) {
      let clipped = false;
      for (
        let el: Element | null = parent;
        el && !clipped;
        el = el === host ? null : composedParent(el)
      ) {
        const s = style(el);
        clipped = clipsX(s) && clipsY(s);
      }
      if (!clipped)
        report(`${nameOf(node)}: combining marks are not clipped by anything up to the host`);
    }
  };
  for (const child of host.shadowRoot?.childNodes ?? []) visit(child);
  return problems;
}

/** Asserts the rendered widget stays in its column and the page does not scroll sideways. */
function expectContained(host: Widget, column: HTMLElement): void {
  const problems = escapes(host);
  const hostBox = boxOf(host.getBoundingClientRect());
  const columnBox = boxOf(column.getBoundingClientRect());
  if (hostBox.left < columnBox.left - SLACK || hostBox.right > columnBox.right + SLACK) {
    problems.unshift(
      `the host (${format(hostBox)}) is wider than its column (${format(columnBox)})`,
    );
  }
  const page = document.documentElement;
  if (page.scrollWidth > innerWidth) {
    problems.unshift(`the page scrolls sideways: scrollWidth ${page.scrollWidth} > ${innerWidth}`);
  }
  expect(problems, problems.join('\n')).to.deep.equal([]);
}

const reveal = 'reveal-warned';

describe('geometry: rich bodies stay inside the element', () => {
  afterEach(cleanup);

  for (const [name, body] of Object.entries(hostileBodies)) {
    for (const width of WIDTHS) {
      it(`${name}: reader mode at ${width} px`, async () => {
        const feed = seriesFeed({
          title: 'Body',
          url: 'https://example.org/b',
          content_html: body,
        });
        const { host, column } = await render(
          `<lantern-story-navigator mode="reader" part="2" ${reveal}>${script(feed)}</lantern-story-navigator>`,
          width,
        );
        expect(host.shadowRoot!.querySelector('.body')?.childNodes.length).to.be.greaterThan(0);
        expectContained(host, column);
      });

      it(`${name}: report summary at ${width} px`, async () => {
        const feed = feedOf([{ id: 'r', title: 'Report', content_html: body }]);
        const { host, column } = await render(
          `<lantern-report-download ${reveal}>${script(feed)}</lantern-report-download>`,
          width,
        );
        expect(host.shadowRoot!.querySelector('.summary')?.childNodes.length).to.be.greaterThan(0);
        expectContained(host, column);
      });
    }
  }
});

/*
 * The same markup put straight into the rendered body, past the sanitiser's budgets (which
 * flatten deep nesting and clamp `colspan` and `width`): the styles contain it on their own.
 * The fixtures are static, script-free markup, so writing them with innerHTML is safe here.
 */
describe('geometry: the styles alone contain markup the sanitiser would have trimmed', () => {
  afterEach(cleanup);

  for (const [name, body] of Object.entries(hostileBodies)) {
    for (const width of WIDTHS) {
      it(`${name}: reader mode at ${width} px`, async () => {
        const feed = seriesFeed({
          title: 'Body',
          url: 'https://example.org/b',
          content_html: '<p>x</p>',
        });
        const { host, column } = await render(
          `<lantern-story-navigator mode="reader" part="2" ${reveal}>${script(feed)}</lantern-story-navigator>`,
          width,
        );
        host.shadowRoot!.querySelector('.body')!.innerHTML = body;
        await new Promise((r) => requestAnimationFrame(r));
        expectContained(host, column);
      });

      it(`${name}: report summary at ${width} px`, async () => {
        const feed = feedOf([{ id: 'r', title: 'Report', content_html: '<p>x</p>' }]);
        const { host, column } = await render(
          `<lantern-report-download ${reveal}>${script(feed)}</lantern-report-download>`,
          width,
        );
        host.shadowRoot!.querySelector('div.summary > .rich')!.innerHTML = body;
        await new Promise((r) => requestAnimationFrame(r));
        expectContained(host, column);
      });
    }
  }
});

const words: [string, string, string?][] = [
  ['a 5,000-character word', LONG_WORD],
  ['5,000 Korean characters without a space (keep-all)', LONG_KOREAN, 'ko'],
  ['a 5,000-character right-to-left word', LONG_RTL, 'he'],
  ['zalgo text', ZALGO],
];

describe('geometry: long plain-text fields wrap inside the element', () => {
  afterEach(cleanup);

  for (const [what, word, language] of words) {
    const item = hostileItem(word, language ? { language } : {});
    const widgets: [string, () => string][] = [
      ['card', () => `<lantern-article-card ${reveal}>${script(item)}</lantern-article-card>`],
      [
        'horizontal card',
        () =>
          `<lantern-article-card layout="horizontal" ${reveal}>${script(item)}</lantern-article-card>`,
      ],
      [
        'compact card',
        () =>
          `<lantern-article-card layout="compact" ${reveal}>${script(item)}</lantern-article-card>`,
      ],
      [
        'list',
        () =>
          `<lantern-article-list ${reveal}>${script(feedOf([item, { ...item, id: 'second' }]))}</lantern-article-list>`,
      ],
      [
        'navigator',
        () =>
          `<lantern-story-navigator part="2" ${reveal}>${script(seriesFeed(item, word))}</lantern-story-navigator>`,
      ],
      [
        'compact navigator',
        () =>
          `<lantern-story-navigator variant="compact" part="2" ${reveal}>${script(seriesFeed(item, word))}</lantern-story-navigator>`,
      ],
      [
        'reader mode',
        () =>
          `<lantern-story-navigator mode="reader" part="2" ${reveal}>${script(seriesFeed({ ...item, content_text: word }, word))}</lantern-story-navigator>`,
      ],
      [
        'report',
        () =>
          `<lantern-report-download ${reveal}>${script(feedOf([{ ...hostileReport(word), ...(language ? { language } : {}) }]))}</lantern-report-download>`,
      ],
    ];
    for (const [widget, markup] of widgets) {
      // The image goes beside the text only from 34em up.
      for (const width of widget === 'horizontal card' ? [600, ...WIDTHS] : WIDTHS) {
        it(`${what}: ${widget} at ${width} px`, async () => {
          const { host, column } = await render(markup(), width);
          expect(host.shadowRoot!.querySelector('.error'), 'rendered, not an error').to.equal(null);
          expectContained(host, column);
        });
      }
    }
  }
});

describe('geometry: floods', () => {
  afterEach(cleanup);

  it('20,000 <br> do not make the reader body a half-million pixels tall', async () => {
    const feed = seriesFeed({
      title: 'Breaks',
      content_html: `<p>kept${'<br>'.repeat(20_000)}end</p>`,
    });
    const { host, column } = await render(
      `<lantern-story-navigator mode="reader" part="2" ${reveal}>${script(feed)}</lantern-story-navigator>`,
      320,
    );
    expectContained(host, column);
    const height = host.getBoundingClientRect().height;
    // Only the sanitiser can tell empty lines from a poem's line breaks (CSS selectors ignore
    // text between <br>s): it collapses runs of <br>. A node budget alone still leaves 280,000 px.
    expect(height, `widget height ${Math.round(height)} px`).to.be.below(20_000);
  });
});

describe('geometry: in a box that shrinks to fit, a size container is one column wide', () => {
  // A sidebar that gives it no width (a flex row, a float, an `auto` grid track) beside the
  // partner's main column: a widget that is a size container (its content has no say in its
  // width) is 20em there. It vanished (0 px) before.
  const WIDGETS: Record<string, string> = {
    'horizontal card':
      '<lantern-article-card layout="horizontal" src="/demo/feed.json"></lantern-article-card>',
    list: '<lantern-article-list src="/demo/feed.json"></lantern-article-list>',
    'compact navigator':
      '<lantern-story-navigator variant="compact" src="/demo/feed.json"></lantern-story-navigator>',
    report: '<lantern-report-download src="/demo/feed.json"></lantern-report-download>',
  };
  const ROWS: Record<string, [string, string]> = {
    'flex row': ['display: flex; gap: 16px', ''],
    float: ['', 'float: right'],
    'auto grid track': ['display: grid; grid-template-columns: 1fr auto', ''],
  };
  /** The widths the `widgets` take in the asides of `html` (a box styled `boxStyle`), loaded. */
  async function widthsIn(boxStyle: string, html: string, widgets: string[]): Promise<number[]> {
    const box = document.createElement('div');
    box.style.cssText = `font-size: 16px; ${boxStyle}`;
    let i = 0;
    box.innerHTML = html.replace(/<\/aside>/g, () => `${widgets[i++]}</aside>`);
    document.body.append(box);
    const elements = [...box.querySelectorAll('aside > *')] as Widget[];
    try {
      await Promise.all(elements.map((el) => nextEvent(el, 'lantern-load')));
      await Promise.all(elements.map((el) => el.updateComplete));
      return elements.map((el) => el.getBoundingClientRect().width);
    } finally {
      box.remove();
    }
  }
  const main = (repeat: number) => `<main><p>${'Partner text. '.repeat(repeat)}</p></main>`;
  for (const [name, markup] of Object.entries(WIDGETS)) {
    for (const [row, [rowStyle, asideStyle]] of Object.entries(ROWS)) {
      it(`${name} in a ${row}`, async () => {
        const aside = `<aside style="${asideStyle}"></aside>`;
        const html = asideStyle ? aside + main(200) : main(200) + aside;
        const [width] = await widthsIn(`width: 1280px; ${rowStyle}`, html, [markup]);
        expect(width).to.be.closeTo(320, 1);
      });
    }
    it(`${name} floated in a phone's text column fits it`, async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const html = `<aside style="float: right"></aside>${main(40)}`;
        // 80vw: 256 px, inside the 272 px column.
        const [width] = await widthsIn('width: 272px', html, [markup]);
        expect(width).to.be.closeTo(256, 1);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }
  // Not size containers, so no 20em floor: two side by side in a phone's flex row (each column
  // flex: 1, as many themes write it) share it, instead of taking 20em each. A card's lines that
  // do not wrap (byline, date line, picture credit) end in an ellipsis there: they set no least
  // width (before, 186 px each: the row overflowed by 23 px).
  const pairs: [string, string, (width: number) => void][] = [
    ['lantern-article-card', 'share it', (width) => expect(width).to.be.closeTo(175, 1)],
    [
      'lantern-story-navigator',
      'are not held at 20em',
      (width) => expect(width).to.be.within(140, 210),
    ],
  ];
  for (const [tag, what, check] of pairs) {
    it(`two ${tag} in a phone's flex row ${what}`, async () => {
      const widget = `<${tag} src="/demo/feed.json"></${tag}>`;
      const col = '<aside style="flex: 1"></aside>';
      const widths = await widthsIn('display: flex; gap: 8px; width: 358px', col + col, [
        widget,
        widget,
      ]);
      for (const width of widths) check(width);
    });
  }
});
