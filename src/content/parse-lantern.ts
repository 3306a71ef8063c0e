/** Attachments and the `_lantern` extension (series, report, content warning): the fields only Lantern defines. */
import type { Attachment, LanternItemExtension, ReportInfo, SeriesInfo } from './types.js';
import { definedOnly, isLanguageTag, isObject, LIMITS, type Reader } from './validate.js';

export function readAttachment(r: Reader, value: unknown, path: string): Attachment | undefined {
  if (!isObject(value)) {
    r.warn(path, 'expected an attachment object');
    return undefined;
  }
  const url = r.url(value, 'url', path, 'download');
  const mime = r.text(value, 'mime_type', path, false);
  // A present-but-refused URL or a wrong-typed MIME type has already been warned about.
  if (!url) {
    if (value.url === undefined || value.url === null || value.url === '') {
      r.warn(`${path}.url`, 'required');
    }
    return undefined;
  }
  if (!mime) {
    if (typeof value.mime_type === 'string' || value.mime_type == null) {
      r.warn(`${path}.mime_type`, 'required');
    }
    return undefined;
  }
  const size = r.count(value, 'size_in_bytes', path);
  if (value.size_in_bytes !== undefined && value.size_in_bytes !== null && size === undefined) {
    return undefined;
  }
  const attachment = definedOnly<Attachment>({
    url,
    mime_type: mime,
    title: r.text(value, 'title', path),
    size_in_bytes: size,
    duration_in_seconds: r.count(value, 'duration_in_seconds', path),
  });
  const ext = value._lantern;
  if (ext !== undefined && ext !== null && !isObject(ext)) {
    r.warn(`${path}._lantern`, 'expected an object');
  }
  if (isObject(ext)) {
    const p = `${path}._lantern`;
    const sha256 = r.text(ext, 'sha256', p, false);
    if (sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(sha256)) {
      r.warn(`${p}.sha256`, 'expected 64 hexadecimal digits');
    }
    const language = r.text(ext, 'language', p, false);
    attachment._lantern = definedOnly({
      language: language && isLanguageTag(language) ? language : undefined,
      sha256: sha256 && /^[0-9a-f]{64}$/i.test(sha256) ? sha256.toLowerCase() : undefined,
      pages: r.count(ext, 'pages', p, 1),
    });
    if (language && !isLanguageTag(language)) r.warn(`${p}.language`, 'expected a language tag');
  }
  return attachment;
}

function readSeries(r: Reader, value: unknown, path: string): SeriesInfo | undefined {
  if (!isObject(value)) {
    r.warn(path, 'expected a series object');
    return undefined;
  }
  if (typeof value.id === 'string' && value.id.trim().length > LIMITS.idChars) {
    // Never shortened: two long ids cut alike would merge two series.
    r.warn(`${path}.id`, `longer than ${LIMITS.idChars} characters; series ignored`);
    return undefined;
  }
  const id = r.text(value, 'id', path, false);
  const title = r.text(value, 'title', path);
  const part = r.count(value, 'part', path, 1);
  const total = r.count(value, 'total', path, 1);
  if (!id || !title || part === undefined || total === undefined) {
    r.warn(path, 'a series needs id, title, part and total');
    return undefined;
  }
  if (part > total) {
    r.warn(`${path}.part`, `part ${part} is beyond total ${total}`);
    return undefined;
  }
  if (total > 500) {
    r.warn(`${path}.total`, 'a series of more than 500 parts is not supported');
    return undefined;
  }
  return { id, title, part, total };
}

function readReport(r: Reader, value: unknown, path: string): ReportInfo | undefined {
  if (!isObject(value)) {
    r.warn(path, 'expected a report object');
    return undefined;
  }
  return definedOnly<ReportInfo>({
    publisher: r.text(value, 'publisher', path),
    edition: r.text(value, 'edition', path),
    pages: r.count(value, 'pages', path, 1),
    license: r.text(value, 'license', path),
    document_id: r.text(value, 'document_id', path),
    // 2,000 characters, like the other fields: far more than a citation takes, and 10,000 in
    // alternating directions (a crafted feed) took the report's first layout about 80 ms.
    citation: r.text(value, 'citation', path, true, LIMITS.textChars),
  });
}

export function readExtension(
  r: Reader,
  value: unknown,
  path: string,
): LanternItemExtension | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    r.warn(path, 'expected an object');
    return undefined;
  }
  return definedOnly<LanternItemExtension>({
    content_markdown: r.text(value, 'content_markdown', path, false, Infinity),
    image_alt: r.text(value, 'image_alt', path),
    image_credit: r.text(value, 'image_credit', path),
    series: value.series == null ? undefined : readSeries(r, value.series, `${path}.series`),
    report: value.report == null ? undefined : readReport(r, value.report, `${path}.report`),
    content_warning: r.warning(value, 'content_warning', path),
    pseudonym: r.bool(value, 'pseudonym', path),
    hide_images: r.bool(value, 'hide_images', path),
  });
}
