import type { FeedErrorKind } from '../../content/errors.js';

export interface LanternLoadDetail {
  /** Number of items the widget rendered. */
  items: number;
}

export interface LanternErrorDetail {
  kind: FeedErrorKind | 'no-data';
  message: string;
  url?: string;
  status?: number;
}

/** Every Lantern event bubbles out of shadow roots, so a partner can listen on `document`. */
export function lanternEvent<T>(type: string, detail: T, cancelable = false): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable });
}

declare global {
  interface HTMLElementEventMap {
    'lantern-load': CustomEvent<LanternLoadDetail>;
    'lantern-error': CustomEvent<LanternErrorDetail>;
  }
}
