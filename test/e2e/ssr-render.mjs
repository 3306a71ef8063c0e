// Server rendering in plain Node with @lit-labs/ssr: the README's "Server rendering" recipe, as
// the SSR test runs it. `node test/e2e/ssr-render.mjs https://YOUR-NGO/` prints a page.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import 'lantern-widgets';

/**
 * The same data for the browser, which cannot see the server's properties: an inline feed
 * script, with `<` escaped so no text in the data can close the script element.
 */
const feedScript = (data) =>
  unsafeHTML(
    `<script type="application/feed+json">${JSON.stringify(data).replaceAll('<', '\\u003c')}</script>`,
  );

/** Each element gets its data twice: `.feed`/`.item` for the server, the inline script for the browser. */
export function widgets(feed, base) {
  const item = (id) => feed.items.find((each) => each.id === id);
  const soldiers = item('north-korean-soldiers-russia-ukraine');
  const report = item('nkdb-military-report');
  const pictureless = Object.fromEntries(
    Object.entries(soldiers).filter(([key]) => key !== 'image'),
  );
  // A report whose summary is its plain `summary` (no HTML or markdown body to sanitise).
  const plain = Object.fromEntries(
    Object.entries(report).filter(([key]) => key !== 'content_html'),
  );
  return {
    card: html`<lantern-article-card base-url=${base} .item=${soldiers}
      >${feedScript(soldiers)}<a href=${soldiers.url}>${soldiers.title}</a></lantern-article-card
    >`,
    // An item without a picture: the server's card has no picture's room, and neither may the
    // browser's when it takes over (nothing it replaces had a picture).
    'card (no picture)': html`<lantern-article-card base-url=${base} .item=${pictureless}
      >${feedScript(pictureless)}<a href=${pictureless.url}
        >${pictureless.title}</a
      ></lantern-article-card
    >`,
    list: html`<lantern-article-list base-url=${base} limit="2" .feed=${feed}
      >${feedScript(feed)}<a href=${feed.home_page_url}>Stories</a></lantern-article-list
    >`,
    navigator: html`<lantern-story-navigator base-url=${base} item="yoon-ha-part-3" .feed=${feed}
      >${feedScript(feed)}<a href=${item('yoon-ha-part-3').url}
        >Yoon Ha's Story</a
      ></lantern-story-navigator
    >`,
    compact: html`<lantern-story-navigator
      base-url=${base}
      item="yoon-ha-part-3"
      variant="compact"
      .feed=${feed}
      >${feedScript(feed)}<a href=${item('yoon-ha-part-3').url}
        >Yoon Ha's Story</a
      ></lantern-story-navigator
    >`,
    reader: html`<lantern-story-navigator
      base-url=${base}
      item="yoon-ha-part-3"
      mode="reader"
      reveal-warned
      .feed=${feed}
      >${feedScript(feed)}<a href=${item('yoon-ha-part-3').url}
        >Yoon Ha's Story</a
      ></lantern-story-navigator
    >`,
    report: html`<lantern-report-download base-url=${base} .item=${plain}
      >${feedScript(plain)}<a href=${plain.url}>${plain.title}</a></lantern-report-download
    >`,
    'report (HTML body)': html`<lantern-report-download base-url=${base} .item=${report}
      >${feedScript(report)}<a href=${report.url}>${report.title}</a></lantern-report-download
    >`,
  };
}

/** Renders one widget to HTML with declarative shadow DOM. */
export const renderWidget = (template) => collectResult(render(template));

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFile } = await import('node:fs/promises');
  const feed = JSON.parse(await readFile(new URL('../../demo/feed.json', import.meta.url), 'utf8'));
  const base = process.argv[2] ?? 'https://example.org/';
  for (const template of Object.values(widgets(feed, base))) {
    console.log(await renderWidget(template));
  }
}
