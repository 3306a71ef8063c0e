/**
 * Formatters only the report block uses (file sizes, format and language names): in the report's
 * chunk, so a page of cards does not download them.
 */
import { cached } from './index.js';

const SIZE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

function sizeFormatter(locale: string, unit: number, fractionDigits: number): Intl.NumberFormat {
  return cached(
    `size ${locale} ${unit} ${fractionDigits}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: SIZE_UNITS[unit],
        unitDisplay: unit ? 'short' : 'long',
        maximumFractionDigits: fractionDigits,
      }),
  );
}

/** A file size ("2.4 MB", "850 kB"); empty when the size is unknown, never "NaN". */
export function formatSize(bytes: number | undefined, locale: string): string {
  // (Not finite: undefined too.)
  if (!Number.isFinite(bytes) || bytes! < 0) return '';
  let value = bytes!;
  let unit = 0;
  // Compare what will be printed: 999,999 bytes is "1 MB", not "1,000 kB".
  // (3: gigabytes, the last unit.)
  while (Math.round(value) >= 1000 && unit < 3) {
    value /= 1000;
    unit++;
  }
  return sizeFormatter(locale, unit, value < 10 && unit > 0 ? 1 : 0).format(value);
}

/** A language's name in the reader's language ("Korean" / "한국어" for `ko`). */
export function languageName(tag: string, locale: string): string {
  try {
    return (
      cached(`language ${locale}`, () => new Intl.DisplayNames([locale], { type: 'language' })).of(
        tag,
      ) ?? tag
    );
  } catch {
    return tag;
  }
}

/** A short format name from a MIME type ("PDF", "EPUB", "DOCX"). */
export function formatName(mime: string): string {
  // The subtype in capitals is the name unless listed (`application/pdf` is PDF).
  const known: Record<string, string | null> = {
    // No prototype: a type named "constructor" or "__proto__" is no format name.
    __proto__: null,
    'application/epub+zip': 'EPUB',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
    'application/msword': 'DOC',
    'text/plain': 'TXT',
    // A podcast's episode: what readers call it, not "MPEG".
    'audio/mpeg': 'MP3',
  };
  const base = mime.split(';')[0]!.trim().toLowerCase();
  return known[base] ?? (base.split('/')[1]?.replace(/^x-/, '').toUpperCase() || 'File');
}
