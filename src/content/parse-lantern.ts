/**
 * The `_lantern` extension's fields every widget may show (content warning, pseudonym, markdown
 * body, image text). Its series and report, and the item's attachments, are read by the code of
 * the widgets that show them: parse-series.ts (navigator) and parse-report.ts (report block).
 */
import type { LanternItemExtension } from './types.js';
import { definedOnly, isObject, type Reader } from './validate.js';

export function readExtension(
  r: Reader,
  value: unknown,
  path: string,
): LanternItemExtension | undefined {
  if (value == null) return undefined;
  if (!isObject(value)) {
    // Unreadable, it may have held a warning (a CMS that encodes it twice writes a string).
    r.warn(path, 'expected an object');
    return { content_warning: '' };
  }
  return definedOnly<LanternItemExtension>({
    content_markdown: r.text(value, 'content_markdown', path, false, Infinity),
    image_alt: r.text(value, 'image_alt', path),
    image_credit: r.text(value, 'image_credit', path),
    content_warning: r.warning(value, 'content_warning', path),
    pseudonym: r.bool(value, 'pseudonym', path),
    hide_images: r.bool(value, 'hide_images', path),
  });
}
