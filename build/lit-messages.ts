import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/**
 * Two changes to Lit's `css-tag.js` in the CDN files (the npm build leaves Lit to the partner's
 * bundler, so neither applies there). First, Lit's production build keeps two long error
 * messages (about 200 characters) for a misuse of `css` that only a developer's code can make: a
 * value that is not a `css` result interpolated into `css`, or `new CSSResult()`. Lantern's
 * styles are all `css` results, so neither is ever thrown; here they are shortened (the error
 * still names its cause). Second, Lit's test for constructed style sheets is made `true`, so the
 * minifier drops its `<style>` fallback; the CDN entries register nothing in a browser without
 * them (src/cdn-first.ts), so its fallback content stays. Lit's development build, which the
 * staff preview, Storybook and `npm run test:dev` run, is left as it is. If a Lit update changes
 * a text, the build warns and ships it unchanged (and `npm run size` shows the bytes).
 */
const CSS_TAG: ReadonlyArray<readonly [string, string]> = [
  ['"CSSResult is not constructable. Use `unsafeCSS` or `css` instead."', '"Lit: new CSSResult"'],
  [
    `"Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security."`,
    '"Lit: css got "+t',
  ],
  // Whether the browser can adopt constructed style sheets (else Lit writes a <style> per shadow
  // root): `true`, and the minifier drops the <style> fallback and its stylesheet-to-text copy.
  // A browser without them gets the fallback content instead (src/cdn-first.ts).
  [
    't.ShadowRoot&&(void 0===t.ShadyCSS||t.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype',
    '!0',
  ],
];

/**
 * And one to `directive-helpers.js` (the list's `keyed` imports it): it reads Lit's ChildPart
 * class from Lit's private exports when it loads, a read the bundler keeps although only a helper
 * Lantern never calls uses it; read there instead, the core chunk no longer exports Lit's
 * private exports for it (about 0.1 KB of the core and the list chunks).
 */
const DIRECTIVE_HELPERS: ReadonlyArray<readonly [string, string]> = [
  ['const{I:t}=o,', 'const '],
  ['new t(i,n,o,o.options)', 'new o.I(i,n,o,o.options)'],
];

/**
 * And two identity functions Lit's production build keeps, calls of which the minifier leaves
 * in place: `JSCompiler_renameProperty(name, object)` in `reactive-element.js`, which returns
 * `name` (it is there for Closure Compiler), and `wrap(node)` in `lit-html.js`, which returns
 * `node` (only the development build wraps nodes, for the ShadyDOM polyfill). Called or not,
 * the same values: the calls are written as their results.
 */
const REACTIVE_ELEMENT: ReadonlyArray<readonly [string, string]> = [
  [',d=(t,s)=>t,', ','],
  ['this.hasOwnProperty(d("elementProperties"))', 'this.hasOwnProperty("elementProperties")'],
  ['this.hasOwnProperty(d("finalized"))', 'this.hasOwnProperty("finalized")'],
  ['this.hasOwnProperty(d("properties"))', 'this.hasOwnProperty("properties")'],
  [
    'y[d("elementProperties")]=new Map,y[d("finalized")]=new Map',
    'y.elementProperties=new Map,y.finalized=new Map',
  ],
  // getCompatibleStyle(style), from css-tag.js: `style` itself once the test for constructed
  // style sheets is `true` (CSS_TAG, above).
  ['unshift(t(s))', 'unshift(s)'],
  // What only decorators use, and Lantern has none (its properties are a static field): the
  // initializers `addInitializer` collects for each new element, and the property options
  // standard decorators leave in `Symbol.metadata` (`litPropertyMetadata`, a global another Lit
  // on the page still sets for itself). The build stops if a source uses a decorator (below).
  ['static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}', ''],
  [',void 0!==t.l&&(this.l=[...t.l])', ''],
  [',this.constructor.l?.forEach(t=>t(this))', ''],
  ['Symbol.metadata??=Symbol("metadata"),a.litPropertyMetadata??=new WeakMap;', ''],
  [
    'const t=this[Symbol.metadata];if(null!==t){const s=litPropertyMetadata.get(t);if(void 0!==s)for(const[t,i]of s)this.elementProperties.set(t,i)}',
    '',
  ],
];

const LIT_HTML: ReadonlyArray<readonly [string, string]> = [
  // As CSS_TAG's: thrown only for `html` called with strings that are not a template literal's,
  // which Lantern's templates never are (the CDN files export `html` to no one else).
  ['"invalid template strings array"', '"Lit: html strings"'],
  ['const t=globalThis,i=t=>t,', 'const t=globalThis,'],
  // Templates of Lit's `svg` and `mathml` tags, wrapped in <svg> or <math> to be parsed and
  // unwrapped after: Lantern has none (its icons are <svg> elements in `html` templates), and
  // the build stops if a source uses either tag (below).
  ['l=2===i?"<svg>":3===i?"<math>":""', 'l=""'],
  ['+(2===i?"</svg>":3===i?"</math>":"")', ''],
  [',2===i||3===i){const t=this.el.content.firstChild;t.replaceWith(...t.childNodes)}', '){}'],
  ['const s=i(t).nextSibling;i(t).remove()', 'const s=t.nextSibling;t.remove()'],
];

const CHANGES: ReadonlyArray<readonly [RegExp, ReadonlyArray<readonly [string, string]>]> = [
  [/[\\/]@lit[\\/]reactive-element[\\/]reactive-element\.js$/, REACTIVE_ELEMENT],
  [/[\\/]lit-html[\\/]lit-html\.js$/, LIT_HTML],
  [/[\\/]@lit[\\/]reactive-element[\\/]css-tag\.js$/, CSS_TAG],
  [/[\\/]lit-html[\\/]directive-helpers\.js$/, DIRECTIVE_HELPERS],
];

export function litMessages(): Plugin {
  return {
    name: 'lantern:lit-messages',
    apply: 'build',
    transform(code, id) {
      if (/[\\/]src[\\/].*\.ts$/.test(id) && /\b(?:svg|mathml)`|unsafe-(?:svg|mathml)/.test(code)) {
        this.error(`${id}: an svg or mathml template, which the CDN files' Lit no longer unwraps`);
      }
      // Sources arrive compiled: a decorator is a call of the compiler's helper (`_decorate(`,
      // `__decorateClass(`, `__decorateElement(`), never an `@` (a CSS `@media(` is no decorator).
      if (/[\\/]src[\\/].*\.ts$/.test(id) && /(?:^|[^\w.])_+decorat\w*\(/m.test(code)) {
        this.error(`${id}: a decorator, which the CDN files' Lit no longer runs`);
      }
      const changes = CHANGES.find(([file]) => file.test(id))?.[1];
      if (!changes) return null;
      // MagicString keeps the source map true to the rest of the (one-line) file.
      const shorter = new MagicString(code);
      for (const [long, short] of changes) {
        const at = code.indexOf(long);
        if (at >= 0) shorter.overwrite(at, at + long.length, short);
        else this.warn(`Lit's text ${long.slice(0, 40)}… not found: kept as it is`);
      }
      return shorter.hasChanged()
        ? { code: shorter.toString(), map: shorter.generateMap({ hires: true }) }
        : null;
    },
  };
}
