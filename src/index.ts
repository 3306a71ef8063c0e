/** The npm entry: registers every Lantern element (bundlers keep only what an app imports). */
export * from './define/article-card.js';
export * from './define/article-list.js';
export * from './define/report-download.js';
export * from './define/story-navigator.js';
// For a server render in Korean (`lang="ko"`): the Korean interface text, loaded before the first
// render, as a browser widget waits for it (README, "Server rendering").
export { loadMessages as loadInterfaceText } from './i18n/index.js';
// Event details, for typing listeners (`CustomEvent<LanternLoadDetail>`) and framework handlers;
// `LanternEventMap` maps each event's name to its detail.
export type {
  LanternDownloadDetail,
  LanternErrorDetail,
  LanternEventMap,
  LanternLoadDetail,
  LanternPartChangeDetail,
} from './components/shared/events.js';
