// Benchmark page code: every element given each hostile feed by `src`, while a long-task
// observer and a heartbeat (a timer chain and an animation-frame chain) watch the main thread.
// Bundled by scripts/bench.mjs into bench/dist/hostile.js.
import '../src/define/article-card.ts';
import '../src/define/article-list.ts';
import '../src/define/report-download.ts';
import '../src/define/story-navigator.ts';
import { hostileTargets } from './hostile-feeds.js';

let runs = 0;

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Watches the main thread until stopped: the longest long task and the longest heartbeat gap. */
function watch() {
  let longestTask = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  let longestGap = 0;
  let last = performance.now();
  let running = true;
  const beat = () => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
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
  return async () => {
    // One more frame and a little time, so a task still running and its entry are counted.
    await frame();
    await new Promise((r) => setTimeout(r, 50));
    beat();
    running = false;
    for (const entry of observer.takeRecords()) {
      longestTask = Math.max(longestTask, entry.duration);
    }
    observer.disconnect();
    return { longestTask, longestGap };
  };
}

window.bench = {
  platform: typeof Document.parseHTML === 'function',

  /**
   * Mounts `tag` with the feed at `url` (by `src`, or parsed first and set as `.feed`);
   * resolves with the longest task and gap, in ms.
   */
  async run(tag, url, property) {
    const stage = document.getElementById('stage');
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(hostileTargets[tag])) el.setAttribute(name, value);
    if (property) el.feed = await (await fetch(url)).json();
    // A new address each run: the loader keeps parsed feeds by address, and a cached feed
    // would hide the fetch and JSON.parse the first load of a page pays.
    else el.setAttribute('src', `${url}?run=${++runs}`);
    el.timeoutMs = 120_000;
    const done = new Promise((resolve) => {
      el.addEventListener('lantern-load', () => resolve(false), { once: true });
      el.addEventListener('lantern-error', (e) => resolve(e.detail?.message ?? 'error'), {
        once: true,
      });
    });
    await new Promise((r) => setTimeout(r, 200));
    const stop = watch();
    // The measured stretch, for the bench's trace (its own JSON parse above is not counted).
    performance.mark('lantern-bench-start');
    const start = performance.now();
    stage.append(el);
    const failed = await done;
    await el.updateComplete;
    const total = performance.now() - start;
    const { longestTask, longestGap } = await stop();
    performance.mark('lantern-bench-end');
    el.remove();
    await frame();
    return { longestTask, longestGap, total, failed };
  },

  /** `JSON.parse` of the feed at `url` alone: one step nothing can split. */
  async jsonParse(url) {
    const text = await (await fetch(url)).text();
    await frame();
    const start = performance.now();
    JSON.parse(text);
    return { ms: performance.now() - start, bytes: new TextEncoder().encode(text).length };
  },
};
