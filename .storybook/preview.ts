import {
  setCustomElementsManifest,
  type Decorator,
  type Preview,
} from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import manifest from '../custom-elements.json';
import '../src/index.js';
import { installLoadingForever } from '../stories/support.js';
import './story-frame.css';

interface ManifestMember {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
}

/**
 * The manifest lists every member, internals included; the docs table should show what a
 * developer may use: public instance fields, and only those not already shown as attributes.
 */
function publicApi<T>(cem: T): T {
  const copy = structuredClone(cem) as {
    modules?: { declarations?: { members?: ManifestMember[] }[] }[];
  };
  for (const declaration of copy.modules?.flatMap((m) => m.declarations ?? []) ?? []) {
    declaration.members = declaration.members?.filter(
      (m) =>
        m.kind === 'field' &&
        !m.static &&
        (m.privacy ?? 'public') === 'public' &&
        (m.attribute === undefined || m.attribute === m.name),
    );
  }
  return copy as T;
}

// Autodocs (attributes, properties, events, slots, parts, CSS properties) come from the
// manifest `npm run analyze` writes; `build-storybook` runs it first.
setCustomElementsManifest(publicApi(manifest));

// Any feed URL containing `__lantern_loading__` never answers, so loading stories hold still.
installLoadingForever();

type Theme = 'light' | 'dark' | 'host';

/**
 * Wraps every story in the toolbar's choices: a `lang` the elements resolve their language
 * from, a colour scheme with a matching background, and optionally a hostile CMS stylesheet.
 * `keyed` rebuilds the story when a choice changes, since elements read `lang` as they render.
 */
const withStoryFrame: Decorator = (story, context) => {
  const locale = context.globals.locale === 'ko' ? 'ko' : 'en';
  const theme: Theme = ['light', 'dark', 'host'].includes(context.globals.theme)
    ? context.globals.theme
    : 'light';
  const hostile = context.globals.hostile === 'on';
  const content = hostile ? html`<div class="lantern-hostile-host">${story()}</div>` : story();
  return html`${keyed(
    `${locale}|${theme}|${hostile}`,
    html`<div
      class="lantern-story-frame"
      lang=${locale}
      data-theme=${theme}
      data-view=${context.viewMode}
    >
      ${content}
    </div>`,
  )}`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withStoryFrame],
  globalTypes: {
    locale: {
      description: 'Interface language of the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'ko', title: '한국어', right: 'ko' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme of the page around the widgets',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'host', title: 'Host (left to the page)' },
        ],
        dynamicTitle: true,
      },
    },
    hostile: {
      description: 'Surround the story with a typical, aggressive CMS stylesheet',
      toolbar: {
        title: 'Hostile host',
        icon: 'alert',
        items: [
          { value: 'off', title: 'Hostile host: off' },
          { value: 'on', title: 'Hostile host: on' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light', hostile: 'off' },
  parameters: {
    // The frame above pads the story and paints its background edge to edge.
    layout: 'fullscreen',
    controls: {
      expanded: true,
      matchers: { color: /(background|color)$/i, date: /Date$/i },
    },
    a11y: { test: 'error' },
    docs: { toc: true },
    options: {
      storySort: { order: ['Introduction', '*'] },
    },
  },
};

export default preview;
