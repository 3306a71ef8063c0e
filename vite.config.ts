import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * `vite build` makes the CDN build: `dist/cdn/lantern.js` registers every element; marked and
 * DOMPurify land in their own chunk, loaded only when rich content is rendered.
 * `vite build --mode lib` makes the npm entries, with lit, marked and dompurify left external.
 * `vite` (dev) serves the staff preview.
 */
export default defineConfig(({ mode }) => {
  const lib = mode === 'lib';
  return {
    resolve: { conditions: ['production'] },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    server: { port: 5173, open: false },
    build: {
      target: 'es2022',
      emptyOutDir: false,
      outDir: lib ? 'dist/lib' : 'dist/cdn',
      sourcemap: true,
      minify: true,
      copyPublicDir: false,
      lib: lib
        ? {
            entry: {
              index: resolve(__dirname, 'src/index.ts'),
              'content/index': resolve(__dirname, 'src/content/index.ts'),
              'article-card': resolve(__dirname, 'src/define/article-card.ts'),
              'components/article-card': resolve(
                __dirname,
                'src/components/article-card/article-card.ts',
              ),
            },
            formats: ['es'],
          }
        : {
            entry: resolve(__dirname, 'src/index.ts'),
            formats: ['es'],
            fileName: () => 'lantern.js',
          },
      rollupOptions: {
        external: lib ? [/^lit/, /^@lit\//, 'marked', 'dompurify'] : [],
        output: {
          chunkFileNames: lib ? 'chunks/[name]-[hash].js' : 'lantern-[name]-[hash].js',
        },
      },
    },
  };
});
