// Privacy on a partner page with every element: the only requests are the script, its chunks, the
// feed and the feed's images; the feed goes out without cookies, feed and images without a
// referrer; nothing is stored. And a page with only cards never downloads marked and DOMPurify.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, serve, watchErrors } from './harness.mjs';
import { shadowText, trackWidgets, waitForWidgets } from './widgets.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page in a fresh context that already holds a cookie of the partner's own. */
async function open(path) {
  const context = await browser.newContext();
  await context.addCookies([
    { name: 'partner_session', value: 'secret', url: server.origin, sameSite: 'Lax' },
  ]);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r));
  await trackWidgets(page);
  await page.goto(`${server.origin}${path}`);
  const state = await waitForWidgets(page);
  await page.waitForLoadState('networkidle');
  return { context, page, errors, requests, state };
}

const pathOf = (request) => {
  const url = new URL(request.url());
  return url.origin === server.origin ? url.pathname : url.href;
};

test('every element: only the script, its chunks, the feed and its images are requested', async () => {
  const { context, page, errors, requests, state } = await open('/test/e2e/pages/every.html');
  assert.deepEqual(state.failed, []);
  assert.equal(state.loaded, state.total);

  const allowed = [
    /^\/test\/e2e\/pages\/every\.(html|css)$/, // the partner's own page
    // The entry and its chunks, by name: each is ours, from build/chunks.ts (issues 11-16 added
    // body, rich-copy, rich-content, trusted-types, markdown, sanitize-purify, messages-ko, xml, load).
    /^\/dist\/cdn\/lantern(-(core|shared|rich|rich-copy|rich-content|body|trusted-types|markdown|sanitize-purify|messages-ko|xml|load|article-list|story-navigator|report-download)-[\w-]+)?\.js$/,
    /^\/demo\/feed\.json$/,
    /^\/demo\/images\/[\w-]+\.svg$/,
  ];
  const unexpected = requests.map(pathOf).filter((p) => !allowed.some((re) => re.test(p)));
  assert.deepEqual(unexpected, [], 'requests beyond the script, chunks, feed and images');
  // Every chunk is a same-origin script (pathOf keeps a full URL for any other origin, which the
  // allow-list never matches) fetched as a script, not something else under a chunk's name.
  for (const request of requests.filter((r) => /\/dist\/cdn\//.test(r.url()))) {
    assert.equal(new URL(request.url()).origin, server.origin, request.url());
    assert.equal(request.resourceType(), 'script', `${pathOf(request)} is not a script`);
  }
  assert.ok(
    requests.some((r) => /lantern-rich-/.test(r.url())),
    'the rich chunk loads for the reader body',
  );
  assert.equal(requests.filter((r) => r.resourceType() === 'font').length, 0, 'no font requests');

  // The feed goes out without the partner's cookie (credentials: 'omit'); neither the feed nor
  // the images tell the image or feed host which page the reader is on (no referrer).
  const own = requests.filter((r) => /\/demo\//.test(r.url()));
  const feeds = own.filter((r) => /\.json$/.test(r.url()));
  assert.equal(feeds.length, 1, 'one feed request for five widgets on one feed');
  assert.ok(own.length > feeds.length, 'images were requested');
  assert.equal((await feeds[0].allHeaders()).cookie, undefined, 'the feed was sent with a cookie');
  for (const request of own) {
    const headers = await request.allHeaders();
    assert.equal(headers.referer, undefined, `${pathOf(request)} was sent with a referrer`);
  }

  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
  assert.deepEqual(stored, {
    cookie: 'partner_session=secret',
    local: 0,
    session: 0,
    databases: 0,
    caches: 0,
    workers: 0,
  });
  const cookies = (await context.cookies()).map((c) => c.name);
  assert.deepEqual(cookies, ['partner_session'], 'no cookie was set');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page with only cards never requests the rich-content chunk', async () => {
  const { context, page, errors, requests, state } = await open('/test/e2e/pages/cards-only.html');
  assert.equal(state.loaded, 3);
  assert.match(await shadowText(page, 'lantern-article-card'), /North Korean Soldiers/);
  // Let idle time pass: a prefetch or lazy import would show up now.
  await page.waitForTimeout(500);
  const scripts = requests.filter((r) => r.resourceType() === 'script').map(pathOf);
  assert.ok(scripts.includes('/dist/cdn/lantern.js'));
  assert.deepEqual(
    scripts.filter((p) => /lantern-(?:rich|markdown|sanitize-purify)-/.test(p)),
    [],
    'marked and DOMPurify were downloaded for cards',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

// Body images (markdown and HTML, reader mode and report, by src and inline), cards and covers,
// on a partner page that asks for full referrers (`Referrer-Policy: unsafe-url`, with a query):
// no image request ever carries a Referer — on the first view, on reload, and on a second page
// that finds the images in the browser's cache — and body images out of view wait for the scroll.
test('no image request carries a referrer on any view, and off-screen body images wait', async () => {
  const imageLog = [];
  const image = (req, res, url) => {
    imageLog.push({ name: url.searchParams.get('name'), referer: req.headers.referer });
    res.writeHead(200, {
      'content-type': 'image/svg+xml',
      // Kept but revalidated, as many image hosts do: the revalidation of the cached copy is
      // what carried the page's full URL.
      'cache-control': 'no-cache',
    });
    res.end(
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#888"/></svg>',
    );
  };
  const img = (name) => `/privacy/img.svg?name=${name}`;
  const filler = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} of a long story.`);
  const feed = (origin = '') => ({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Privacy',
    items: [
      {
        id: 'part-1',
        url: 'https://example.org/part-1',
        title: 'Part one',
        summary: 'The first part.',
        image: `${origin}${img('card')}`,
        _lantern: {
          series: { id: 'privacy-series', title: 'Series', part: 1, total: 2 },
          content_markdown: [
            `![markdown top](${origin}${img('md-top')})`,
            ...filler,
            `![markdown below](${origin}${img('md-below')})`,
          ].join('\n\n'),
        },
      },
      {
        id: 'part-2',
        url: 'https://example.org/part-2',
        title: 'Part two',
        summary: 'The second part.',
        _lantern: { series: { id: 'privacy-series', title: 'Series', part: 2, total: 2 } },
      },
      {
        id: 'report',
        url: 'https://example.org/report',
        title: 'A report',
        image: `${origin}${img('cover')}`,
        content_html: `<p><img src="${origin}${img('html-top')}" alt="html top"></p>${filler
          .map((p) => `<p>${p}</p>`)
          .join('')}<p><img src="${origin}${img('html-below')}" alt="html below"></p>`,
        attachments: [{ url: `${origin}/demo/files/x.pdf`, mime_type: 'application/pdf' }],
      },
    ],
  });
  const page = (origin) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<script type="module" src="/dist/cdn/lantern.js"></script>
<style>body { margin: 0; font-size: 16px; } section { margin: 0 0 20px; }</style></head>
<body>
<section><lantern-article-card src="/privacy/feed.json" item="part-1"></lantern-article-card></section>
<section><lantern-story-navigator src="/privacy/feed.json" item="part-1" mode="reader"></lantern-story-navigator></section>
<section><lantern-report-download src="/privacy/feed.json" item="report"></lantern-report-download></section>
<section><lantern-story-navigator item="part-1" mode="reader"><script type="application/feed+json">${JSON.stringify(
    feed(origin),
  ).replace(/</g, '\\u003c')}</script></lantern-story-navigator></section>
</body></html>`;
  const privacy = await serve({
    routes: {
      '/privacy/page.html': (req, res) => {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'referrer-policy': 'unsafe-url',
          'cache-control': 'no-store',
        });
        res.end(page(`http://${req.headers.host}`));
      },
      '/privacy/feed.json': (req, res) => {
        res.writeHead(200, {
          'content-type': 'application/feed+json',
          'cache-control': 'no-store',
        });
        res.end(JSON.stringify(feed()));
      },
      '/privacy/img.svg': image,
    },
  });
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  try {
    const tab = await context.newPage();
    const errors = watchErrors(tab);
    await trackWidgets(tab);
    const names = () => imageLog.map((r) => r.name);
    const withReferer = () => imageLog.filter((r) => r.referer !== undefined);
    const settle = async () => {
      const state = await waitForWidgets(tab);
      assert.deepEqual(state.failed, []);
      await tab.waitForTimeout(500);
    };

    // First view: images in view load, without a referrer; those below the fold do not load.
    await tab.goto(`${privacy.origin}/privacy/page.html?reader=42&token=secret`);
    await settle();
    for (const name of ['card', 'md-top']) {
      assert.ok(names().includes(name), `${name} was not requested on the first view: ${names()}`);
    }
    assert.deepEqual(
      names().filter((n) => n.endsWith('-below')),
      [],
      'body images out of view were requested before the reader scrolled to them',
    );
    // Scrolled to, every image loads (still without a referrer). The report's long summary
    // shows its opening first: the reader presses "Show more" for the rest.
    await tab.evaluate(async () => {
      for (const el of document.querySelectorAll('lantern-report-download')) {
        el.shadowRoot?.querySelector('.more-line button')?.click();
        await el.updateComplete;
      }
      const images = [];
      const collect = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.localName === 'img') images.push(el);
          if (el.shadowRoot) collect(el.shadowRoot);
        }
      };
      collect(document);
      for (const el of images) {
        el.scrollIntoView();
        await new Promise((r) => setTimeout(r, 300));
      }
    });
    await tab.waitForTimeout(500);
    for (const name of ['cover', 'html-top', 'md-below', 'html-below']) {
      assert.ok(names().includes(name), `${name} was not requested once scrolled into view`);
    }
    const firstView = imageLog.length;

    // Reload, then a second page of the same site: the images come from the browser's cache
    // or go out again, and either way no request tells the image host where the reader is.
    await tab.reload();
    await settle();
    await tab.goto(`${privacy.origin}/privacy/page.html?page=2`);
    await settle();
    console.log(
      `image requests: ${firstView} on the first view, ${imageLog.length - firstView} on reload and a second page`,
    );
    assert.deepEqual(withReferer(), [], 'image requests sent with a Referer');
    assert.deepEqual(errors, []);
    // Every image element drawn from a feed carries the policy itself, before any src.
    const audit = await tab.evaluate(() => {
      const out = [];
      const collect = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.localName === 'img') out.push(el.getAttributeNames().join(' '));
          if (el.shadowRoot) collect(el.shadowRoot);
        }
      };
      collect(document);
      return out;
    });
    assert.ok(audit.length >= 8, `only ${audit.length} images drawn`);
    for (const names of audit) {
      const order = names.split(' ');
      assert.ok(order.includes('referrerpolicy'), `an image without referrerpolicy: ${names}`);
      assert.ok(
        order.indexOf('referrerpolicy') < order.indexOf('src'),
        `src set before referrerpolicy: ${names}`,
      );
    }
  } finally {
    await context.close();
    await privacy.close();
  }
});
