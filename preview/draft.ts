/**
 * A staff draft — markdown whose first `# heading` is the title, a pasted JSON Feed, or a pasted
 * RSS or Atom feed — turned into the same data a partner's widget receives. Nothing here
 * renders: the widget does that.
 */
import type { Feed, FeedItem, FeedWarning } from '../src/content/types.js';
import { isRelativeUrl } from '../src/content/url.js';
import { xmlFeedJson } from '../src/content/xml.js';
import type { PreviewStrings } from './strings.js';

export type DraftProblem =
  | { key: 'draftEmpty' }
  | { key: 'draftNoTitle' }
  | { key: 'draftJson' | 'draftXml'; detail: string };

export type DraftResult =
  | { ok: true; kind: 'markdown' | 'json' | 'xml'; feed: unknown }
  | { ok: false; problem: DraftProblem };

export interface DraftOptions {
  /** The draft's language (`en`, `ko`): it becomes the item's `language`. */
  language: string;
  /** Make the draft part 1 of a one-part series, so the story navigator can show it. */
  asSeries: boolean;
  /** "Today" for the item's date (tests pass a fixed one). */
  now?: Date;
}

/** The id a markdown draft gets, and its series id for the navigator. */
export const DRAFT_ID = 'draft';

const H1 = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;

/**
 * Reads a draft. A pasted JSON document is passed on untouched so the widget validates it; a
 * pasted RSS or Atom feed (it starts with `<`) is mapped as the widgets map one at a `src`, and
 * the widget validates the result the same way.
 */
export function readDraft(text: string, options: DraftOptions): DraftResult {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problem: { key: 'draftEmpty' } };
  if (trimmed.startsWith('<')) {
    try {
      return { ok: true, kind: 'xml', feed: xmlFeedJson(trimmed) };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, problem: { key: 'draftXml', detail } };
    }
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { ok: true, kind: 'json', feed: JSON.parse(trimmed.replace(/^\uFEFF/, '')) };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, problem: { key: 'draftJson', detail } };
    }
  }
  const feed = markdownDraftFeed(text, options);
  return feed
    ? { ok: true, kind: 'markdown', feed }
    : { ok: false, problem: { key: 'draftNoTitle' } };
}

/** A one-item JSON Feed from markdown; `undefined` when there is no `# title` line. */
export function markdownDraftFeed(markdown: string, options: DraftOptions): Feed | undefined {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  let inFence = false;
  let titleLine = -1;
  let title = '';
  for (const [i, line] of lines.entries()) {
    if (FENCE.test(line)) inFence = !inFence;
    const match = inFence ? null : H1.exec(line);
    if (match?.[1]) {
      titleLine = i;
      title = match[1].trim();
      break;
    }
  }
  if (titleLine < 0 || !title) return undefined;
  // The title is shown by the widget itself; keeping it in the body would show it twice.
  const body = [...lines.slice(0, titleLine), ...lines.slice(titleLine + 1)].join('\n').trim();
  const item: FeedItem = {
    id: DRAFT_ID,
    title,
    date_published: (options.now ?? new Date()).toISOString(),
    language: options.language,
    _lantern: { content_markdown: body || title },
  };
  const summary = firstParagraphText(body);
  if (summary) item.summary = summary;
  if (options.asSeries && item._lantern) {
    item._lantern.series = { id: DRAFT_ID, title, part: 1, total: 1 };
  }
  return { version: 'https://jsonfeed.org/version/1.1', title, items: [item] };
}

/** The first ordinary paragraph as plain text (the summary a card shows), at most ~240 chars. */
export function firstParagraphText(markdown: string, max = 240): string {
  let inFence = false;
  for (const block of markdown.split(/\n[ \t]*\n/)) {
    const first = block.trimStart();
    const wasInFence = inFence;
    const fences = block.split('\n').filter((line) => FENCE.test(line)).length;
    if (fences % 2 === 1) inFence = !inFence;
    if (
      wasInFence ||
      fences > 0 ||
      !first ||
      /^(#|>|[-*+] |\d+[.)] |\||<|!\[|---|\*\*\*)/.test(first)
    )
      continue;
    const text = first
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|_|`|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) continue;
    if (text.length <= max) return text;
    const cut = text.slice(0, max);
    const space = cut.lastIndexOf(' ');
    return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
  }
  return '';
}

/**
 * Every address of a markdown link or image: inline (`](address)`, `](<address>)`), a reference
 * definition (`[name]: address`) and raw HTML's `href="…"` / `src='…'`.
 */
const MARKDOWN_ADDRESS =
  /\]\(\s*(?:<([^>]*)>|([^\s)]+))|^ {0,3}\[[^\]\n]+\]:[ \t]*(?:<([^>\n]*)>|(\S+))|\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gim;

/**
 * What a draft is worth a word about though the widget accepts it, counted over the draft's own
 * items (the path is theirs, whatever the parser skipped): an untitled story (valid JSON Feed, a
 * micro-post, but rarely meant), and a relative address in markdown (on a partner's page an
 * image there is dropped and a link leads into their site), unless the draft has a `feed_url`
 * to resolve it against. `#part-2` and `//host` mean the same on any page; code spans and
 * blocks are not addresses.
 */
export function draftNotes(draft: unknown, s: PreviewStrings): FeedWarning[] {
  const feed = (draft ?? {}) as { feed_url?: unknown; items?: unknown };
  const items: unknown[] = Array.isArray(feed.items) ? feed.items : [draft];
  const notes: FeedWarning[] = [];
  items.forEach((raw, index) => {
    const item = (raw ?? {}) as { title?: unknown; _lantern?: { content_markdown?: unknown } };
    if (typeof item.title !== 'string' || !item.title.trim()) {
      notes.push({ path: `items[${index}].title`, message: s.untitled });
    }
    const markdown = item._lantern?.content_markdown;
    if (typeof markdown !== 'string' || feed.feed_url) return;
    const prose = markdown.replace(/^(`{3,}|~{3,})[^]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
    const relative = new Set<string>();
    for (const [, ...addresses] of prose.matchAll(MARKDOWN_ADDRESS)) {
      const url = addresses.find((address) => address !== undefined)!.trim();
      if (url && isRelativeUrl(url) && !/^(#|\/\/)/.test(url)) relative.add(url);
    }
    for (const url of relative) {
      notes.push({
        path: `items[${index}]._lantern.content_markdown`,
        message: s.relativeInDraft(url),
      });
    }
  });
  return notes;
}
