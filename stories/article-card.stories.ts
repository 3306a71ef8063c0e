import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/article-card.js';
import type { FeedItem } from '../src/content/types.js';
import demoFeed from '../demo/feed.json';
import { commonArgTypes, LOADING_SRC, MISSING_SRC } from './support.js';
import { tagNames } from '../src/tags.js';

interface CardArgs {
  src: string;
  item: string;
  layout: 'vertical' | 'horizontal' | 'compact';
  lang: '' | 'en' | 'ko';
  theme: '' | 'light' | 'dark' | 'auto';
  hideImages: boolean;
  headingLevel: number;
  width: string;
}

const FEED = '/demo/feed.json';
const ARTICLE = 'north-korean-soldiers-russia-ukraine';

/** A demo item as an object, its relative image URL made absolute (an `.item` has no feed URL). */
function demoItem(id: string): FeedItem {
  const found = (demoFeed.items as unknown as FeedItem[]).find((i) => i.id === id);
  if (!found) throw new Error(`demo/feed.json has no ${id}`);
  const item = structuredClone(found);
  if (item.image) item.image = new URL(item.image, new URL('/demo/', location.href)).href;
  return item;
}

/** A story that hands the card an item object, as a framework would. */
function itemStory(item: () => FeedItem, attrs: Partial<CardArgs> = {}): StoryObj<CardArgs> {
  return {
    args: attrs,
    render: (args) =>
      html`<lantern-article-card
        style="max-width: ${args.width}"
        .item=${item()}
        base-url="/demo/feed.json"
        layout=${args.layout}
        lang=${ifDefined(args.lang || undefined)}
        theme=${ifDefined(args.theme || undefined)}
        ?hide-images=${args.hideImages}
        heading-level=${args.headingLevel}
      ></lantern-article-card>`,
  };
}

/**
 * One article from a JSON Feed: image with alt text and credit, tags, the title as a real
 * link (its click area covers the card), date, byline, reading time, the "name changed for
 * safety" note and the content warning before the summary. While loading it shows a skeleton
 * of its final size; on failure, the partner's own fallback link and "Try again".
 */
const meta: Meta<CardArgs> = {
  title: 'Elements/Article card',
  component: tagNames.card,
  args: {
    src: FEED,
    item: ARTICLE,
    layout: 'vertical',
    lang: '',
    theme: '',
    hideImages: false,
    headingLevel: 2,
    width: '24rem',
  },
  argTypes: {
    ...commonArgTypes,
    item: { control: 'text', description: 'Id of the item to show (default: the first item).' },
    layout: {
      control: 'inline-radio',
      options: ['vertical', 'horizontal', 'compact'],
      description: '`horizontal` needs 34em of width; `compact` has no image.',
    },
    hideImages: {
      name: 'hide-images',
      control: 'boolean',
      description: 'Show no image and make no image request.',
    },
    headingLevel: {
      name: 'heading-level',
      control: { type: 'number', min: 2, max: 6 },
      description: 'Heading level of the title.',
    },
    width: {
      control: 'text',
      description: 'Story only: the width of the column the card sits in.',
    },
  },
  render: (args) =>
    html`<lantern-article-card
      style="max-width: ${args.width}"
      src=${args.src}
      item=${ifDefined(args.item || undefined)}
      layout=${args.layout}
      lang=${ifDefined(args.lang || undefined)}
      theme=${ifDefined(args.theme || undefined)}
      ?hide-images=${args.hideImages}
      heading-level=${args.headingLevel}
      ><a
        href="https://example.org/lantern-demo/articles/north-korean-soldiers-in-russia-ukraine-war"
        >North Korean Soldiers in Russia-Ukraine War</a
      ></lantern-article-card
    >`,
};
export default meta;

type Story = StoryObj<CardArgs>;

/** The demo article, from the demo feed. */
export const Default: Story = {};

/** `layout="horizontal"`: the image beside the text in a column at least 34em wide. */
export const Horizontal: Story = { args: { layout: 'horizontal', width: '48rem' } };

/** `layout="compact"`: no image, smaller title, two-line summary. */
export const Compact: Story = { args: { layout: 'compact', width: '20rem' } };

/** A Korean reader: date, byline, reading time, note and warning label in Korean. */
export const Korean: Story = { args: { lang: 'ko', item: 'yoon-ha-part-3' } };

/** `theme="dark"` whatever the page's colour scheme. */
export const Dark: Story = { args: { theme: 'dark', item: 'yoon-ha-part-3' } };

/** `hide-images`: no `<img>` and no image request at all. */
export const HideImages: Story = { args: { hideImages: true } };

/** A survivor's story: "Name changed for safety" and the content warning before the summary. */
export const ContentWarning: Story = { args: { item: 'yoon-ha-part-3' } };

/** A very long title and summary are clamped (3 and 3 lines); the link keeps the whole title. */
export const LongTitle: Story = itemStory(() => ({
  ...demoItem(ARTICLE),
  title:
    'North Korean Soldiers in the Russia-Ukraine War: What the Capture of Two Prisoners of War Tells Us About Kim Jong Un’s Goals, Their Treatment, and How the World Can Respond',
  summary: `${demoItem(ARTICLE).summary} `.repeat(3),
}));

/** A partner's article as real feeds carry it: a body, but no image, no summary. */
function bareItem(): FeedItem {
  const { id, url, title, date_published, authors, tags, content_html } = demoItem(ARTICLE);
  return { id, url, title, date_published, authors, tags, content_html };
}

/**
 * No image. In view at load, where it replaces its placeholder, the picture's box stays, an
 * empty shaded frame, so the card is as tall as its placeholder and nothing moves; elsewhere it
 * has no picture box. An image that fails to load does the same.
 */
export const WithoutImage: Story = itemStory(() => ({
  ...bareItem(),
  summary: demoItem(ARTICLE).summary,
}));

/** No summary: an excerpt of the body, as plain text, cut on a word. */
export const WithoutSummary: Story = itemStory(bareItem);

/** No title (a micro-post): the link is named by the date; without a date, by its first words. */
export const WithoutTitle: Story = itemStory(() => ({ ...bareItem(), title: undefined }));

/** The image's address answers 404: no broken image, as for an item without an image. */
export const ImageFails: Story = itemStory(() => ({
  ...demoItem(ARTICLE),
  image: new URL('/demo/images/missing-picture.svg', location.href).href,
}));

/** `src` is a partner's RSS 2.0 feed; `item` picks an entry by its `guid` (or its link). */
export const RssItem: Story = {
  name: 'RSS item',
  args: { src: '/demo/rss/partner-blog.rss.xml', item: 'https://example.org/partner-blog/?p=97' },
};

/** `src` is an Atom 1.0 feed; `item` picks an entry by its `id`. */
export const AtomEntry: Story = {
  args: { src: '/demo/rss/field-notes.atom.xml', item: 'urn:uuid:field-notes-night-school' },
};

/** While the feed loads: a skeleton of the card's final size, announced as "Loading…". */
export const Loading: Story = { args: { src: LOADING_SRC } };

/** The feed is missing (404): a message, the partner's fallback link and "Try again". */
export const ErrorState: Story = { name: 'Error', args: { src: MISSING_SRC } };
