import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/**
 * Private members and internal fields, each spelled as a short name in the built files. The
 * minifier shortens local variables but never a property name (`this.focusAfterLoad`), which
 * every copy of the code then carries in full; these names are Lantern's own, written and read
 * only in `src/`, so one consistent rename across every module (and so every chunk) is safe.
 * Saved about 0.14 KB gzip on the entry and 0.06 KB on the list when it came (npm run size).
 *
 * What may be listed: a name no partner, test or other code reads on a built element (not a
 * public property or method, not a `protected` member a subclass may override, not a feed field,
 * not a DOM or Lit name), never used as a string (`changed.has('x')`): the build stops if a
 * listed name appears as a word of a string literal in `src/` or as a public (non-state) key of
 * a `static properties`. Only identifiers are renamed (member
 * accesses, class members, object keys), never text; the e2e tests run on the built files.
 */
const NAMES = [
  // LanternElement, FeedController, LocaleController
  'focusAfterLoad',
  'i18n',
  'latest',
  'context',
  'effectiveCardLayout',
  'renderFailed',
  'serverRendered',
  'handover',
  'selectData',
  'callbacks',
  'inlineObserver',
  'settle',
  'pendingBody',
  'queued',
  'fetch',
  'resolved',
  // the card
  'pendingFocus',
  'imageFailed',
  'revealed',
  'internals',
  'drew',
  'hides',
  'hidesWarned',
  'renderMedia',
  // the list
  'fetchingMore',
  'moreError',
  'onError',
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
  'copyOutcome',
  'showCopyOutcome',
  'confirmationTimer',
  'announceDownload',
  'selectFallback',
  'bodyToken',
  'summaryBody',
  'toggleReveal',
  // a content warning's gate (templates.ts)
  'onToggle',
  'subject',
  // shared by several
  'whenReady',
  'given',
  'show',
  'cards',
  // the report's (here, not with the report's: this order put every brotli row within its
  // budget on 2026-12-05, when the others went over by up to 28 B; see the README)
  // (pendingBody, the report's too, sits with FeedController's names: on 2026-12-05, later, the
  // best of 12 places tried: the CDN entry within both budgets, lib rows least over)
  'itemId',
  'partHref',
  'pageSize',
  'nextUrl',
  'listLayout',
  // the navigator's private members and its templates' context keys, and the report's
  'toggleMore',
  'bodyFor',
  'partHeadingLevel',
  'level',
  'partLevel',
  'remembers',
  'token',
  'onClick',
  'seriesId',
  'partText',
  'firstPublished',
  'shownCount',
];

/**
 * `protected` members: renamed in the CDN files only. The npm build keeps them, since its
 * class-only modules are for subclassing (the product contract, ../shared/DESIGN.md: a subclass
 * may override them).
 */
const PROTECTED = [
  // FeedController's methods, which a subclass reaches through `this.data`
  'isCurrent',
  'queue',
  'load',
  // message keys (`Messages`, which a subclass reads through `this.messages`)
  'loadingMore',
  'partLabel',
  'previousPart',
  'nextPart',
  'comingSoon',
  'continueReading',
  'seriesNav',
  'nowShowing',
  'partOf',
  'showMore',
  'showLess',
  'downloadIn',
  'publishedBy',
  'documentId',
  'copyChecksum',
  'copyCitation',
  'copyFailed',
  'noDownloads',
  'continueOnSite',
  'imageCredit',
  'minutesToRead',
  'itemsLoaded',
  'loadMoreFailed',
  'noItems',
  'errorTitle',
  'errorCause',
  'showContent',
  'hideContent',
  'contentShown',
  'genericWarning',
  'dataBase',
  'dataChanged',
  'renderedItemCount',
  'imagesAllowed',
  'renderView',
  'renderSkeleton',
  'renderError',
  'setup',
  'fail',
  'replacesPlaceholderInView',
  // fields of the views a subclass reads through `this.view` (NavigatorView, Series, ReportView)
  'initial',
  'downloads',
  'continues',
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
      // A name in a string is a property read by name: `changed.has('x')`, or a list such as
      // 'series mode variant'.split(' ') (prose, with its full stop, is not).
      const checkString = (text: string) => {
        if (!/^[\w\s,:-]+$/.test(text)) return;
        const named = text.split(/[\s,:]+/).find((word) => SHORT.has(word));
        if (named) this.error(`${id}: '${named}' is in a string (${text.slice(0, 60)})`);
      };
      // A key of Lit's `static properties` (a class field, or `this.properties = …` in a static
      // block once compiled) that is not `{ state: true }` is a public property (and, lower-cased,
      // an attribute).
      const checkProperties = (target: Node | undefined, declared: Node | undefined) => {
        if (target?.name !== 'properties' || declared?.type !== 'ObjectExpression') return;
        for (const prop of declared.properties as Node[]) {
          const name = (prop.key as Node | undefined)?.name as string | undefined;
          const value = prop.value as Node;
          const state = /\bstate\s*:\s*(true|!0)/.test(code.slice(value.start, value.end));
          if (name && SHORT.has(name) && !state)
            this.error(`${id}: '${name}' is a public property`);
        }
      };
      const visit = (node: Node) => {
        switch (node.type) {
          case 'MemberExpression':
            if (!node.computed) rename(node.property, false);
            break;
          case 'PropertyDefinition':
          case 'MethodDefinition':
          case 'Property':
            if (node.type === 'PropertyDefinition')
              checkProperties(node.key as Node, node.value as Node);
            if (!node.computed) rename(node.key, node.shorthand === true);
            break;
          case 'AssignmentExpression':
            checkProperties((node.left as Node).property as Node, node.right as Node);
            break;
          case 'Literal':
            if (typeof node.value === 'string') checkString(node.value);
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
