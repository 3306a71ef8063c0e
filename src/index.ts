/** The npm entry: registers every Lantern element (bundlers keep only what an app imports). */
export * from './define/article-card.js';
export * from './define/article-list.js';
export * from './define/report-download.js';
export * from './define/story-navigator.js';
// Event details, for typing listeners (`CustomEvent<LanternLoadDetail>`) and framework handlers.
export type { LanternErrorDetail, LanternLoadDetail } from './components/shared/events.js';
export type { LanternDownloadDetail } from './components/report-download/report-download.js';
export type { LanternPartChangeDetail } from './components/story-navigator/story-navigator.js';
