import { expect } from '@open-wc/testing';
import { pathologicalMarkdown } from '../fixtures/attacks/index.js';
import { renderMarkdown } from '../../src/content/rich.js';
import { TARGETS, loadTargets, mountWith, seenText } from './targets.js';

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

function feedWith(markdown: string): unknown {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Pathological',
    items: [
      {
        id: 'p1',
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
          (t) =>
            t.available && ['lantern-story-navigator', 'lantern-report-download'].includes(t.tag),
        )) {
          const run = await measure(() =>
            mountWith(target, feedWith(entry.input), 'property', stage, { item: 'p1' }),
          );
          rows.push(
            `${entry.name} [${target.tag}] | ${fmt(run.totalMs)} | ${fmt(run.longestTaskMs)} | ${fmt(run.longestFrameGapMs)}`,
          );
          expect(run.result.failed, `${target.tag} failed`).to.equal(false);
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
