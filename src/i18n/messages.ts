/**
 * Interface text. Every string a reader sees comes from here, in English and Korean. The card's
 * text (and the states every widget shares) is in the core; the list's, the navigator's and the
 * report's English text is each in its own module (messages-en-list.ts, …), which that widget's
 * code brings along, so a page of cards does not download it.
 */
import type { FeedErrorKind } from '../content/errors.js';

export interface CardMessages {
  loading: string;
  retry: string;
  errorTitle: string;
  /** Why it failed, from the error's kind; English shows the loader's own detailed message. */
  errorCause: (kind: FeedErrorKind, detail: string, status?: number) => string;
  minutesToRead: (minutes: number) => string;
  /** Before the authors' names, which are in the item's language (so are the two below). */
  by: string;
  pseudonym: string;
  contentWarning: string;
  /** Shown when a warning was given but its text cannot be read (blank, invisible, wrong type). */
  genericWarning: string;
  /** The button that reveals a warned item's image and text. */
  showContent: string;
  hideContent: string;
  /** Announced politely once the warned content is shown. */
  contentShown: string;
  /** Before the feed's image credit. */
  imageCredit: string;
}

/** The navigator's and the report's: ends a body too long to show in full (the link to it all). */
interface LongBodyMessages {
  continueOnSite: string;
}

export interface ListMessages {
  noItems: string;
  loadMore: string;
  loadingMore: string;
  itemsLoaded: (count: number) => string;
  loadMoreFailed: string;
}

export interface NavigatorMessages extends LongBodyMessages {
  partOf: (part: number, total: number) => string;
  partLabel: (part: number) => string;
  previousPart: string;
  nextPart: string;
  comingSoon: string;
  continueReading: string;
  seriesNav: (title: string) => string;
  partsRead: (read: number, total: number) => string;
  read: string;
  /** Heard after the title of the part being read, in the list of parts. */
  current: string;
  /** Said when reader mode shows another part: its name as a screen reader hears it. */
  nowShowing: (name: string) => string;
}

export interface ReportMessages extends LongBodyMessages {
  /** A long report summary: its rest, and back. */
  showMore: string;
  showLess: string;
  download: string;
  downloadIn: (language: string) => string;
  /** Before the publisher's name, which is in the report's language. */
  publishedBy: string;
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

export interface Messages extends CardMessages, ListMessages, NavigatorMessages, ReportMessages {}

/** English. Each widget's own text joins it when its code loads (messages-en-*.ts). */
export const en = {
  loading: 'Loading…',
  retry: 'Try again',
  errorTitle: 'This content could not be shown.',
  errorCause: (_kind, detail) => detail,
  minutesToRead: (m) => `${m} min read`,
  by: 'By ',
  pseudonym: 'Name changed for safety',
  contentWarning: 'Content warning',
  genericWarning: 'This story contains distressing content.',
  showContent: 'Show content',
  hideContent: 'Hide content',
  contentShown: 'Content shown',
  imageCredit: 'Photo: ',
} satisfies CardMessages as Messages;
