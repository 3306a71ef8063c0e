/** The story navigator's styles: header, list of parts, previous/next and the compact bar, composed with reader mode, the skeleton and forced colours. */
import { css } from 'lit';
import { richContentStyles } from '../../theme/rich-content.js';
import { navigatorReaderStyles } from './story-navigator.reader.styles.js';
import { navigatorSkeletonStyles } from './story-navigator.skeleton.styles.js';

const navigatorLayoutStyles = css`
  .navigator {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  p {
    margin: 0;
  }

  /* header: "Part 3 of 3" above the series title */
  .header {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  /* The "name changed for safety" row is reserved, shown or not: the skeleton's size. */
  .full:not(.reader) .header {
    min-height: calc(0.8125em * 1.5 + 1.25em * 1.3 + 0.875em * 1.5 + 0.25em * 2);
  }
  .part-of {
    color: var(--_accent);
    font-size: 0.8125em;
    font-weight: 700;
  }
  /* A heading (h2 to h6): bold already. */
  .title {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
    text-wrap: balance;
  }
  .progress {
    color: var(--_muted);
    font-size: 0.875em;
  }

  /* the list of parts (no markers: each is a grid, not a list-item; role="list" keeps it a list) */
  .parts {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    margin: 0;
    padding: 0;
  }
  .part {
    display: grid;
    grid-template-columns: 2em minmax(0, 1fr);
    gap: 0.75em;
    align-items: start;
    padding: 0.5em;
    border: 1px solid transparent;
    border-radius: var(--_radius);
  }
  .part .number {
    display: grid;
    place-items: center;
    width: 2em;
    height: 2em;
    border: 2px solid var(--_accent);
    border-radius: 50%;
    color: var(--_accent);
    font-size: 0.875em;
    font-weight: 700;
    line-height: 1;
    font-variant-numeric: tabular-nums;
  }
  /* In a minmax(0, 1fr) column: no min-width of its content's. */
  .part .text {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  /* The skeleton's rows: the name, two summary lines, a one-line content warning. Parts that
     replace it in view keep them (a longer one grows). */
  :is(.skeleton, .room) .text {
    min-height: calc(1.4em + 0.875em * 1.45 * 2 + 0.8125em * 2 + 0.25em * 2);
  }
  .part .name {
    font-weight: 600;
    line-height: 1.4;
  }
  .part a.name {
    color: var(--_text);
    text-decoration-color: var(--_border);
    text-decoration-thickness: 1px;
  }
  .part a.name:hover {
    color: var(--_accent);
    text-decoration-color: currentColor;
  }
  .part.current {
    border-color: var(--_border);
    background: var(--_surface-raised);
  }
  .part.current .number {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .part.current .name {
    font-weight: 700;
  }
  .part.upcoming {
    color: var(--_muted);
  }
  .part.upcoming .number {
    border-style: dashed;
    border-color: var(--_border);
    color: var(--_muted);
  }
  .soon {
    font-size: 0.875em;
    font-style: italic;
  }
  .part .summary {
    color: var(--_muted);
    font-size: 0.875em;
    line-height: 1.45;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .part .content-warning {
    font-size: 0.8125em;
    padding: 0.25em 0.6em;
  }
  .read-mark {
    align-self: start;
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_muted);
    font-size: 0.75em;
    line-height: 1.6;
  }

  /* previous / next */
  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: space-between;
  }
  .pager > * {
    display: flex;
    flex-direction: column;
    flex: 1 1 14em;
    max-width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    text-decoration: none;
  }
  .pager a:hover {
    background: var(--_surface-raised);
    border-color: var(--_accent);
  }
  .pager .next {
    margin-inline-start: auto;
    text-align: end;
  }
  .pager .direction {
    color: var(--_accent);
    font-size: 0.8125em;
    font-weight: 700;
  }
  .pager .neighbour {
    color: var(--_text);
    font-weight: 600;
    line-height: 1.35;
  }
  .pager .upcoming {
    border-style: dashed;
  }
  /* A neighbour part's content warning, carried next to its title. */
  .pager .neighbour-warning {
    display: inline-block;
    padding: 0 0.4em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_warning-bg);
    color: var(--_warning-text);
    font-size: 0.75em;
    font-weight: 600;
  }
  /* Not yet published: a part's name and a neighbour's words, muted and regular. */
  .upcoming :is(.name, .direction, .neighbour) {
    color: var(--_muted);
    font-weight: 400;
  }

  /* compact: one line for the top of an article. It measures its own width (below), so its
     content has no say in it: one list column wide in a box that shrinks to fit (tokens.ts),
     not the 26 px of its padding. */
  :host([variant='compact']) {
    contain: inline-size;
  }
  .compact {
    padding: calc(var(--_space) * 0.75);
    gap: calc(var(--_space) * 0.75);
    container-type: inline-size;
  }
  /* Rows of one item each (the note and previous/next take a whole row). */
  .compact .header {
    flex-flow: row wrap;
    gap: 0.5em;
  }
  .compact .position {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
  }
  .compact .series-name {
    font-weight: 700;
  }
  .compact .part-of {
    font-size: 0.875em;
  }
  /* Rows of a known height whatever the content (the skeleton's): the position, the
     pseudonym note (or its room), and previous/next side by side on a row of their own. */
  .compact .header .note {
    flex: 1 1 100%;
  }
  /* The note's row, kept where the header replaced a placeholder in view (.room). */
  .room .header:not(:has(.note)) .position {
    min-height: calc(1.5em + 0.5em + 0.875em * 1.5);
  }
  .compact .header .pager {
    flex: 1 1 100%;
    flex-wrap: nowrap;
    /* Not as wide as both titles on one line: on a phone they are cut short instead. */
    min-width: 0;
  }
  .compact .header .pager > * {
    flex: 0 1 auto;
    min-width: 0;
    padding: 0.35em 0.75em;
  }
  /* Two lines of the title, always two lines tall (the skeleton's), so a phone reads more than
     its first words and nothing moves when it arrives. Aligned to the start: Chromium draws no
     ellipsis on a clamped line aligned to the end, and a cut title would look whole. */
  .compact .header .neighbour {
    display: -webkit-box;
    text-align: start;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    max-width: 16em;
    height: 2.7em;
    overflow: hidden;
    font-size: 0.875em;
  }
  /* Too narrow for previous and next side by side (a 120 px column): one above the other,
     inside the widget, rather than off its edge (.compact is the container). */
  @container (max-width: 11em) {
    .compact .header .pager {
      flex-wrap: wrap;
    }
  }

  /* speech: pauses a screen reader hears where the eye sees a separator ("·" is noise to a
     screen reader: it hears a comma's pause) */
  .upcoming .neighbour > span::before,
  .reading .meta span + span::before {
    content: ' · ';
    content: ' · ' / ', ';
  }
  /* Heard as "Previous part: Part 1 - …" and "Yoon Ha's Story, Part 2 of 3", with a pause. */
  .pager .direction::after {
    content: '' / ': ';
  }
  .compact .series-name::after {
    content: '' / ', ';
  }
  .part.upcoming .name::after {
    content: '' / ', ';
  }
`;

/** Last, so that in forced-colours mode these borders and outlines win over the rules above. */
const forcedColorStyles = css`
  @media (forced-colors: active) {
    .part.current {
      border: 2px solid Highlight;
    }
    .part .number,
    .part.current .number {
      border-color: CanvasText;
      forced-color-adjust: none;
      background: Canvas;
      color: CanvasText;
    }
  }
`;

export const storyNavigatorStyles = css`
  ${richContentStyles}
  ${navigatorLayoutStyles}
  ${navigatorReaderStyles}
  ${navigatorSkeletonStyles}
  ${forcedColorStyles}
`;
