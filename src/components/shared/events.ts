import type { FeedErrorKind } from '../../content/errors.js';
import type { FeedItem } from '../../content/types.js';

export interface LanternLoadDetail {
  /** Number of items the widget rendered. */
  items: number;
}

export interface LanternErrorDetail {
  kind: FeedErrorKind;
  message: string;
  url?: string;
  status?: number;
}

export interface LanternPartChangeDetail {
  /** The part now shown (1-based). */
  part: number;
  /** Its feed item. */
  item: FeedItem;
}

export interface LanternDownloadDetail {
  url: string;
  /** The version's language tag (`en`, `ko`), when the feed gives one. */
  language: string | undefined;
  mime_type: string;
  size_in_bytes: number | undefined;
}

/** Every event a Lantern element fires: its name decides its detail's type. */
export interface LanternEventMap {
  'lantern-load': LanternLoadDetail;
  'lantern-error': LanternErrorDetail;
  /** `<lantern-story-navigator>` in reader mode switched parts. */
  'lantern-part-change': LanternPartChangeDetail;
  /** `<lantern-report-download>`: a download link was activated (cancelable). */
  'lantern-download': LanternDownloadDetail;
}

/** Every Lantern event bubbles out of shadow roots, so a partner can listen on `document`. */
export function lanternEvent<K extends keyof LanternEventMap>(
  type: K,
  detail: LanternEventMap[K],
  cancelable?: boolean,
): CustomEvent<LanternEventMap[K]> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable });
}

type LanternEvents = { [K in keyof LanternEventMap]: CustomEvent<LanternEventMap[K]> };

/* eslint-disable @typescript-eslint/no-empty-object-type */
declare global {
  // `addEventListener('lantern-load', …)` on any element gets the detail's type, and on
  // `document` or `window`, where the events bubble to.
  interface HTMLElementEventMap extends LanternEvents {}
  interface DocumentEventMap extends LanternEvents {}
  interface WindowEventMap extends LanternEvents {}
}
