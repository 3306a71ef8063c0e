/**
 * The frame inside the staff preview. It is a page of its own, like a partner's: it loads the
 * library the way a partner's page does, so the widget is shown at a real viewport width, with
 * its own URL (the navigator's `#part-N`) and no styles of the preview page around it.
 */
import '../src/index.js';
import { html, render } from 'lit';
import { clearFeedCache } from '../src/content/load.js';
import { partnerPage } from './partner-page.js';
import type { FromFrame, ToFrame, WidgetConfig } from './protocol.js';

/** "Widget only" is still a page: it gets a (hidden) title heading like any partner page. */
const soloHeading = { en: 'Widget preview', ko: '위젯 미리보기' };

function post(message: FromFrame): void {
  if (window.parent !== window) window.parent.postMessage(message, location.origin);
}

/** A new element for every change: exactly what a partner's page gets on a fresh load. */
function createWidget(config: WidgetConfig): HTMLElement {
  const widget = document.createElement(config.tag);
  for (const [name, value] of Object.entries(config.attributes)) {
    widget.setAttribute(name, value === true ? '' : value);
  }
  if (config.data) {
    // postMessage has already structured-cloned the data into this page's realm.
    (widget as unknown as Record<string, unknown>)[config.data.property] = config.data.value;
  }
  return widget;
}

/**
 * Runs the frame: shows each widget the preview sends, reports its events, links and height.
 * Its one piece of state, the widget shown now, lives here rather than in the module.
 */
function startFrame(root: HTMLElement): void {
  let current: WidgetConfig | undefined;

  function show(config: WidgetConfig): void {
    // The page's placeholder goes; from now on Lit owns the root.
    if (!current) root.replaceChildren();
    current = config;
    // A part chosen in the navigator's reader mode must not outlive the widget it belonged to.
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    document.documentElement.lang = config.pageLanguage;
    document.body.className = config.view === 'partner' ? 'is-partner' : 'is-widget';
    // A fresh load has no feed in memory yet: "Load feed" again must show the feed as it is now.
    clearFeedCache();
    const widget = createWidget(config);
    // Imports have run, so every element this build has is registered by now.
    if (!customElements.get(config.tag)) {
      post({ type: 'lantern-preview:missing', serial: config.serial, tag: config.tag });
    }
    render(
      config.view === 'partner'
        ? partnerPage(config.pageLanguage, widget)
        : html`<main class="solo">
            <h1 class="visually-hidden">${soloHeading[config.pageLanguage]}</h1>
            ${widget}
          </main>`,
      root,
    );
  }

  window.addEventListener('message', (event: MessageEvent<ToFrame>) => {
    if (event.origin !== location.origin || event.source !== window.parent) return;
    if (event.data?.type === 'lantern-preview:render') show(event.data.config);
  });

  for (const type of ['lantern-load', 'lantern-error'] as const) {
    document.addEventListener(type, (event) => {
      if (!current) return;
      const detail = (event as CustomEvent).detail ?? {};
      post({
        type: 'lantern-preview:event',
        serial: current.serial,
        event: type,
        detail: { items: detail.items, message: detail.message, kind: detail.kind },
      });
    });
  }

  // The reader moved to another part in reader mode: the page's part picker and its embed code
  // follow, so what a staff member shares is the part they are looking at.
  document.addEventListener('lantern-part-change', (event) => {
    if (current)
      post({
        type: 'lantern-preview:part',
        serial: current.serial,
        part: (event as CustomEvent<{ part: number }>).detail.part,
      });
  });

  // Links would lead away to the partner's or our site; in the preview they stay put and the
  // page says where they go. The navigator's own in-page part links have already been handled.
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || !current) return;
    const link = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && !!node.href);
    if (!link) return;
    const target = new URL(link.href, location.href);
    if (target.origin === location.origin && target.pathname === location.pathname) return;
    event.preventDefault();
    post({ type: 'lantern-preview:link', serial: current.serial, href: link.href });
  });

  // The page sizes the frame to its content; the root (not the document, whose height is at least
  // the frame's own) is what to measure.
  new ResizeObserver(() => {
    post({
      type: 'lantern-preview:height',
      height: Math.ceil(root.getBoundingClientRect().height),
    });
  }).observe(root);

  post({ type: 'lantern-preview:ready' });
}

startFrame(document.getElementById('root')!);
