import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { testServer } from './test/server/test-server.mjs';

export const chromeArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/**
 * `executeServerCommand('forced-colors', 'active' | 'none')`: emulateMedia from
 * @web/test-runner-commands passes only colour scheme and reduced motion to Chrome's launcher.
 */
const forcedColorSessions = new WeakMap();
const forcedColors = {
  name: 'forced-colors',
  async executeCommand({ command, payload, session }) {
    if (command !== 'forced-colors') return undefined;
    // Through the DevTools protocol (this puppeteer's emulateMediaFeatures does not know it),
    // on a session kept open: an emulation ends with the session that set it.
    const page = session.browser.getPage(session.id);
    let cdp = forcedColorSessions.get(page);
    if (!cdp) forcedColorSessions.set(page, (cdp = await page.createCDPSession()));
    await cdp.send('Emulation.setEmulatedMedia', {
      features: [{ name: 'forced-colors', value: payload }],
    });
    return true;
  },
};

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['production'] },
  // One test file at a time: a second, backgrounded tab gets no animation frames, and the
  // hang-guard timings in test/security/ wait on them.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 600_000,
  browserStartTimeout: 60_000,
  middleware: [testServer],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    forcedColors,
    // `a11ySnapshot()`: the accessibility tree Chromium gives a screen reader.
    a11ySnapshotPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: chromeArgs,
      },
    }),
  ],
  testFramework: { config: { timeout: 20_000 } },
};
