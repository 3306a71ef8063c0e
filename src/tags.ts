/**
 * The name of every Lantern element, in one place. The CDN loader, the build's chunk names, the
 * staff preview, the stories and the tests read them from here; only the `src/define/` files,
 * which register the names and declare them in `HTMLElementTagNameMap`, write them out again.
 */
export const tagNames = {
  card: 'lantern-article-card',
  list: 'lantern-article-list',
  navigator: 'lantern-story-navigator',
  report: 'lantern-report-download',
} as const;

/** The short name each element goes by in the preview and the tests: `card`, `list`, … */
export type ElementKind = keyof typeof tagNames;

export type TagName = (typeof tagNames)[ElementKind];

export const elementKinds = Object.keys(tagNames) as ElementKind[];

export const allTagNames: readonly TagName[] = Object.values(tagNames);

/**
 * The name an element's files go by: its define module `src/define/<name>.ts`, its npm entry
 * `dist/lib/<name>.js` and its CDN chunk `lantern-<name>-[hash].js`.
 */
export function moduleName(tag: TagName): string {
  return tag.slice('lantern-'.length);
}
