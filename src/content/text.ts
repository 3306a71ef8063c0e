/** Plain-text helpers shared by the parser and the renderers. */

/** The named entities feeds use. A Map, so `&constructor;` or `&__proto__;` finds nothing. */
const NAMED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
  ['hellip', '…'],
  ['mdash', '—'],
  ['ndash', '–'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['laquo', '«'],
  ['raquo', '»'],
  ['copy', '©'],
  ['middot', '·'],
]);

/**
 * Feeds put HTML entities in plain-text fields (`&amp;`, `&#8217;`). Decoding them is safe
 * because the result is only ever rendered as text. Names not in the table stay as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  // Bounded name and number lengths: each `&` is tried once over a short stretch.
  return text.replace(/&(#x[0-9a-f]{1,8}|#\d{1,10}|[a-z]{1,32});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const n =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return NAMED.get(ref.toLowerCase()) ?? whole;
  });
}

/** `source` has `name` (ASCII, lower case) at `at`, in any case. */
function hasNameAt(source: string, at: number, name: string): boolean {
  if (at + name.length > source.length) return false;
  for (let k = 0; k < name.length; k++) {
    if ((source.charCodeAt(at + k) | 0x20) !== name.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * Drops `<script>…</script>` and `<style>…</style>` blocks (any case). A search that finds no
 * closing tag is remembered, so a flood of `<script` is read once, not n² times.
 */
function stripScriptsAndStyles(source: string): string {
  let out = '';
  let from = 0;
  // Where a search for a closing tag came back empty: from there on, it would again.
  const noCloseAfter = { script: Infinity, style: Infinity };
  for (let i = source.indexOf('<'); i !== -1;) {
    const name = hasNameAt(source, i + 1, 'script')
      ? 'script'
      : hasNameAt(source, i + 1, 'style')
        ? 'style'
        : undefined;
    let end = -1;
    if (name && i < noCloseAfter[name]) {
      const close = `</${name}>`;
      for (let at = source.indexOf('</', i + 1 + name.length); at !== -1;) {
        if (hasNameAt(source, at, close)) {
          end = at + close.length;
          break;
        }
        at = source.indexOf('</', at + 2);
      }
      if (end === -1) noCloseAfter[name] = i;
    }
    if (end === -1) {
      i = source.indexOf('<', i + 1);
      continue;
    }
    out += `${source.slice(from, i)} `;
    from = end;
    i = source.indexOf('<', end);
  }
  return out + source.slice(from);
}

/**
 * Replaces each `<…>` with a space. Once no `>` is left, the rest is text: a flood of `<`
 * is read once, not n² times. An unclosed `<` stays, as the browser would show it.
 */
function stripTags(source: string): string {
  let out = '';
  let from = 0;
  for (let i = source.indexOf('<'); i !== -1;) {
    const gt = source.indexOf('>', i + 1);
    if (gt === -1) break;
    out += `${source.slice(from, i)} `;
    from = gt + 1;
    i = source.indexOf('<', from);
  }
  return out + source.slice(from);
}

/** Rough visible text of HTML or markdown, for counting words only — never rendered. */
export function roughText(source: string): string {
  return decodeEntities(
    stripTags(stripScriptsAndStyles(source))
      // No brackets or parentheses inside, so a flood of `[` or `(` is scanned once, not n² times.
      .replace(/!?\[([^\][]*)\]\([^()]*\)/g, '$1')
      .replace(/[#>*_`~|-]+/g, ' '),
  );
}

/** What `\s` matches in JavaScript, tested without a regex per character. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isHangul(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) || (c >= 0xac00 && c <= 0xd7af)
  );
}

/**
 * Minutes to read: about 230 words a minute in English, 500 characters a minute in Korean.
 * Mixed text counts each run in its own way, so English names in a Korean story add little.
 * One pass over the characters, no token arrays: a 5 MB body costs milliseconds.
 */
export function readingMinutes(text: string): number {
  let koreanChars = 0;
  let otherWords = 0;
  let inWord = false;
  let wordHasHangul = false;
  let wordChars = 0;
  const endWord = () => {
    if (wordHasHangul) koreanChars += wordChars;
    else otherWords++;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (inWord) endWord();
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      wordHasHangul = false;
      wordChars = 0;
    }
    if (isHangul(c)) wordHasHangul = true;
    // Count code points: the low half of a surrogate pair is not a character of its own.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) {
      wordChars++;
    }
  }
  if (inWord) endWord();
  if (koreanChars === 0 && otherWords === 0) return 0;
  return Math.max(1, Math.round(koreanChars / 500 + otherWords / 230));
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * How much of a body is read to estimate its reading time: about 130 minutes of English, far
 * more than any story; past it the rest is estimated in proportion, so a 5 MB body is cheap.
 */
export const READING_SAMPLE_CHARS = 200_000;

/** Minutes to read an HTML or markdown body, reading at most `READING_SAMPLE_CHARS` of it. */
export function bodyReadingMinutes(body: string): number {
  if (body.length <= READING_SAMPLE_CHARS) return readingMinutes(roughText(body));
  const sample = readingMinutes(roughText(body.slice(0, READING_SAMPLE_CHARS)));
  return Math.round((sample * body.length) / READING_SAMPLE_CHARS);
}
