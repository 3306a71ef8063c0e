// One draft's front matter → one JSON Feed item (DESIGN.md, "Feed builder"): the field reading
// that `lantern-feed build` (build.mjs) and the staff preview (preview/draft.ts) share, so a
// draft reads the same, with the same problems, in both. Pure: no file access, no DOM. What
// needs the content folder (is a file there, its bytes, checksum and pages) comes in as `files`;
// the body is handed back as markdown for the caller to render (the builder) or to carry
// (the preview).
import { parseDocument } from 'yaml';

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

/** A local file's type, from its name. */
export const MIME = {
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

/** `.pdf` from `files/report.PDF`; '' when the name has none. */
function extensionOf(path) {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** Whether a draft starts with a `---` front-matter line (it may still lack the closing one). */
export function startsWithFrontMatter(text) {
  return /^\ufeff?---[ \t]*\r?\n/.test(text);
}

/** Splits `---` front matter from the markdown body; `undefined` when there is none. */
export function splitFrontMatter(text) {
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

/** `obj` without its `undefined` values (JSON would drop them anyway; deepEqual would not). */
export function definedOnly(obj) {
  for (const key of Object.keys(obj)) if (obj[key] === undefined) delete obj[key];
  return obj;
}

/**
 * Reads one draft's front matter into an item, pushing every problem it finds through
 * `problem(message)`. Returns `undefined` when there is no item to speak of (no front matter,
 * YAML that does not parse, not a set of keys), else `{ item, body }`: the item without its
 * body, and the body as markdown.
 *
 * `files` is what needs the content folder:
 * - `files.defaultId`: the id when the draft gives none (the builder: the file name);
 * - `files.defaultUrl(id)`: the url when the draft gives none (`undefined`: none);
 * - `files.local(raw, where, problem)`: a path that is not a URL (`images/a.jpg`): its output
 *   URL and whatever `facts` needs, `{ url, path }`, or `undefined` (having said why);
 * - `files.facts(found, mimeType)`: a local attachment's `{ size_in_bytes, sha256, pages }`
 *   (`pages` only for a PDF whose pages can be counted).
 */
export function readItem(text, files, problem) {
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
    return files.local(raw, where, problem);
  };

  const id = string('id') ?? files.defaultId;
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
  let url = files.defaultUrl(id);
  if (explicitUrl) url = location(explicitUrl, 'url')?.url;
  const language = string('language');
  if (language && !isLanguageTag(language))
    problem(`language "${language}" is not a language tag (e.g. en, ko)`);

  const imageRaw = string('image');
  const image = imageRaw ? location(imageRaw, 'image')?.url : undefined;
  const image_alt = string('image_alt');
  if (imageRaw && !image_alt)
    problem('image has no image_alt (describe the picture for people who cannot see it)');

  /** A nested set of keys (`series:`, `report:`): the object, or undefined with its problems said. */
  const group = (name, keys, shape) => {
    const value = data[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      problem(`${name} must be ${shape}`);
      return undefined;
    }
    for (const key of Object.keys(value))
      if (!keys.has(key)) problem(`unknown key "${name}.${key}"`);
    return value;
  };

  let series;
  const s = group('series', SERIES_KEYS, '{ id, title, part, total }');
  if (s) {
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

  let report;
  const r = group('report', REPORT_KEYS, '{ publisher, edition, … }');
  if (r) {
    report = {
      publisher: string('publisher', r, 'report.publisher'),
      edition: string('edition', r, 'report.edition'),
      pages: int(r, 'pages', 'report.pages'),
      license: string('license', r, 'report.license'),
      document_id: string('document_id', r, 'report.document_id'),
      citation: string('citation', r, 'report.citation'),
    };
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
          out.url = found.url;
          out.mime_type =
            string('mime_type', a) ??
            // The file as found (`r.pdf/.` is `r.pdf`), as the builder reads it.
            MIME[extensionOf(found.path ?? file)] ??
            'application/octet-stream';
          const facts = files.facts(found, out.mime_type);
          out.size_in_bytes = facts.size_in_bytes;
          ext.sha256 = facts.sha256;
          if (out.mime_type === 'application/pdf') {
            if (facts.pages === undefined)
              problem(`${where}.file "${file}" is not a PDF whose pages can be counted`);
            else ext.pages = facts.pages;
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
  const item = definedOnly({
    id,
    url,
    title,
    summary: string('summary'),
    image,
    date_published,
    date_modified,
    authors: list('authors')?.map((name) => ({ name })),
    tags: list('tags'),
    language,
    attachments: attachments.length ? attachments : undefined,
    _lantern: Object.keys(lantern).length ? lantern : undefined,
  });
  return { item, body: parts.body };
}

/** The item with its body's fields (`content_html`, …) where JSON Feed lists them: after the summary. */
export function withBody(item, body) {
  const { id, url, title, summary, ...rest } = item;
  return definedOnly({ id, url, title, summary, ...body, ...rest });
}
