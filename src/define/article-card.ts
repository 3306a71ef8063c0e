import { LanternArticleCard } from '../components/article-card/article-card.js';

LanternArticleCard.defineAs('lantern-article-card');

export { LanternArticleCard };
