// Config for `cem analyze` (read automatically; the globs stay in package.json's "analyze").
// Lantern registers its elements with `Class.defineAs('tag')` in src/define/*.ts, a call the
// analyzer does not recognise, so without this plugin no class in custom-elements.json has a
// tag name — and Storybook's autodocs and editors' tag completion find nothing.
import { readdirSync, readFileSync } from 'node:fs';
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

export default {
  plugins: [lanternTagNames(), litInternalState()],
};
