/** Interface text. Every string a reader sees comes from here, in English and Korean. */
export interface Messages {
  loading: string;
  retry: string;
  errorTitle: string;
  /** Why it failed, from the error's kind; English shows the loader's own detailed message. */
  errorCause: (kind: string, detail: string, status?: number) => string;
  minutesToRead: (minutes: number) => string;
  by: (names: string) => string;
  pseudonym: string;
  contentWarning: string;
  /** Shown when a warning was given but its text cannot be read (blank, invisible, wrong type). */
  genericWarning: string;
  /** The button that reveals a warned item's image and text. */
  showContent: string;
  hideContent: string;
  /** A long report summary: its rest, and back. */
  showMore: string;
  showLess: string;
  /** Announced politely once the warned content is shown. */
  contentShown: string;
  imageCredit: (credit: string) => string;
  noItems: string;
  loadMore: string;
  loadingMore: string;
  itemsLoaded: (count: number) => string;
  loadMoreFailed: string;
  partOf: (part: number, total: number) => string;
  partLabel: (part: number) => string;
  previousPart: string;
  nextPart: string;
  comingSoon: string;
  continueReading: string;
  /** Ends a body too long to show in full: the link to the whole story. */
  continueOnSite: string;
  seriesNav: (title: string) => string;
  partsRead: (read: number, total: number) => string;
  read: string;
  nowShowing: (part: number, title: string) => string;
  download: string;
  downloadIn: (language: string) => string;
  publishedBy: (publisher: string) => string;
  edition: string;
  pages: (count: number) => string;
  license: string;
  documentId: string;
  checksum: string;
  copyChecksum: string;
  copyCitation: string;
  citation: string;
  copied: string;
  copyFailed: string;
  noDownloads: string;
  published: string;
}

export const en: Messages = {
  loading: 'Loading…',
  retry: 'Try again',
  errorTitle: 'This content could not be shown.',
  errorCause: (_kind, detail) => detail,
  minutesToRead: (m) => `${m} min read`,
  by: (names) => `By ${names}`,
  pseudonym: 'Name changed for safety',
  contentWarning: 'Content warning',
  genericWarning: 'This story contains distressing content.',
  showContent: 'Show content',
  hideContent: 'Hide content',
  showMore: 'Show more',
  showLess: 'Show less',
  contentShown: 'Content shown',
  imageCredit: (credit) => `Photo: ${credit}`,
  noItems: 'No articles to show yet.',
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  itemsLoaded: (n) => `${n} more ${n === 1 ? 'article' : 'articles'} loaded`,
  loadMoreFailed: 'More articles could not be loaded. Try again.',
  partOf: (part, total) => `Part ${part} of ${total}`,
  partLabel: (part) => `Part ${part}`,
  previousPart: 'Previous part',
  nextPart: 'Next part',
  comingSoon: 'Coming soon',
  continueReading: 'Continue reading',
  continueOnSite: 'Continue reading on the site',
  seriesNav: (title) => `${title}: all parts`,
  partsRead: (read, total) => `${read} of ${total} parts read`,
  read: 'Read',
  nowShowing: (part, title) => `Now showing part ${part}: ${title}`,
  download: 'Download',
  downloadIn: (language) => `Download (${language})`,
  publishedBy: (publisher) => `Published by ${publisher}`,
  edition: 'Edition',
  pages: (n) => `${n} ${n === 1 ? 'page' : 'pages'}`,
  license: 'Licence',
  documentId: 'Document',
  checksum: 'SHA-256',
  copyChecksum: 'Copy checksum',
  copyCitation: 'Copy citation',
  citation: 'Citation',
  copied: 'Copied',
  copyFailed: 'Could not copy automatically. The text is selected below: copy it yourself.',
  noDownloads: 'No download is available for this report yet.',
  published: 'Published',
};
