// The whole build: CDN bundle, npm entries, type declarations and custom-elements.json.
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
process.env.LANTERN_BUILD = '1';
run('npx vite build --logLevel warn');
run('npx vite build --mode cdn-all --logLevel warn');
run('npx vite build --mode lib --logLevel warn');
run('npx tsc -p tsconfig.build.json');
run('npm run --silent analyze');
// After the manifest and the declarations, which it reads.
run('node scripts/framework-types.mjs');
console.log(
  'build: dist/cdn/lantern.js, dist/cdn/all/lantern.js, dist/lib/, dist/types/, custom-elements.json',
);
