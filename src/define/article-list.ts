// First, before Lit: undoes the host page's clobbering of Lit's globals (see host-page.ts).
import '../components/shared/host-page.js';
import { LanternArticleList } from '../components/article-list/article-list.js';
// The list renders <lantern-article-card> elements, so registering the list registers the card.
import './article-card.js';

LanternArticleList.defineAs('lantern-article-list');

export { LanternArticleList };

declare global {
  interface HTMLElementTagNameMap {
    'lantern-article-list': LanternArticleList;
  }
}
