// The same browser tests in a second engine: Firefox ESR (Debian's `firefox-esr`), driven by
// puppeteer over WebDriver BiDi, in the same web-test-runner setup as Chromium. Readers use more
// than one engine; so do the widgets' layout, sanitiser and CSP paths. BiDi has no DevTools
// protocol: the few checks that need it (the accessibility tree, forced-colours and media
// emulation) run in Chromium only (`devTools` in test/helpers.ts); README "Browsers" lists
// where Firefox differs.
import { chromeLauncher } from '@web/test-runner-chrome';
import base from './web-test-runner.config.mjs';

export default {
  ...base,
  browsers: [
    chromeLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
      },
    }),
  ],
};
