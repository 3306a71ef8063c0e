/**
 * Markdown bodies: marked, with input limits that keep it off its slow and stack-hungry paths.
 * This module is its own chunk, loaded by dynamic import only for an item whose body is
 * `_lantern.content_markdown` (or a call to `renderMarkdown` from the `./content` API): an HTML body never downloads it.
 */
import { Lexer, Tokenizer, type Token, type Tokens } from 'marked';
import { finish, headingShift, liveWriter, pacer, warn } from './live-copy.js';
import { tokensToHtml, writeTokens } from './markdown-tree.js';
import type { RichOptions } from './rich.js';
import { appendContinuation, bodyBudget, textToFragment } from './rich.js';
import type { InertParse } from './sanitize.js';

/** Markdown larger than this is shown as plain text rather than parsed (marked is superlinear on some inputs). */
const MAX_MARKDOWN_CHARS = 300_000;
/**
 * One block (text between blank lines) longer than this is shown as plain text: marked's inline
 * scans grow faster than linearly with a block, and this keeps one block's parse short.
 */
const MAX_BLOCK_CHARS = 16_000;
/** Blockquotes and lists nested deeper than this overflow marked's stack: shown as plain text. */
const MAX_NESTING = 16;
const MAX_INDENT = 64;
/** marked's table parser slows sharply with width; no widget can show this many columns anyway. */
const MAX_TABLE_COLUMNS = 100;
/** Past this many of one inline marker in a block, that marker is escaped (marked is quadratic on floods). */
const MAX_INLINE_MARKERS = 500;
/** Markdown is parsed in chunks of about this size, yielding to the page between them. */
const CHUNK_CHARS = 12_000;

/**
 * GFM's bare email autolinks look ahead over the whole run of email characters at every text
 * token, so a long run cut into many tokens (`a!a!a!…`) costs n². An email's local part is at
 * most 64 characters (RFC 5321), so the look-ahead stops there: the same links for every address
 * within that limit, in linear time. In a
 * chunk without an `@` no email can start anywhere, so there the look-aheads go altogether
 * (`(?!)` never matches): the same tokens, and the text rule no longer reads every word twice.
 */
function emailScans(rule: RegExp, emails: boolean): RegExp {
  const source = emails
    ? rule.source.replace(/\]\+(\(?@)/g, ']{1,64}$1')
    : rule.source.replace(/\(\?=\[[^\]]*\]\+@\)/g, '(?!)');
  return source === rule.source ? rule : new RegExp(source, rule.flags);
}

type Rules = { inline: Record<string, RegExp> };
const variantsFor = new WeakMap<object, Rules['inline'][]>();
/** Whether the chunk about to be read has an `@`. */
let emails = true;

/**
 * Every lexer sets its rules on the tokenizer it is given: this one keeps the bounded inline
 * rules whatever it is given. (This instance only: marked's own rules stay as they are, for an
 * app's own marked beside an npm build.)
 */
const tokenizer = new Tokenizer();
let rules: Rules;
Object.defineProperty(tokenizer, 'rules', {
  get: () => rules,
  set(given: Rules) {
    let variants = variantsFor.get(given.inline);
    if (!variants) {
      variants = [false, true].map((at) => ({
        ...given.inline,
        text: emailScans(given.inline.text!, at),
        url: emailScans(given.inline.url!, true),
      }));
      variantsFor.set(given.inline, variants);
    }
    rules = { ...given, inline: variants[Number(emails)]! };
  },
});

/** Why a block of markdown is shown as plain text instead of parsed, or `undefined`. */
function blockTrouble(block: string): string | undefined {
  if (block.length > MAX_BLOCK_CHARS) return 'a block is too long';
  for (const line of block.split('\n')) {
    // Only a line that starts with white space, a quote or a list marker nests or indents.
    if (/^[ \t>*+\d-]/.test(line)) {
      // Container markers at the start of a line: `>`, `-`, `*`, `+`, `1.`, `1)`, in any mix.
      const containers = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*/.exec(line)![0];
      if ((containers.match(/>|[-+*]|\d{1,9}[.)]/g)?.length ?? 0) > MAX_NESTING) {
        return 'nested too deeply';
      }
      if (/^[ \t]*/.exec(line)![0].length > MAX_INDENT) return 'indented too deeply';
    }
    if (line.length > MAX_TABLE_COLUMNS && (line.match(/\|/g)?.length ?? 0) > MAX_TABLE_COLUMNS) {
      return 'a table is too wide';
    }
  }
  return undefined;
}

/** The inline markers counted in a block, each kind on its own. */
const MARKERS = [/[*_]/g, /[[\]]/g, /`/g, /~/g];

/** Escapes an inline marker that floods a block: its text survives, marked's slow path does not. */
function defuseBlock(block: string): string {
  // Fewer characters than the limit cannot hold more markers than it.
  if (block.length <= MAX_INLINE_MARKERS || /^ {0,3}(?:```|~~~)/.test(block)) return block;
  let out = block;
  for (const pattern of MARKERS) {
    if ((out.match(pattern)?.length ?? 0) <= MAX_INLINE_MARKERS) continue;
    out = out
      .split('\n')
      .map((line) => {
        // Keep list bullets: `* item` stays a list, only the inline markers are escaped.
        const lead = /^[ \t]*(?:[-+*][ \t]|\d{1,9}[.)][ \t]|>[ \t]?)*/.exec(line)?.[0] ?? '';
        return lead + line.slice(lead.length).replace(pattern, '\\$&');
      })
      .join('\n');
  }
  return out;
}

/** The fence open after `line` (`undefined`: none): a fence line opens one, or closes the open one. */
function fenceAfter(line: string, fence: string | undefined): string | undefined {
  const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
  if (!marker || (fence !== undefined && !marker.startsWith(fence))) return fence;
  return fence === undefined ? marker[0]!.repeat(3) : undefined;
}

/**
 * Splits markdown into blocks at blank lines that are followed by an unindented line (so no
 * list item or indented code is cut), never inside a fenced code block.
 */
function splitBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: string | undefined;
  let blank = false;
  for (const line of markdown.split('\n')) {
    if (fence === undefined && blank && current.length && !/^[ \t]/.test(line)) {
      blocks.push(current.join('\n'));
      current = [];
    }
    current.push(line);
    fence = fenceAfter(line, fence);
    blank = line.trim() === '';
  }
  if (current.length) blocks.push(current.join('\n'));
  return blocks;
}

/**
 * A whole-line reference definition and nothing else: a destination (`<…>` or one run without
 * spaces) and at most a quoted title. Anything more (say `[x]: y <img …>`) would be a paragraph,
 * and must not be carried into another chunk where it could become one.
 */
const DEFINITION =
  /^ {0,3}\[([^\][\n]{1,999})\]:[ \t]*(?:<[^<>\n]*>|[^\s<][^\s]*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$/;

/**
 * Reference definitions (`[label]: url`), so a chunk parsed alone still resolves its links.
 * Lines inside fenced code are code, not definitions.
 */
function definitions(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!markdown.includes(']:')) return found;
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const before = fence;
    fence = fenceAfter(line, fence);
    if (fence !== before || fence !== undefined || !line.includes(']:')) continue;
    const match = DEFINITION.exec(line);
    if (!match) continue;
    const label = match[1]!.trim().toLowerCase();
    if (!found.has(label)) found.set(label, match[0]);
  }
  return found;
}

function definitionsFor(chunk: string, all: Map<string, string>): string {
  if (all.size === 0 || !chunk.includes('[')) return '';
  const used = new Set<string>();
  // Look up each bracketed label the chunk uses, so the cost follows the chunk, not the feed.
  for (const match of chunk.matchAll(/\[([^\][\n]{1,999})\]/g)) {
    const line = all.get(match[1]!.trim().toLowerCase());
    if (line) used.add(line);
  }
  return used.size ? `\n\n${[...used].join('\n')}\n` : '';
}

/**
 * Markdown to a sanitised fragment. Input limits keep marked off its slow and stack-hungry
 * paths: a block that is too long or nested too deeply is shown as plain text, a flood of one
 * inline marker is escaped, and a body is read in chunks with the page's own work in between.
 * marked's tokens are written into the page directly (markdown-tree.ts); only a chunk with raw HTML is
 * written out as HTML and goes through the sanitiser (`parse`, or the browser's own), which is
 * then loaded. Both end in the same live copy, with heading levels from the whole body.
 */
export async function sanitizeMarkdown(
  markdown: string,
  options: RichOptions = {},
  parse?: InertParse,
  /** Every chunk the HTML way, written by this (the differential test compares the two). */
  viaHtml?: (tokens: Token[]) => string,
): Promise<DocumentFragment> {
  // CommonMark: U+0000 is replaced (the HTML parser would drop it from marked's output).
  markdown = markdown.replaceAll('\0', '\uFFFD');
  const budget = bodyBudget();
  if (markdown.length > MAX_MARKDOWN_CHARS) {
    warn(`markdown over ${MAX_MARKDOWN_CHARS} characters: its start is shown as plain text`);
    const text = textToFragment(markdown.slice(0, MAX_MARKDOWN_CHARS), budget);
    // Marked cut after the paragraphs (marked before, they stop at the first).
    budget.truncated = true;
    return appendContinuation(text, options, budget);
  }
  const links = definitions(markdown);
  // Each chunk with its tokens; without them, a block shown as plain text.
  const pieces: { text: string; tokens?: Token[] }[] = [];
  let top = 7;
  let chunk: string[] = [];
  let chunkLength = 0;
  const pause = pacer();
  const flush = async () => {
    if (!chunk.length) return;
    const text = chunk.join('\n\n');
    chunk = [];
    chunkLength = 0;
    try {
      const source = text + definitionsFor(text, links);
      emails = source.includes('@');
      // The CDN build's marked knows no other options (build/marked-lexer.ts cuts the rest).
      const tokens = new Lexer({ gfm: true, tokenizer }).lex(source);
      // The top heading level, in every token however deep (list items, table cells).
      const walk = (t: unknown): void => {
        if (Array.isArray(t)) t.forEach(walk);
        else if (t) {
          const { type, text, depth, tokens, items, header, rows } = t as Tokens.Generic;
          // Headings in raw HTML count too (roughly: only the top level is read from them).
          for (const level of (type === 'html' && text.match(/<h[1-6]/gi)) || []) {
            top = Math.min(top, +level[2]!);
          }
          if (type === 'heading') top = Math.min(top, depth);
          [tokens, items, header, rows].forEach(walk);
        }
      };
      walk(tokens);
      pieces.push({ text, tokens });
    } catch (error) {
      warn(`markdown could not be parsed and is shown as plain text (${String(error)})`);
      pieces.push({ text });
    }
    await pause();
  };
  for (const block of splitBlocks(markdown)) {
    const trouble = blockTrouble(block);
    if (trouble) {
      await flush();
      warn(`${trouble}; that part of the markdown is shown as plain text`);
      pieces.push({ text: block });
      continue;
    }
    const defused = defuseBlock(block);
    if (chunkLength + defused.length > CHUNK_CHARS) await flush();
    chunk.push(defused);
    chunkLength += defused.length;
  }
  await flush();
  const shift = headingShift(top, options.headingOffset);
  const out = document.createDocumentFragment();
  for (const { text, tokens } of pieces) {
    if (budget.truncated) break;
    let written: DocumentFragment | undefined;
    if (tokens && !viaHtml) {
      // Written into the page's document; a chunk that must go the HTML way is dropped and its
      // budget given back. Its images are lazy and never connected, so they ask for nothing;
      // the HTML way then makes the same images, with the same addresses, for the page.
      const before = { ...budget };
      const writer = liveWriter(options, budget, shift);
      if (writeTokens(tokens, writer)) written = writer.out;
      else Object.assign(budget, before);
    }
    if (!written) {
      let tree: ParentNode | undefined;
      if (tokens) {
        const sanitizer = await import('./sanitize.js');
        parse ??= await sanitizer.inertParser();
        try {
          tree = sanitizer.inertTree((viaHtml || tokensToHtml)(tokens), budget, parse);
        } catch (error) {
          warn(`markdown could not be parsed and is shown as plain text (${String(error)})`);
        }
      }
      written = finish(tree ?? textToFragment(text), options, budget, shift);
    }
    out.append(written);
    await pause();
  }
  return appendContinuation(out, options, budget);
}
