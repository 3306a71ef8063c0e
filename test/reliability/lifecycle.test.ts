import { expect } from '@open-wc/testing';
import { clearFeedCache, pendingFeedRequests } from '../../src/content/load.js';
import { tagNames, type TagName } from '../../src/tags.js';
import { nextEvent } from '../helpers.js';
import { TARGETS, loadTargets, seenText } from '../security/targets.js';

/**
 * Counters installed before any element exists: listeners on window and document, live timers,
 * and every fetch with its AbortSignal.
 */
const listeners = new Set<string>();
const listenerIds = new WeakMap<object, number>();
let nextListenerId = 0;
const liveTimers = new Set<number>();
const fetches: { url: string; signal?: AbortSignal | null }[] = [];

function listenerKey(target: EventTarget, type: string, listener: unknown, options: unknown) {
  if (!listener || (typeof listener !== 'function' && typeof listener !== 'object')) return '';
  let id = listenerIds.get(listener);
  if (id === undefined) listenerIds.set(listener, (id = nextListenerId++));
  const capture =
    typeof options === 'boolean' ? options : !!(options as { capture?: boolean })?.capture;
  return `${target === window ? 'window' : 'document'}:${type}:${id}:${capture}`;
}

const add = EventTarget.prototype.addEventListener;
const remove = EventTarget.prototype.removeEventListener;
EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
  if (this === window || this === document) {
    const key = listenerKey(this, type, listener, options);
    // `once` listeners go away by themselves; they cannot be counted as leaks reliably.
    if (key && !(typeof options === 'object' && options?.once)) listeners.add(key);
  }
  return add.call(this, type, listener, options);
};
EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
  if (this === window || this === document)
    listeners.delete(listenerKey(this, type, listener, options));
  return remove.call(this, type, listener, options);
};

const setTimeoutOriginal = window.setTimeout;
const clearTimeoutOriginal = window.clearTimeout;
window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id: number = setTimeoutOriginal(
    (...a: unknown[]) => {
      liveTimers.delete(id);
      if (typeof handler === 'function') (handler as (...x: unknown[]) => void)(...a);
    },
    ms,
    ...args,
  );
  liveTimers.add(id);
  return id;
}) as typeof window.setTimeout;
window.clearTimeout = ((id?: number) => {
  if (id !== undefined) liveTimers.delete(id);
  clearTimeoutOriginal(id);
}) as typeof window.clearTimeout;
const setIntervalOriginal = window.setInterval;
window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id = setIntervalOriginal(handler, ms, ...args);
  liveTimers.add(id);
  return id;
}) as typeof window.setInterval;
const clearIntervalOriginal = window.clearInterval;
window.clearInterval = ((id?: number) => {
  if (id !== undefined) liveTimers.delete(id);
  clearIntervalOriginal(id);
}) as typeof window.clearInterval;

const fetchOriginal = window.fetch;
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  fetches.push({ url: String(input instanceof Request ? input.url : input), signal: init?.signal });
  return fetchOriginal(input, init);
};

const task = () => new Promise((r) => setTimeoutOriginal(r, 0));
const settle = async () => {
  for (let i = 0; i < 5; i++) await task();
  await new Promise((r) => setTimeoutOriginal(r, 100));
};

const ATTRS: Partial<Record<TagName, Record<string, string>>> = {
  [tagNames.navigator]: { series: 'yoon-ha' },
  [tagNames.report]: { item: 'nkdb-military-report' },
};

function heapMb(): number | undefined {
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 1024 / 1024 : undefined;
}

function make(tag: TagName, src: string): HTMLElement & { updateComplete: Promise<unknown> } {
  const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
  for (const [name, value] of Object.entries(ATTRS[tag] ?? {})) el.setAttribute(name, value);
  el.setAttribute('src', src);
  return el;
}

describe('lifecycle: removed and re-added 1,000 times, nothing is left behind', function () {
  this.timeout(180_000);
  const host = document.createElement('div');

  before(async () => {
    await loadTargets();
    document.body.append(host);
  });
  beforeEach(() => clearFeedCache());
  after(() => host.remove());

  it('the counters see listeners, timers and fetches (so a zero below means something)', async () => {
    const listener = () => {};
    const size = listeners.size;
    window.addEventListener('hashchange', listener);
    expect(listeners.size).to.equal(size + 1);
    window.removeEventListener('hashchange', listener);
    expect(listeners.size).to.equal(size);
    const timer = window.setTimeout(() => {}, 10_000);
    expect(liveTimers.has(timer)).to.equal(true);
    window.clearTimeout(timer);
    expect(liveTimers.has(timer)).to.equal(false);
    const count = fetches.length;
    await fetch('/test-server/count/none');
    expect(fetches.length).to.equal(count + 1);
  });

  for (const target of TARGETS) {
    it(`<${target.tag}>: 1,000 cycles while loaded and 1,000 while loading leave no listener, timer or fetch`, async () => {
      await settle();
      const listenersBefore = new Set(listeners);
      const timersBefore = liveTimers.size;
      const heapBefore = heapMb();

      // Loaded: the element is moved out of and back into the page.
      const loadedEl = make(target.tag, '/demo/feed.json');
      const loaded = nextEvent(loadedEl, 'lantern-load');
      host.append(loadedEl);
      await loaded;
      for (let i = 0; i < 1000; i++) {
        loadedEl.remove();
        if (i % 50 === 0) await task();
        host.append(loadedEl);
      }
      await loadedEl.updateComplete;
      expect(seenText(loadedEl), 'still shows its content').to.not.equal('');
      expect(loadedEl.shadowRoot!.querySelector('.error')).to.equal(null);
      loadedEl.remove();

      // Loading: each time it is added a request starts; each removal must abort it.
      const key = `h-lifecycle-${target.define}-${Date.now()}`;
      const slow = make(target.tag, `/test-server/feed/feed.json?delay=400&key=${key}`);
      const fetchesBefore = fetches.length;
      for (let i = 0; i < 1000; i++) {
        host.append(slow);
        await task();
        slow.remove();
      }
      await settle();
      const started = fetches.slice(fetchesBefore);

      const leftListeners = [...listeners].filter((k) => !listenersBefore.has(k));
      const heapAfter = heapMb();
      console.log(
        `lifecycle <${target.tag}>: ${started.length} fetches started, ` +
          `${started.filter((f) => f.signal?.aborted).length} aborted; heap ` +
          (heapBefore === undefined
            ? 'n/a'
            : `${heapBefore.toFixed(1)} → ${heapAfter!.toFixed(1)} MB (no forced GC)`),
      );
      expect(pendingFeedRequests(), 'pending feed requests').to.equal(0);
      expect(leftListeners, 'listeners left on window/document').to.deep.equal([]);
      expect(liveTimers.size - timersBefore, 'timers left running').to.equal(0);
      expect(started.length, 'requests started while loading').to.be.above(0);
      expect(
        started.filter((f) => !f.signal?.aborted).map((f) => f.url),
        'requests not aborted',
      ).to.deep.equal([]);
      if (heapBefore !== undefined) {
        // A leak guard only: garbage is not collected on demand here.
        expect(heapAfter! - heapBefore, 'heap growth in MB').to.be.below(100);
      }
    });
  }

  it('changing src mid-flight aborts the old request and shows only the new feed', async () => {
    const key = `h-switch-${Date.now()}`;
    const el = make(tagNames.card, `/test-server/feed/feed.json?delay=1500&key=${key}`);
    const loads: CustomEvent[] = [];
    el.addEventListener('lantern-load', (e) => loads.push(e as CustomEvent));
    const before = fetches.length;
    host.append(el);
    await new Promise((r) => setTimeoutOriginal(r, 100));
    const old = fetches.slice(before).find((f) => f.url.includes(key));
    expect(old, 'the first request started').to.not.equal(undefined);
    expect(old!.signal?.aborted).to.equal(false);

    el.setAttribute('src', '/test-server/feed/series-12.json');
    await nextEvent(el, 'lantern-load');
    expect(old!.signal?.aborted, 'old request aborted').to.equal(true);
    const firstTitle = seenText(el);
    // Wait past the old response's delay: it must not overwrite the new content.
    await new Promise((r) => setTimeoutOriginal(r, 1700));
    expect(seenText(el)).to.equal(firstTitle);
    expect(seenText(el)).to.not.contain('North Korean Soldiers in Russia-Ukraine War');
    expect(loads.length).to.equal(1);
    expect(pendingFeedRequests()).to.equal(0);
    el.remove();
  });

  it('two widgets share one request; it is aborted only when the last one leaves', async () => {
    const src = `/test-server/feed/feed.json?delay=1500&key=h-shared-${Date.now()}`;
    const a = make(tagNames.card, src);
    const b = make(tagNames.card, src);
    const before = fetches.length;
    host.append(a, b);
    await new Promise((r) => setTimeoutOriginal(r, 100));
    const started = fetches.slice(before).filter((f) => f.url.includes('h-shared'));
    expect(started.length, 'one request for two widgets').to.equal(1);
    a.remove();
    await task();
    expect(started[0]!.signal?.aborted, 'still needed by the other widget').to.equal(false);
    expect(pendingFeedRequests()).to.equal(1);
    b.remove();
    await task();
    expect(started[0]!.signal?.aborted).to.equal(true);
    expect(pendingFeedRequests()).to.equal(0);
  });
});
