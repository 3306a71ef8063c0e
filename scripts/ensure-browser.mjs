// Finds the browser the tests run in: `chromium` (the default) or `firefox` (Firefox ESR, the
// second engine of `npm test`). When none is found it installs Debian's package where it can
// (root on Debian); it never downloads a browser build of its own.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BROWSERS = {
  chromium: {
    name: 'Chromium',
    paths: [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'],
    packages: 'chromium fonts-noto-cjk',
    env: 'CHROME_PATH=/path/to/chrome',
  },
  firefox: {
    name: 'Firefox',
    paths: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
    packages: 'firefox-esr fonts-noto-cjk',
    env: 'FIREFOX_PATH=/path/to/firefox',
  },
};
const browser = BROWSERS[process.argv[2] ?? 'chromium'];
if (!browser) {
  console.error(`Unknown browser "${process.argv[2]}": chromium or firefox.`);
  process.exit(1);
}
const found = () => browser.paths.find((p) => p && existsSync(p));
if (found()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (isRoot && isDebian) {
  console.log(`${browser.name} not found: installing Debian packages ${browser.packages}…`);
  try {
    execSync(
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${browser.packages}`,
      { stdio: 'inherit' },
    );
  } catch {
    console.error(`apt-get could not install ${browser.packages}.`);
    process.exit(1);
  }
  if (found()) process.exit(0);
}
console.error(
  [
    `No ${browser.name} found for the browser tests.`,
    'Install it, then run the tests again:',
    `  Debian/Ubuntu: sudo apt-get install ${browser.packages}`,
    `  elsewhere: install ${browser.name} and set ${browser.env}`,
  ].join('\n'),
);
process.exit(1);
