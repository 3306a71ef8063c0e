import { minifyHTMLLiterals } from 'minify-literals';
import type { Plugin } from 'vite';

/**
 * Minifies the static text of Lit's `html` and `css` templates, which the JS minifier leaves
 * alone, with minify-literals (html-minifier-next for markup, Lightning CSS for styles). Only our
 * own sources, and only in `vite build`: the dev server and Storybook serve them as written.
 */
export function litLiterals(): Plugin {
  return {
    name: 'lantern:lit-literals',
    apply: 'build',
    enforce: 'pre',
    async transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/\b(css|html)`/.test(code)) return null;
      // Whitespace runs become one space, never none: ` · ` between a file's facts and the
      // space before a neighbour's warning are text a reader sees, and what ships then renders
      // as the sources the tests run on do.
      const result = await minifyHTMLLiterals(code, {
        fileName: id,
        html: { conservativeCollapse: true },
      });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}
