import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for developers: every element and state, docs generated from
 * `custom-elements.json` (see preview.ts). Written by hand: `storybook init` cannot run here.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // Stories load the demo feed, images and PDFs from `/demo/…`, the paths partners copy.
  staticDirs: [{ from: '../demo', to: '/demo' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
  // The Theme toolbar (preview.ts) paints the background to match the colour scheme.
  features: { backgrounds: false },
  // Storybook reads vite.config.ts too but keeps only `build.target` of its build settings, so
  // the CDN/npm library settings there do not leak into this app build.
};

export default config;
