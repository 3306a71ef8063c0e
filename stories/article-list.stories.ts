import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/article-list.js';
import type { Feed, FeedItem } from '../src/content/types.js';
import demoFeed from '../demo/feed.json';
import { commonArgTypes, LOADING_SRC, MISSING_SRC } from './support.js';
import { tagNames } from '../src/tags.js';

interface ListArgs {
  src: string;
  limit: number;
  tag: string;
  layout: 'grid' | 'list';
  cardLayout: '' | 'vertical' | 'horizontal' | 'compact';
  lang: '' | 'en' | 'ko';
  theme: '' | 'light' | 'dark' | 'auto';
  hideImages: boolean;
  headingLevel: number;
}

const FEED = '/demo/feed.json';

/**
 * The demo feed as an object whose `next_url` is the 12-part series feed, so "Load more" first
 * shows the rest of this page and then fetches the next one. Relative image URLs are made
 * absolute, as a `.feed` object has no feed URL to resolve them against.
 */
function pagedFeed(): Feed {
  const feed = structuredClone(demoFeed) as unknown as Feed;
  const demo = new URL('/demo/', location.href);
  feed.items = feed.items.map((item: FeedItem) => ({
    ...item,
    image: item.image ? new URL(item.image, demo).href : undefined,
  }));
  feed.next_url = new URL('series-12.json', demo).href;
  return feed;
}

/**
 * Many cards from one feed, newest first: `limit` at a time, optionally one `tag`, in a grid
 * or a single column. "Load more" reveals the rest and then follows the feed's `next_url`,
 * moves focus to the first new card and announces how many arrived. Widgets on a page with
 * the same `src` share one request.
 */
const meta: Meta<ListArgs> = {
  title: 'Elements/Article list',
  component: tagNames.list,
  args: {
    src: FEED,
    limit: 6,
    tag: '',
    layout: 'grid',
    cardLayout: '',
    lang: '',
    theme: '',
    hideImages: false,
    headingLevel: 2,
  },
  argTypes: {
    ...commonArgTypes,
    limit: {
      control: { type: 'number', min: 1, max: 24 },
      description: 'Cards shown at first and added by each "Load more".',
    },
    tag: {
      control: 'select',
      options: ['', 'Analysis', 'Refugee stories', 'Reports', 'North Korean military', 'Nothing'],
      description: 'Show only items with this tag (case-insensitive).',
    },
    layout: { control: 'inline-radio', options: ['grid', 'list'] },
    cardLayout: {
      name: 'card-layout',
      control: 'inline-radio',
      options: ['', 'vertical', 'horizontal', 'compact'],
      description: 'Empty: vertical in a grid, horizontal in a list.',
    },
    hideImages: {
      name: 'hide-images',
      control: 'boolean',
      description: 'Show no image and make no image request.',
    },
    headingLevel: {
      name: 'heading-level',
      control: { type: 'number', min: 2, max: 6 },
      description: "Heading level of each card's title.",
    },
  },
  render: (args) =>
    html`<lantern-article-list
      src=${args.src}
      limit=${args.limit}
      tag=${ifDefined(args.tag || undefined)}
      layout=${args.layout}
      card-layout=${ifDefined(args.cardLayout || undefined)}
      lang=${ifDefined(args.lang || undefined)}
      theme=${ifDefined(args.theme || undefined)}
      ?hide-images=${args.hideImages}
      heading-level=${args.headingLevel}
      ><a href="https://example.org/lantern-demo/">All stories on our site</a></lantern-article-list
    >`,
};
export default meta;

type Story = StoryObj<ListArgs>;

/** The demo feed as a grid, newest first. */
export const Default: Story = {};

/** `layout="list"`: one column of horizontal cards. */
export const List: Story = { args: { layout: 'list' } };

/** `card-layout="compact"`: text-only cards. */
export const CompactCards: Story = { args: { cardLayout: 'compact' } };

/** `tag="Refugee stories"`: only Yoon Ha's story, each part with its note and warning. */
export const FilteredByTag: Story = { args: { tag: 'Refugee stories' } };

/** A Korean reader. */
export const Korean: Story = { args: { lang: 'ko' } };

/** `theme="dark"`. */
export const Dark: Story = { args: { theme: 'dark' } };

/** `hide-images`: no image anywhere, no image request. */
export const HideImages: Story = { args: { hideImages: true } };

/** Nothing matches the tag: a readable empty state. */
export const Empty: Story = { args: { tag: 'Nothing' } };

/** Two cards at first; "Load more" shows the rest, then fetches the feed's `next_url`. */
export const LoadMore: Story = {
  args: { limit: 2 },
  render: (args) =>
    html`<lantern-article-list
      .feed=${pagedFeed()}
      limit=${args.limit}
      layout=${args.layout}
      card-layout=${ifDefined(args.cardLayout || undefined)}
      lang=${ifDefined(args.lang || undefined)}
      theme=${ifDefined(args.theme || undefined)}
      ?hide-images=${args.hideImages}
      heading-level=${args.headingLevel}
    ></lantern-article-list>`,
};

/**
 * `src` is a partner's RSS 2.0 feed (demo/rss/partner-blog.rss.xml): an item without an image or
 * summary gets no picture box and an excerpt of its body (WordPress's "The post … appeared first
 * on …" dropped), an untitled note is named by its date, a Korean item keeps its words whole.
 */
export const RssFeed: Story = { name: 'RSS feed', args: { src: '/demo/rss/partner-blog.rss.xml' } };

/**
 * `src` is an Atom 1.0 feed (demo/rss/field-notes.atom.xml): relative links under `xml:base`,
 * `html`, `xhtml` and `text` content, an image that fails to load (its box collapses) and an
 * entry with an empty title.
 */
export const AtomFeed: Story = {
  name: 'Atom feed',
  args: { src: '/demo/rss/field-notes.atom.xml' },
};

/** While the feed loads: `limit` placeholder cards of the final size. */
export const Loading: Story = { args: { src: LOADING_SRC, limit: 3 } };

/** The feed is missing (404): a message, the partner's fallback link and "Try again". */
export const ErrorState: Story = { name: 'Error', args: { src: MISSING_SRC } };
