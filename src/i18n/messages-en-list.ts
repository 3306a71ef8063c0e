import { en, type ListMessages } from './messages.js';

/** The list's English text. */
const text: ListMessages = {
  noItems: 'No articles to show yet.',
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  itemsLoaded: (n) => `${n} more ${n === 1 ? 'article' : 'articles'} loaded`,
  loadMoreFailed: 'More articles could not be loaded. Try again.',
};

/** Completes the English text with the list's own; its class calls it as it is defined. */
export function withListText(): void {
  Object.assign(en, text);
}
