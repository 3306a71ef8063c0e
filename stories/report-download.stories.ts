import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/report-download.js';
import type { Attachment, FeedItem } from '../src/content/types.js';
import demoFeed from '../demo/feed.json';
import { commonArgTypes, LOADING_SRC, MISSING_SRC } from './support.js';
import { tagNames } from '../src/tags.js';

interface ReportArgs {
  src: string;
  item: string;
  lang: '' | 'en' | 'ko';
  theme: '' | 'light' | 'dark' | 'auto';
  hideImages: boolean;
  headingLevel: number;
}

const FEED = '/demo/feed.json';
const REPORT_ID = 'nkdb-military-report';

/** The demo report as an object, its relative URLs made absolute (an `.item` has no feed URL). */
function demoReport(): FeedItem {
  const found = (demoFeed.items as unknown as FeedItem[]).find((i) => i.id === REPORT_ID);
  if (!found) throw new Error(`demo/feed.json has no ${REPORT_ID}`);
  const item = structuredClone(found);
  const atDemo = (url: string) => new URL(url, new URL('/demo/', location.href)).href;
  if (item.image) item.image = atDemo(item.image);
  item.attachments = item.attachments?.map((a) => ({ ...a, url: atDemo(a.url) }));
  return item;
}

function withAttachments(change: (attachments: Attachment[]) => Attachment[]): FeedItem {
  const item = demoReport();
  return { ...item, attachments: change(item.attachments ?? []) };
}

/** A story that hands the element an item object, as a framework would. */
function itemStory(item: () => FeedItem, attrs: Partial<ReportArgs> = {}): StoryObj<ReportArgs> {
  return {
    args: attrs,
    render: (args) =>
      html`<lantern-report-download
        .item=${item()}
        base-url="/demo/feed.json"
        lang=${ifDefined(args.lang || undefined)}
        theme=${ifDefined(args.theme || undefined)}
        ?hide-images=${args.hideImages}
        heading-level=${args.headingLevel}
      ></lantern-report-download>`,
  };
}

/**
 * A research report offered for download: one direct link per language version (the reader's
 * language first), checksums, and "Copy citation". Listen for `lantern-download` to count
 * downloads with your own code; Lantern ships no tracker and no email gate.
 */
const meta: Meta<ReportArgs> = {
  title: 'Elements/Report download',
  component: tagNames.report,
  args: {
    src: FEED,
    item: REPORT_ID,
    lang: '',
    theme: '',
    hideImages: false,
    headingLevel: 2,
  },
  argTypes: {
    ...commonArgTypes,
    item: { control: 'text', description: 'Id of the report item (default: the first item).' },
    hideImages: {
      name: 'hide-images',
      control: 'boolean',
      description: 'Show no cover and make no image request.',
    },
    headingLevel: {
      name: 'heading-level',
      control: { type: 'number', min: 2, max: 6 },
      description: 'Heading level of the title.',
    },
  },
  render: (args) =>
    html`<lantern-report-download
      src=${args.src}
      item=${ifDefined(args.item || undefined)}
      lang=${ifDefined(args.lang || undefined)}
      theme=${ifDefined(args.theme || undefined)}
      ?hide-images=${args.hideImages}
      heading-level=${args.headingLevel}
      ><a href="/demo/files/nkdb-military-report-en.pdf"
        >Download the report (PDF)</a
      ></lantern-report-download
    >`,
};
export default meta;

type Story = StoryObj<ReportArgs>;

/** The NKDB report with its English and Korean versions, from the demo feed. */
export const NkdbReport: Story = { name: 'NKDB report (English and Korean)' };

/** A report published in one language only. */
export const OneVersion: Story = itemStory(() => withAttachments((all) => all.slice(0, 1)));

/** No cover image: the text takes the whole width. */
export const NoCover: Story = itemStory(() => ({ ...demoReport(), image: undefined }));

/** A Korean reader: Korean interface, the Korean version first, sizes and dates in Korean. */
export const KoreanReader: Story = { args: { lang: 'ko' } };

/** `theme="dark"` whatever the page's colour scheme. */
export const Dark: Story = { args: { theme: 'dark' } };

/** The feed gives no `size_in_bytes`: the format alone is shown, never "NaN". */
export const MissingSize: Story = itemStory(() =>
  withAttachments((all) => all.map(({ size_in_bytes: _size, ...rest }) => rest)),
);

/** A `javascript:` attachment URL is dropped (with a console warning); the other version stays. */
export const UnsafeAttachmentRemoved: Story = itemStory(() =>
  withAttachments((all) => [
    { ...all[0]!, url: 'javascript:alert(document.domain)' },
    ...all.slice(1),
  ]),
);

/** No attachment at all: a clear message instead of an empty list. */
export const NoDownloads: Story = itemStory(() => withAttachments(() => []));

/** `hide-images`: no cover and no image request. */
export const HiddenImages: Story = { args: { hideImages: true } };

/** The skeleton that holds the block's place while the feed loads. */
export const Loading: Story = { args: { src: LOADING_SRC } };

/** The feed is missing (404): what failed, "Try again" and the partner's fallback link. */
export const MissingFeed: Story = { name: 'Error (missing feed)', args: { src: MISSING_SRC } };

/** The feed is not valid JSON. */
export const BrokenFeed: Story = { args: { src: '/demo/broken-feed.json' } };

/**
 * A very long body (a whole chapter, a podcast page's transcript): its opening shows, and
 * "Show more" (Enter or Space) brings the rest; nothing hidden is merely clipped.
 */
export const LongSummary: Story = itemStory(() => {
  const item = demoReport();
  const text = (item.summary ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const sections = Array.from(
    { length: 12 },
    (_, i) => `<h3>Section ${i + 1}</h3><p>${text}</p><p>${text}</p>`,
  );
  return { ...item, content_html: sections.join('') };
});
