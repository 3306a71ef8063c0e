/** Pushes one attack input through every path into every element and collects what went wrong. */
import { materialize, type AttackInput } from '../fixtures/attacks/index.js';
import { clearFeedCache } from '../../src/content/load.js';
import { renderRichContent } from '../../src/content/rich.js';
import { parseFeed } from '../../src/content/parse.js';
import { auditRendered, clobberingFindings, takeFindings } from './trap.js';
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
      const { el, failed } = await mountWith(target, feed, channel, stage);
      if (failed) fail(where, `error state: ${seenText(el.shadowRoot ?? el).slice(0, 200)}`);
      for (const f of auditRendered(el)) fail(where, f.detail);
      if (entry.mustShowText && !seenText(el).includes(entry.mustShowText)) {
        fail(where, `"${entry.mustShowText}" is not visible`);
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
