import { css } from 'lit';

/**
 * Sanitised feed HTML (the reader body, the report summary) inside an element of class `rich`:
 * whatever it holds stays inside the widget. Wide tables and code scroll in their own box,
 * nesting stops indenting after a few levels (and each level takes a share of the width, not a
 * fixed amount), huge list numbers sit inside their item, and nested font-size and raise
 * changes do not compound. (A class, not a selector parameter: a parameter would need Lit's
 * unsafe-CSS wrapper, whose mere name in a file keeps the build's
 * literal minifier away from the whole file.)
 */
export const richContentStyles = css`
  .rich {
    /* Stacked combining marks in the body do not paint over the widget's own heading. */
    overflow: clip;
    overflow-clip-margin: 0.5em;
  }
  /* A long body (src/content/defer-layout.ts) is laid out only near the screen; its paint
     containment must not clip list markers or focus rings. */
  .rich [data-lantern-defer] {
    content-visibility: auto;
    contain-intrinsic-size: auto 8lh;
    overflow-clip-margin: 3em;
  }
  .rich [data-lantern-piece] {
    display: block;
  }
  .rich img {
    height: auto;
  }
  .rich table {
    display: block;
    width: max-content;
    max-width: 100%;
    overflow-x: auto;
    /* Its words stay whole (the host's "anywhere" would break "2019" into digits at 320 px). */
    overflow-wrap: break-word;
  }
  .rich pre {
    overflow-x: auto;
  }
  /* A disclosure (its summary a list item with the browser's marker, on its own line): room
     under the summary and between what it reveals, as between the body's paragraphs. */
  .rich details > * {
    margin: 0 0 0.75em;
  }
  /* Room for an outside number such as "10." in a list of its own; nested lists indent less. */
  .rich :is(ul, ol) {
    padding-inline-start: min(2.5em, 25%);
  }
  .rich li :is(ul, ol) {
    padding-inline-start: min(1.75em, 8%);
  }
  .rich dd {
    margin-inline-start: min(1.75em, 8%);
  }
  .rich :is(figure, blockquote) {
    margin-inline: 0;
  }
  /* Past four levels, nesting no longer indents (its numbers and bullets move inside the
     item): 300 levels cannot march off the side. */
  .rich
    :is(ul, ol, dd, blockquote)
    :is(ul, ol, dd, blockquote)
    :is(ul, ol, dd, blockquote)
    :is(ul, ol, dd, blockquote)
    :is(ul, ol, dd, blockquote) {
    padding-inline-start: 0;
    margin-inline-start: 0;
    border-inline-start: 0;
    list-style-position: inside;
  }
  /* A list told to start at 2147483647 draws its numbers inside the item, not off its edge. */
  .rich ol:is([start], [reversed]) {
    list-style-position: inside;
  }
  .rich :is(sup, sub) :is(sup, sub) {
    vertical-align: baseline;
    font-size: 100%;
  }
  .rich small small,
  .rich :is(h1, h2, h3, h4, h5, h6, blockquote) :is(h1, h2, h3, h4, h5, h6, blockquote) {
    font-size: 100%;
  }
`;
