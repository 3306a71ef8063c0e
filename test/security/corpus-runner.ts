/** Pushes one attack input through every path into every element and collects what went wrong. */
// Every field read, as the content API (lantern-widgets/content) reads them: attachments,
// `_lantern.report` and `_lantern.series` too (the widgets' entries leave those to their code).
import '../../src/content/index.js';
import { materialize, type AttackInput } from '../fixtures/attacks/index.js';
import { clearFeedCache } from '../../src/content/load.js';
import { renderRichContent } from '../../src/content/rich.js';
import { parseFeed } from '../../src/content/parse.js';
import { tagNames } from '../../src/tags.js';
import type { FeedItem } from '../../src/content/types.js';
import { auditRendered, clobberingFindings, deepElements, takeFindings } from './trap.js';
import {
  TARGETS,
  attackFeed,
  mountWith,
  seenText,
  type BodyPath,
  type Channel,
} from './targets.js';

const BODY_PATHS: BodyPath[] = ['markdown', 'html', 'text'];
const CHANNEL: Record<BodyPath, Channel> = { markdown: 'property', html: 'inline', text: 'src' };
/** `src` puts the feed in a query string; larger inputs go by property instead. */
const MAX_SRC_INPUT = 3000;

/** Console warnings are expected (every refused URL is named); count them instead of printing thousands. */
export function muteWarnings(): { restore: () => number } {
  const warn = console.warn;
  let count = 0;
  console.warn = () => void count++;
  return {
    restore: () => {
      console.warn = warn;
      return count;
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

/**
 * Every attack item carries a content warning (the input), and since issue 16 a warned item's
 * image, summary and body wait behind "Show content". The runner reveals them, as a reader
 * would, so the gated content is audited and searched too: `reveal-warned` where the element
 * has it, and a press of each remaining "Show content" button (the list's cards).
 */
const REVEAL = { 'reveal-warned': '' };

async function pressShowContent(el: HTMLElement): Promise<void> {
  const buttons = [...deepElements(el.shadowRoot ?? el)].filter(
    (node): node is HTMLButtonElement =>
      node instanceof HTMLButtonElement &&
      // "Show content" behind a warning, and "Show more" under a long report summary.
      (node.classList.contains('reveal') ||
        !!node.parentElement?.classList.contains('more-line')) &&
      node.getAttribute('aria-expanded') === 'false',
  );
  for (const button of buttons) button.click();
  const hosts = [el, ...deepElements(el.shadowRoot ?? el)] as (Element & {
    updateComplete?: Promise<unknown>;
  })[];
  await Promise.all(hosts.map((host) => host.updateComplete));
}

/** Elements that show an item's title and summary but never its body. */
const NO_BODY: ReadonlySet<string> = new Set([tagNames.card, tagNames.list]);

/**
 * Whether `marker` survives in the fields a card shows: titles and summaries are shortened
 * past LIMITS (issue 16), so a marker deeper in a huge input can only show in a body.
 */
function inCardFields(item: FeedItem, marker: string): boolean {
  // A card shows up to 1,000 characters of title and 800 of summary.
  return [item.title?.slice(0, 1_000), item.summary?.slice(0, 790)].some((field) =>
    field?.includes(marker),
  );
}

export async function runEntry(raw: AttackInput, stage: HTMLElement): Promise<string[]> {
  const entry = materialize(raw);
  const asUrl = entry.class === 'dangerous-urls';
  const failures: string[] = [];
  const fail = (where: string, what: string) =>
    failures.push(`[${entry.class}] ${entry.name} — ${where}: ${what}`);

  for (const body of BODY_PATHS) {
    const feed = attackFeed(entry.input, body, asUrl);

    // The content layer itself: the sanitised body, audited strictly.
    const item = parseFeed(feed, { baseUrl: location.href }).feed.items[0];
    if (!item) {
      fail(`${body} body`, 'item was skipped');
    } else {
      const holder = document.createElement('div');
      stage.append(holder);
      const root = holder.attachShadow({ mode: 'open' });
      const content = document.createElement('div');
      content.className = 'lantern-content';
      content.append(await renderRichContent(item, { baseUrl: location.href }));
      root.append(content);
      for (const f of auditRendered(holder)) fail(`${body} body`, f.detail);
      if (entry.mustShowText && !seenText(root).includes(entry.mustShowText)) {
        fail(`${body} body`, `"${entry.mustShowText}" is not visible`);
      }
    }

    for (const target of TARGETS) {
      const channel =
        CHANNEL[body] === 'src' && entry.input.length > MAX_SRC_INPUT ? 'property' : CHANNEL[body];
      const where = `<${target.tag}> ${body} via ${channel}`;
      const { el, failed } = await mountWith(target, feed, channel, stage, REVEAL);
      if (failed) fail(where, `error state: ${seenText(el.shadowRoot ?? el).slice(0, 200)}`);
      await pressShowContent(el);
      for (const f of auditRendered(el)) fail(where, f.detail);
      const marker = entry.mustShowText;
      if (!marker) continue;
      const seen = seenText(el);
      if (item && NO_BODY.has(target.tag) && !inCardFields(item, marker)) {
        // The item's card links to the whole story and shows its summary, cut with a mark.
        const cards = [...deepElements(el.shadowRoot!)]
          .filter((node) => node instanceof HTMLAnchorElement && node.href === item.url)
          .map((link) => link.closest('article'));
        const cutShown = cards.some((card) => {
          // The card shows the summary's start (a card cuts it at 800 characters), marked cut.
          const summary = card?.querySelector('.summary');
          const shown = summary?.textContent?.trim() ?? '';
          return (
            summary?.checkVisibility() &&
            shown.endsWith('…') &&
            !!item.summary?.startsWith(shown.slice(0, -1))
          );
        });
        if (!cutShown) {
          fail(
            where,
            `"${marker}" is past the summary budget; no linked card shows the cut summary`,
          );
        }
      } else if (!seen.includes(marker)) {
        fail(where, `"${marker}" is not visible`);
      }
    }
    await settle();
    for (const f of [...(await takeFindings()), ...clobberingFindings()]) {
      fail(`${body} (page)`, `${f.kind}: ${f.detail}`);
    }
    stage.replaceChildren();
    clearFeedCache();
  }
  return failures;
}
