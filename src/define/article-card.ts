// First, before Lit: undoes the host page's clobbering of Lit's globals (see host-page.ts).
import '../components/shared/host-page.js';
import { LanternArticleCard } from '../components/article-card/article-card.js';

LanternArticleCard.defineAs('lantern-article-card');

export { LanternArticleCard };

declare global {
  interface HTMLElementTagNameMap {
    'lantern-article-card': LanternArticleCard;
  }
}
