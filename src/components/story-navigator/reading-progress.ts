/**
 * Which parts of a series this tab has shown, for `remember="session"` only. A reading history
 * on a shared or monitored device can endanger a reader, so nothing is ever kept in
 * localStorage, and nothing at all is read or written unless the partner opts in.
 */

const KEY_PREFIX = 'lantern-parts-read:';
/** Longer series ids are shortened: a feed's 2 MB id must not become a 2 MB storage key. */
const MAX_ID_CHARS = 200;
/** A series has at most 500 parts (the parser's cap): its list never needs more than this. */
const MAX_VALUE_CHARS = 4096;
const MAX_PART = 500;

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    // Storage can be blocked (sandboxed iframes, privacy settings): then nothing is remembered.
    return undefined;
  }
}

/** FNV-1a over UTF-16 code units, 32 bits, as 8 hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The storage key for a series: the id itself when short, else its start, its length and a
 * 32-bit hash of the whole id (synchronous, unlike SubtleCrypto; two long ids of one tab alike
 * in start and length collide once in four billion), so the key stays under ~230 characters.
 */
export function readingProgressKey(seriesId: string): string {
  if (seriesId.length <= MAX_ID_CHARS) return KEY_PREFIX + seriesId;
  const start = seriesId.slice(0, MAX_ID_CHARS - 32);
  return `${KEY_PREFIX}${start}#${fnv1a(seriesId)}:${seriesId.length}`;
}

function isPart(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) > 0 && (n as number) <= MAX_PART;
}

export function partsRead(seriesId: string): Set<number> {
  try {
    const raw = storage()?.getItem(readingProgressKey(seriesId));
    // Something else wrote an oversized value under the key: ignore it rather than parse it.
    const list: unknown = raw && raw.length <= MAX_VALUE_CHARS ? JSON.parse(raw) : [];
    return new Set(Array.isArray(list) ? list.filter(isPart) : []);
  } catch {
    return new Set();
  }
}

/** Adds `part` to the parts read and returns the new set. */
export function markPartRead(seriesId: string, part: number): Set<number> {
  const read = partsRead(seriesId);
  if (read.has(part) || !isPart(part)) return read;
  read.add(part);
  const value = JSON.stringify([...read].sort((a, b) => a - b));
  if (value.length > MAX_VALUE_CHARS) return read;
  try {
    storage()?.setItem(readingProgressKey(seriesId), value);
  } catch {
    // A full or blocked storage only loses the progress marks.
  }
  return read;
}
