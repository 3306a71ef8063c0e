/** The npm entry: registers every Lantern element (bundlers keep only what an app imports). */
export * from './define/article-card.js';
export * from './define/article-list.js';
export * from './define/report-download.js';
export * from './define/story-navigator.js';
// Event details, for typing listeners (`CustomEvent<LanternLoadDetail>`) and framework handlers;
// `LanternEventMap` maps each event's name to its detail.
export type {
  LanternDownloadDetail,
  LanternErrorDetail,
  LanternEventMap,
  LanternLoadDetail,
  LanternPartChangeDetail,
} from './components/shared/events.js';
