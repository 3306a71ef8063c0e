// The CDN build's marked is cut by build/marked-lexer.ts: its parser and renderers go, its GFM
// rules are written out as expression literals, and the rules and branches of the modes Lantern's
// lexer never turns on go. The tests and the npm build
// run marked whole, so this is the check that the cut lexer gives the same tokens as marked's
// own for Lantern's options (`{ gfm: true }`): on the demo stories, on a list of the constructs
// the cut branches touch, and on thousands of random strings of markdown's punctuation.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, test } from 'node:test';
import { transform } from 'esbuild';
import { root } from './harness.mjs';

const require = createRequire(import.meta.url);
const markedPath = require.resolve('marked', { paths: [root] }).replace(/[^/]+$/, 'marked.esm.js');
/** Inside the project, so the plugin's own imports (vite) resolve from its node_modules. */
const work = join(root, 'node_modules', '.cache', 'lantern-marked-lexer-test');

let original;
let cut;
let markedLexer;
const context = {
  error(message) {
    throw new Error(message);
  },
};

before(async () => {
  mkdirSync(work, { recursive: true });
  const source = readFileSync(join(root, 'build', 'marked-lexer.ts'), 'utf8');
  const plugin = await transform(source, { loader: 'ts', format: 'esm' });
  writeFileSync(join(work, 'plugin.mjs'), plugin.code);
  ({ markedLexer } = await import(pathToFileURL(join(work, 'plugin.mjs')).href));
  const result = await markedLexer().transform.call(
    context,
    readFileSync(markedPath, 'utf8'),
    markedPath,
  );
  writeFileSync(join(work, 'marked-cut.mjs'), result.code);
  original = await import(pathToFileURL(markedPath).href);
  cut = await import(pathToFileURL(join(work, 'marked-cut.mjs')).href);
});

/** Tokens as data: the token tree and the link definitions marked keeps on the array. */
function lex({ Lexer }, source) {
  const tokens = new Lexer({ gfm: true }).lex(source);
  return JSON.stringify({ tokens, links: tokens.links });
}

function sameTokens(source) {
  assert.equal(
    lex(cut, source),
    lex(original, source),
    `tokens differ for ${JSON.stringify(source)}`,
  );
}

test('the cut module is smaller and exports only the lexer and its tokenizer', async () => {
  assert.deepEqual(Object.keys(cut).sort(), ['Lexer', 'Tokenizer']);
  // Its static shortcuts, which only marked's parser and \`Marked\` call, go too.
  assert.equal(cut.Lexer.lex, undefined);
  assert.equal(typeof original.Lexer.lex, 'function');
  const text = readFileSync(join(work, 'marked-cut.mjs'), 'utf8');
  // The pedantic inline rules' link pattern, which only pedantic mode reads.
  assert.ok(!text.includes(String.raw`^!?\[(label)\]\((.*?)\)`), 'pedantic rules are still there');
  // The rules are written out: no piece is put together when the module loads.
  assert.ok(!text.includes('.getRegex()'), 'rules are still built when the module loads');
  assert.ok(text.includes('{gfm:{blockquote:/'), 'the block rules are not written out');
  // Entries of the shared table only the renderer reads.
  assert.ok(!text.includes('escapeReplaceNoEncode:'), "the renderer's expressions are still there");
  assert.ok(text.includes('blankLine:'), "the lexer's expressions are gone");
});

test('rules read elsewhere stay, and a lexer without its rules table fails the build', async () => {
  const code = readFileSync(markedPath, 'utf8');
  const [, rules] = /,pedantic:(\w+)\}/.exec(code);
  // Before the default instance, whose code and what follows are cut.
  const at = /var \w+=new \w+;function/.exec(code).index;
  const changed = `${code.slice(0, at)}globalThis.pedanticRules=${rules};${code.slice(at)}`;
  const result = await markedLexer().transform.call(context, changed, markedPath);
  writeFileSync(join(work, 'marked-read.mjs'), result.code);
  await import(pathToFileURL(join(work, 'marked-read.mjs')).href);
  assert.ok(globalThis.pedanticRules.html instanceof RegExp, 'rules read elsewhere were cut');
  // The lexer names its tables in `static get rules()`: without it, nothing says which is which.
  const unnamed = code.replace(/static get rules\(\)\{return\{block:\w+,inline:\w+\}\}/, '');
  assert.notEqual(unnamed, code);
  await assert.rejects(
    () => markedLexer().transform.call(context, unnamed, markedPath),
    /rules are not a named table/,
  );
});

test('the demo stories lex to the same tokens', () => {
  const dir = join(root, 'demo', 'stories');
  const stories = readdirSync(dir).filter((name) => name.endsWith('.md'));
  assert.ok(stories.length >= 5);
  for (const name of stories) sameTokens(readFileSync(join(dir, name), 'utf8'));
});

test('the constructs the cut branches touch lex to the same tokens', () => {
  const cases = [
    '# Heading #\n\n## Closed ##   \n\n### Hash#',
    '#Not a heading\n\n#\tTab',
    'Title\n=====\n\nSub\n---',
    '- one\n- two\n  - nested\n    - deeper\n\n1. a\n2) b\n3. c',
    '* item\n\n  continued\n\n* loose',
    '- [ ] task\n- [x] done',
    '    code block\n\tand tab',
    '```js\nfenced\n```\n\n~~~\ntilde\n~~~',
    '> quote\n> > nested\n\nlazy\n> continuation',
    '[link](http://example.org "title") [angle](<a b>) ![img](x.png \'t\')',
    '[ref][id] [id] [collapsed][]\n\n[id]: http://example.org  "Title"',
    '[bad](<http://example.org) [paren](a(b)c)',
    '*em* **strong** ***both*** _u_ __uu__ *a**b*c** foo*bar*',
    '~~struck~~ ~single~ ~~~triple~~~',
    'line with two spaces  \nand a break\\\nbackslash\nplain newline',
    'http://example.org www.example.org/path?x=1). <http://a.b> <me@example.org> me@example.org',
    '| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 \\| 4 | 5 |',
    '<div>\nhtml block\n</div>\n\n<span>inline</span> <!-- comment -->',
    'a\n***\nb\n___\nc\n- - -',
    '&amp; &#169; &#x1F600; &bogus; \\* \\_ \\`',
    '`code` ``co`de`` ` spaced `',
    '1986. A great year\n\n2. starts at two',
    '- a\n-\n- c\n\n+ plus\n+ list',
    '> # heading in quote\n> - list in quote',
    'para\n    not code\n# heading interrupts',
  ];
  for (const source of cases) sameTokens(source);
});

test('random strings of markdown punctuation lex to the same tokens', () => {
  const pieces = [
    '*',
    '**',
    '_',
    '__',
    '~',
    '~~',
    '`',
    '[',
    ']',
    '(',
    ')',
    '!',
    '<',
    '>',
    '#',
    '-',
    '+',
    '=',
    '|',
    ':',
    '\\',
    '\n',
    '\n\n',
    ' ',
    '  ',
    '\t',
    '1.',
    '2)',
    'a',
    'word',
    'é',
    '한',
    '@',
    '.',
    'http://x.y',
    'www.',
    '"',
    "'",
    '&amp;',
    '<b>',
    '</b>',
    '<div>',
    '    ',
    '> ',
    '- ',
    '---',
  ];
  // A fixed seed: a failure names its input and happens again on every run.
  let seed = 20261205;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < 4000; i++) {
    const length = 1 + Math.floor(random() * 40);
    let source = '';
    for (let j = 0; j < length; j++) source += pieces[Math.floor(random() * pieces.length)];
    sameTokens(source);
  }
});
