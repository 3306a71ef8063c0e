import 'axe-core/axe.js';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';
import { expect } from '@open-wc/testing';
import type { Feed } from '../src/content/types.js';

const axe = (
  window as unknown as { axe: { run(c: ElementContext, o: RunOptions): Promise<AxeResults> } }
).axe;

/**
 * The suite runs in Chromium and in Firefox (web-test-runner.firefox.config.mjs), which the
 * runner drives over WebDriver BiDi: there is no DevTools protocol there, so no accessibility
 * tree snapshot (`a11ySnapshot`), no forced-colours and no media emulation. A check that needs one
 * of those runs where `devTools` is true; the rest of its test runs in both.
 */
export const firefox = navigator.userAgent.includes('Firefox/');
export const devTools = !firefox;
/** `it` for a test that is about what only the DevTools protocol can set up or read. */
export const itDevTools = devTools ? it : it.skip;

/** Resolves with the next `type` event from `target`. */
export function nextEvent<T = unknown>(
  target: EventTarget,
  type: string,
  timeoutMs = 8000,
): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${type} event within ${timeoutMs} ms`)),
      timeoutMs,
    );
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event as CustomEvent<T>);
      },
      { once: true },
    );
  });
}

/** Places markup in a fresh container on the page and returns its first element. */
export function mount<T extends Element = HTMLElement>(markup: string): T {
  const container = document.createElement('div');
  container.className = 'test-container';
  container.innerHTML = markup;
  document.body.append(container);
  return container.firstElementChild as T;
}

/**
 * Resolves once the browser has rendered a frame: sizes as a reader sees them. (A card far from
 * the screen is not laid out, `content-visibility: auto`; whether it is near the screen is
 * decided in the frame, so a size read before one is the card's estimate.)
 */
export function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * For an element just mounted with a slow feed: its skeleton is shown, then replaced by the
 * content, and the element keeps its size (width equal, height within 2 px), measured in painted
 * frames as a reader sees them. `onSkeleton` runs while the skeleton shows (an axe check).
 */
export async function expectSizeKept(
  el: HTMLElement & { updateComplete: Promise<unknown> },
  onSkeleton?: () => Promise<void>,
): Promise<void> {
  const loaded = nextEvent(el, 'lantern-load');
  await el.updateComplete;
  expect(el.shadowRoot!.querySelector('.skeleton') !== null, 'skeleton shown').to.equal(true);
  await painted();
  const skeleton = el.getBoundingClientRect();
  await onSkeleton?.();
  await loaded;
  await el.updateComplete;
  expect(el.shadowRoot!.querySelector('.skeleton') === null, 'skeleton gone').to.equal(true);
  await painted();
  const final = el.getBoundingClientRect();
  expect(final.width).to.equal(skeleton.width);
  expect(
    Math.abs(final.height - skeleton.height),
    `${skeleton.height} → ${final.height}`,
  ).to.be.at.most(2);
}

export function cleanup(): void {
  for (const el of document.querySelectorAll('.test-container')) el.remove();
}

/** Mounts an element and waits until it has rendered its data (or failed). */
export async function mountLoaded<T extends HTMLElement>(markup: string): Promise<T> {
  const container = document.createElement('div');
  container.className = 'test-container';
  const done = Promise.race([
    nextEvent(container, 'lantern-load'),
    nextEvent(container, 'lantern-error'),
  ]);
  container.innerHTML = markup;
  document.body.append(container);
  await done;
  const el = container.firstElementChild as T & { updateComplete?: Promise<unknown> };
  await el.updateComplete;
  return el;
}

/** The text a sighted reader sees inside an element's shadow root, whitespace collapsed. */
export function visibleText(el: Element): string {
  const root = el.shadowRoot ?? el;
  return (
    (root as ParentNode & { textContent: string | null }).textContent
      ?.replace(/\s+/g, ' ')
      .trim() ?? ''
  );
}

/**
 * The text of `node` as drawn, generated content included (a `::before`'s ' · ' between tags);
 * aria-hidden text included too, as it is seen. Whitespace collapsed.
 */
export function drawnText(node: Node): string {
  const walk = (n: Node): string => {
    if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? '';
    if (!(n instanceof Element)) return '';
    const pseudo = (which: '::before' | '::after') =>
      /^"((?:[^"\\]|\\.)*)"/.exec(getComputedStyle(n, which).content)?.[1] ?? '';
    return pseudo('::before') + [...n.childNodes].map(walk).join('') + pseudo('::after');
  };
  return walk(node).replace(/\s+/g, ' ').trim();
}

/** The text a widget shows, through the shadow roots of the cards (or other widgets) inside it. */
export function deepText(el: Element): string {
  return (
    [...(el.shadowRoot?.querySelectorAll('*') ?? [])]
      .map((child) => (child.shadowRoot ? deepText(child) : ''))
      .join(' ') + visibleText(el)
  );
}

/** The demo feed as a framework would pass it, its `feed_url` absolute so relative URLs resolve. */
export async function demoFeed(): Promise<Feed> {
  const url = '/demo/feed.json';
  const feed = (await (await fetch(url)).json()) as Feed;
  feed.feed_url = new URL(url, location.href).href;
  return feed;
}

export function shadow<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in <${el.localName}>`);
  return found;
}

/** Runs axe on the element (including its shadow tree) and fails with the violations listed. */
export async function expectAxeClean(el: Element): Promise<void> {
  const result = await axe.run(el, { resultTypes: ['violations'] });
  const lines = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(lines, lines.join('\n')).to.deep.equal([]);
}

/**
 * Every text a screen reader reads aloud in a widget, with the language it is read in (its
 * nearest `lang`, through the shadow root to the page): Korean interface text must not be read
 * by an English voice, nor an English story by a Korean one.
 */
export function voices(widget: Element): { text: string; lang: string }[] {
  const walker = document.createTreeWalker(widget.shadowRoot!, NodeFilter.SHOW_TEXT);
  const heard: { text: string; lang: string }[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement!;
    const text = node.textContent!.trim();
    if (!text || element.closest('[aria-hidden="true"], style')) continue;
    const lang =
      (element.closest('[lang]') ?? widget.closest('[lang]'))?.getAttribute('lang') ?? '';
    heard.push({ text, lang });
  }
  return heard;
}
