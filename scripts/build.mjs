// The whole build: CDN bundle, npm entries, type declarations and custom-elements.json.
import { execSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { transform } from 'esbuild';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
process.env.LANTERN_BUILD = '1';
run('npx vite build --logLevel warn');
run('npx vite build --mode cdn-all --logLevel warn');
run('npx vite build --mode lib --logLevel warn');
// The reserved boxes partners link before lantern.js (README, "Embedding on a partner site").
const { code: reserve } = await transform(readFileSync('src/cdn.css', 'utf8'), {
  loader: 'css',
  minify: true,
});
writeFileSync('dist/cdn/lantern.css', reserve);
run('npx tsc -p tsconfig.build.json');
run('npm run --silent analyze');
// After the manifest and the declarations, which it reads.
run('node scripts/framework-types.mjs');
console.log(
  'build: dist/cdn/lantern.js, dist/cdn/lantern.css, dist/cdn/all/lantern.js, dist/lib/, dist/types/, custom-elements.json',
);
