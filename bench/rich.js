// Benchmark page code: the rich pipeline (marked + DOMPurify + Lantern's checks) against marked
// alone. Bundled by scripts/bench.mjs into bench/dist/rich.js.
import { Marked } from 'marked';
import { sanitizeMarkdown } from '../src/content/markdown.ts';

const marked = new Marked({ gfm: true, breaks: false, async: false });

window.bench = {
  lantern: (markdown) => sanitizeMarkdown(markdown, { baseUrl: location.href }),
  markedOnly: (markdown) => marked.parse(markdown),
};
