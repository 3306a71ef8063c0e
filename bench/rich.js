// Benchmark page code: the rich pipeline (marked + DOMPurify + Lantern's checks) against marked
// alone. Bundled by scripts/bench.mjs into bench/dist/rich.js.
import { Marked } from 'marked';
import { sanitizeMarkdown } from '../src/content/markdown.ts';
import { platformParser } from '../src/content/sanitize-platform.ts';
import { purifyParser } from '../src/content/sanitize-purify.ts';

const marked = new Marked({ gfm: true, breaks: false, async: false });

// Both sanitising paths: the browser's Sanitizer (what Chromium here uses) and DOMPurify.
const platform = platformParser();
const purify = purifyParser();

window.bench = {
  platform: Boolean(platform),
  lantern: (markdown) => sanitizeMarkdown(markdown, { baseUrl: location.href }, platform ?? purify),
  lanternPurify: (markdown) => sanitizeMarkdown(markdown, { baseUrl: location.href }, purify),
  markedOnly: (markdown) => marked.parse(markdown),
};
