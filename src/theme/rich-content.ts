import { css, unsafeCSS, type CSSResult } from 'lit';

// Its own module: the selector is a parameter (unsafeCSS), which the build's literal minifier
// cannot see through, so it would leave every other style in the file unminified.
/**
 * Sanitised feed HTML (the reader body, the report summary) inside the container `root`:
 * whatever it holds stays inside the widget. Wide tables and code scroll in their own box,
 * nesting stops indenting after a few levels (and each level takes a share of the width, not a
 * fixed amount), huge list numbers sit inside their item, and nested font-size and raise
 * changes do not compound.
 */
export function richContentStyles(root: string): CSSResult {
  const r = unsafeCSS(root);
  return css`
    ${r} {
      min-width: 0;
      /* Stacked combining marks in the body do not paint over the widget's own heading. */
      overflow: clip;
      overflow-clip-margin: 0.5em;
    }
    ${r} :is(img, video) {
      max-width: 100%;
      height: auto;
    }
    ${r} table {
      display: block;
      width: max-content;
      max-width: 100%;
      overflow-x: auto;
    }
    ${r} pre {
      max-width: 100%;
      overflow-x: auto;
    }
    /* Room for an outside number such as "10." in a list of its own; nested lists indent less. */
    ${r} :is(ul, ol) {
      padding-inline-start: min(2.5em, 25%);
    }
    ${r} li :is(ul, ol) {
      padding-inline-start: min(1.75em, 8%);
    }
    ${r} dd {
      margin-inline-start: min(1.75em, 8%);
    }
    ${r} :is(figure, blockquote) {
      margin-inline: 0;
    }
    /* Past four levels, nesting no longer indents (its numbers and bullets move inside the
       item): 300 levels cannot march off the side. */
    ${r} :is(ul, ol, dd, blockquote) :is(ul, ol, dd, blockquote) :is(ul, ol, dd, blockquote)
      :is(ul, ol, dd, blockquote) :is(ul, ol, dd, blockquote) {
      padding-inline-start: 0;
      margin-inline-start: 0;
      border-inline-start: 0;
      list-style-position: inside;
    }
    /* A list told to start at 2147483647 draws its numbers inside the item, not off its edge. */
    ${r} ol:is([start], [reversed]) {
      list-style-position: inside;
    }
    ${r} :is(sup, sub) :is(sup, sub) {
      vertical-align: baseline;
      font-size: 100%;
    }
    ${r} small small,
    ${r} :is(h1, h2, h3, h4, h5, h6, blockquote) :is(h1, h2, h3, h4, h5, h6, blockquote) {
      font-size: 100%;
    }
  `;
}
