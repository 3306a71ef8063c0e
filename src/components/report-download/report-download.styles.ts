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
  .cover img,
  .cover .placeholder,
  .cover .skeleton-block {
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
    .report.has-cover {
      grid-template-columns: var(--_cover-width) minmax(0, 1fr);
      align-items: start;
    }
    .report.has-cover .cover {
      width: 100%;
      grid-row: span 3;
    }
    /* The content warning comes first, across both columns. */
    .report > .warning-gate {
      grid-column: 1 / -1;
    }
  }
  .details {
    display: grid;
    gap: 0.6em;
    min-width: 0;
  }
  .title {
    margin: 0;
    font-size: 1.375em;
    font-weight: 700;
    line-height: 1.25;
    text-wrap: balance;
  }
  .title:focus {
    outline: none;
  }
  .meta {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  /* Dots are drawn, not read ("·" is noise to a screen reader): it hears a comma's pause. */
  .meta span + span::before {
    content: ' · ';
    content: ' · ' / ', ';
  }
  .sep + *::before {
    content: '' / ', ';
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
    .skeleton .lines.facts-lines {
      height: calc(0.875em * (1.5 * 8 + 0.15 * 7));
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
  /* A long summary's "Show more" / "Show less", under its opening. */
  p.more-line {
    margin: 0;
  }
  .more-line .link-button {
    padding: 0;
  }
  .downloads {
    display: grid;
    gap: 0.75em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* The skeleton has two download rows: one file keeps the second row's room (rows of 1fr are
     all as tall as the tallest), so the host page does not move when the feed arrives. */
  .downloads:has(> .download:only-child) {
    grid-auto-rows: 1fr;
  }
  .downloads:has(> .download:only-child)::after {
    content: '';
  }
  .download {
    display: grid;
    gap: 0.35em;
    padding-top: 0.75em;
    border-top: 1px solid var(--_border);
  }
  .download-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
  }
  .download .button svg {
    width: 1.1em;
    height: 1.1em;
    flex: none;
  }
  .file {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .checksum {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
    margin: 0;
    color: var(--_muted);
    font-size: 0.8125em;
  }
  .checksum code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 1em;
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
    font-size: inherit;
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .status:empty {
    display: none;
  }
  .status {
    color: var(--_text);
    font-weight: 600;
  }
  .status.failed {
    flex-basis: 100%;
    font-weight: 400;
  }
  .fallback {
    display: block;
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
  input.fallback {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
  }
  .fallback:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .no-downloads {
    margin: 0;
    padding: 0.75em;
    border: 1px dashed var(--_border);
    border-radius: calc(var(--_radius) / 2);
    color: var(--_muted);
  }
  /* The citation exactly as "Copy citation" copies it; a long one wraps. */
  .citation-text {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .citation-label {
    font-weight: 600;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
    padding-top: 0.75em;
    border-top: 1px solid var(--_border);
  }
  /* skeleton: each row as high as the loaded row's line boxes (font size × line height) */
  .skeleton .lines {
    display: flex;
    flex-direction: column;
    justify-content: space-around;
  }
  .skeleton .title-lines {
    height: calc(1.375em * 1.25 * 2);
  }
  .skeleton .meta-lines {
    height: calc(0.9375em * 1.5 * 2);
  }
  .skeleton .facts-lines {
    height: calc(0.875em * (1.5 * 4 + 0.15 * 3));
  }
  .skeleton .summary-lines {
    /* two paragraphs, four lines and two, 0.75em apart */
    height: calc(1.6em * 6 + 0.75em);
  }
  .skeleton .citation-lines {
    /* .citation-text: 0.875em text, four 1.5 lines */
    flex-basis: 100%;
    height: calc(0.875em * 1.5 * 4);
  }
  .skeleton .line {
    display: block;
    height: 0.9em;
  }
  .skeleton .line.title-line {
    height: 1.4em;
  }
  .skeleton .line.short {
    width: 55%;
  }
  .skeleton .line.paragraph {
    margin-top: 0.75em;
  }
  .skeleton .button-block {
    display: block;
    width: 12em;
    max-width: 100%;
    /* .button: 0.9375em text, 2.75em high */
    height: calc(0.9375em * 2.75);
  }
  .skeleton .button-block.citation {
    width: 8em;
  }
  .skeleton .checksum-block {
    display: block;
    width: 20em;
    max-width: 100%;
    /* .checksum's .link-button: 0.8125em text, 2.75em high; the bar is drawn thinner */
    height: calc(0.8125em * 2.75);
    background-clip: content-box;
    padding-block: 0.6em;
  }
  @media (forced-colors: active) {
    .report,
    .fallback,
    .no-downloads {
      border: 1px solid CanvasText;
    }
    .link-button {
      color: LinkText;
    }
    .download .button svg {
      fill: currentColor;
    }
  }
`;
