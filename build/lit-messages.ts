import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/**
 * Lit's production build keeps two long error messages in `css-tag.js` (about 200 characters)
 * for a misuse of `css` that only a developer's code can make: a value that is not a `css`
 * result interpolated into `css`, or `new CSSResult()`. Lantern's styles are all `css` results,
 * so neither is ever thrown; every CDN page downloads them anyway. Here they are shortened (the
 * error still names its cause); Lit's development build, which the staff preview, Storybook and
 * `npm run test:dev` run, keeps Lit's own words. If a Lit update changes the text, the build
 * says so and ships it unchanged (and `npm run size` shows the bytes).
 */
const SHORTER: ReadonlyArray<readonly [string, string]> = [
  ['"CSSResult is not constructable. Use `unsafeCSS` or `css` instead."', '"Lit: new CSSResult"'],
  [
    `"Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security."`,
    '"Lit: css got "+t',
  ],
];

export function litMessages(): Plugin {
  return {
    name: 'lantern:lit-messages',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]@lit[\\/]reactive-element[\\/]css-tag\.js$/.test(id)) return null;
      // MagicString keeps the source map true to the rest of the (one-line) file.
      const shorter = new MagicString(code);
      for (const [long, short] of SHORTER) {
        const at = code.indexOf(long);
        if (at >= 0) shorter.overwrite(at, at + long.length, short);
        else this.warn(`Lit's message ${long.slice(0, 40)}… not found: kept as it is`);
      }
      return shorter.hasChanged()
        ? { code: shorter.toString(), map: shorter.generateMap({ hires: true }) }
        : null;
    },
  };
}
