/**
 * An item's `_lantern.series`: read by the story navigator's code (it registers
 * `readSeriesFields`), so a page without a navigator never downloads it.
 */
import type { ItemReader } from './parse.js';
import type { SeriesInfo } from './types.js';
import { readCount } from './read-count.js';
import { isObject, MAX_ID_CHARS, type Reader } from './validate.js';

function readSeries(r: Reader, value: unknown, path: string): SeriesInfo | undefined {
  if (!isObject(value)) {
    r.warn(path, 'expected an object');
    return undefined;
  }
  if (typeof value.id === 'string' && value.id.trim().length > MAX_ID_CHARS) {
    // Never shortened: two long ids cut alike would merge two series.
    r.warn(`${path}.id`, `over ${MAX_ID_CHARS} characters; series ignored`);
    return undefined;
  }
  const id = r.text(value, 'id', path, false);
  const title = r.text(value, 'title', path);
  const part = readCount(r, value, 'part', path, 1);
  const total = readCount(r, value, 'total', path, 1);
  if (!id || !title || part === undefined || total === undefined) {
    r.warn(path, 'needs id, title, part and total');
    return undefined;
  }
  if (part > total) {
    r.warn(`${path}.part`, `part ${part} is beyond total ${total}`);
    return undefined;
  }
  if (total > 500) {
    r.warn(`${path}.total`, 'over 500: series ignored');
    return undefined;
  }
  return { id, title, part, total };
}

/** The reader the story navigator registers with `readItemsWith` (parse.ts). */
export const readSeriesFields: ItemReader = (r, raw, path, item) => {
  const ext = raw._lantern;
  if (isObject(ext) && ext.series != null) {
    const series = readSeries(r, ext.series, `${path}._lantern.series`);
    if (series) (item._lantern ??= {}).series = series;
  }
};
