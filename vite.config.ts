import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import { cdnChunks } from './build/chunks.js';
import { litLiterals } from './build/lit-literals.js';
import { litMessages } from './build/lit-messages.js';
import { markedLexer } from './build/marked-lexer.js';
import { shortNames } from './build/short-names.js';

const here = import.meta.dirname;

/** Every element that exists: `src/define/<name>.ts` registers it, `src/components/<name>/<name>.ts` is its class. */
function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const file of readdirSync(resolve(here, 'src/define'))) {
    const name = file.replace(/\.ts$/, '');
    if (name === file) continue;
    entries[name] = resolve(here, 'src/define', file);
    const component = resolve(here, 'src/components', name, `${name}.ts`);
    if (existsSync(component)) entries[`components/${name}`] = component;
  }
  return entries;
}

/**
 * `npm run build` (scripts/build.mjs) runs three builds with LANTERN_BUILD set:
 * - `vite build`: the CDN build, `dist/cdn/lantern.js` plus its chunks (see build/chunks.ts);
 * - `vite build --mode cdn-all`: `dist/cdn/all/lantern.js`, every element registered up front;
 * - `vite build --mode lib`: the npm entries (one registering entry per element, class-only
 *   modules under `components/`), with lit, marked and dompurify left external.
 * Only those builds use Lit's production build; `vite` (the staff preview) and Storybook get
 * Lit's development build, with its warnings.
 */
export default defineConfig(({ mode }): UserConfig => {
  const production = !!process.env.LANTERN_BUILD;
  const lib = mode === 'lib';
  const all = mode === 'cdn-all';
  const cdnEntry = resolve(here, all ? 'src/cdn-all.ts' : 'src/cdn.ts');
  return {
    plugins: production
      ? [litLiterals(), litMessages(), markedLexer(), shortNames({ cdn: !lib })]
      : [],
    resolve: production ? { conditions: ['production'] } : {},
    define: production ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
    server: { port: 5173, open: false },
    build: {
      target: 'es2022',
      emptyOutDir: false,
      outDir: lib ? 'dist/lib' : all ? 'dist/cdn/all' : 'dist/cdn',
      sourcemap: true,
      // The CDN files with terser (two compress passes): 0.2 to 0.3 KB less gzip than the
      // default minifier on a reader page (npm run size). The npm build keeps the default: a
      // partner's bundler minifies it again.
      minify: lib ? true : 'terser',
      terserOptions: { compress: { passes: 2 }, format: { comments: false } },
      copyPublicDir: false,
      lib: lib
        ? {
            entry: {
              index: resolve(here, 'src/index.ts'),
              'content/index': resolve(here, 'src/content/index.ts'),
              ...elementEntries(),
            },
            formats: ['es'],
          }
        : { entry: cdnEntry, formats: ['es'], fileName: () => 'lantern.js' },
      rollupOptions: {
        external: lib ? [/^lit/, /^@lit\//, 'marked', 'dompurify'] : [],
        output: lib
          ? {
              chunkFileNames: 'chunks/[name].js',
              // host-page.ts must run before Lit, so it may not share a chunk that imports Lit.
              manualChunks: (id: string) => (/host-page\.ts$/.test(id) ? 'host-page' : undefined),
            }
          : {
              // Vite's library mode keeps whitespace in ES output; the CDN file is for browsers only.
              minify: true,
              // No bundler reads a CDN file again: its `@__PURE__` marks are dead weight (21 in
              // the core chunk). (Licence comments were already left out, as before.)
              comments: false,
              ...cdnChunks(cdnEntry),
            },
      },
    },
  };
});
