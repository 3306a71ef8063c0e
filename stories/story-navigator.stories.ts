import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/story-navigator.js';
import { commonArgTypes, LOADING_SRC, MISSING_SRC } from './support.js';
import { tagNames } from '../src/tags.js';

interface NavigatorArgs {
  src: string;
  series: string;
  part: number | undefined;
  item: string;
  mode: 'navigation' | 'reader';
  variant: 'full' | 'compact';
  remember: '' | 'session';
  lang: '' | 'en' | 'ko';
  theme: '' | 'light' | 'dark' | 'auto';
  hideImages: boolean;
  headingLevel: number;
}

const FEED = '/demo/feed.json';

/**
 * A multi-part story such as "Yoon Ha's Story": the series title, "Part 3 of 3", every part
 * in order (the current one marked, unpublished ones "coming soon") and previous/next links.
 * `variant="compact"` is the one-line version for the top of an article. `mode="reader"` also
 * shows the current part and switches parts in place, keeping `#part-N` in the URL; listen
 * for `lantern-part-change` to follow along. Reading progress is shown only with
 * `remember="session"`, and then kept in sessionStorage for this tab alone.
 */
const meta: Meta<NavigatorArgs> = {
  title: 'Elements/Story navigator',
  component: tagNames.navigator,
  args: {
    src: FEED,
    series: 'yoon-ha',
    part: 3,
    item: '',
    mode: 'navigation',
    variant: 'full',
    remember: '',
    lang: '',
    theme: '',
    hideImages: false,
    headingLevel: 2,
  },
  argTypes: {
    ...commonArgTypes,
    series: {
      control: 'text',
      description: 'Id of the series (default: the series of `item`, else the first in the feed).',
    },
    part: { control: { type: 'number', min: 1 }, description: "The current part's number." },
    item: {
      control: 'text',
      description: "Id of the current part's item (an alternative to `part`).",
    },
    mode: {
      control: 'inline-radio',
      options: ['navigation', 'reader'],
      description: '`reader` also renders the current part and switches parts in place.',
    },
    variant: {
      control: 'inline-radio',
      options: ['full', 'compact'],
      description: '`compact`: just "Part 3 of 3" with previous/next.',
    },
    remember: {
      control: 'inline-radio',
      options: ['', 'session'],
      description: 'Opt in to marking parts read in this tab (sessionStorage only).',
    },
    hideImages: { control: 'boolean', description: 'Show no image (`hide-images`).' },
    headingLevel: {
      control: { type: 'number', min: 2, max: 6 },
      description: 'Heading level of the series title (`heading-level`).',
    },
  },
  render: (args) => html`
    <lantern-story-navigator
      src=${ifDefined(args.src || undefined)}
      series=${ifDefined(args.series || undefined)}
      part=${ifDefined(args.part ?? undefined)}
      item=${ifDefined(args.item || undefined)}
      mode=${args.mode}
      variant=${args.variant}
      remember=${ifDefined(args.remember || undefined)}
      lang=${ifDefined(args.lang || undefined)}
      theme=${ifDefined(args.theme || undefined)}
      ?hide-images=${args.hideImages}
      heading-level=${args.headingLevel}
    >
      <a href="https://example.org/lantern-demo/stories/yoon-ha-part-1">Yoon Ha's Story</a>
    </lantern-story-navigator>
  `,
};
export default meta;

type Story = StoryObj<NavigatorArgs>;

/** At the end of part 1: no previous link. */
export const Part1: Story = { name: 'Part 1 of 3', args: { part: 1 } };

/** At the end of part 2, whose content warning shows beside it in the list. */
export const Part2: Story = { name: 'Part 2 of 3', args: { part: 2 } };

/** At the end of part 3, the seed's "Making it to South Korea": no next link. */
export const Part3: Story = { name: 'Part 3 of 3', args: { part: 3 } };

/** The same part picked by its item id instead of its number. */
export const ByItem: Story = {
  name: 'Picked by item id',
  args: { series: '', part: undefined, item: 'yoon-ha-part-2' },
};

/** For the top of an article: "Part 2 of 3" with previous/next. */
export const Compact: Story = { args: { part: 2, variant: 'compact' } };

/**
 * Part 3 with the seed's full text. Previous/next and the list switch parts in place and
 * update `#part-N`; back/forward follow. Part 2 is a link-out: its summary and "Continue
 * reading" show instead of a body.
 */
export const Reader: Story = { name: 'Reader mode', args: { mode: 'reader' } };

/** Reader mode with the compact header: for a page that is only the story. */
export const ReaderCompact: Story = {
  name: 'Reader mode, compact',
  args: { mode: 'reader', variant: 'compact', part: 2 },
};

/** Twelve parts, of which 6 and 9–12 are not published yet: shown, not linked. */
export const TwelveParts: Story = {
  name: '12 parts, some coming soon',
  args: { src: '/demo/series-12.json', series: '', part: 7 },
};

/** The latest published part of the 12: the next one is announced as coming soon. */
export const TwelvePartsLatest: Story = {
  name: '12 parts, at the latest published',
  args: { src: '/demo/series-12.json', series: '', part: 8, variant: 'compact' },
};

/** Opt-in progress for this tab: "1 of 3 parts read". Nothing is stored without it. */
export const RememberSession: Story = {
  name: 'Reading progress (opt-in)',
  args: { mode: 'reader', remember: 'session' },
};

/** A series overview: no part named, so none is marked current. */
export const Overview: Story = { args: { part: undefined } };

/** Korean interface text ("전체 3부 중 2부"); the story itself stays in its own language. */
export const Korean: Story = { args: { part: 2, lang: 'ko' } };

/** `theme="dark"`. */
export const Dark: Story = {
  args: { part: 2, theme: 'dark' },
  render: (args, context) =>
    html`<div style="background:#111;padding:1rem">${meta.render?.(args, context)}</div>`,
};

/** The feed is missing: a readable error, the partner's fallback link and "Try again". */
export const Error: Story = { args: { src: MISSING_SRC } };

/** Loading: the skeleton reserves the widget's size. */
export const Loading: Story = { args: { src: LOADING_SRC } };

/** Loading in reader mode: space for the part's text is reserved too. */
export const LoadingReader: Story = {
  name: 'Loading, reader mode',
  args: { src: LOADING_SRC, mode: 'reader' },
};
