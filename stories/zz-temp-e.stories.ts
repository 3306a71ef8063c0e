// TEMPORARY (engineer E, to try the Storybook setup). Deleted once real stories exist.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/article-card.js';

const meta: Meta = {
  title: 'Temp/Article card',
  component: 'lantern-article-card',
  args: { src: '/demo/feed.json', layout: 'vertical' },
  render: (args) =>
    html`<lantern-article-card src=${args.src} layout=${args.layout}
      ><a href="https://example.org/">Read the article</a></lantern-article-card
    >`,
};
export default meta;
export const Default: StoryObj = {};
export const Loading: StoryObj = { args: { src: '/demo/__lantern_loading__.json' } };
export const Missing: StoryObj = { args: { src: '/demo/missing.json' } };
export const Broken: StoryObj = { args: { src: '/demo/broken-feed.json' } };
