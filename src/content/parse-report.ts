/**
 * An item's attachments and `_lantern.report`: read by the report block's code (it registers
 * `readReportFields`), so a page without a report never downloads them.
 */
import type { ItemReader } from './parse.js';
import type { Attachment, ReportInfo } from './types.js';
import { readCount } from './read-count.js';
import { definedOnly, isObject, type Reader } from './validate.js';

/** Attachments read per item (a budget as validate.ts's LIMITS, read only here). */
export const MAX_ATTACHMENTS = 50;

function readAttachment(r: Reader, value: unknown, path: string): Attachment | undefined {
  if (!isObject(value)) {
    r.warn(path, 'expected an object');
    return undefined;
  }
  const url = r.url(value, 'url', path, 'download');
  const mime = r.text(value, 'mime_type', path, false);
  // A present-but-refused URL or a wrong-typed MIME type has already been warned about.
  if (!url) {
    if (value.url == null || value.url === '') {
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
  const size = readCount(r, value, 'size_in_bytes', path);
  if (value.size_in_bytes != null && size === undefined) {
    return undefined;
  }
  const attachment = definedOnly<Attachment>({
    url,
    mime_type: mime,
    title: r.text(value, 'title', path),
    size_in_bytes: size,
    duration_in_seconds: readCount(r, value, 'duration_in_seconds', path),
  });
  const ext = value._lantern;
  const p = `${path}._lantern`;
  if (isObject(ext)) {
    const sha256 = r.text(ext, 'sha256', p, false);
    const hex = sha256 && /^[0-9a-f]{64}$/i.test(sha256);
    if (sha256 && !hex) r.warn(`${p}.sha256`, 'expected 64 hexadecimal digits');
    attachment._lantern = definedOnly({
      language: r.language(ext, p),
      sha256: hex ? sha256.toLowerCase() : undefined,
      pages: readCount(r, ext, 'pages', p, 1),
    });
  } else if (ext != null) {
    r.warn(p, 'expected an object');
  }
  return attachment;
}

function readReport(r: Reader, value: unknown, path: string): ReportInfo | undefined {
  if (!isObject(value)) {
    r.warn(path, 'expected an object');
    return undefined;
  }
  return definedOnly<ReportInfo>({
    publisher: r.text(value, 'publisher', path),
    edition: r.text(value, 'edition', path),
    pages: readCount(r, value, 'pages', path, 1),
    license: r.text(value, 'license', path),
    document_id: r.text(value, 'document_id', path),
    // 2,000 characters, like the other fields: far more than a citation takes, and 10,000 in
    // alternating directions (a crafted feed) took the report's first layout about 80 ms.
    citation: r.text(value, 'citation', path),
  });
}

/** The reader the report block registers with `readItemsWith` (parse.ts). */
export const readReportFields: ItemReader = (r, raw, path, item) => {
  if (Array.isArray(raw.attachments)) {
    const attachments = r
      .capped(raw.attachments, MAX_ATTACHMENTS, `${path}.attachments`, 'attachments')
      .map((a, i) => readAttachment(r, a, `${path}.attachments[${i}]`))
      .filter((a): a is Attachment => a !== undefined);
    if (attachments.length) item.attachments = attachments;
  } else if (raw.attachments != null) {
    r.warn(`${path}.attachments`, 'expected an array');
  }
  const ext = raw._lantern;
  if (isObject(ext) && ext.report != null) {
    const report = readReport(r, ext.report, `${path}._lantern.report`);
    if (report) (item._lantern ??= {}).report = report;
  }
};
