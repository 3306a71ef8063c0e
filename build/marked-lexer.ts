import type { Plugin } from 'vite';
import { parseAst } from 'vite';

/**
 * marked in the CDN files is its lexer alone. Lantern writes marked's tokens itself, into the
 * page or (for a chunk with raw HTML) as HTML for the sanitiser (src/content/markdown-tree.ts),
 * so marked's parser, renderers, hooks and `Marked` class are never called. Yet no bundler can
 * drop them: marked's module makes a default `Marked` instance when it loads, and sets the
 * `marked()` function's properties, and a minifier cannot know that has no effect. This cuts
 * that default instance and `marked()` from the module and exports only what Lantern imports
 * (`Lexer`, `Tokenizer`); the unused classes then go with the rest of the dead code: about 3.5 KB
 * of gzip off every page with a markdown body. The npm build leaves marked whole (it is external
 * there), and so do the staff preview, Storybook and the tests, which run the sources.
 *
 * It also cuts the rule sets of two modes Lantern never turns on (its lexer is `{ gfm: true }`):
 * `pedantic` (the original markdown.pl's quirks) and `breaks` (every newline a `<br>`). The lexer
 * picks its rules from two tables, `{normal, gfm, pedantic}` for blocks and `{normal, gfm,
 * breaks, pedantic}` for inline text, and builds every set when the module loads, so a minifier
 * keeps them all. This takes those entries out of the tables, then the regular expressions only
 * they used (found in the syntax tree: a declaration whose every reference is in what was cut),
 * and the lexer's static shortcuts, which only the parser and `Marked` call.
 *
 * If a marked update changes the shape this looks for, the build fails and says so: an
 * import from marked other than these two fails it too (the export is missing).
 */
const KEEP = ['Lexer', 'Tokenizer'];
/** The modes whose rules are cut, and how many of the tables name each (blocks, inline). */
const UNUSED_MODES: Record<string, number> = { pedantic: 2, breaks: 1 };

/**
 * The options of Lantern's one lexer (`new Lexer({ gfm: true, tokenizer })` in
 * src/content/markdown.ts), as the lexer and its tokenizer read them (`this.options.…`): the
 * modes it never sets are undefined, GFM is always on.
 */
const FIXED_OPTIONS: Record<string, string> = {
  pedantic: '(void 0)',
  breaks: '(void 0)',
  extensions: '(void 0)',
  gfm: '(!0)',
};

type Node = { type: string; start: number; end: number; [key: string]: unknown };

function children(node: Node): Node[] {
  return Object.values(node)
    .flat()
    .filter((value): value is Node => typeof (value as Node | null)?.type === 'string');
}

function walk(node: Node, visit: (node: Node, parent?: Node) => void, parent?: Node): void {
  visit(node, parent);
  for (const child of children(node)) walk(child, visit, node);
}

/** `[start, end, replacement]` edits that cut the unused modes' rules, or a reason it cannot. */
function unusedRules(code: string, lexerName: string): [number, number, string][] | string {
  const program = parseAst(code) as unknown as Node;
  // Module-level `var a=…,b=…`: marked's rules are one long such statement.
  const declared = new Map<string, Node>();
  const references = new Map<string, number[]>();
  for (const statement of children(program)) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations as Node[]) {
      const id = declarator.id as Node;
      if (id.type === 'Identifier' && declarator.init) declared.set(id.name as string, declarator);
    }
  }
  walk(program, (node, parent) => {
    if (node.type !== 'Identifier') return;
    // A name being declared, an object's key or a property read is not a reference.
    if (parent?.type === 'VariableDeclarator' && parent.id === node) return;
    if (parent?.type === 'Property' && parent.key === node && !parent.shorthand && !parent.computed)
      return;
    if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return;
    const name = node.name as string;
    references.set(name, [...(references.get(name) ?? []), node.start]);
  });
  // What goes: the modes' entries in the tables, then the declarations only they used.
  const removed: [number, number, string][] = [];
  const inRemoved = (position: number) =>
    removed.some(([start, end]) => position >= start && position < end);
  const roots: string[] = [];
  for (const [mode, tables] of Object.entries(UNUSED_MODES)) {
    let found = 0;
    for (const declarator of declared.values()) {
      const init = declarator.init as Node;
      if (init.type !== 'ObjectExpression') continue;
      const properties = init.properties as Node[];
      const names = properties.map((property) => (property.key as Node | undefined)?.name);
      if (!names.includes('gfm') || !names.includes(mode)) continue;
      const index = names.indexOf(mode);
      const value = properties[index]!.value as Node;
      if (value.type !== 'Identifier' || !index) return `${mode}'s rules are not a named set`;
      // The entry and the comma before it.
      removed.push([properties[index - 1]!.end, properties[index]!.end, '']);
      roots.push(value.name as string);
      found++;
    }
    if (found !== tables) return `${mode} is in ${found} rule tables, not ${tables}`;
  }
  // A mode's rules read anywhere but in its tables: cutting them would change what is read.
  const elsewhere = roots.find((name) => !references.get(name)!.every(inRemoved));
  if (elsewhere) return `${elsewhere} is read outside the rule tables`;
  const cut = new Set(roots);
  // A declaration whose every reference is inside what is cut goes too, until none is left.
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, declarator] of declared) {
      const init = declarator.init as Node;
      if (removed.some(([start]) => start === init.start)) continue;
      if (!cut.has(name) && !(references.get(name)?.every(inRemoved) ?? false)) continue;
      cut.add(name);
      removed.push([init.start, init.end, '0']);
      changed = true;
    }
  }
  // The lexer's static shortcuts (`Lexer.lex`, `Lexer.lexInline`, `Lexer.rules`): Lantern makes
  // its lexer with `new`, and only marked's parser and `Marked` class (cut) call them.
  const lexer = declared.get(lexerName)?.init as Node | undefined;
  if (lexer?.type !== 'ClassExpression') return 'the lexer is not a class';
  for (const member of (lexer.body as Node).body as Node[]) {
    if (member.static) removed.push([member.start, member.end, '']);
  }
  const edits = [...removed];
  // The lexer and its tokenizer read the modes from their options, which are Lantern's
  // `{ gfm: true }` (and its tokenizer): `this.options.pedantic` is always undefined, and the
  // minifier drops the branches it guards once it is written so.
  walk(program, (node, parent) => {
    const object = node.object as Node | undefined;
    const property = node.property as Node | undefined;
    if (
      node.type === 'MemberExpression' &&
      object?.type === 'MemberExpression' &&
      (object.object as Node).type === 'ThisExpression' &&
      (object.property as Node).name === 'options' &&
      Object.hasOwn(FIXED_OPTIONS, property?.name as string) &&
      !(parent?.type === 'AssignmentExpression' && parent.left === node) &&
      !inRemoved(node.start)
    ) {
      edits.push([node.start, node.end, FIXED_OPTIONS[property!.name as string]!]);
    }
  });
  // Applied from the end, each at its own offsets: no two may overlap.
  edits.sort((a, b) => a[0] - b[0]);
  if (edits.some(([start], i) => i && start < edits[i - 1]![1])) return 'two cuts overlap';
  return edits;
}

/** marked's ESM module, the one every bundler picks from its package's exports. */
const MARKED = /[\\/]marked[\\/]lib[\\/]marked\.esm\.js$/;

export function markedLexer(): Plugin {
  let cutModule = false;
  return {
    name: 'lantern:marked-lexer',
    apply: 'build',
    transform(code, id) {
      if (!MARKED.test(id)) return null;
      cutModule = true;
      // `var v=new Marked;function marked(src,opt){return v.parse(src,opt)}…export{…}`
      const start = /var (\w+)=new \w+;function \w+\(\w+,\w+\)\{return \1\.parse\(/.exec(code);
      const end = code.lastIndexOf('export{');
      const names = new Map(
        [...code.slice(end).matchAll(/(\w+) as (\w+)/g)].map(([, local, name]) => [name, local]),
      );
      if (!start || end < start.index || KEEP.some((name) => !names.has(name))) {
        this.error("marked's module has changed shape: build/marked-lexer.ts cannot cut it");
      }
      const edits = unusedRules(code, names.get('Lexer')!);
      if (typeof edits === 'string') {
        this.error(
          `marked's rules have changed shape (${edits}): build/marked-lexer.ts cannot cut them`,
        );
      }
      let lexer = code.slice(0, start.index);
      for (const [from, to, text] of edits.sort((a, b) => b[0] - a[0])) {
        if (to <= lexer.length) lexer = lexer.slice(0, from) + text + lexer.slice(to);
      }
      const exports = KEEP.map((name) => `${names.get(name)} as ${name}`).join(',');
      return { code: `${lexer}export{${exports}};\n`, map: null };
    },
    // marked bundled from another of its files would be whole, and bigger, with no other sign.
    generateBundle(_, bundle) {
      const ids = Object.values(bundle).flatMap((file) =>
        file.type === 'chunk' ? Object.keys(file.modules) : [],
      );
      if (!cutModule && ids.some((id) => /[\\/]marked[\\/]/.test(id))) {
        this.error(
          `marked was bundled from ${ids.find((id) => /[\\/]marked[\\/]/.test(id))}, not cut`,
        );
      }
    },
  };
}
