import { css } from 'lit';

export const articleListStyles = css`
  /* A list measures its own width to lay out its columns, so its content has no say in it: in a
     box that shrinks to fit it is one column wide (tokens.ts), not nothing. */
  :host {
    contain: inline-size;
  }
  /* No pictures (see .item::before below). */
  :host([hide-images]) {
    --_pic: 0;
  }
  .items,
  .list {
    display: grid;
    gap: var(--_space);
  }
  .grid .items {
    grid-template-columns: repeat(
      auto-fill,
      minmax(min(100%, var(--lantern-list-column-width, 20em)), 1fr)
    );
  }
  /*
   * Every card of a list keeps the room its placeholder had (article-card.styles.ts), so the list
   * does not shrink or grow when its feed arrives: above the image the content-warning gate a
   * list card may carry (a three-line warning and its "Show content" button), the image (its
   * ratio of the cell's width), the credit line, and the body (tags, a two-line title, two meta
   * lines, the "name changed for safety" row, the summary and the gaps between them). The list
   * cannot know its items while it loads, so placeholder and card reserve the whole card; a card
   * without those notices ends with that space, as a shorter card in a grid row does anyway.
   *
   * The room is the cell's ::before, under the card in the same grid area: its padding is the
   * image's height (a percentage of the cell's width), its height the rest; the card stretches
   * over it. Not a size container per cell measuring its width (100cqi): containment makes the
   * browser style every card again at each of the grid's layout passes, which took a list of 100
   * cards four times the main-thread time.
   */
  .items {
    margin: 0;
    padding: 0;
    list-style: none;
    /* A card is the list's size: the room in its cell is counted in the cell's font size, and a
       relative --lantern-font-size (1.25em) must not apply again inside each card. */
    --lantern-font-size: 1em;
    /* Sums of the card's sizes, added up here (the minifier cannot fold them beside a var()).
       .warning-gate: padding above (0.75 space), the three-line .content-warning
       (0.875em * 5.5), the gap (0.4em), the .button (0.9375em * 2.75): 7.790625em. */
    --_gate-room: calc(var(--_space) * 0.75 + 7.790625em);
    /* The body: its padding (1.75 space), tags (0.8125em * 1.5), a two-line title
       (1.1875em * 2.6), the meta lines (0.875em * 3), the note (0.8125em * 1.5), the summary
       (1.5em * 3) and four gaps (0.5em * 4): 14.65em. The warning is in the gate's room only:
       a card shows it above its picture, never in its body (counted in both, it left every
       card of a list 85 px of blank at the default size). */
    --_body-room: calc(var(--_space) * 1.75 + 14.65em);
    /* A card without a warning shows its summary in that room: four more lines (6em), which the
       room holds with a third line of title (1.54375em) whatever --lantern-space is. Not in a
       list below the screen (.fit, below): its cards take their own height, and a summary laid
       out only near the screen must keep the height it had unseen; nor in a narrow window
       (article-card.styles.ts). */
    --_more: 4;
  }
  /* A compact card: no picture, and a body with less padding (1.5 space), a smaller title
     (1.0625em * 2.6), a two-line summary (1.5em * 2) and smaller gaps (0.35em * 4): 12.225em. */
  [data-cards='compact'] {
    --_pic: 0;
    --_body-room: calc(var(--_space) * 1.5 + 12.225em);
  }
  /* Items that arrived while the list was below the screen: nothing in view moves as its cards
     take their own height, so none keeps room it does not fill (a blank quarter of a card). */
  .fit > .items {
    --_pic: 0;
    --_gate-room: 0px;
    --_body-room: 0px;
    --_more: 0;
  }
  /* Laid out at once: laid out only as the reader came near, a card would grow from any
     estimate in view (a jump to the list moved the page by 41 px a card). */
  .fit .entry {
    content-visibility: visible;
  }
  .item {
    display: grid;
    min-width: 0;
  }
  .item > *,
  .item::before {
    grid-area: 1 / 1;
  }
  /* The picture (a share of the cell's width) and its credit line, unless --_pic is 0; the
     borders, the gate and the body. */
  .item::before {
    content: '';
    box-sizing: content-box;
    padding-top: calc((100% - 2px) / (var(--_media-ratio)) * var(--_pic, 1));
    /* The credit line: 0.75em * 1.75. */
    height: calc(2px + var(--_gate-room) + 1.3125em * var(--_pic, 1) + var(--_body-room));
  }
  /* No picture: none at all (hide-images, compact cards, above), or an item without one (or
     whose picture failed to load): a list of a feed without images shrinks once, when its feed
     arrives, rather than show cards half empty (a partner whose feed has no images sets
     hide-images, and its placeholders match). The hide-images rule is near the top: beside
     this one, the minifier joined the two, and a browser without :has() or :state() then
     dropped both and kept a picture's room in every cell of a hide-images list (npm run size
     checks that no built rule joins such a selector to others). */
  .item:has(> .entry:state(text-only)) {
    --_pic: 0;
    /* Nor a warning's room (a warned card is never text-only: article-card.ts): a card that
       gives up its picture's room as its feed arrives gives up that one too (the same shrink,
       once), rather than end in 137 px of blank, as every card of most partners' RSS feeds did.
       What stays is a third line of title (1.1875em * 1.3), which a pseudonymous story with a
       long title needs beyond the body's room. (A card with a picture keeps the room: it would
       move the page where nothing moved; so do the cards of a hide-images list, whose
       placeholders had no picture to give back.) */
    --_gate-room: 1.54375em;
    --_more: 0;
  }
  /* Horizontal cards measure their cell: wide, they put the image beside the body
     (article-card.styles.ts), as tall as it. */
  [data-cards='horizontal'] > .item {
    container: lantern-card / inline-size;
  }
  @container (min-width: 34em) {
    [data-cards='horizontal'] > .item::before {
      --_pic: 0;
    }
  }
  .entry {
    /* A card far from the screen is not styled or laid out until the reader scrolls near it
       (its text stays in the accessibility tree and find-in-page): a list of many cards costs
       what its first few do. Until then it is as tall as its room, which is what it takes.
       Its width is its cell's: contained, its text is not measured for it (a list of 100 cards
       took a fifth more time). */
    contain: inline-size;
    content-visibility: auto;
    contain-intrinsic-block-size: 0;
  }
  .entry::part(body) {
    min-height: var(--_body-room);
  }
  /* The reserved "name changed" note in a placeholder card: one line. */
  .note {
    display: grid;
    align-content: center;
    min-height: 1.5em;
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
    display: grid;
    justify-items: center;
    gap: 0.5em;
  }
  .button-block {
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
`;
