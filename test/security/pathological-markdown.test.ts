import { expect } from '@open-wc/testing';
import { pathologicalMarkdown } from '../fixtures/attacks/index.js';
import { MAX_BODY_NODES, renderMarkdown, renderRichContent } from '../../src/content/rich.js';
import { en } from '../../src/i18n/messages.js';
import { tagNames } from '../../src/tags.js';
import { TARGETS, loadTargets, mountWith, seenText } from './targets.js';
import { deepElements } from './trap.js';

/**
 * Generous: only hang guards (the machine may be busy). The figures printed are what matters.
 * Inside an element the longest task also holds Chromium's layout of the whole body.
 */
const MAX_LONG_TASK_MS = 1500;
const MAX_ELEMENT_LONG_TASK_MS = 2500;
const MAX_TOTAL_MS = 5000;

/** Watches the main thread while `work` runs: the longest task and the longest gap between frames. */
async function measure<T>(work: () => Promise<T>): Promise<{
  result: T;
  totalMs: number;
  longestTaskMs: number;
  longestFrameGapMs: number;
}> {
  let longestTaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  let longestFrameGapMs = 0;
  let last = performance.now();
  let running = true;
  const tick = (now: number) => {
    longestFrameGapMs = Math.max(longestFrameGapMs, now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const start = performance.now();
  const result = await work();
  const totalMs = performance.now() - start;
  // Let the last frame and long-task entries arrive.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
  running = false;
  for (const entry of observer.takeRecords()) {
    longestTaskMs = Math.max(longestTaskMs, entry.duration);
  }
  observer.disconnect();
  return { result, totalMs, longestTaskMs, longestFrameGapMs };
}

/** Where a cut body continues. */
const STORY_URL = 'https://example.org/p1';

function feedWith(markdown: string): unknown {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Pathological',
    items: [
      {
        id: 'p1',
        url: STORY_URL,
        title: 'A pathological body',
        summary: 'Summary',
        attachments: [
          { url: '/demo/files/nkdb-military-report-en.pdf', mime_type: 'application/pdf' },
        ],
        _lantern: {
          content_markdown: markdown,
          series: { id: 'attack-series', title: 'Series', part: 1, total: 1 },
        },
      },
    ],
  };
}

const fmt = (n: number) => `${Math.round(n)} ms`;

describe('pathological markdown renders or is refused quickly, without freezing the page', function () {
  this.timeout(120_000);
  const rows: string[] = [];
  let stage: HTMLElement;

  before(async () => {
    await loadTargets();
    stage = document.createElement('div');
    document.body.prepend(stage);
  });
  after(() => stage.remove());
  afterEach(() => {
    // Printed so the figures land in the test log: input | total | longest task | longest frame gap.
    for (const row of rows.splice(0)) console.log(`timing: ${row}`);
  });

  it('a long body parsed in chunks keeps reference links, code blocks and list numbers', async () => {
    const filler = 'An ordinary paragraph of a long story, long enough to fill chunks. '.repeat(20);
    const paragraphs = Array.from({ length: 40 }, (_, i) => `${filler} See [source ${i}][r${i}].`);
    const code = '```\nfirst line\n\n\nline after blank lines\n```';
    const list = Array.from({ length: 30 }, (_, i) => `${i + 1}. item ${i + 1}\n\n   ${filler}`);
    const markdown = [
      ...paragraphs.slice(0, 20),
      code,
      ...list,
      ...paragraphs.slice(20),
      Array.from({ length: 40 }, (_, i) => `[r${i}]: https://example.org/source-${i}`).join('\n'),
    ].join('\n\n');
    expect(markdown.length).to.be.above(60_000);
    const holder = document.createElement('div');
    holder.append(await renderMarkdown(markdown));
    const links = Array.from(holder.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(
      Array.from({ length: 40 }, (_, i) => `https://example.org/source-${i}`),
    );
    const pre = holder.querySelectorAll('pre');
    expect(pre.length).to.equal(1);
    expect(pre[0]!.textContent).to.contain('first line\n\n\nline after blank lines');
    // A list cut between chunks continues its numbering.
    const numbers = Array.from(holder.querySelectorAll('ol')).flatMap((ol) => {
      const start = Number(ol.getAttribute('start') ?? 1);
      return Array.from(ol.children, (_, i) => start + i);
    });
    expect(numbers).to.deep.equal(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(holder.textContent).to.not.contain('[r0]:');
  });

  for (const kb of [900, 1500]) {
    it(`a ${kb} KB HTML body renders (or, over 1 MB, shows as plain text) without a long freeze`, async () => {
      const paragraph =
        '<p>An ordinary paragraph with <b>bold</b> and <a href="https://example.org/">a link</a>.</p>';
      const html = `<p>kept</p>${paragraph.repeat(Math.round((kb * 1024) / paragraph.length))}`;
      const warn = console.warn;
      console.warn = () => {};
      try {
        const run = await measure(() => renderRichContent({ id: 'h', content_html: html }));
        rows.push(
          `${kb} KB of HTML [content layer] | ${fmt(run.totalMs)} | ${fmt(run.longestTaskMs)} | ${fmt(run.longestFrameGapMs)}`,
        );
        const holder = document.createElement('div');
        holder.append(run.result);
        expect(holder.textContent).to.contain('kept');
        expect(holder.querySelector('b, a') !== null, 'formatting kept under 1 MB').to.equal(
          kb < 1000,
        );
        expect(run.longestTaskMs).to.be.below(MAX_LONG_TASK_MS);
      } finally {
        console.warn = warn;
      }
    });
  }

  it('4,000 references across chunks: cut by the node budget with a visible link, and every reference shown resolves', async () => {
    // Issue 16: a body past MAX_BODY_NODES is cut with a visible "continues on the site" link,
    // never rendered whole (each reference paragraph is 5 nodes: p, text, a, text, text).
    const entry = pathologicalMarkdown.find((e) => e.name.startsWith('4,000 references'))!;
    const label = en.continueOnSite;
    const check = (root: ParentNode & Node, where: string) => {
      const cut = root.querySelector('[data-lantern-continues] a');
      expect(cut?.getAttribute('href'), `${where}: the cut links to the story`).to.equal(STORY_URL);
      expect(seenText(root), `${where}: the cut is visible`).to.contain(label);
      const refs = Array.from(root.querySelectorAll('a')).filter((a) => a !== cut);
      expect(refs.length, `${where}: references shown`).to.be.within(MAX_BODY_NODES / 10, 3999);
      // Reference definitions are resolved across chunks: the ones shown are source 0, 1, 2, …
      // in order, each pointing at its own definition, and none is left as "[source N][rN]".
      const wrong = refs.filter(
        (a, i) =>
          a.textContent !== `source ${i}` || a.getAttribute('href') !== `https://example.org/${i}`,
      );
      expect(wrong.map((a) => a.outerHTML).slice(0, 3), `${where}: unresolved`).to.deep.equal([]);
      expect(root.textContent, where).to.not.match(/\[source \d+\]|\[r\d+\]/);
    };
    const warn = console.warn;
    console.warn = () => {};
    try {
      const direct = await measure(() =>
        renderMarkdown(entry.input, { continueUrl: STORY_URL, continueLabel: label }),
      );
      const holder = document.createElement('div');
      holder.append(direct.result);
      stage.append(holder);
      rows.push(
        `${entry.name} [content layer] | ${fmt(direct.totalMs)} | ${fmt(direct.longestTaskMs)} | ${fmt(direct.longestFrameGapMs)}`,
      );
      check(holder, 'content layer');
      expect(direct.longestTaskMs, 'longest task').to.be.below(MAX_LONG_TASK_MS);
      expect(direct.totalMs, 'total').to.be.below(MAX_TOTAL_MS);
      for (const target of TARGETS.filter(
        (t) => t.tag === tagNames.navigator || t.tag === tagNames.report,
      )) {
        const run = await measure(() =>
          mountWith(target, feedWith(entry.input), 'property', stage, { item: 'p1' }),
        );
        rows.push(
          `${entry.name} [${target.tag}] | ${fmt(run.totalMs)} | ${fmt(run.longestTaskMs)} | ${fmt(run.longestFrameGapMs)}`,
        );
        expect(run.result.failed, `${target.tag} failed`).to.equal(false);
        // A long report summary shows its opening first: the reader presses "Show more".
        const more =
          run.result.el.shadowRoot!.querySelector<HTMLButtonElement>('.more-line button');
        if (more) {
          more.click();
          await (run.result.el as HTMLElement & { updateComplete: Promise<unknown> })
            .updateComplete;
        }
        // The body is what holds the cut (the report's summary: opening, rest and cut).
        const body = [...deepElements(run.result.el.shadowRoot!)]
          .find((node) => node.hasAttribute('data-lantern-continues'))
          ?.parentElement?.closest('.summary, .body');
        expect(body, `${target.tag}: a cut body`).to.not.equal(undefined);
        check(body!, target.tag);
        expect(run.longestTaskMs, `${target.tag} longest task`).to.be.below(
          MAX_ELEMENT_LONG_TASK_MS,
        );
        expect(run.totalMs, `${target.tag} total`).to.be.below(MAX_TOTAL_MS);
      }
    } finally {
      console.warn = warn;
      stage.replaceChildren();
    }
  });

  for (const entry of pathologicalMarkdown) {
    it(`${entry.name} (${(entry.input.length / 1024).toFixed(0)} KB)`, async () => {
      const warn = console.warn;
      console.warn = () => {};
      try {
        const direct = await measure(() => renderMarkdown(entry.input, {}));
        const holder = document.createElement('div');
        holder.append(direct.result);
        stage.append(holder);
        expect(seenText(holder)).to.contain(entry.mustShowText);
        rows.push(
          `${entry.name} [content layer] | ${fmt(direct.totalMs)} | ${fmt(direct.longestTaskMs)} | ${fmt(direct.longestFrameGapMs)}`,
        );
        expect(direct.longestTaskMs, 'longest task').to.be.below(MAX_LONG_TASK_MS);
        expect(direct.totalMs, 'total').to.be.below(MAX_TOTAL_MS);

        // Through the elements that show bodies.
        for (const target of TARGETS.filter(
          (t) => t.tag === tagNames.navigator || t.tag === tagNames.report,
        )) {
          const run = await measure(() =>
            mountWith(target, feedWith(entry.input), 'property', stage, { item: 'p1' }),
          );
          rows.push(
            `${entry.name} [${target.tag}] | ${fmt(run.totalMs)} | ${fmt(run.longestTaskMs)} | ${fmt(run.longestFrameGapMs)}`,
          );
          expect(run.result.failed, `${target.tag} failed`).to.equal(false);
          // A long report summary shows its opening: the reader opens the rest with "Show more".
          const more = run.result.el.shadowRoot?.querySelector<HTMLElement>('.more-line button');
          if (more) {
            more.click();
            await (run.result.el as HTMLElement & { updateComplete: Promise<unknown> })
              .updateComplete;
          }
          expect(seenText(run.result.el)).to.contain(entry.mustShowText);
          expect(run.longestTaskMs, `${target.tag} longest task`).to.be.below(
            MAX_ELEMENT_LONG_TASK_MS,
          );
          expect(run.totalMs, `${target.tag} total`).to.be.below(MAX_TOTAL_MS);
        }
      } finally {
        console.warn = warn;
        stage.replaceChildren();
      }
    });
  }
});
