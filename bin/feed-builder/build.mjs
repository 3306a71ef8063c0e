// The feed builder: a folder of markdown files with YAML front matter → JSON Feed 1.1 with
// `_lantern` (DESIGN.md, "Feed builder"). Each file's front matter is read by item.mjs, which
// the staff preview shares; this file brings the folder (files, checksums, PDF pages) and the
// rendered bodies. Every problem in every file is collected; any problem means nothing is written. Bodies go through the widgets' own markdown + sanitiser pipeline
// (`renderMarkdown` from the package's content layer) in a jsdom window, and the finished feed
// is checked with the widgets' own `parseFeed`.
import { createHash } from 'node:crypto';
import {
  existsSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { definedOnly, readItem, withBody } from './item.mjs';
import { pdfPageCount } from './pdf-pages.mjs';

const FEED_KEYS = new Set(['title', 'description', 'home_page_url', 'language', 'authors', 'icon']);
export { rfc3339 } from './item.mjs';

/** Optional feed-level settings in the content folder. */
export const FEED_FILE = 'feed.yml';

/** A host that cannot exist: path-only base URLs are resolved against it, then it is removed. */
const PREVIEW_ORIGIN = 'https://lantern-preview.invalid';

/** The content layer in a jsdom window, loaded once: the same marked + DOMPurify rules as the widgets. */
let contentLayer;
async function widgetsContent() {
  if (contentLayer) return contentLayer;
  const { JSDOM } = await import('jsdom');
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  for (const name of [
    'window',
    'document',
    'Document',
    'Node',
    'Element',
    'DocumentFragment',
    'HTMLElement',
  ]) {
    if (!(name in globalThis)) globalThis[name] = name === 'window' ? window : window[name];
  }
  try {
    // The package's own export, so an installed package and a checkout load the same code.
    contentLayer = await import('lantern-widgets/content');
  } catch (error) {
    throw new Error(
      `the widgets' content layer (dist/lib/content/) could not be loaded; in a checkout, run "npm run build" first (${error.message})`,
    );
  }
  return contentLayer;
}

/** `--base-url`: an absolute http(s) URL, or a site path such as `/demo/` for local previews. */
export function normaliseBaseUrl(raw) {
  if (typeof raw !== 'string' || raw === '') return undefined;
  const withSlash = raw.endsWith('/') ? raw : `${raw}/`;
  if (withSlash.startsWith('/') && !withSlash.startsWith('//')) return withSlash;
  try {
    const url = new URL(withSlash);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Reads one markdown draft; pushes every problem it finds onto `problems`. */
async function readDraft(dir, file, base, problems) {
  const problem = (message) => problems.push(`${file}: ${message}`);
  const folder = resolve(dir);
  const read = readItem(
    readFileSync(join(dir, file), 'utf8'),
    {
      defaultId: basename(file, extname(file)),
      defaultUrl: (id) => outputUrl(encodeURIComponent(id), base),
      local: (raw, where) => {
        const path = resolve(dir, raw);
        if (path !== folder && !path.startsWith(folder + sep)) {
          problem(`${where} "${raw}" is outside the content folder`);
          return undefined;
        }
        if (!existsSync(path) || !statSync(path).isFile()) {
          problem(`${where} "${raw}": file not found`);
          return undefined;
        }
        return { url: outputUrl(relative(folder, path).split(sep).join('/'), base), path };
      },
      facts: ({ path }, mimeType) => {
        const bytes = readFileSync(path);
        return {
          size_in_bytes: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          pages: mimeType === 'application/pdf' ? pdfPageCount(bytes) : undefined,
        };
      },
    },
    problem,
  );
  if (!read) return undefined;

  // The body, rendered now and sanitised with the widgets' own rules.
  let content_html;
  if (read.body.trim()) {
    const { renderMarkdown } = await widgetsContent();
    const baseForBody = base.startsWith('/') ? PREVIEW_ORIGIN + base : base;
    const fragment = await renderMarkdown(read.body, { baseUrl: baseForBody });
    const holder = globalThis.document.createElement('div');
    holder.append(fragment);
    for (const img of holder.querySelectorAll('img')) {
      if (!img.getAttribute('alt')?.trim()) {
        problem(
          `an image in the text has no description: ![description](${img.getAttribute('src') ?? ''})`,
        );
      }
    }
    content_html = holder.innerHTML.split(PREVIEW_ORIGIN).join('');
  }
  return withBody(read.item, { content_html });
}

function outputUrl(path, base) {
  if (base.startsWith('/'))
    return new URL(path, PREVIEW_ORIGIN + base).href.slice(PREVIEW_ORIGIN.length);
  return new URL(path, base).href;
}

/** Every draft in the folder and its subfolders (not hidden ones or node_modules), as relative paths. */
function markdownFiles(dir, prefix = '') {
  const found = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...markdownFiles(dir, path));
    else if (entry.name.endsWith('.md') && !/^readme\.md$/i.test(entry.name)) found.push(path);
  }
  return found.sort();
}

/** Feed-level settings from `feed.yml`, if the folder has one. */
function readFeedSettings(dir, problems) {
  const path = join(dir, FEED_FILE);
  if (!existsSync(path)) return {};
  const doc = parseDocument(readFileSync(path, 'utf8'), { uniqueKeys: true });
  for (const error of doc.errors)
    problems.push(`${FEED_FILE}: not valid YAML: ${error.message.split('\n')[0]}`);
  const data = doc.errors.length ? {} : (doc.toJS() ?? {});
  for (const key of Object.keys(data))
    if (!FEED_KEYS.has(key)) problems.push(`${FEED_FILE}: unknown key "${key}"`);
  return data;
}

/**
 * Builds the feed. Returns `{ problems }` (one line per problem, naming its file) or
 * `{ feed, json }`; writes nothing itself.
 */
export async function buildFeed(contentDir, { baseUrl, outName = 'feed.json' }) {
  const problems = [];
  const base = normaliseBaseUrl(baseUrl);
  if (!base)
    return {
      problems: [
        `--base-url "${baseUrl ?? ''}" must be an http(s) URL such as https://example.org/stories/ (or a site path such as /demo/ for a local preview)`,
      ],
    };
  const dir = resolve(contentDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    return { problems: [`${contentDir}: no such folder`] };
  const settings = readFeedSettings(dir, problems);
  const files = markdownFiles(dir);
  if (files.length === 0) problems.push(`${contentDir}: no markdown (.md) files`);
  const items = [];
  for (const file of files) {
    const item = await readDraft(dir, file, base, problems);
    if (item) items.push({ file, item });
  }
  const seen = new Map();
  for (const { file, item } of items) {
    if (seen.has(item.id))
      problems.push(`${file}: id "${item.id}" is also used by ${seen.get(item.id)}`);
    else seen.set(item.id, file);
  }
  if (problems.length) return { problems };

  items.sort((a, b) => Date.parse(b.item.date_published) - Date.parse(a.item.date_published));
  const feed = definedOnly({
    version: 'https://jsonfeed.org/version/1.1',
    title: typeof settings.title === 'string' ? settings.title : basename(dir),
    home_page_url: typeof settings.home_page_url === 'string' ? settings.home_page_url : undefined,
    feed_url: outputUrl(outName, base),
    description: typeof settings.description === 'string' ? settings.description : undefined,
    icon: typeof settings.icon === 'string' ? settings.icon : undefined,
    language: typeof settings.language === 'string' ? settings.language : undefined,
    authors: Array.isArray(settings.authors)
      ? settings.authors.map((name) => ({ name: String(name) }))
      : undefined,
    items: items.map(({ item }) => item),
  });
  // The widgets' own validator has the last word: whatever it would warn about is a problem.
  const { parseFeed } = await widgetsContent();
  const check = parseFeed(JSON.parse(JSON.stringify(feed)), {
    baseUrl: base.startsWith('/') ? PREVIEW_ORIGIN + base : base,
  });
  for (const warning of check.warnings) {
    const index = /^items\[(\d+)\]/.exec(warning.path)?.[1];
    const file = index === undefined ? FEED_FILE : items[Number(index)].file;
    problems.push(`${file}: ${warning.path}: ${warning.message}`);
  }
  if (problems.length) return { problems };
  return { feed, json: `${JSON.stringify(feed, null, 2)}\n` };
}

/** Writes `json` to `out` all at once: a reader never sees a half-written feed. */
export function writeAtomically(out, json) {
  const tmp = join(dirname(resolve(out)), `.${basename(out)}.${process.pid}.tmp`);
  writeFileSync(tmp, json);
  renameSync(tmp, out);
}
