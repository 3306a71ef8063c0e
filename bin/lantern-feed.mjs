#!/usr/bin/env node
// lantern-feed build <content-dir> --out <feed.json> --base-url <https://…/> [--watch]
// Turns a folder of markdown drafts into a JSON Feed the Lantern widgets read (DESIGN.md,
// "Feed builder"). Exit status: 0 built, 1 the drafts have problems (nothing written), 2 usage.
import { watch } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFeed, writeAtomically } from './feed-builder/build.mjs';

const USAGE = `Usage: lantern-feed build <content-dir> --out <feed.json> --base-url <https://…/> [--watch]

  <content-dir>   a folder of .md files, each with YAML front matter (and an optional feed.yml)
  --out           where to write the JSON Feed
  --base-url      the address the folder is published at; every URL in the feed is made
                  absolute under it (a site path such as /demo/ makes site-relative URLs)
  --watch         rebuild whenever a file in the folder changes`;

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      'base-url': { type: 'string' },
      watch: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`lantern-feed: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = args;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [command, contentDir, ...extra] = positionals;
if (command !== 'build' || !contentDir || extra.length || !values.out || !values['base-url']) {
  console.error(USAGE);
  process.exit(2);
}

async function once() {
  const started = Date.now();
  let result;
  try {
    result = await buildFeed(contentDir, {
      baseUrl: values['base-url'],
      outName: basename(values.out),
    });
  } catch (error) {
    console.error(`lantern-feed: ${error.message}`);
    return 1;
  }
  if (result.problems) {
    console.error(
      `lantern-feed: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing was written.`,
    );
    for (const line of result.problems) console.error(`  ${line}`);
    return 1;
  }
  writeAtomically(values.out, result.json);
  console.log(
    `lantern-feed: wrote ${values.out} (${result.feed.items.length} items) in ${Date.now() - started} ms`,
  );
  return 0;
}

const status = await once();
if (!values.watch) process.exit(status);

console.log(`lantern-feed: watching ${contentDir} (Ctrl+C to stop)`);
let timer;
let running = Promise.resolve();
// Editors save in bursts (temp file, rename, chmod): one rebuild per burst.
watch(contentDir, { recursive: true }, (_event, name) => {
  // Hidden files (editor swap files, our own temp file) and the feed itself start no rebuild.
  if (name && (/(^|[\\/])\./.test(name) || resolve(contentDir, name) === resolve(values.out)))
    return;
  clearTimeout(timer);
  timer = setTimeout(() => {
    running = running.then(once);
  }, 150);
});
