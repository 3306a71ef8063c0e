/**
 * A whole-number field: a part number, a file's size, a report's pages. Only the navigator's and
 * the report's readers (parse-series.ts, parse-report.ts) read one, so it travels in the chunk
 * those two share (build/chunks.ts), not in a card page's download.
 */
import type { Json, Reader } from './validate.js';

export function readCount(
  r: Reader,
  obj: Json,
  key: string,
  path: string,
  min = 0,
): number | undefined {
  const value = obj[key];
  if (value == null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    r.warn(`${path}.${key}`, `expected a ${min > 0 ? 'positive' : 'non-negative'} integer`);
    return undefined;
  }
  return value;
}
