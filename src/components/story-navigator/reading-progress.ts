/**
 * Which parts of a series this tab has shown, for `remember="session"` only. A reading history
 * on a shared or monitored device can endanger a reader, so nothing is ever kept in
 * localStorage, and nothing at all is read or written unless the partner opts in.
 */

const KEY_PREFIX = 'lantern-parts-read:';

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    // Storage can be blocked (sandboxed iframes, privacy settings): then nothing is remembered.
    return undefined;
  }
}

export function partsRead(seriesId: string): Set<number> {
  try {
    const raw = storage()?.getItem(KEY_PREFIX + seriesId);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return new Set(
      Array.isArray(list) ? list.filter((n): n is number => Number.isInteger(n) && n > 0) : [],
    );
  } catch {
    return new Set();
  }
}

/** Adds `part` to the parts read and returns the new set. */
export function markPartRead(seriesId: string, part: number): Set<number> {
  const read = partsRead(seriesId);
  if (read.has(part)) return read;
  read.add(part);
  try {
    storage()?.setItem(KEY_PREFIX + seriesId, JSON.stringify([...read].sort((a, b) => a - b)));
  } catch {
    // A full or blocked storage only loses the progress marks.
  }
  return read;
}

export const readingProgressKey = (seriesId: string): string => KEY_PREFIX + seriesId;
