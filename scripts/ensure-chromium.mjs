// Finds Chromium for the browser tests. When none is found it installs Debian's package where
// it can (root on Debian); it never downloads a browser build of its own.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const found = candidates.find((p) => p && existsSync(p));
if (found) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (isRoot && isDebian) {
  console.log('Chromium not found: installing Debian packages chromium and fonts-noto-cjk…');
  try {
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk',
      {
        stdio: 'inherit',
      },
    );
  } catch {
    console.error('apt-get could not install chromium.');
    process.exit(1);
  }
  if (existsSync('/usr/bin/chromium')) process.exit(0);
}
console.error(
  [
    'No Chromium found for the browser tests.',
    'Install it, then run the tests again:',
    '  Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk',
    '  elsewhere: install Chromium or Chrome and set CHROME_PATH=/path/to/chrome',
  ].join('\n'),
);
process.exit(1);
