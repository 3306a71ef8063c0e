import { css } from 'lit';

export const articleCardStyles = css`
  :host {
    --_media-ratio: var(--lantern-card-media-ratio, 16 / 9);
  }
  /* A size container only where the card's parts measure its width (containment costs every
     card a second style pass in layout): a horizontal card for its layout (the queries below
     name it), and in a list of horizontal cards the list's cell, named alike. */
  :host([layout='horizontal']) {
    container: lantern-card / inline-size;
  }
  /* Lines 1.5 high (the host's line-height) but for the title's. */
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    height: 100%;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .card:has(.title a:focus-visible) {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .media {
    margin: 0;
    flex: none;
  }
  /* The warning comes first, above the image, across the whole card (a row of its own in a
     horizontal card). Not a flex-basis of 100%: in a list's cell the card has a height, and the
     gate took all of it. */
  .card > .warning-gate {
    width: 100%;
    flex: none;
    padding: calc(var(--_space) * 0.75) var(--_space) 0;
  }
  .loading {
    height: 100%;
  }
  .media-frame {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: var(--_media-ratio);
    object-fit: cover;
    background: var(--_surface-raised);
  }
  /* A warned item's image, not yet requested, until the reader chooses. */
  .placeholder {
    background: linear-gradient(135deg, var(--_surface-raised), var(--_border));
  }
  .credit {
    margin: 0;
    padding: 0.25em var(--_space) 0;
    color: var(--_muted);
    font-size: 0.75em;
    /* One line (padding included), empty or not, so the skeleton matches. */
    min-height: 1.75em;
  }
  .body {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    padding: calc(var(--_space) * 0.75) var(--_space) var(--_space);
    flex: 1;
    /* Beside the image (horizontal), long feed text wraps instead of widening the card. */
    min-width: 0;
  }
  /* Boxes whose lines may be clamped (below). */
  .tags,
  .title,
  .summary {
    margin: 0;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .tags {
    min-height: 1.5em;
    color: var(--_accent);
    font-size: 0.8125em;
    font-weight: 600;
  }
  /* A heading (h2 to h6): bold already. */
  .title {
    font-size: 1.1875em;
    line-height: 1.3;
    /* Two lines reserved (the skeleton's size); a longer title may take a third, then clamps
       (in a window wider than 20em: below). */
    min-height: 2.6em;
    text-wrap: pretty;
  }
  .title a {
    color: var(--_text);
    text-decoration: none;
  }
  .title a:hover {
    text-decoration: underline;
  }
  .title a:focus-visible {
    outline: none;
  }
  /* The title's click area stretches over the card; the card itself is not one big link. */
  .title a::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  /* Two lines, each one line high whatever the width: the byline, then date · reading time. */
  .meta {
    margin: 0;
    min-height: 3em;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .byline,
  .dateline {
    display: block;
    min-height: 1.5em;
  }
  /* Lines that do not wrap (below), ending in an ellipsis: they set no least width for the card
     (two cards in a phone's row fit it). */
  .credit,
  .byline,
  .dateline {
    contain: inline-size;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* The feed's words in their own language (the names after "By", the credit after "Photo:"),
     whose fonts may stand taller: they do not make the line taller than the room it keeps. */
  .credit span,
  .byline span {
    vertical-align: top;
  }
  /* The dot between tags ("Analysis · POWs") and facts is drawn, not read ("·" is noise to a
     screen reader): it hears a comma's pause. */
  .tags > span + span::before,
  time + span::before {
    content: ' · ';
    content: ' · ' / ', ';
  }
  /*
   * In a window wider than 20em, every card has one shape: one line of tags, three of title at
   * most, the byline, date line and credit on one line each. Those parts' heights are then fixed
   * whatever their text (a min-height of their lines, clamped or not wrapping): off-screen their
   * text is not laid out, as their size is known without it (100 loose cards: layout 28 to
   * 16 ms). In view the browser lays them out before the first paint: nothing blinks, and as
   * the size is the same, nothing moves.
   * In a window 20em wide or less (a phone at 200% zoom or with large text) they take the lines
   * they need and are laid out at once: cut to their lines there, they lost their ends ("3 min
   * read", a second tag, the end of a title: WCAG 1.4.10 reflow). The summary stays an excerpt.
   * The skeleton keeps the one shape, so there a card may grow as its content arrives (the
   * README's card by 20 px at 320 px, a long title by several lines at 160 px): text no
   * longer lost, for a shift where a reader zooms. A browser without range media queries
   * (Safari before 16.4) reads neither block: no clamps, all text, cards of their own heights.
   */
  @media (width > 20em) {
    .tags {
      -webkit-line-clamp: 1;
    }
    .credit,
    .byline,
    .dateline {
      white-space: nowrap;
    }
    .tags,
    .meta,
    .summary,
    .credit {
      content-visibility: auto;
    }
    .title {
      -webkit-line-clamp: 3;
    }
  }
  /* Three lines, and in a list's cell as many more (--_more) as the content warning's room there
     holds (article-list.styles.ts): a card without a warning shows more of its text rather than
     end in blank. A warned card's warning takes that room: the element before its body is the
     warning (a div gate or a p note), not its picture (a figure). */
  .summary {
    min-height: 4.5em;
    -webkit-line-clamp: calc(3 + var(--_more, 0));
  }
  :is(p, div) ~ .body {
    --_more: 0;
  }
  /* Nor in a window 20em wide or less, where the title takes the lines it needs (above): the
     room is for those. */
  @media (width <= 20em) {
    .body {
      --_more: 0;
    }
  }
  .skeleton :is(.title, .summary, .tags, .meta) {
    display: flex;
    flex-direction: column;
    justify-content: space-around;
  }
  .skeleton .line {
    height: 0.9em;
  }
  .skeleton .line.short {
    width: 60%;
  }
  .skeleton .meta .line {
    width: 45%;
  }
  .skeleton .meta .short,
  .skeleton .tags .line {
    width: 30%;
  }
  /* horizontal: image beside the text, falling back to vertical in narrow columns */
  @container lantern-card (min-width: 34em) {
    .horizontal {
      flex-direction: row;
      flex-wrap: wrap;
    }
    .horizontal .media {
      display: grid;
      grid-template-rows: minmax(8em, 1fr) auto;
      width: 40%;
    }
    /* The image fills the text's height: size containment keeps its own ratio from making the
       card taller than its text (and than the skeleton). */
    .horizontal .media-frame {
      height: 100%;
      aspect-ratio: auto;
      contain: size;
    }
    .horizontal .summary {
      -webkit-line-clamp: 3;
    }
  }
  .compact .body {
    padding: calc(var(--_space) * 0.75);
    gap: 0.35em;
  }
  .compact .title {
    font-size: 1.0625em;
  }
  .compact .summary {
    -webkit-line-clamp: calc(2 + var(--_more, 0));
    min-height: 3em;
  }
`;
