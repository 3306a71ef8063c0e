import { minify } from 'html-minifier-next';
import { minifyHTMLLiterals } from 'minify-literals';
import type { Plugin } from 'vite';

/** Elements the browser lays out as blocks, and that Lantern's styles never make inline. */
const BLOCK = 'article|div|figcaption|figure|h[1-6]|li|nav|ol|p|ul';
/**
 * A whitespace run beside a block tag (opening or closing) starts or ends a line, so it is never
 * drawn (CSS removes it) nor read.
 */
const BESIDE_BLOCK = new RegExp(
  `(<\\/?(?:${BLOCK})\\b[^<>]*>)\\s+|\\s+(?=<\\/?(?:${BLOCK})\\b)`,
  'g',
);

/**
 * Markup: minify-literals' own html-minifier-next options, with whitespace runs made one space,
 * never none (` · ` between a file's facts and the space before a neighbour's warning are text a
 * reader sees, and a template's edges may sit inside a sentence). Only a run beside a block tag
 * goes: a text node that is never drawn, one node fewer in every copy of the template. (None of
 * these elements is made inline by Lantern's styles, nor is any text `white-space: pre`.)
 * Attribute values lose their quotes where HTML lets them (`part=base`, `aria-hidden=true`; a
 * value with a space keeps them): the same attributes, and Lit reads unquoted values and
 * bindings alike. About 20 B gzip on a card and list page, 40 B with every element.
 */
async function minifyMarkup(markup: string): Promise<string> {
  const collapsed = await minify(markup, {
    caseSensitive: true,
    collapseWhitespace: true,
    conservativeCollapse: true,
    decodeEntities: true,
    removeAttributeQuotes: true,
    removeComments: true,
    removeEmptyAttributes: true,
    removeDefaultTypeAttributes: true,
  });
  return collapsed.replace(BESIDE_BLOCK, '$1');
}

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
      const result = await minifyHTMLLiterals(code, { fileName: id, html: minifyMarkup });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}
