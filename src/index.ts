/** The npm entry: registers every Lantern element (bundlers keep only what an app imports). */
export * from './define/article-card.js';
export * from './define/article-list.js';
export * from './define/report-download.js';
export * from './define/story-navigator.js';
