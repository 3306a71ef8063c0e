// Routes the browser tests use to simulate real servers: errors, slow and stalled responses,
// wrong content, and request counting. Mounted into @web/test-runner's dev server.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The folder a local clone was made from (`git clone . /tmp/x`), if it was made from one. */
function originDir() {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    return url.startsWith('/') ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The shared real-world feeds: `LANTERN_SHARED` if set, else `../shared` beside the clone (as
 * in CI), else beside the local clone this one was made from (a proof run in a temporary
 * folder). Read where they lie, never copied into the repository.
 */
const sharedDir =
  [
    process.env.LANTERN_SHARED,
    resolve(root, '../shared'),
    originDir() && resolve(originDir(), '../shared'),
  ].find((dir) => dir && existsSync(join(dir, 'realworld-feeds'))) ?? resolve(root, '../shared');
export const realworldDir = join(sharedDir, 'realworld-feeds');

const counts = new Map();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function demoFile(name) {
  const path = join(root, 'demo', name.replace(/[^a-z0-9._-]/gi, ''));
  return existsSync(path) ? readFileSync(path) : undefined;
}

/** Koa middleware. */
export async function testServer(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  if (!url.pathname.startsWith('/test-server/')) return next();
  const [, , route, ...rest] = url.pathname.split('/');
  const arg = rest.join('/');
  const key = url.searchParams.get('key') ?? arg;
  counts.set(`${route}:${key}`, (counts.get(`${route}:${key}`) ?? 0) + 1);
  const json = 'application/feed+json; charset=utf-8';
  ctx.set('cache-control', 'no-store');
  // @web/test-runner marks any path with a file extension cacheable for a year after we answer,
  // which would let the browser skip the server; hide the extension so `no-store` stands.
  ctx.path = url.pathname.replace(/\.(?=[^/]*$)/, '_');

  switch (route) {
    case 'count': {
      // /test-server/count/<route>?key=K → how many requests that route saw for K
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({
        count: counts.get(`${arg}:${url.searchParams.get('key') ?? ''}`) ?? 0,
      });
      return;
    }
    case 'reset':
      counts.clear();
      ctx.body = 'ok';
      return;
    case 'feed': {
      // /test-server/feed/<demo file>?delay=ms&key=K
      await sleep(Number(url.searchParams.get('delay') ?? 0));
      const body = demoFile(arg);
      if (!body) {
        ctx.status = 404;
        return;
      }
      ctx.set('content-type', json);
      ctx.body = body;
      return;
    }
    case 'status':
      ctx.status = Number(arg) || 500;
      ctx.type = 'text/html';
      ctx.body = `<h1>Error ${ctx.status}</h1>`;
      return;
    case 'framed': {
      // /test-server/framed?csp=<policy>&script=<path> : a partner's page at an address of its
      // own, its Content-Security-Policy sent as a header (as partners send it), running one
      // module. (A srcdoc frame with the policy in a <meta> runs no 'self' script in Firefox.)
      const script = url.searchParams.get('script') ?? '';
      if (!/^\/test\/[\w/.-]+\.ts(?:\?[\w=&]*)?$/.test(script)) {
        ctx.status = 400;
        return;
      }
      ctx.set('content-security-policy', url.searchParams.get('csp') ?? '');
      ctx.type = 'text/html';
      ctx.body = `<!doctype html><html lang="en"><head><script type="module" src="${script}"></script></head><body></body></html>`;
      return;
    }
    case 'html':
      ctx.set('content-type', 'application/json');
      ctx.body = '<!doctype html><html><body>Not a feed</body></html>';
      return;
    case 'raw': {
      // /test-server/raw?body=<base64>&type=…&delay=ms : exact bytes, for BOM, invalid UTF-8 and
      // junk, or a feed of a test's own.
      await sleep(Number(url.searchParams.get('delay') ?? 0));
      ctx.set('content-type', url.searchParams.get('type') ?? json);
      ctx.body = Buffer.from(url.searchParams.get('body') ?? '', 'base64');
      return;
    }
    case 'stall': {
      // Sends the start of a feed, then never finishes.
      const { PassThrough } = await import('node:stream');
      const stream = new PassThrough();
      ctx.set('content-type', json);
      ctx.body = stream;
      stream.write('{"version":"https://jsonfeed.org/version/1.1","title":"Stalled","items":[');
      setTimeout(() => stream.end(), 60_000).unref();
      return;
    }
    case 'flaky': {
      // Fails while the key is "down"; /test-server/flaky-up?key=K brings it back. How it fails:
      // mode=503 (default) or any status, drop (connection reset, as offline), hang (no answer
      // for 10 s), stall (half a
      // body, then nothing), redirect (to ?to=, another origin), cors (no CORS header).
      const mode = url.searchParams.get('mode') ?? '503';
      if (!upKeys.has(key)) {
        if (mode === 'drop') {
          ctx.req.socket.destroy();
          ctx.respond = false;
          return;
        }
        if (mode === 'hang') {
          await sleep(10_000);
          ctx.status = 503;
          return;
        }
        if (mode === 'stall') {
          const { PassThrough } = await import('node:stream');
          const stream = new PassThrough();
          ctx.set('content-type', json);
          ctx.body = stream;
          stream.write('{"version":"https://jsonfeed.org/version/1.1","title":"Stalled","items":[');
          setTimeout(() => stream.end(), 60_000).unref();
          return;
        }
        if (mode === 'redirect') {
          ctx.redirect(url.searchParams.get('to') ?? '/');
          return;
        }
        if (mode !== 'cors') {
          ctx.status = Number(mode) || 503;
          return;
        }
      } else {
        ctx.set('access-control-allow-origin', '*');
      }
      ctx.set('content-type', json);
      ctx.body = demoFile(url.searchParams.get('file') ?? 'feed.json');
      return;
    }
    case 'redirect':
      // /test-server/redirect?to=URL : a 302, e.g. to another origin.
      ctx.redirect(url.searchParams.get('to') ?? '/');
      return;
    case 'flaky-up':
      upKeys.add(key);
      ctx.body = 'ok';
      return;
    case 'fixture': {
      // /test-server/fixture/<quirks|malformed>/<file>?type=… : a committed fixture, byte for byte.
      const [dir = '', name = ''] = rest;
      const file = join(
        root,
        'test/fixtures',
        dir.replace(/[^a-z-]/g, ''),
        name.replace(/[^a-z0-9._-]/gi, ''),
      );
      if (!name || !existsSync(file)) {
        ctx.status = 404;
        return;
      }
      ctx.set('content-type', url.searchParams.get('type') ?? 'application/json');
      ctx.body = readFileSync(file);
      return;
    }
    case 'big': {
      // /test-server/big?items=N&pad=chars&chunked=1 : a generated valid feed of any size;
      // chunked=1 sends no content-length, so only counting the bytes can catch it.
      const items = Number(url.searchParams.get('items') ?? 1);
      const pad = 'x'.repeat(Number(url.searchParams.get('pad') ?? 0));
      const list = Array.from({ length: items }, (_, i) => ({
        id: `big-${i}`,
        title: `Item ${i}`,
        summary: pad,
      }));
      const body = Buffer.from(
        JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Big', items: list }),
      );
      ctx.set('content-type', json);
      if (url.searchParams.get('chunked') === '1') {
        const { Readable } = await import('node:stream');
        ctx.body = Readable.from(
          Array.from({ length: Math.ceil(body.length / 65536) }, (_, i) =>
            body.subarray(i * 65536, (i + 1) * 65536),
          ),
        );
      } else {
        ctx.body = body;
      }
      return;
    }
    case 'store': {
      // POST /test-server/store?key=K with a feed as the body; GET /test-server/stored/K serves
      // it back (for feeds too large for a URL).
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      stored.set(key, Buffer.concat(chunks));
      ctx.body = 'ok';
      return;
    }
    case 'stored': {
      const body = stored.get(arg);
      if (!body) {
        ctx.status = 404;
        return;
      }
      ctx.set('content-type', json);
      ctx.body = body;
      return;
    }
    case 'echo':
      // /test-server/echo?key=K&maxage=s : serves the demo feed (cacheable for s seconds when
      // given) and remembers the request's headers.
      seen.set(key, {
        cookie: ctx.get('cookie'),
        referer: ctx.get('referer'),
        accept: ctx.get('accept'),
      });
      if (url.searchParams.has('maxage')) {
        ctx.set('cache-control', `max-age=${Number(url.searchParams.get('maxage'))}`);
      }
      ctx.set('content-type', json);
      ctx.body = demoFile('feed.json');
      return;
    case 'seen':
      // /test-server/seen?key=K : the headers /test-server/echo saw for K ("" when absent).
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(seen.get(key) ?? null);
      return;
    case 'realworld': {
      if (!existsSync(realworldDir)) {
        ctx.status = 404;
        ctx.body = 'realworld feeds not present';
        return;
      }
      if (arg === '') {
        ctx.type = 'application/json';
        ctx.body = JSON.stringify(readdirSync(realworldDir).filter((f) => f.endsWith('.json')));
        return;
      }
      const file = join(realworldDir, arg.replace(/[^a-z0-9._-]/gi, ''));
      if (!existsSync(file)) {
        ctx.status = 404;
        return;
      }
      ctx.set('content-type', 'application/json');
      ctx.body = readFileSync(file);
      return;
    }
    case 'realworld-xml': {
      // /test-server/realworld-xml/[<file>][?type=…] : ../shared/realworld-feeds/rss-atom/, read
      // where it lies (never copied in), served as its kind or as the type asked for.
      const dir = join(realworldDir, 'rss-atom');
      if (!existsSync(dir)) {
        ctx.status = 404;
        ctx.body = 'realworld RSS/Atom feeds not present';
        return;
      }
      if (arg === '') {
        ctx.type = 'application/json';
        ctx.body = JSON.stringify(readdirSync(dir).filter((f) => f.endsWith('.xml')));
        return;
      }
      const file = join(dir, arg.replace(/[^a-z0-9._-]/gi, ''));
      if (!existsSync(file)) {
        ctx.status = 404;
        return;
      }
      const kind = file.endsWith('.atom.xml') ? 'application/atom+xml' : 'application/rss+xml';
      ctx.set('content-type', url.searchParams.get('type') ?? kind);
      ctx.body = readFileSync(file);
      return;
    }
    default:
      ctx.status = 404;
  }
}

const upKeys = new Set();
const seen = new Map();
const stored = new Map();
