/** The story navigator's skeleton: placeholders the size of the final widget, so the host page does not shift. */
import { css } from 'lit';

export const navigatorSkeletonStyles = css`
  .skeleton .line {
    display: block;
    height: 0.9em;
    margin-block: 0.35em;
  }
  .skeleton .line.short {
    width: 30%;
  }
  .skeleton .title-line {
    height: 1.4em;
    width: 60%;
  }
  /* One row of previous/next boxes: direction and title lines, padding and border. */
  .skeleton .pager-block {
    flex: 1 1 0;
    height: calc(0.8125em * 1.5 + 1.35em + 1em + 2px);
    border: 0;
  }
  .skeleton.full .header {
    justify-content: space-around;
  }
  .skeleton.full.reader .header {
    min-height: calc(0.8125em * 1.5 + 1.25em * 1.3 + 0.25em);
  }
  .skeleton :is(.header, .part) .line {
    margin-block: 0;
  }
  .skeleton .note-line {
    width: 40%;
  }
  /* The compact rows (story-navigator.styles.ts): position, note, previous/next. */
  .skeleton.compact .header {
    display: block;
  }
  .skeleton.compact .header > .line {
    margin-block: 0.3em calc(1.3em + 0.875em * 1.5);
  }
  /* Previous/next in the header: two lines of title (the pager under a reader's part keeps the
     one-line height above). Side by side, or one above the other in a narrow column, as the
     parts will be (lantern.css reserves either). */
  .skeleton.compact .pager-block {
    flex: 0 1 14em;
  }
  .compact .header .pager-block {
    height: calc(4.28125em + 2px);
  }
  /* (Border-box: as large without its ring.) */
  .skeleton .number {
    border: 0;
  }
  .skeleton .text {
    justify-content: space-around;
  }
  .skeleton .part .line {
    height: 0.8em;
  }
  .skeleton .part .line.short {
    width: 55%;
  }
  /* As high as the part's other lines (.part .line). */
  .skeleton .name-line {
    width: 70%;
  }
  .skeleton .part .warning-line {
    width: 60%;
    height: 1.3em;
  }
`;
