// The feed builder: a folder of markdown files with YAML front matter → JSON Feed 1.1 with
// `_lantern` (DESIGN.md, "Feed builder"). Every problem in every file is collected; any problem
// means nothing is written. Bodies go through the widgets' own markdown + sanitiser pipeline
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
import { pdfPageCount } from './pdf-pages.mjs';

const ITEM_KEYS = new Set([
  'id', 'title', 'date', 'updated', 'url', 'authors', 'tags', 'summary', 'image', 'image_alt',
  'image_credit', 'language', 'series', 'content_warning', 'pseudonym', 'hide_images', 'report',
  'attachments',
]); // prettier-ignore
const SERIES_KEYS = new Set(['id', 'title', 'part', 'total']);
const REPORT_KEYS = new Set([
  'publisher',
  'edition',
  'pages',
  'license',
  'document_id',
  'citation',
]);
const ATTACHMENT_KEYS = new Set([
  'file', 'url', 'title', 'language', 'mime_type', 'size_in_bytes', 'sha256', 'pages',
]); // prettier-ignore
const FEED_KEYS = new Set(['title', 'description', 'home_page_url', 'language', 'authors', 'icon']);
/** Optional feed-level settings in the content folder. */
export const FEED_FILE = 'feed.yml';

const MIME = {
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.mp4': 'video/mp4',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.zip': 'application/zip',
  '.txt': 'text/plain',
};

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

/** Splits `---` front matter from the markdown body. */
function splitFrontMatter(text) {
  const match = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  return { yaml: match[1], body: text.slice(match[0].length) };
}

/** RFC 3339 from a YAML date (`2025-02-20`) or date-time; `undefined` when impossible. */
export function rfc3339(value) {
  const text = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/i.exec(
      text,
    );
  if (!match) return undefined;
  const [, y, m, d, hh = '00', mm = '00', ss = '00', frac = '', zone = 'Z'] = match;
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  // 2025-02-30 rolls over to March in Date: compare back to catch impossible dates.
  if (
    day.getUTCFullYear() !== Number(y) ||
    day.getUTCMonth() !== Number(m) - 1 ||
    day.getUTCDate() !== Number(d)
  ) {
    return undefined;
  }
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  return `${y}-${m}-${d}T${hh}:${mm}:${ss}${frac}${zone.toUpperCase()}`;
}

const isLanguageTag = (tag) => {
  try {
    return typeof tag === 'string' && Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

/** Reads one markdown draft; pushes every problem it finds onto `problems`. */
async function readDraft(dir, file, base, problems) {
  const problem = (message) => problems.push(`${file}: ${message}`);
  const text = readFileSync(join(dir, file), 'utf8');
  const parts = splitFrontMatter(text);
  if (!parts) {
    problem('no front matter (the file must start with a --- block of YAML)');
    return undefined;
  }
  const doc = parseDocument(parts.yaml, { uniqueKeys: true, prettyErrors: false });
  for (const error of doc.errors)
    problem(`front matter is not valid YAML: ${error.message.split('\n')[0]}`);
  if (doc.errors.length) return undefined;
  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problem('front matter must be a set of key: value lines');
    return undefined;
  }
  for (const key of Object.keys(data)) if (!ITEM_KEYS.has(key)) problem(`unknown key "${key}"`);

  const string = (key, obj = data, where = key) => {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string' || value.trim() === '') {
      problem(`${where} must be text`);
      return undefined;
    }
    return value.trim();
  };
  const bool = (key) => {
    const value = data[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') problem(`${key} must be true or false`);
    return typeof value === 'boolean' ? value : undefined;
  };
  const list = (key) => {
    const value = data[key];
    if (value === undefined || value === null) return undefined;
    const items = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(items) || items.some((v) => typeof v !== 'string' || !v.trim())) {
      problem(`${key} must be a list of names, e.g. [One, Two]`);
      return undefined;
    }
    return items.map((v) => v.trim());
  };
  const int = (obj, key, where) => {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (!Number.isSafeInteger(value) || value < 1)
      problem(`${where} must be a whole number of at least 1`);
    return Number.isSafeInteger(value) && value >= 1 ? value : undefined;
  };
  /** A file in the content folder, or an absolute URL; returns the output URL and the local path. */
  const location = (raw, where) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) {
      try {
        if (/^https?:$/.test(new URL(raw).protocol)) return { url: new URL(raw).href };
      } catch {
        /* reported below */
      }
      problem(`${where} "${raw}" is not an http(s) URL or a file in the folder`);
      return undefined;
    }
    const path = resolve(dir, raw);
    if (path !== resolve(dir) && !path.startsWith(resolve(dir) + sep)) {
      problem(`${where} "${raw}" is outside the content folder`);
      return undefined;
    }
    if (!existsSync(path) || !statSync(path).isFile()) {
      problem(`${where} "${raw}": file not found`);
      return undefined;
    }
    return { url: outputUrl(relative(resolve(dir), path).split(sep).join('/'), base), path };
  };

  const id = string('id') ?? basename(file, extname(file));
  const title = string('title');
  if (data.title === undefined || data.title === null) problem('title is missing');
  let date_published;
  if (data.date === undefined || data.date === null) problem('date is missing');
  else {
    date_published = rfc3339(data.date);
    if (!date_published) problem(`date "${data.date}" is not a possible date (use YYYY-MM-DD)`);
  }
  let date_modified;
  if (data.updated !== undefined && data.updated !== null) {
    date_modified = rfc3339(data.updated);
    if (!date_modified)
      problem(`updated "${data.updated}" is not a possible date (use YYYY-MM-DD)`);
  }
  const explicitUrl = string('url');
  let url = outputUrl(encodeURIComponent(id), base);
  if (explicitUrl) url = location(explicitUrl, 'url')?.url;
  const language = string('language');
  if (language && !isLanguageTag(language))
    problem(`language "${language}" is not a language tag (e.g. en, ko)`);

  const imageRaw = string('image');
  const image = imageRaw ? location(imageRaw, 'image')?.url : undefined;
  const image_alt = string('image_alt');
  if (imageRaw && !image_alt)
    problem('image has no image_alt (describe the picture for people who cannot see it)');

  let series;
  if (data.series !== undefined && data.series !== null) {
    const s = data.series;
    if (typeof s !== 'object' || Array.isArray(s))
      problem('series must be { id, title, part, total }');
    else {
      for (const key of Object.keys(s))
        if (!SERIES_KEYS.has(key)) problem(`unknown key "series.${key}"`);
      series = {
        id: string('id', s, 'series.id'),
        title: string('title', s, 'series.title'),
        part: int(s, 'part', 'series.part'),
        total: int(s, 'total', 'series.total'),
      };
      if (!series.id || !series.title || !series.part || !series.total) {
        problem('series needs id, title, part and total');
      } else if (series.part > series.total) {
        problem(`series.part ${series.part} is beyond series.total ${series.total}`);
      }
    }
  }

  let report;
  if (data.report !== undefined && data.report !== null) {
    const r = data.report;
    if (typeof r !== 'object' || Array.isArray(r))
      problem('report must be { publisher, edition, … }');
    else {
      for (const key of Object.keys(r))
        if (!REPORT_KEYS.has(key)) problem(`unknown key "report.${key}"`);
      report = {
        publisher: string('publisher', r, 'report.publisher'),
        edition: string('edition', r, 'report.edition'),
        pages: int(r, 'pages', 'report.pages'),
        license: string('license', r, 'report.license'),
        document_id: string('document_id', r, 'report.document_id'),
        citation: string('citation', r, 'report.citation'),
      };
    }
  }

  const attachments = [];
  if (data.attachments !== undefined && data.attachments !== null) {
    if (!Array.isArray(data.attachments)) problem('attachments must be a list');
    else {
      data.attachments.forEach((a, i) => {
        const where = `attachments[${i}]`;
        if (typeof a !== 'object' || a === null || Array.isArray(a)) {
          problem(`${where} must be { file, title, language } or { url, mime_type, … }`);
          return;
        }
        for (const key of Object.keys(a))
          if (!ATTACHMENT_KEYS.has(key)) problem(`unknown key "${where}.${key}"`);
        const file = string('file', a, `${where}.file`);
        const remote = string('url', a, `${where}.url`);
        if (!file === !remote) {
          problem(`${where} needs either file (in the folder) or url`);
          return;
        }
        const attachmentLanguage = string('language', a, `${where}.language`);
        if (attachmentLanguage && !isLanguageTag(attachmentLanguage)) {
          problem(`${where}.language "${attachmentLanguage}" is not a language tag`);
        }
        const out = { title: string('title', a, `${where}.title`) };
        const ext = {};
        if (file) {
          const found = location(file, `${where}.file`);
          if (!found) return;
          const bytes = readFileSync(found.path);
          out.url = found.url;
          out.mime_type =
            string('mime_type', a) ??
            MIME[extname(found.path).toLowerCase()] ??
            'application/octet-stream';
          out.size_in_bytes = bytes.byteLength;
          ext.sha256 = createHash('sha256').update(bytes).digest('hex');
          if (out.mime_type === 'application/pdf') {
            const pages = pdfPageCount(bytes);
            if (pages === undefined)
              problem(`${where}.file "${file}" is not a PDF whose pages can be counted`);
            else ext.pages = pages;
          }
        } else {
          out.url = location(remote, `${where}.url`)?.url;
          out.mime_type = string('mime_type', a, `${where}.mime_type`);
          if (!out.mime_type) problem(`${where}.mime_type is required for a url`);
          out.size_in_bytes =
            a.size_in_bytes === undefined
              ? undefined
              : int(a, 'size_in_bytes', `${where}.size_in_bytes`);
          const sha = string('sha256', a, `${where}.sha256`);
          if (sha && !/^[0-9a-f]{64}$/i.test(sha))
            problem(`${where}.sha256 must be 64 hexadecimal digits`);
          ext.sha256 = sha?.toLowerCase();
          ext.pages = int(a, 'pages', `${where}.pages`);
        }
        ext.language = attachmentLanguage;
        out._lantern = definedOnly(ext);
        attachments.push(definedOnly(out));
      });
    }
  }
  if (report && report.pages === undefined) {
    report.pages = attachments.find((a) => a.mime_type === 'application/pdf')?._lantern?.pages;
  }

  // The body, rendered now and sanitised with the widgets' own rules.
  let content_html;
  if (parts.body.trim()) {
    const { renderMarkdown } = await widgetsContent();
    const baseForBody = base.startsWith('/') ? PREVIEW_ORIGIN + base : base;
    const fragment = await renderMarkdown(parts.body, { baseUrl: baseForBody });
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

  const lantern = definedOnly({
    image_alt,
    image_credit: string('image_credit'),
    series,
    report: report && definedOnly(report),
    // A bare `content_warning:` (YAML null) is a warning someone meant to write: never a story
    // published without it.
    content_warning:
      data.content_warning === null
        ? void problem('content_warning is empty: write the warning, or remove the line')
        : string('content_warning'),
    pseudonym: bool('pseudonym'),
    hide_images: bool('hide_images'),
  });
  return definedOnly({
    id,
    url,
    title,
    summary: string('summary'),
    content_html,
    image,
    date_published,
    date_modified,
    authors: list('authors')?.map((name) => ({ name })),
    tags: list('tags'),
    language,
    attachments: attachments.length ? attachments : undefined,
    _lantern: Object.keys(lantern).length ? lantern : undefined,
  });
}

function outputUrl(path, base) {
  if (base.startsWith('/'))
    return new URL(path, PREVIEW_ORIGIN + base).href.slice(PREVIEW_ORIGIN.length);
  return new URL(path, base).href;
}

function definedOnly(obj) {
  for (const key of Object.keys(obj)) if (obj[key] === undefined) delete obj[key];
  return obj;
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
