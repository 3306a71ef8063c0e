// Windows High Contrast and other forced-colour modes: backgrounds go, so every box a reader
// tells apart by its colour must keep an edge. The browser draws every author border in a
// system colour there (CanvasText; LinkText for a link), so only boxes without a full border
// need a rule of their own.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define/article-card.js';
import '../../src/define/report-download.js';
import '../../src/define/story-navigator.js';
import { cleanup, devTools, mountLoaded, shadow } from '../helpers.js';

const FEED = '/demo/feed.json';

/** A system colour as this browser resolves it (forced colours give a border this colour). */
function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

/**
 * Each side's border as drawn: `drawn` in a system colour (CanvasText, LinkText for a link,
 * Highlight for the current part), else what is wrong with it.
 */
function edges(el: Element): string[] {
  const style = getComputedStyle(el);
  const system = ['CanvasText', 'LinkText', 'Highlight'].map(systemColor);
  return ['top', 'right', 'bottom', 'left'].map((side) => {
    const width = parseFloat(style.getPropertyValue(`border-${side}-width`));
    const kind = style.getPropertyValue(`border-${side}-style`);
    const color = style.getPropertyValue(`border-${side}-color`);
    if (!(width > 0) || kind === 'none' || kind === 'hidden') return 'none';
    return system.includes(color) ? 'drawn' : `in ${color}`;
  });
}

// Emulated through the DevTools protocol: Chromium only (see `devTools`).
(devTools ? describe : describe.skip)('forced colours', () => {
  // A command of web-test-runner.config.mjs (the runner's emulateMedia leaves it out for Chrome).
  before(() => executeServerCommand('forced-colors', 'active'));
  after(() => executeServerCommand('forced-colors', 'none'));
  afterEach(cleanup);

  it("keeps every box's edge: the card, its warning, its button, the navigator's parts and the report", async () => {
    const card = await mountLoaded<HTMLElement>(
      `<lantern-article-card src="${FEED}" item="yoon-ha-part-3"></lantern-article-card>`,
    );
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);
    for (const selector of ['.card', '.content-warning', '.reveal']) {
      expect(edges(shadow(card, selector)), selector).to.deep.equal(Array(4).fill('drawn'));
    }
    cleanup();
    const nav = await mountLoaded<HTMLElement>(
      `<lantern-story-navigator src="${FEED}" series="yoon-ha" part="2"></lantern-story-navigator>`,
    );
    for (const selector of ['.navigator', '.pager > *', '.part.current']) {
      expect(edges(shadow(nav, selector)), selector).to.deep.equal(Array(4).fill('drawn'));
    }
    cleanup();
    const report = await mountLoaded<HTMLElement>(
      `<lantern-report-download src="${FEED}" item="nkdb-military-report"></lantern-report-download>`,
    );
    for (const selector of ['.report', '.button']) {
      expect(edges(shadow(report, selector)), selector).to.deep.equal(Array(4).fill('drawn'));
    }
  });
});
