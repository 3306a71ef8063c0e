import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const here = import.meta.dirname;

/** Collapses CSS text; quoted strings are kept as written. */
function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('[^']*'|"[^"]*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/([^\s(]): /g, '$1:')
            .replace(/;}/g, '}'),
    )
    .join('');
}

/** Whitespace with a line break in it becomes one space: what the HTML parser would render anyway. */
const collapseHtml = (text: string) => text.replace(/\s*\n\s*/g, ' ');

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}
interface Quasi extends Node {
  value: { raw: string };
}
const newlines = (text: string) => text.split('\n').length - 1;

/**
 * Minifies the static text of lit `css` and `html` templates, which the JS minifier leaves alone
 * (measured: about 0.8 KB gzip off the CDN entry). Each template keeps its line count (the
 * removed line breaks follow it) so source maps of the code around it stay right.
 */
function litTemplateMinify(): Plugin {
  return {
    name: 'lantern:lit-template-minify',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/(css|html)`/.test(code)) return null;
      const edits: { start: number; end: number; text: string }[] = [];
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (!node || typeof node !== 'object') return;
        const n = node as Node;
        const tag = n.tag as Node | undefined;
        const name = tag?.type === 'Identifier' ? (tag.name as string) : '';
        if (n.type === 'TaggedTemplateExpression' && (name === 'css' || name === 'html')) {
          const quasis = (n.quasi as Node).quasis as Quasi[];
          const raw = quasis.map((q) => q.value.raw);
          // A quasi's span includes its delimiters (`, } and ${); its raw text starts one in.
          const at = quasis.map((q) => q.start + 1);
          const verbatim =
            quasis.some((q, i) => code.slice(at[i], at[i]! + raw[i]!.length) !== raw[i]) ||
            (name === 'html' && /<(pre|textarea)\b[^>]*>[^<]/.test(raw.join('')));
          if (!verbatim) {
            let removed = 0;
            quasis.forEach((_, i) => {
              let text = name === 'css' ? minifyCss(raw[i]!) : collapseHtml(raw[i]!);
              if (name === 'css' && i === 0) text = text.trimStart();
              if (name === 'css' && i === quasis.length - 1) text = text.trimEnd();
              removed += newlines(raw[i]!) - newlines(text);
              edits.push({ start: at[i]!, end: at[i]! + raw[i]!.length, text });
            });
            if (removed) edits.push({ start: n.end, end: n.end, text: '\n'.repeat(removed) });
          }
        }
        for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
      };
      visit(this.parse(code, { lang: 'ts' }));
      if (!edits.length) return null;
      edits.sort((a, b) => b.start - a.start || b.end - a.end);
      let out = code;
      for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
      return { code: out, map: null };
    },
  };
}

/** Every element that exists: `src/define/<tag>.ts` registers it, `src/components/<tag>/<tag>.ts` is its class. */
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
 * `vite build` makes the CDN build: `dist/cdn/lantern.js` registers every element; marked and
 * DOMPurify land in their own chunk (`lantern-rich-*.js`), loaded only when rich content is
 * rendered. `vite build --mode lib` makes the npm entries (one registering entry per element,
 * class-only modules under `components/`), with lit, marked and dompurify left external.
 * `vite` (dev) serves the staff preview.
 */
export default defineConfig(({ mode }) => {
  const lib = mode === 'lib';
  const all = mode === 'cdn-all';
  return {
    plugins: [litTemplateMinify()],
    resolve: { conditions: ['production'] },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    server: { port: 5173, open: false },
    build: {
      target: 'es2022',
      emptyOutDir: false,
      outDir: lib ? 'dist/lib' : all ? 'dist/cdn/all' : 'dist/cdn',
      sourcemap: true,
      minify: true,
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
        : {
            // dist/cdn/lantern.js registers the card and loads the other elements when they
            // appear; dist/cdn/all/lantern.js registers all four at once (for a render-blocking
            // script on pages that want no layout shift at all).
            entry: resolve(here, all ? 'src/index.ts' : 'src/cdn.ts'),
            formats: ['es'],
            fileName: () => 'lantern.js',
          },
      rollupOptions: {
        external: lib ? [/^lit/, /^@lit\//, 'marked', 'dompurify'] : [],
        output: {
          // Vite's library mode keeps whitespace in ES output; the CDN file is for browsers only.
          minify: !lib,
          chunkFileNames: lib
            ? 'chunks/[name]-[hash].js'
            : // Code the entry shares with the rich chunk goes to a small chunk of its own, so the rich
              // chunk never imports `lantern.js` by a URL that lacks the partner's `?ver=` query
              // (which would load a second copy of Lit).
              (chunk) =>
                chunk.name === 'sanitize'
                  ? 'lantern-rich-[hash].js'
                  : chunk.name === 'core'
                    ? 'lantern-core-[hash].js'
                    : chunk.name.startsWith('lantern-')
                      ? `${chunk.name}-[hash].js`
                      : 'lantern-shared-[hash].js',
          // Lit, the content layer, the shared widget code and the card sit in one core chunk that
          // the entry and every lazily loaded element import by the same URL: one copy of Lit.
          manualChunks:
            lib || all
              ? undefined
              : (id: string) => {
                  if (/[\\/](marked|dompurify)[\\/]|sanitize\.ts$/.test(id)) return undefined;
                  if (
                    /[\\/]src[\\/]define[\\/](article-list|story-navigator|report-download)\.ts$/.test(
                      id,
                    )
                  ) {
                    return `lantern-${id.replace(/.*[\\/]/, '').replace('.ts', '')}`;
                  }
                  if (
                    /[\\/]src[\\/]components[\\/](article-list|story-navigator|report-download)[\\/]/.test(
                      id,
                    )
                  ) {
                    return `lantern-${id.split(/[\\/]/).at(-2)}`;
                  }
                  if (/[\\/]src[\\/]cdn\.ts$/.test(id)) return undefined;
                  if (
                    /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]|[\\/]src[\\/]/.test(id)
                  )
                    return 'core';
                  return undefined;
                },
        },
      },
    },
  };
});
