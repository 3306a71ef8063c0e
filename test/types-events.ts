// Type-checked by `npm run typecheck` (never run): each event's name decides its detail's type,
// for `lanternEvent` and for listeners on any element. Each `@ts-expect-error` fails the check
// if the line under it stops being an error.
import { lanternEvent, type LanternEventMap } from '../src/components/shared/events.js';
import type { FeedItem } from '../src/content/types.js';

declare const item: FeedItem;
declare const element: HTMLElement;

lanternEvent('lantern-load', { items: 3 });
lanternEvent('lantern-part-change', { part: 2, item });
// @ts-expect-error: the load detail is { items }
lanternEvent('lantern-load', { count: 3 });
// @ts-expect-error: the part-change detail needs its item
lanternEvent('lantern-part-change', { part: 2 });
// @ts-expect-error: not a Lantern event
lanternEvent('lantern-loaded', { items: 3 });

element.addEventListener('lantern-download', (event) => {
  const size: number | undefined = event.detail.size_in_bytes;
  // @ts-expect-error: the download detail has size_in_bytes, not bytes
  void event.detail.bytes;
  void size;
});
element.addEventListener('lantern-error', (event) => {
  const kind: LanternEventMap['lantern-error']['kind'] = event.detail.kind;
  void kind;
});

// Partners listen on `document` (the events bubble out of shadow roots) or `window`.
document.addEventListener('lantern-part-change', (event) => {
  const part: number = event.detail.part;
  // @ts-expect-error: the part-change detail has part, not page
  void event.detail.page;
  void part;
});
window.addEventListener('lantern-load', (event) => void event.detail.items);
