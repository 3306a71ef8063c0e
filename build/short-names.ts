import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/**
 * Private members and internal fields, each spelled as a short name in the built files. The
 * minifier shortens local variables but never a property name (`this.focusAfterLoad`), which
 * every copy of the code then carries in full; these names are Lantern's own, written and read
 * only in `src/`, so one consistent rename across every module (and so every chunk) is safe.
 * Saves about 0.2 KB gzip on a card page (npm run size).
 *
 * What may be listed: a name no partner, test or other code reads on a built element (not a
 * public property or method, not a `protected` member a subclass may override, not a feed field,
 * not a DOM or Lit name), never used as a string (`changed.has('x')`): the build stops if a
 * listed name appears as a string literal in `src/`. Only identifiers are renamed (member
 * accesses, class members, object keys), never text; the e2e tests run on the built files.
 */
const NAMES = [
  // LanternElement, FeedController, LocaleController
  'focusAfterLoad',
  'renderFailed',
  'serverRendered',
  'handover',
  'selectData',
  'callbacks',
  'inlineObserver',
  'hasOtherSource',
  'explicitBase',
  'isCurrent',
  'settle',
  'queued',
  'queue',
  'load',
  'fetch',
  'resolved',
  // the card
  'pendingFocus',
  'imageFailed',
  'revealed',
  'internals',
  'drew',
  'hides',
  // the list
  'loadingMore',
  'moreError',
  'moreController',
  'cardSettled',
  'abortMore',
  'reportMoreFailure',
  'announcement',
  // the navigator
  'revealedParts',
  'scrollOnRender',
  // the report
  'expanded',
  'pendingBody',
  'copyOutcome',
  'showCopyOutcome',
  'confirmationTimer',
  'announceDownload',
  'selectFallback',
  'bodyToken',
  'summaryBody',
  'toggleReveal',
  // shared by several
  'whenReady',
  'given',
  'show',
  'cards',
  'itemId',
  'variant',
  'partHref',
  'pageSize',
  'nextUrl',
  'listLayout',
];

/**
 * `protected` members: renamed in the CDN files only. The npm build keeps them, since its
 * class-only modules are for subclassing (DESIGN.md: a subclass may override them).
 */
const PROTECTED = [
  'dataBase',
  'dataChanged',
  'renderedItemCount',
  'hidesWarned',
  'imagesAllowed',
  'renderMedia',
  'renderView',
  'renderSkeleton',
  'renderError',
  'setup',
  'fail',
];

/** `_0`, `_1`, … `_z`, `_10`, …: a leading underscore and a digit, like no name in the code. */
const shortName = (i: number) => `_${i.toString(36)}`;

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

export function shortNames({ cdn }: { cdn: boolean }): Plugin {
  const SHORT = new Map(
    (cdn ? [...NAMES, ...PROTECTED] : NAMES).map((name, i) => [name, shortName(i)]),
  );
  return {
    name: 'lantern:short-names',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id)) return null;
      const program = this.parse(code) as unknown as Node;
      const out = new MagicString(code);
      const rename = (key: unknown, shorthand: boolean) => {
        if (!isNode(key) || key.type !== 'Identifier') return;
        const short = SHORT.get(key.name as string);
        if (!short) return;
        // `{ revealed }` is `{ revealed: revealed }`: only the key changes.
        out.overwrite(key.start, key.end, shorthand ? `${short}: ${key.name as string}` : short);
      };
      const visit = (node: Node) => {
        switch (node.type) {
          case 'MemberExpression':
            if (!node.computed) rename(node.property, false);
            break;
          case 'MethodDefinition':
          case 'PropertyDefinition':
          case 'Property':
            if (!node.computed) rename(node.key, node.shorthand === true);
            break;
          case 'Literal':
            if (typeof node.value === 'string' && SHORT.has(node.value)) {
              this.error(
                `${id}: '${node.value}' is a string here; build/short-names.ts renames it`,
              );
            }
            break;
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.forEach((child) => isNode(child) && visit(child));
          else if (isNode(value)) visit(value);
        }
      };
      visit(program);
      return out.hasChanged()
        ? { code: out.toString(), map: out.generateMap({ hires: true }) }
        : null;
    },
  };
}
