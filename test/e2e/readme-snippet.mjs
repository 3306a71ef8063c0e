// The snippet the README tells partners to paste ("Embedding on a partner site"), as they copy
// it: tests of partner behaviour load exactly this, with only its addresses made local.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './harness.mjs';

/** The section's first two html blocks: `head` (the link and script lines) and the `widgets`. */
export function readmeSnippet() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Embedding on a partner site'));
  const blocks = [...section.slice(0, section.indexOf('\n## ')).matchAll(/```html\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .slice(0, 2);
  const all = blocks.join('\n');
  // Each `<link …/>` and `<script …></script>`, on one line or on several.
  const head = all.match(/^<(?:link|script)\b[^>]*>(?:<\/script>)?/gm);
  const widgets = all.match(/<(lantern-[a-z-]+)\b[\s\S]*?<\/\1>/g);
  return { head, widgets };
}

/**
 * Only the addresses change: the CDN is `cdn` on the test server (its root: dist/ is there), the
 * NGO's feed is /feed.json.
 */
export const localUrls = (html, cdn = '/') =>
  html
    .replaceAll('https://YOUR-CDN/lantern-widgets/', cdn)
    .replaceAll(/https:\/\/YOUR-NGO\/([\w-]+\.json)/g, '/$1')
    .replaceAll('https://YOUR-NGO/', 'https://example.org/');
