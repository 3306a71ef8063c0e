import { css } from 'lit';
import { richContentStyles } from '../../theme/rich-content.js';

export const reportDownloadStyles = css`
  ${richContentStyles}
  :host {
    --_cover-ratio: var(--lantern-report-cover-ratio, 3 / 4);
    --_cover-width: var(--lantern-report-cover-width, 10em);
    container-type: inline-size;
  }
  .report {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .cover {
    margin: 0;
    width: min(var(--_cover-width), 45%);
  }
  /* The image, or the box that stands for it (a warned report's, the skeleton's); after
     tokens.ts, so the skeleton's box takes this background. */
  .cover > * {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: var(--_cover-ratio);
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-raised);
    box-shadow: 0 0.1em 0.4em rgb(0 0 0 / 0.18);
  }
  @container (min-width: 36em) {
    .has-cover {
      grid-template-columns: var(--_cover-width) minmax(0, 1fr);
      align-items: start;
    }
    .has-cover .cover {
      width: 100%;
    }
    /* Beside the cover (10em and a gap) the text column is 13em narrower. */
    .skeleton.has-cover .details {
      height: calc(20.87em + tan(atan2(835em, 100cqi - 13em - 2px)) * 1em);
    }
    /* The content warning comes first, across both columns. */
    .report > .warning-gate {
      grid-column: 1 / -1;
    }
  }
  /* In a minmax(0, 1fr) column: no min-width of its content's. */
  .details {
    display: grid;
    gap: 0.6em;
  }
  /* A heading (h2 to h6): bold already. */
  .title {
    margin: 0;
    font-size: 1.375em;
    line-height: 1.25;
    text-wrap: balance;
  }
  .meta {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  /* Dots are drawn, not read ("·" is noise to a screen reader): it hears a comma's pause. */
  .meta span + span::before,
  .file > span + span::before {
    content: ' · ';
    content: ' · ' / ', ';
  }
  .facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.15em 1em;
    margin: 0;
    font-size: 0.875em;
  }
  .facts dt {
    color: var(--_muted);
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  /* In a narrow column a fact's value goes under its label, not into a sliver beside it. */
  @container (max-width: 15em) {
    .facts {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .summary {
    min-width: 0;
    line-height: 1.6;
  }
  .rich > :first-child {
    margin-top: 0;
  }
  .rich > :last-child {
    margin-bottom: 0;
  }
  .summary p {
    margin: 0 0 0.75em;
  }
  /* A long summary's "Show more" / "Show less", under its opening (a div: no margins). */
  .more-line .link-button {
    padding: 0;
  }
  /* The text "Show more" opens is focused, not a control: no ring thousands of px tall. */
  .rich > [tabindex] {
    outline: 0;
  }
  .downloads {
    display: grid;
    gap: 0.75em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* The skeleton has two download rows: one file replacing it in view keeps the second row's
     room (rows of 1fr are all as tall as the tallest), so the host page does not move. */
  .room {
    grid-template-rows: 1fr 1fr;
  }
  .download {
    display: grid;
    gap: 0.35em;
  }
  /* Each download and the citation under them: a line above. */
  .download,
  .footer {
    padding-top: 0.75em;
    border-top: 1px solid var(--_border);
  }
  .download-line,
  .checksum,
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
  }
  /* The download link's icon (a download's only svg). */
  .download svg {
    width: 1.1em;
    height: 1.1em;
    flex: none;
  }
  .file {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .checksum {
    gap: 0.25em 0.5em;
    margin: 0;
    color: var(--_muted);
    font-size: 0.8125em;
  }
  .checksum code {
    color: var(--_text);
    word-break: break-all;
  }
  .link-button {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
    padding: 0 0.25em;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  /* Empty, out of the row (no gap), but in the accessibility tree: a live region shown only
     with its text in it is often not read. */
  .status:empty {
    position: absolute;
  }
  .status {
    color: var(--_text);
    font-weight: 600;
  }
  .status.failed {
    flex-basis: 100%;
    font-weight: 400;
  }
  /* A flex item of the checksum's or citation's row: a block already. */
  .fallback {
    width: 100%;
    padding: 0.5em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-raised);
    color: var(--_text);
    font: inherit;
    font-size: 0.875em;
    resize: vertical;
  }
  .checksum code,
  .checksum .fallback {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
  }
  .no-downloads {
    margin: 0;
    padding: 0.75em;
    border: 1px dashed var(--_border);
    border-radius: calc(var(--_radius) / 2);
    color: var(--_muted);
  }
  /* The citation exactly as "Copy citation" copies it; a long one wraps (as all text does:
     overflow-wrap from :host, tokens.ts). */
  .citation-text {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.875em;
  }
  .citation-label {
    font-weight: 600;
  }
  /* The skeleton's text is as high as the loaded report's, whose lines grow as its column
     narrows: about 835em² over the text column's width, past rows that do not wrap (fitted to
     the demo report from 240px to 1000px; lantern.css reserves the same). Its rows are drawn
     inside that height. The column is at least 10em in the sum, so a sliver of a container does
     not make the skeleton endless. 835em over the width is written tan(atan2(835em, width)), a
     number wherever CSS has trigonometry: dividing by a length (typed arithmetic) is Chromium's
     alone, and Firefox 153 took the first height at every width, a 180px shift in a phone's
     column. A browser with neither (Chromium before 111) sizes the skeleton by its rows. */
  .skeleton .details {
    height: calc(18.625em + tan(atan2(835em, max(100cqi - 2em - 2px, 10em))) * 1em);
    overflow: clip;
  }
  .skeleton .lines {
    display: grid;
    gap: 0.5em;
  }
  .skeleton .citation-lines {
    flex-basis: 100%;
  }
  /* Spans, and the cover's box: each a grid or flex item (so a block) or a div. */
  .skeleton-block {
    max-width: 100%;
  }
  /* (Classes only the skeleton's spans have: after .line, they need no more weight.) */
  .skeleton .line {
    height: 0.9em;
  }
  .skeleton .title-line {
    height: 1.4em;
  }
  .skeleton .short {
    width: 55%;
  }
  .skeleton .paragraph {
    margin-top: 0.75em;
  }
  .skeleton .button-block {
    width: 12em;
    height: 2.6em;
  }
  .skeleton .citation {
    width: 8em;
  }
  .skeleton .checksum-block {
    width: 20em;
    height: 1em;
  }
  @media (forced-colors: active) {
    .link-button {
      color: LinkText;
    }
    .download svg {
      fill: currentColor;
    }
  }
`;
