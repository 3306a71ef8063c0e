import { en, type ReportMessages } from './messages.js';

/** The report block's English text. */
const text: ReportMessages = {
  showMore: 'Show more',
  showLess: 'Show less',
  download: 'Download',
  downloadIn: (language) => `Download (${language})`,
  publishedBy: 'Published by ',
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
  continueOnSite: 'Continue reading on the site',
};

/** Completes the English text with the report block's own; its class calls it as it is defined. */
export function withReportText(): void {
  Object.assign(en, text);
}
