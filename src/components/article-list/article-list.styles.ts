import { css } from 'lit';

export const articleListStyles = css`
  :host {
    --_column-width: var(--lantern-list-column-width, 20em);
  }
  .list {
    display: grid;
    gap: var(--_space);
  }
  .grid .items {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_column-width)), 1fr));
  }
  .item {
    min-width: 0;
    /* Cards and placeholder cards (rendered in this shadow root) size their layout by their
       cell, under the name the card's own queries use. */
    container: lantern-card / inline-size;
  }
  /* A card far from the screen is not styled or laid out until the reader scrolls near it (its
     text stays in the accessibility tree and find-in-page): a list of many cards costs what its
     first few do. Until its first layout, including its first frame on screen, it counts as
     the room the list keeps for it (below), which is what it takes. */
  .item > .entry {
    height: 100%;
    content-visibility: auto;
    /* Not 'auto': a card's room follows the column's width, a remembered height would not. */
    contain-intrinsic-block-size: var(--_card-room);
  }
  /* A card without a picture gives its summary the picture's room: as wide as a column may be,
     that can exceed the room kept for it, so it is laid out at once. (A rule of its own: a
     browser without :state() drops only this one.) */
  .item > .entry:state(text-only) {
    content-visibility: visible;
  }
  /*
   * Every card of a list keeps the room its placeholder had (article-card.styles.ts): tags, a
   * two-line title, two meta lines, the "name changed for safety" row, the summary and the gaps
   * between them (the body), and above the image the content-warning gate a list card may carry:
   * a three-line warning and its "Show content" button. The list cannot know its items while it
   * loads, so placeholder and card reserve the whole card: the gate's room, the image (its ratio
   * of the card's width, the list's cell being the container), the credit line and the body. A card
   * without those notices ends with that space, as a shorter card in a grid row does anyway; the
   * list does not shrink or grow when its feed arrives.
   */
  .items {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
    /* .warning-gate: padding above, the three-line .content-warning, the gap, the .button. */
    --_gate-room: calc(var(--_space) * 0.75 + 0.875em * 5.5 + 0.4em + 0.9375em * 2.75);
    --_body-room: calc(
      var(--_space) * 1.75 + 0.8125em * 1.5 + 1.1875em * 2.6 + 0.875em * 3 + 0.8125em * 1.5 +
        0.875em * 5.5 + 1.5em * 3 + 0.5em * 5
    );
    --_compact-body-room: calc(
      var(--_space) * 1.5 + 0.8125em * 1.5 + 1.0625em * 2.6 + 0.875em * 3 + 0.8125em * 1.5 +
        0.875em * 5.5 + 1.5em * 2 + 0.35em * 5
    );
    /* The image across the card inside its 1px borders, and the credit line under it. */
    --_media-room: calc((100cqi - 2px) / (var(--_media-ratio)) + 0.75em * 1.75);
  }
  .item > .entry::part(body) {
    min-height: var(--_body-room);
  }
  .item > .entry[layout='compact']::part(body) {
    min-height: var(--_compact-body-room);
  }
  /* The room of each kind of card, kept by the placeholder and the card alike; a card not laid
     out yet (content-visibility, above) counts as that tall, so laying it out moves nothing. */
  .item > .entry,
  .item > .card.skeleton {
    --_card-room: calc(2px + var(--_gate-room) + var(--_media-room) + var(--_body-room));
  }
  :host([hide-images]) .item > * {
    --_card-room: calc(2px + var(--_gate-room) + var(--_body-room));
  }
  /* An item with no picture (or one that failed to load) has no picture's room to keep: a list
     of a feed without images shrinks once, when its feed arrives, rather than show cards half
     empty (a partner whose feed has no images sets hide-images, and its placeholders match).
     A rule of its own: a browser without :state() drops only this one. */
  .item > .entry:state(text-only) {
    --_card-room: calc(2px + var(--_gate-room) + var(--_body-room));
  }
  .item > .entry[layout='compact'],
  .item > .card.skeleton.compact {
    --_card-room: calc(2px + var(--_gate-room) + var(--_compact-body-room));
  }
  /* Wide horizontal cards put the image beside the body (article-card.styles.ts), as tall as it. */
  @container (min-width: 34em) {
    .item > .entry[layout='horizontal'],
    .item > .card.skeleton.horizontal {
      --_card-room: calc(2px + var(--_gate-room) + var(--_body-room));
    }
  }
  .item > .entry::part(base),
  .item > .card.skeleton {
    min-height: var(--_card-room);
  }
  /* The reserved safety notices in a placeholder card: the note's one line, a three-line warning. */
  .skeleton .note {
    display: flex;
    flex-direction: column;
    justify-content: center;
    min-height: 1.5em;
  }
  .skeleton .note .line {
    width: 40%;
  }
  .skeleton .warning-block {
    flex: none;
    /* .content-warning: 0.875em text, three 1.5 lines and 0.5em padding above and below. */
    height: calc(0.875em * 5.5);
  }
  .empty {
    margin: 0;
    padding: var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
    text-align: center;
  }
  .footer {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5em;
  }
  .footer .button-block {
    display: block;
    /* The "Load more" button: .button's 0.9375em text, 2.75em high. */
    width: 8em;
    height: calc(0.9375em * 2.75);
  }
  .more-error {
    margin: 0;
    color: var(--_warning-text);
    font-size: 0.875em;
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  @media (forced-colors: active) {
    .empty {
      border-color: CanvasText;
    }
  }
`;
