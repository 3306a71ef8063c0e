// `npm start`: the staff preview on the built-in demo feed, served by Vite on this machine only.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT) || 5173;
const canOpen =
  process.platform === 'darwin' || process.platform === 'win32' || !!process.env.DISPLAY;
const server = await createServer({
  root,
  configFile: resolve(root, 'vite.config.ts'),
  // Only the preview's pages: a built Storybook or test pages lying around are not scanned.
  optimizeDeps: { entries: ['preview/*.html'] },
  server: { port, host: '127.0.0.1', open: canOpen ? '/preview/' : false },
});
await server.listen();
// Vite moves to the next free port when this one is taken: print the address it really got.
const base = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`\n  Lantern staff preview: ${new URL('preview/', base).href}\n`);
