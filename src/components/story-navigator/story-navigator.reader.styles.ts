/** The story navigator's reader mode: the part itself, its meta line, image, credit and body typography. */
import { css } from 'lit';

export const navigatorReaderStyles = css`
  /* reader mode: the part itself */
  .reading {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
    padding-block: var(--_space);
    border-block: 1px solid var(--_border);
  }
  /* Focused on a part change: its ring (tokens.ts) by keyboard only, clear of the text. */
  .reading > .title {
    font-size: 1.5em;
    scroll-margin-top: var(--_space);
    outline-offset: 4px;
  }
  .reading .meta {
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* Its dots are drawn, not read (story-navigator.styles.ts, speech). */
  /* Muted and italic already (tokens.ts). */
  .note {
    font-size: 0.875em;
  }
  .media {
    margin: 0;
  }
  .media img {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-raised);
  }
  .credit {
    padding-top: 0.25em;
    color: var(--_muted);
    font-size: 0.75em;
  }
  .reading > .summary {
    font-size: 1.0625em;
  }
  .continue {
    margin-top: 0.25em;
  }
  .body {
    font-size: 1.0625em;
    line-height: 1.65;
  }
  .body > * {
    margin-block: 0 1em;
  }
  .body > :last-child {
    margin-bottom: 0;
  }
  .body :is(h3, h4, h5, h6) {
    margin-block: 1.5em 0.5em;
    font-size: 1.1em;
    line-height: 1.3;
  }
  .body blockquote {
    /* A share of the width, so nested quotes cannot push their text out of a narrow column. */
    padding-inline-start: min(1em, 6%);
    border-inline-start: 4px solid var(--_accent);
    font-size: 1.1em;
    font-style: italic;
  }
  .body hr {
    border: 0;
    border-top: 1px solid var(--_border);
    margin-block: 1.5em;
  }
`;
