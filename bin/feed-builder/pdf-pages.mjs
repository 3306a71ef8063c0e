// Page count of a PDF, read from the file itself. A careful minimal reader instead of a PDF
// library: the well-kept ones are large (pdfjs-dist is tens of MB) or unmaintained (pdf-lib's
// last release is from 2021), and a page count needs only the page tree's root `/Count`.
// It handles plain object bodies, incremental updates (the last definition wins) and PDF 1.5
// compressed object streams (inflated with node:zlib). Encrypted object streams cannot be read.
import { inflateSync } from 'node:zlib';

/** Returns the number of pages, or `undefined` when the file is not a PDF this can read. */
export function pdfPageCount(bytes) {
  const buffer = Buffer.from(bytes);
  if (buffer.subarray(0, 1024).indexOf('%PDF-') === -1) return undefined;
  // latin1 keeps one character per byte, so offsets in the text are offsets in the file.
  const text = buffer.toString('latin1');
  /** object number → its dictionary text; later definitions (incremental updates) replace earlier. */
  const objects = new Map();
  const OBJECT = /(\d+)\s+\d+\s+obj\b([\s\S]*?)\bendobj\b/g;
  for (const match of text.matchAll(OBJECT)) {
    const [, number, body] = match;
    objects.set(Number(number), body);
    if (/\/Type\s*\/ObjStm\b/.test(body)) {
      for (const [n, inner] of objectStream(buffer, match.index + match[0].indexOf(body), body)) {
        if (!objects.has(n)) objects.set(n, inner);
      }
    }
  }
  // The catalog names the root of the page tree; its /Count is the number of pages.
  for (const body of [...objects.values()].reverse()) {
    if (!/\/Type\s*\/Catalog\b/.test(body)) continue;
    const ref = /\/Pages\s+(\d+)\s+\d+\s+R/.exec(body);
    const pages = ref && objects.get(Number(ref[1]));
    const count = pages && /\/Count\s+(\d+)/.exec(pages);
    if (count) return Number(count[1]);
  }
  // No catalog found: a page-tree node without a parent is the root.
  for (const body of [...objects.values()].reverse()) {
    if (/\/Type\s*\/Pages\b/.test(body) && !/\/Parent\s/.test(body)) {
      const count = /\/Count\s+(\d+)/.exec(body);
      if (count) return Number(count[1]);
    }
  }
  return undefined;
}

/** The objects packed in one compressed object stream, as [number, text] pairs. */
function objectStream(buffer, bodyOffset, body) {
  const streamAt = body.search(/\bstream\r?\n/);
  if (streamAt === -1 || !/\/FlateDecode\b/.test(body.slice(0, streamAt))) return [];
  const start = bodyOffset + body.indexOf('\n', streamAt) + 1;
  const end = bodyOffset + body.lastIndexOf('endstream');
  let data;
  try {
    data = inflateSync(buffer.subarray(start, end)).toString('latin1');
  } catch {
    return [];
  }
  const n = Number(/\/N\s+(\d+)/.exec(body)?.[1] ?? 0);
  const first = Number(/\/First\s+(\d+)/.exec(body)?.[1] ?? 0);
  const header = data.slice(0, first).trim().split(/\s+/).map(Number);
  const out = [];
  for (let i = 0; i < n && 2 * i + 1 < header.length; i++) {
    const from = first + header[2 * i + 1];
    const to = 2 * i + 3 < header.length ? first + header[2 * i + 3] : data.length;
    out.push([header[2 * i], data.slice(from, to)]);
  }
  return out;
}
