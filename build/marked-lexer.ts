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
 * It also writes out the rules Lantern's lexer uses (it is `{ gfm: true }`) as expression
 * literals. marked builds its rules when the module loads, for four modes (normal, GFM, `breaks`
 * and `pedantic`), each from pieces put together by string replacement; a minifier keeps it all.
 * The build runs marked's own module in Node, reads the GFM rules it built and writes them in
 * the lexer's two tables in place of the four sets (`{gfm: {blockquote: /…/, …}}`); the pieces,
 * the other modes' rules and the code that put them together then go (found in the syntax tree:
 * a declaration whose every reference is in what was cut). So do the entries of marked's shared
 * table of expressions that nothing the lexer runs reads, and the lexer's static shortcuts,
 * which only the parser and `Marked` call. About 1.1 KB of gzip more off every page with a
 * markdown body, and no rule is built in the reader's browser.
 *
 * If a marked update changes the shape this looks for, the build fails and says so: an
 * import from marked other than these two fails it too (the export is missing).
 */
const KEEP = ['Lexer', 'Tokenizer'];
/**
 * A key of marked's table of shared expressions (`other`), found to know the table: its entries
 * that nothing reads (the parser's and renderer's, the cut modes') go.
 */
const OTHER_TABLE_KEY = 'blankLine';

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

/** `this.options.pedantic` and the like: the option's fixed value as written, else `undefined`. */
function fixedOption(node: Node | undefined): string | undefined {
  const object = node?.object as Node | undefined;
  return node?.type === 'MemberExpression' &&
    (object?.object as Node | undefined)?.type === 'ThisExpression' &&
    (object?.property as Node).name === 'options' &&
    !node.computed
    ? FIXED_OPTIONS[(node.property as Node).name as string]
    : undefined;
}

/** `[start, end, replacement]` edits that cut what the lexer never runs, or a reason it cannot. */
function unusedRules(
  code: string,
  lexerName: string,
  /** The local names of what the module keeps exporting. */
  keep: string[],
  /** Where the module's default instance starts: what follows is cut. */
  end: number,
  /** GFM's block and inline rules, written out as `{name: /expression/, …}`. */
  gfm: { block: string; inline: string },
): [number, number, string][] | string {
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
  // What goes (a replacement, or nothing), then the declarations only that used.
  const removed: [number, number, string][] = [];
  const inRemoved = (position: number) =>
    removed.some(([start, end]) => position >= start && position < end);
  // The two rule tables, `{normal, gfm, pedantic}` for blocks and `{normal, gfm, breaks,
  // pedantic}` for inline text, named by the lexer's `static get rules() { return {block,
  // inline} }`, become `{gfm: {…}}` with GFM's rules written out.
  const lexer = declared.get(lexerName)?.init as Node | undefined;
  if (lexer?.type !== 'ClassExpression') return 'the lexer is not a class';
  const getter = ((lexer.body as Node).body as Node[]).find(
    (member) => member.static && (member.key as Node).name === 'rules',
  );
  let named: Node[] = [];
  if (getter) {
    walk(getter, (node) => {
      if (node.type === 'ReturnStatement') named = (node.argument as Node).properties as Node[];
    });
  }
  for (const kind of ['block', 'inline'] as const) {
    const entry = named.find((property) => (property.key as Node).name === kind);
    const table = declared.get((entry?.value as Node | undefined)?.name as string);
    if (!table) return `the lexer's ${kind} rules are not a named table`;
    const { start, end } = table.init as Node;
    removed.push([start, end, `{gfm:${gfm[kind]}}`]);
  }
  // Entries of the shared table that nothing Lantern runs reads (`other.x`, as `rules.other.x`
  // or directly). What runs: the lexer, its tokenizer and what they name, however deep, and the
  // module's own statements before the default instance (`end`); not the parser's and
  // renderer's code, which the minifier drops. A local name that shadows a module-level one
  // counts as a reference to it: that keeps more, never less.
  const other = [...declared.values()].find((declarator) =>
    ((declarator.init as Node).properties as Node[] | undefined)?.some(
      (property) => (property.key as Node | undefined)?.name === OTHER_TABLE_KEY,
    ),
  );
  if (!other) return 'the shared expressions are not a table';
  // The table's own name (in the rules, it is `rules.other`).
  const otherName = (other.id as Node).name as string;
  const scope = new Map<string, Node>(declared);
  for (const statement of children(program)) {
    const id = statement.id as Node | undefined;
    if (/^(Function|Class)Declaration$/.test(statement.type) && id) {
      scope.set(id.name as string, statement);
    }
  }
  // Branches the fixed options make dead (`if (this.options.pedantic) …`): the minifier drops
  // them, so what they read does not count.
  const dead: [number, number][] = [];
  walk(program, (node) => {
    const fixed = fixedOption((node.test ?? node.left) as Node | undefined);
    if (!fixed) return;
    const branch = (
      node.type === 'LogicalExpression'
        ? node.operator === (fixed === '(!0)' ? '||' : '&&') && node.right
        : fixed === '(!0)'
          ? node.alternate
          : node.consequent
    ) as Node | undefined;
    if (branch) dead.push([branch.start, branch.end]);
  });
  const read = new Set<string>();
  const reached = new Set<Node>();
  const reach = (node: Node | undefined) => {
    if (!node || reached.has(node) || inRemoved(node.start)) return;
    reached.add(node);
    walk(node, (child, parent) => {
      if (dead.some(([start, end]) => child.start >= start && child.start < end)) return;
      if (child.type === 'MemberExpression') {
        const property = child.property as Node;
        const object = child.object as Node;
        if (!child.computed) read.add(property.name as string);
        else if (property.type === 'Literal') read.add(String(property.value));
        else if (
          object.name === otherName ||
          (object.property as Node | undefined)?.name === 'other'
        ) {
          read.add('?');
        }
      }
      if (parent?.type === 'ObjectPattern')
        read.add((child.key as Node | undefined)?.name as string);
      if (child.type === 'Identifier' && !inRemoved(child.start)) {
        if (parent?.type === 'Property' && parent.key === child && !parent.shorthand) return;
        if (parent?.type === 'MemberExpression' && parent.property === child) return;
        reach(scope.get(child.name as string));
      }
    });
  };
  for (const name of keep) reach(scope.get(name));
  for (const statement of children(program)) {
    if (statement.start < end && !/Declaration$/.test(statement.type)) reach(statement);
  }
  // The table written again without them (their ranges count as cut, so what only they used
  // goes below). A computed read (`x[key]`) could be of any entry: then none goes.
  const entries = (other.init as Node).properties as Node[];
  const kept = entries.filter((entry) => read.has((entry.key as Node).name as string));
  let rewrite: [number, number, string] | undefined;
  if (!read.has('?') && kept.length < entries.length) {
    for (const entry of entries) {
      if (!kept.includes(entry)) removed.push([entry.start, entry.end, '']);
    }
    const { start, end } = other.init as Node;
    const text = kept.map((entry) => code.slice(entry.start, entry.end)).join(',');
    rewrite = [start, end, `{${text}}`];
  }
  // A declaration whose every reference is inside what is cut goes too, until none is left.
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, declarator] of declared) {
      const init = declarator.init as Node;
      if (removed.some(([start]) => start === init.start)) continue;
      if (!(references.get(name)?.every(inRemoved) ?? false)) continue;
      removed.push([init.start, init.end, '0']);
      changed = true;
    }
  }
  // The lexer's static shortcuts (`Lexer.lex`, `Lexer.lexInline`, `Lexer.rules`): Lantern makes
  // its lexer with `new`, and only marked's parser and `Marked` class (cut) call them.
  for (const member of (lexer.body as Node).body as Node[]) {
    if (member.static) removed.push([member.start, member.end, '']);
  }
  // The table's cut entries are in its rewrite, not edits of their own.
  const edits = rewrite
    ? [...removed.filter(([start]) => start < rewrite[0] || start >= rewrite[1]), rewrite]
    : [...removed];
  // The lexer and its tokenizer read the modes from their options, which are Lantern's
  // `{ gfm: true }` (and its tokenizer): `this.options.pedantic` is always undefined, and the
  // minifier drops the branches it guards once it is written so.
  walk(program, (node, parent) => {
    const fixed = fixedOption(node);
    if (fixed && !(parent?.type === 'AssignmentExpression' && parent.left === node)) {
      if (!inRemoved(node.start)) edits.push([node.start, node.end, fixed]);
    }
  });
  // Applied from the end, each at its own offsets: no two may overlap.
  edits.sort((a, b) => a[0] - b[0]);
  if (edits.some(([start], i) => i && start < edits[i - 1]![1])) return 'two cuts overlap';
  return edits;
}

/**
 * GFM's block and inline rules as this marked module builds them, written out as expression
 * literals (`{name: /…/flags, …}`): the module is run here, in Node, to read them. (Where the
 * JavaScript engine has look-behind, marked picks rules that use it: Node has, and so has every
 * browser Lantern runs in, which all have constructed style sheets, Safari 16.4 and later.)
 */
async function gfmRules(code: string): Promise<{ block: string; inline: string } | string> {
  type Rules = Partial<Record<'block' | 'inline', { gfm?: Record<string, unknown> }>>;
  const { Lexer } = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
    Lexer?: { rules?: Rules };
  };
  const { block, inline } = Lexer?.rules ?? {};
  if (!block?.gfm || !inline?.gfm) return "the lexer's rules are not a named table";
  const written = (rules: Record<string, unknown>) =>
    Object.values(rules).every((rule) => rule instanceof RegExp) &&
    `{${Object.entries(rules)
      .map(([name, rule]) => `${name}:${String(rule)}`)
      .join(',')}}`;
  const [blocks, inlines] = [written(block.gfm), written(inline.gfm)];
  return blocks && inlines ? { block: blocks, inline: inlines } : 'a rule is not an expression';
}

/** marked's ESM module, the one every bundler picks from its package's exports. */
const MARKED = /[\\/]marked[\\/]lib[\\/]marked\.esm\.js$/;

export function markedLexer(): Plugin {
  let cutModule = false;
  return {
    name: 'lantern:marked-lexer',
    apply: 'build',
    async transform(code, id) {
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
      const rules = await gfmRules(code);
      const edits =
        typeof rules === 'string'
          ? rules
          : unusedRules(
              code,
              names.get('Lexer')!,
              KEEP.map((name) => names.get(name)!),
              start.index,
              rules,
            );
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
