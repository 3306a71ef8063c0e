// The one list of tag names (src/tags.ts) for the Node-side checks: Node 20 cannot import
// TypeScript, so esbuild strips the types and the module is imported as it is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { root } from './harness.mjs';

const source = readFileSync(join(root, 'src/tags.ts'), 'utf8');
const { code } = await transform(source, { loader: 'ts', format: 'esm' });

/** @type {typeof import('../../src/tags.ts')} */
export const { tagNames, allTagNames, elementKinds, moduleName } = await import(
  `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
);
