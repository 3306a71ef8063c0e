/**
 * The one URL policy: `https:`, `http:`, `mailto:` and relative URLs (resolved against the
 * feed's own URL) survive; everything else — `javascript:`, `data:`, `vbscript:`, `file:`, …,
 * however it is disguised — does not.
 */

import { decodeEntities } from './text.js';

const ALLOWED_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/** Undo the disguises a browser would undo before it looks at a scheme. */
function revealScheme(raw: string): string {
  return (
    decodeEntities(raw, true)
      // Browsers drop ASCII whitespace and control characters anywhere in a scheme.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, '')
      .toLowerCase()
  );
}

/** `image` and `download` are fetched or saved; `link` waits for the reader's click. */
export type UrlUse = 'link' | 'image' | 'download';

/**
 * Whether `raw` has no scheme of its own (path, `//host`, `?query` or `#fragment`), however its
 * scheme is disguised: such a URL means nothing without a base.
 */
export function isRelativeUrl(raw: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/.test(revealScheme(raw.trim()));
}

/**
 * Returns the absolute URL to use, or `null` when the policy refuses it.
 * `base` is the feed's URL. Without one, a relative link resolves against the page, but a
 * relative image or download is refused: it would hit the partner's own paths with the reader's
 * cookies (`/account/logout`, or `http:/account/logout` on an http page). Images may not be
 * `mailto:`.
 */
export function safeUrl(raw: unknown, base?: string, use: UrlUse = 'link'): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.length > 8192) return null;
  const revealed = revealScheme(trimmed);
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(revealed)?.[1];
  if (scheme !== undefined && !ALLOWED_PROTOCOLS.has(`${scheme}:`)) return null;
  let url: URL;
  try {
    // Without a base, an image or download is read on its own: a relative one is refused, and
    // so is `http:/account/logout`, which the page's own address would resolve to its path.
    url = new URL(trimmed, base ?? (use === 'link' ? globalThis.location?.href : undefined));
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (use === 'image' && url.protocol === 'mailto:') return null;
  return url.href;
}

/**
 * A link to a place in the page showing it (`#part-2`), kept as written so it resolves against
 * that page and not against the feed's URL; `null` for anything else.
 */
export function pageFragment(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  // Fragments carry no scheme, so nothing here can run; whitespace or controls inside are refused.
  // eslint-disable-next-line no-control-regex
  return /^#[^\u0000-\u0020\u007f]{0,512}$/.test(trimmed) ? trimmed : null;
}
