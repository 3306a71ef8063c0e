import { css } from 'lit';

export const articleListStyles = css`
  :host {
    --_column-width: var(--lantern-list-column-width, 20em);
  }
  .list {
    display: grid;
    gap: var(--_space);
  }
  .items {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .grid .items {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_column-width)), 1fr));
  }
  .item {
    min-width: 0;
    /* Placeholder cards (rendered in this shadow root) size their layout by their cell. */
    container-type: inline-size;
  }
  .item > lantern-article-card {
    height: 100%;
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
