// The staff preview as `npm start` serves it (Vite's dev server), for the preview's end-to-end
// checks: on a free loopback port, with a dependency cache of its own, so a preview someone else
// is running is not disturbed.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';
import { root } from './harness.mjs';

/** Starts the preview's Vite server, with its `origin`; `name` names its dependency cache. */
export async function previewServer(name) {
  const server = await createServer({
    root,
    configFile: join(root, 'vite.config.ts'),
    cacheDir: join(tmpdir(), `lantern-${name}-e2e-vite`),
    optimizeDeps: { entries: ['preview/*.html'] },
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false, open: false, hmr: false },
  });
  await server.listen();
  return Object.assign(server, { origin: `http://127.0.0.1:${server.httpServer.address().port}` });
}
