// Config for `cem analyze` (read automatically; the globs stay in package.json's "analyze").
// Lantern registers its elements with `Class.defineAs('tag')` in src/define/*.ts, a call the
// analyzer does not recognise, so without this plugin no class in custom-elements.json has a
// tag name — and Storybook's autodocs and editors' tag completion find nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const defineDir = 'src/define';

/** `[{ file, className, tagName }]` for every `X.defineAs('tag')` in src/define. */
function definitions() {
  return readdirSync(defineDir)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      [
        ...readFileSync(join(defineDir, file), 'utf8').matchAll(
          /\b([A-Z]\w*)\.defineAs\(\s*['"]([a-z][a-z0-9]*-[a-z0-9-]*)['"]/g,
        ),
      ].map(([, className, tagName]) => ({ file: `${defineDir}/${file}`, className, tagName })),
    );
}

/** Gives each registered class its tag name and records where it is registered. */
function lanternTagNames() {
  return {
    name: 'lantern-tag-names',
    packageLinkPhase({ customElementsManifest }) {
      for (const { file, className, tagName } of definitions()) {
        const owner = customElementsManifest.modules.find((m) =>
          m.declarations?.some((d) => d.kind === 'class' && d.name === className),
        );
        if (!owner) {
          console.warn(`cem: ${file} registers ${className}, which no analysed module declares`);
          continue;
        }
        const declaration = owner.declarations.find((d) => d.name === className);
        declaration.customElement = true;
        declaration.tagName = tagName;
        const ref = { name: className, module: owner.path };
        customElementsManifest.modules.push({
          kind: 'javascript-module',
          path: file,
          declarations: [],
          exports: [
            { kind: 'js', name: className, declaration: ref },
            { kind: 'custom-element-definition', name: tagName, declaration: ref },
          ],
        });
      }
    },
  };
}

/**
 * The Lit plugin reads `static properties` but not `state: true`, so internal reactive state
 * (`status`, `view`, …) would be listed as attributes. Drops those, inherited ones included.
 */
function litInternalState() {
  const stateByClass = new Map();
  return {
    name: 'lantern-lit-internal-state',
    collectPhase({ ts, node }) {
      if (!ts.isPropertyDeclaration(node) || node.name.getText() !== 'properties') return;
      const isStatic = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
      const owner = node.parent;
      if (!isStatic || !ts.isClassDeclaration(owner) || !owner.name) return;
      if (!node.initializer || !ts.isObjectLiteralExpression(node.initializer)) return;
      const states = new Set();
      for (const prop of node.initializer.properties) {
        if (!ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer))
          continue;
        const isState = prop.initializer.properties.some(
          (o) =>
            ts.isPropertyAssignment(o) &&
            o.name.getText() === 'state' &&
            o.initializer.kind === ts.SyntaxKind.TrueKeyword,
        );
        if (isState) states.add(prop.name.getText());
      }
      stateByClass.set(owner.name.getText(), states);
    },
    packageLinkPhase({ customElementsManifest }) {
      const classes = new Map(
        customElementsManifest.modules
          .flatMap((m) => m.declarations ?? [])
          .filter((d) => d.kind === 'class')
          .map((d) => [d.name, d]),
      );
      const statesOf = (name, seen = new Set()) => {
        if (!name || seen.has(name)) return [];
        seen.add(name);
        return [
          ...(stateByClass.get(name) ?? []),
          ...statesOf(classes.get(name)?.superclass?.name, seen),
        ];
      };
      for (const declaration of classes.values()) {
        const states = new Set(statesOf(declaration.name));
        if (states.size === 0) continue;
        declaration.attributes = declaration.attributes?.filter((a) => !states.has(a.fieldName));
        for (const member of declaration.members ?? []) {
          if (states.has(member.name)) delete member.attribute;
        }
      }
    },
  };
}

/**
 * The analyzer turns every `a.b.name = …` in a constructor into a public field `name` without
 * checking that `a` is `this` (so `this.bodyHost.className = 'body'` became a bogus navigator
 * field `className`). Drops such fields unless the class really declares the name.
 */
function constructorAssignmentsOnOtherObjects() {
  const strayByClass = new Map();
  return {
    name: 'lantern-constructor-assignments',
    collectPhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declared = new Set(node.members.map((m) => m.name?.getText()).filter(Boolean));
      const stray = new Set();
      const ctor = node.members.find((m) => ts.isConstructorDeclaration(m));
      for (const statement of ctor?.body?.statements ?? []) {
        const left = ts.isExpressionStatement(statement) && statement.expression.left;
        if (!left || !ts.isPropertyAccessExpression(left)) continue;
        if (left.expression.kind === ts.SyntaxKind.ThisKeyword) continue;
        if (!declared.has(left.name.getText())) stray.add(left.name.getText());
      }
      if (stray.size) strayByClass.set(node.name.getText(), stray);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap(
        (m) => m.declarations ?? [],
      )) {
        const stray = strayByClass.get(declaration.name);
        if (!stray || !declaration.members) continue;
        declaration.members = declaration.members.filter(
          (m) => !(m.kind === 'field' && stray.has(m.name) && !m.inheritedFrom),
        );
      }
    },
  };
}

/**
 * custom-elements.json ships in the package, so it lists the public API only — the element
 * classes, their base class (which their inherited members name) and the define modules — and
 * its paths name shipped files: a module that package.json exports points at its built entry
 * (`dist/lib/…js`), any other (the base class) at its declaration file (`dist/types/…d.ts`).
 * The map comes from `exports` itself.
 */
function publicApiInShippedPaths() {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const entryBySource = new Map();
  for (const target of Object.values(pkg.exports)) {
    if (typeof target !== 'object' || !target.types || !target.default) continue;
    const source = target.types.replace(/^\.\/dist\/types\//, 'src/').replace(/\.d\.ts$/, '.ts');
    // The first export of a source wins: `.` (dist/lib) before the CDN builds of the same entry.
    if (!entryBySource.has(source)) entryBySource.set(source, target.default.replace(/^\.\//, ''));
  }
  const shipped = (path) => {
    // Inherited members name their module as an import path: `/src/…/lantern-element.js`.
    const source = path.replace(/^\//, '').replace(/\.js$/, '.ts');
    if (!source.startsWith('src/')) return path;
    if (entryBySource.has(source)) return entryBySource.get(source);
    const types = source.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts');
    // Before the first build there is no dist/types yet; the name is still the one it will have.
    if (existsSync('dist/types') && !existsSync(types)) console.warn(`cem: ${types} is not built`);
    return types;
  };
  const rewrite = (value) => {
    if (Array.isArray(value)) return value.forEach(rewrite);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof inner === 'string')
        value[key] = shipped(inner);
      else rewrite(inner);
    }
  };
  return {
    name: 'lantern-public-api-in-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      const declarations = customElementsManifest.modules.flatMap((m) => m.declarations ?? []);
      const elements = declarations.filter((d) => d.customElement);
      const keep = new Set(elements.map((d) => d.name));
      for (const d of elements) if (d.superclass?.name) keep.add(d.superclass.name);
      for (const module of customElementsManifest.modules) {
        module.declarations = (module.declarations ?? []).filter((d) => keep.has(d.name));
        module.exports = (module.exports ?? []).filter(
          (e) => e.kind === 'custom-element-definition' || keep.has(e.name),
        );
      }
      customElementsManifest.modules = customElementsManifest.modules.filter(
        (m) => m.declarations.length || m.exports.length,
      );
      rewrite(customElementsManifest.modules);
      // Sorted by path: the analyzer lists modules in the order the file system returns them,
      // which differs between a working copy and a fresh clone (CI compares the two).
      customElementsManifest.modules.sort((a, b) =>
        a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
      );
    },
  };
}

/**
 * The shared `--lantern-*` tokens are documented once, in the `@cssprop` lines of
 * src/theme/tokens.ts; every element gets them in its manifest entry, before its own tokens.
 */
function sharedTokens() {
  const source = readFileSync('src/theme/tokens.ts', 'utf8');
  const tokens = [...source.matchAll(/^ \* @cssprop (--[\w-]+) - (.+)$/gm)].map(
    ([, name, description]) => ({ name, description }),
  );
  if (tokens.length === 0) throw new Error('cem: src/theme/tokens.ts documents no @cssprop');
  return {
    name: 'lantern-shared-tokens',
    packageLinkPhase({ customElementsManifest }) {
      for (const d of customElementsManifest.modules.flatMap((m) => m.declarations ?? [])) {
        if (!d.customElement || !d.tagName) continue;
        const own = (d.cssProperties ?? []).filter((p) => !tokens.some((t) => t.name === p.name));
        d.cssProperties = [...tokens.map((t) => ({ ...t })), ...own];
      }
    },
  };
}

export default {
  // Last: the others match modules by their source paths.
  plugins: [
    lanternTagNames(),
    sharedTokens(),
    litInternalState(),
    constructorAssignmentsOnOtherObjects(),
    publicApiInShippedPaths(),
  ],
};
