/**
 * A staff draft turned into the same data a partner's widget receives: a story file as staff
 * write it for the feed builder (YAML front matter between `---` lines, then the body), plain
 * markdown whose first `# heading` is the title, a pasted JSON Feed, or a pasted RSS or Atom
 * feed. Front matter is read by the feed builder's own reader (bin/feed-builder/item.mjs), so a
 * draft has the same fields, and the same problems, here as in `lantern-feed build`. Nothing
 * here renders: the widget does that.
 */
import { readItem, startsWithFrontMatter } from '../bin/feed-builder/item.mjs';
import type { Feed, FeedItem, FeedWarning } from '../src/content/types.js';
import { isRelativeUrl } from '../src/content/url.js';
import { xmlFeedJson } from '../src/content/xml.js';
import type { ElementKind } from '../src/tags.js';
import type { PreviewStrings } from './strings.js';

export type DraftProblem =
  | { key: 'draftEmpty' }
  | { key: 'draftNoTitle' }
  | { key: 'draftJson' | 'draftXml' | 'draftFrontMatter'; detail: string };

/** What the preview knows about a markdown draft beyond its feed. */
export interface DraftFacts {
  /** What `lantern-feed build` would refuse this draft for, in its own words. */
  builder: string[];
  /** Files in the content folder (`image: images/a.jpg`): there is no folder here to show them from. */
  folderFiles: Array<{ where: string; raw: string }>;
  /** The draft has no series of its own: the navigator is shown it as part 1 of 1. */
  madeUpSeries: boolean;
}

export type DraftResult =
  | { ok: true; kind: 'json' | 'xml'; feed: unknown }
  | {
      ok: true;
      kind: 'markdown' | 'frontMatter';
      /** The draft as written: what the partner's code carries. */
      feed: Feed;
      /** What the frame shows, when it differs (a made-up series for the navigator). */
      shown?: Feed;
      facts: DraftFacts;
    }
  | { ok: false; problem: DraftProblem };

export interface DraftOptions {
  /** The widget language (`en`, `ko`): the `language` of a draft without front matter. */
  language: string;
  /** Show a draft without a series as part 1 of a one-part series, so the navigator can show it. */
  asSeries: boolean;
}

/** The id a draft without one gets, and the series id the navigator is shown it under. */
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
  // Blank lines before the first `---` are a paste's, not the file's.
  const story = text.replace(/^(?:[ \t]*\r?\n)+/, '');
  if (startsWithFrontMatter(story)) return frontMatterDraft(story, options);
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
    ? withSeries('markdown', feed, { builder: [], folderFiles: [], madeUpSeries: false }, options)
    : { ok: false, problem: { key: 'draftNoTitle' } };
}

/**
 * A story file as the feed builder reads it. Its problems are the builder's; a path in the
 * content folder cannot be shown here (there is no folder), so it is left out and said.
 */
function frontMatterDraft(text: string, options: DraftOptions): DraftResult {
  const facts: DraftFacts = { builder: [], folderFiles: [], madeUpSeries: false };
  const read = readItem(
    text,
    {
      defaultId: DRAFT_ID,
      // A built feed gives every item an address under --base-url; a draft has none yet.
      defaultUrl: () => undefined,
      local: (raw, where, problem) => {
        if (outsideFolder(raw)) problem(`${where} "${raw}" is outside the content folder`);
        else facts.folderFiles.push({ where, raw });
        return undefined;
      },
      // Only for a file `local` found: none here.
      facts: () => ({}),
    },
    (message) => facts.builder.push(message),
  );
  if (!read) {
    return { ok: false, problem: { key: 'draftFrontMatter', detail: facts.builder.join(' · ') } };
  }
  // Unchecked here, as a built feed is: the widget's own parser has the last word.
  const item = read.item as FeedItem;
  const body = read.body.trim();
  // The body stays markdown: the widget renders it, as it will render the built feed's HTML.
  if (body) item._lantern = { content_markdown: body, ...item._lantern };
  const feed: Feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: item.title ?? '',
    items: [item],
  };
  return withSeries('frontMatter', feed, facts, options);
}

/** Whether a path leaves the content folder (`../x`, `/etc/x`), as the builder resolves it. */
function outsideFolder(raw: string): boolean {
  if (/^[\\/]/.test(raw)) return true;
  let depth = 0;
  for (const segment of raw.split(/[\\/]/)) {
    if (segment === '..') depth -= 1;
    else if (segment && segment !== '.') depth += 1;
    if (depth < 0) return true;
  }
  return false;
}

/**
 * The navigator needs a series. A draft that has none is shown as part 1 of 1 so staff can see
 * the layout, but that series is made up: it is kept out of `feed` (the partner's code) and said.
 */
function withSeries(
  kind: 'markdown' | 'frontMatter',
  feed: Feed,
  facts: DraftFacts,
  options: DraftOptions,
): DraftResult {
  const [item] = feed.items;
  if (!options.asSeries || !item || item._lantern?.series) return { ok: true, kind, feed, facts };
  const series = { id: DRAFT_ID, title: item.title ?? DRAFT_ID, part: 1, total: 1 };
  const shown: Feed = {
    ...feed,
    items: [{ ...item, _lantern: { ...item._lantern, series } }],
  };
  return { ok: true, kind, feed, shown, facts: { ...facts, madeUpSeries: true } };
}

/**
 * A one-item JSON Feed from markdown; `undefined` when there is no `# title` line. It has no
 * date: a plain draft does not say when it is published (front matter's `date:` does).
 */
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
    language: options.language,
    _lantern: { content_markdown: body || title },
  };
  const summary = firstParagraphText(body);
  if (summary) item.summary = summary;
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
  /\]\(\s*(?:<([^>]*)>|([^\s)]+))|^ {0,3}\[([^\]\n]+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))|\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gim;

/** Whether the `]` at `close` ends an image's `![…]` (the `[` it closes has a `!` before it). */
function closesImage(text: string, close: number): boolean {
  let depth = 0;
  for (let i = close; i >= 0; i -= 1) {
    if (text[i] === ']' && text[i - 1] !== '\\') depth += 1;
    else if (text[i] === '[' && text[i - 1] !== '\\' && --depth === 0) return text[i - 1] === '!';
  }
  return false;
}

/** Whether a reference definition's name is used as an image: `![words][name]`, `![name]`. */
function referenceIsImage(text: string, name: string): boolean {
  const label = name.trim().toLowerCase();
  for (const [, words, ref] of text.matchAll(/!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?/g)) {
    if ((ref?.trim() || words!.trim()).toLowerCase() === label) return true;
  }
  return false;
}

/**
 * What a draft is worth a word about though the widget accepts it, counted over the draft's own
 * items (the path is theirs, whatever the parser skipped): an untitled story (valid JSON Feed, a
 * micro-post, but rarely meant), and a relative address in markdown (on a partner's page an
 * image there is dropped, a link leads into their site), unless the draft has a `feed_url` to
 * resolve it against. `#part-2` and `//host` mean the same on any page; code spans and blocks
 * are not addresses.
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
    const relative = new Map<string, boolean>();
    for (const match of prose.matchAll(MARKDOWN_ADDRESS)) {
      const [, inline, inlineBare, name, ref, refBare, attribute, double, single] = match;
      const url = (inline ?? inlineBare ?? ref ?? refBare ?? double ?? single ?? '').trim();
      if (!url || !isRelativeUrl(url) || /^(#|\/\/)/.test(url)) continue;
      const image =
        inline !== undefined || inlineBare !== undefined
          ? closesImage(prose, match.index)
          : name !== undefined
            ? referenceIsImage(prose, name)
            : attribute!.toLowerCase() === 'src';
      // Used both ways: the image is the worse loss.
      relative.set(url, image || (relative.get(url) ?? false));
    }
    for (const [url, image] of relative) {
      notes.push({
        path: `items[${index}]._lantern.content_markdown`,
        message: image ? s.relativeImageInDraft(url) : s.relativeLinkInDraft(url),
      });
    }
  });
  return notes;
}

/**
 * A markdown draft's problems for the preview's list: what `lantern-feed build` would refuse it
 * for (its words, under "front matter"), files the preview cannot show, and a widget the draft
 * cannot fill (a navigator without a series, a report without downloads).
 */
export function draftProblems(
  draft: DraftResult,
  widget: ElementKind,
  s: PreviewStrings,
): FeedWarning[] {
  if (!draft.ok || (draft.kind !== 'markdown' && draft.kind !== 'frontMatter')) return [];
  const { facts } = draft;
  const problems: FeedWarning[] = facts.builder.map((message) => ({
    path: s.frontMatter,
    message,
  }));
  for (const { where, raw } of facts.folderFiles) {
    problems.push({ path: `items[0].${where}`, message: s.folderFile(raw) });
  }
  if (facts.madeUpSeries) problems.push({ path: 'items[0].series', message: s.notASeries });
  const item = draft.feed.items[0];
  const folderAttachments = facts.folderFiles.some(({ where }) => where.startsWith('attachments'));
  if (widget === 'report' && !item?.attachments?.length && !folderAttachments) {
    problems.push({ path: 'items[0].attachments', message: s.noAttachments });
  }
  return problems;
}
