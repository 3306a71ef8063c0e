/** The CDN entry: registers every Lantern element. */
export * from './define/article-card.js';
