import { en, type NavigatorMessages } from './messages.js';

/** The story navigator's English text. */
const text: NavigatorMessages = {
  partOf: (part, total) => `Part ${part} of ${total}`,
  partLabel: (part) => `Part ${part}`,
  previousPart: 'Previous part',
  nextPart: 'Next part',
  comingSoon: 'Coming soon',
  continueReading: 'Continue reading',
  seriesNav: (title) => `${title}: all parts`,
  partsRead: (read, total) => `${read} of ${total} parts read`,
  read: 'Read',
  current: 'current part',
  nowShowing: (name) => `Now showing ${name}`,
  continueOnSite: 'Continue reading on the site',
};

/** Completes the English text with the story navigator's own; its class calls it as it is defined. */
export function withNavigatorText(): void {
  Object.assign(en, text);
}
