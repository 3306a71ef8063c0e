import type { UserConfig } from 'vite';

type RollupOptions = NonNullable<NonNullable<UserConfig['build']>['rollupOptions']>;
type OutputOptions = Exclude<NonNullable<RollupOptions['output']>, unknown[]>;

/**
 * How the CDN build is split.
 *
 * Everything `lantern.js` imports statically (Lit, the card, the code they share) goes into one
 * `lantern-core` chunk, which the entry and every lazily loaded chunk import by the same URL:
 * if lazily loaded chunks imported shared code from `lantern.js` itself, a partner's
 * `lantern.js?ver=3` would load a second copy of Lit. Everything else is left to Rollup: each
 * element loaded on demand gets its own chunk, code only those elements share gets a shared chunk,
 * and modules behind a dynamic import (marked and the sanitiser, Korean text, the XML reader)
 * stay out of a card page's downloads.
 */
const RENAMED: Record<string, string> = {
  sanitize: 'rich',
  'live-copy': 'rich-copy',
  rich: 'body',
};

export function cdnChunks(entry: string): OutputOptions {
  let core: Set<string> | undefined;
  return {
    manualChunks(id: string, { getModuleInfo }) {
      if (!core) {
        core = new Set();
        const visit = (moduleId: string) => {
          for (const next of getModuleInfo(moduleId)?.importedIds ?? []) {
            if (!core!.has(next)) {
              core!.add(next);
              visit(next);
            }
          }
        };
        visit(entry);
      }
      if (core.has(id)) return 'core';
      // What a body needs in the navigator and the report (its loading and its styles), and the
      // reading of counts both do: one file.
      return /[\\/]src[\\/](?:content[\\/](?:rich|read-count)|theme[\\/]rich-content)\.ts$/.test(id)
        ? 'rich'
        : undefined;
    },
    // The sanitiser core is `lantern-rich-*`, with the live copy both body paths share
    // (`lantern-rich-copy-*`), as npm run size names them; marked and DOMPurify keep their
    // modules' names (`lantern-markdown-*`, `lantern-sanitize-purify-*`).
    chunkFileNames: (chunk) => `lantern-${RENAMED[chunk.name] ?? chunk.name}-[hash].js`,
  };
}
