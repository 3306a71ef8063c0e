// Benchmark page code: the rich pipeline against marked alone: marked's tokens to the DOM (what
// markdown without raw HTML takes), and the HTML way (what a chunk with raw HTML takes) through
// each sanitiser (the HTML Lantern writes from marked's tokens: what the CDN files do). Bundled by scripts/bench.mjs into bench/dist/rich.js.
import { Marked } from 'marked';
import { sanitizeMarkdown } from '../src/content/markdown.ts';
import { tokensToHtml } from '../src/content/markdown-tree.ts';
import { platformParser } from '../src/content/sanitize-platform.ts';
import { ALLOW_LIST } from '../src/content/allow-list.ts';
import { purifyParser } from '../src/content/sanitize-purify.ts';

const marked = new Marked({ gfm: true, breaks: false, async: false });

// Both sanitising paths: the browser's Sanitizer (what Chromium here uses) and DOMPurify.
const platform = platformParser();
const purify = purifyParser(ALLOW_LIST);

window.bench = {
  platform: Boolean(platform),
  lantern: (markdown) => sanitizeMarkdown(markdown, { baseUrl: location.href }, platform ?? purify),
  viaPlatform: (markdown) =>
    sanitizeMarkdown(markdown, { baseUrl: location.href }, platform ?? purify, tokensToHtml),
  viaPurify: (markdown) =>
    sanitizeMarkdown(markdown, { baseUrl: location.href }, purify, tokensToHtml),
  markedOnly: (markdown) => marked.parse(markdown),
};
