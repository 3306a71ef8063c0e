// Lints the package as npm would publish it: packs dist/ (run the build first) into a temp dir
// and runs publint (package.json fields, exports, files) and @arethetypeswrong/cli (every export
// resolves to JavaScript and types). The package is ESM-only, so attw's `esm-only` profile:
// CommonJS `require` and node10 resolution (which ignores `exports`) are not supported setups.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'lantern-pack-'));
try {
  const name = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir],
    {
      encoding: 'utf8',
    },
  )
    .trim()
    .split('\n')
    .pop();
  const tarball = join(dir, name);
  const run = (cmd, args) =>
    execFileSync('npx', ['--no-install', cmd, ...args], { stdio: 'inherit' });
  run('publint', ['--strict', tarball]);
  // A stylesheet export (`./cdn/lantern.css`) has no JavaScript or types for attw to resolve.
  const { exports } = JSON.parse(readFileSync('package.json', 'utf8'));
  const stylesheets = Object.entries(exports)
    .filter(([, target]) => JSON.stringify(target).includes('.css"'))
    .map(([key]) => key);
  const exclude = stylesheets.length ? ['--exclude-entrypoints', ...stylesheets] : [];
  run('attw', [tarball, '--profile', 'esm-only', '--format', 'ascii', ...exclude]);
  console.log('package: publint and attw clean');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
