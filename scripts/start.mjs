// `npm start`: the staff preview on the built-in demo feed, served by Vite on this machine.
import { createServer } from 'vite';

const port = Number(process.env.PORT) || 5173;
const canOpen =
  process.platform === 'darwin' || process.platform === 'win32' || !!process.env.DISPLAY;
const server = await createServer({
  configFile: 'vite.config.ts',
  server: { port, host: '127.0.0.1', open: canOpen ? '/preview/' : false },
});
await server.listen();
console.log(`\n  Lantern staff preview: http://127.0.0.1:${server.config.server.port}/preview/\n`);
