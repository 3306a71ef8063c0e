import type { Plugin } from 'vite';

/**
 * marked in the CDN files is its lexer alone. Lantern writes marked's tokens itself, into the
 * page or (for a chunk with raw HTML) as HTML for the sanitiser (src/content/markdown-tree.ts),
 * so marked's parser, renderers, hooks and `Marked` class are never called. Yet no bundler can
 * drop them: marked's module makes a default `Marked` instance when it loads, and sets the
 * `marked()` function's properties, and a minifier cannot know that has no effect. This cuts
 * that default instance and `marked()` from the module and exports only what Lantern imports
 * (`Lexer`, `Tokenizer`); the unused classes then go with the rest of the dead code: about 3.5 KB
 * of gzip off every page with a markdown body. The npm build leaves marked whole (it is external
 * there), and so do the staff preview, Storybook and the tests, which run the sources.
 *
 * If a marked update changes the shape this looks for, the build fails and says so: an
 * import from marked other than these two fails it too (the export is missing).
 */
const KEEP = ['Lexer', 'Tokenizer'];

export function markedLexer(): Plugin {
  return {
    name: 'lantern:marked-lexer',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]marked[\\/]lib[\\/]marked\.esm\.js$/.test(id)) return null;
      // `var v=new Marked;function marked(src,opt){return v.parse(src,opt)}…export{…}`
      const start = /var (\w+)=new \w+;function \w+\(\w+,\w+\)\{return \1\.parse\(/.exec(code);
      const end = code.lastIndexOf('export{');
      const names = new Map(
        [...code.slice(end).matchAll(/(\w+) as (\w+)/g)].map(([, local, name]) => [name, local]),
      );
      if (!start || end < start.index || KEEP.some((name) => !names.has(name))) {
        this.error("marked's module has changed shape: build/marked-lexer.ts cannot cut it");
      }
      const exports = KEEP.map((name) => `${names.get(name)} as ${name}`).join(',');
      return { code: `${code.slice(0, start.index)}export{${exports}};\n`, map: null };
    },
  };
}
