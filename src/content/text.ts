/** Plain-text helpers shared by the parser and the renderers. */

/** The named entities feeds use. A Map, so `&constructor;` or `&__proto__;` finds nothing. */
const NAMED: ReadonlyMap<string, string> = new Map(
  Object.entries({
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: '\u00a0',
    hellip: '…',
    mdash: '—',
    ndash: '–',
    lsquo: '‘',
    rsquo: '’',
    ldquo: '“',
    rdquo: '”',
    laquo: '«',
    raquo: '»',
    copy: '©',
    middot: '·',
    bull: '•',
    shy: '\u00ad',
    lrm: '\u200e',
    // What disguises a URL's scheme (url.ts): `javascript&colon;`, `java&Tab;script:`.
    colon: ':',
    tab: '\t',
    newline: '\n',
    sol: '/',
    lpar: '(',
    rpar: ')',
    period: '.',
  }),
);

/**
 * Accented letters by entity name (`eacute` is é, `ntilde` ñ, `ccedil` ç), each letter and its
 * mark composed once: composing at every reference took 0.3 s for a 5 MB feed of `&eacute;`.
 */
const COMPOSED: ReadonlyMap<string, string> = new Map(
  [...'aeiouyAEIOUYnNcC'].flatMap((letter) =>
    Object.entries({ grave: 0, acute: 1, circ: 2, tilde: 3, uml: 8, ring: 10, cedil: 39 }).map(
      ([accent, mark]) => [
        letter + accent,
        (letter + String.fromCharCode(0x300 + mark)).normalize(),
      ],
    ),
  ),
);

/**
 * Feeds put HTML entities in plain-text fields (`&amp;`, `&#8217;`). Decoding them is safe
 * because the result is only ever rendered as text. Names not in the table stay as written.
 * `loose` also decodes references without their `;` (`&#106`), as a browser does in a URL.
 * The bidi embeddings, overrides and isolates (U+202A-E, U+2066-9) a feed may open in a field
 * and never close are dropped, as given or as entities: they would run on past the field and
 * draw the widget's own words after it backwards ("By Kim and Lee", "120 pages"). The text
 * still runs in the direction of its letters.
 */
export function decodeEntities(text: string, loose?: boolean): string {
  // Bounded name and number lengths: each `&` is tried once over a short stretch.
  return text
    .replace(
      /&(#x0*[0-9a-f]{1,8}(?![0-9a-f])|#0*\d{1,10}(?!\d)|[a-z]{1,32})(;?)/gi,
      (whole, ref: string, end) => {
        if (!end && !loose) return whole;
        if (ref[0] === '#') {
          // `0x41` (or `0X41`) is hexadecimal to Number, `00065` decimal, as the pattern gives them.
          const n = Number(`0${ref.slice(1)}`);
          return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
        }
        // (`&xcirc;` is ◯, not an x, and `&gtilde;` no entity: both stay as written.)
        return COMPOSED.get(ref) ?? NAMED.get(ref.toLowerCase()) ?? whole;
      },
    )
    .replace(/[\u202A-\u202E\u2066-\u2069]+/g, '');
}

/**
 * `source` has `name` (ASCII letters, lower case) at `at`, in any case. Past the end of
 * `source` a character code is NaN, and `NaN | 0x20` a space, which no letter matches.
 */
function hasNameAt(source: string, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) {
    if ((source.charCodeAt(at + k) | 0x20) !== name.charCodeAt(k)) return false;
  }
  return true;
}

function isAsciiLetter(c: number): boolean {
  // A-Z and a-z: the case bit set, then one unsigned range check (NaN is none).
  return ((c | 0x20) - 0x61) >>> 0 < 26;
}

/** What `\w` matches: where `\b` after a tag name falls. */
function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** A tag opens at `at`: `<` then a letter, or `</` then a letter (`a < b` is text, as in a browser). */
export function isTagStart(source: string, at: number): boolean {
  if (source.charCodeAt(at) !== 0x3c) return false;
  const next = source.charCodeAt(at + 1);
  return isAsciiLetter(next) || (next === 0x2f && isAsciiLetter(source.charCodeAt(at + 2)));
}

/** Where the comment opening at `at` (`<!--`) ends: after its `-->`, else at the end, as in a browser. */
export function commentEnd(source: string, at: number): number {
  const close = source.indexOf('-->', at + 4);
  return close === -1 ? source.length : close + 3;
}

/**
 * Replaces each `<!--…-->` with a space; an unclosed comment hides the rest (as in a browser).
 * Linear: the lazy scan of a comment stops at its `-->` or at the end.
 */
function stripComments(source: string): string {
  return source.replace(/<!--[^]*?(?:-->|$)/g, ' ');
}

/** Blocks whose content a reader never sees. */
const HIDDEN_BLOCKS = ['script', 'style', 'template'] as const;

/** After `</name` at `at`: optional whitespace, then `>`; the index after `>`, else -1. */
function closeTagEnd(source: string, at: number, name: string): number {
  let k = at + 2 + name.length;
  while (k < source.length && isSpace(source.charCodeAt(k))) k++;
  return source.charCodeAt(k) === 0x3e ? k + 1 : -1;
}

/**
 * Drops `<script>…</script>`, `<style>…</style>` and `<template>…</template>` blocks (any
 * case). A search that finds no closing tag is remembered, so a flood of `<script` is read
 * once, not n² times.
 */
function stripHiddenBlocks(source: string): string {
  let out = '';
  let from = 0;
  // Where a search for a closing tag came back empty: from there on, it would again.
  const noCloseAfter: Record<string, number> = {};
  for (let i = source.indexOf('<'); i !== -1;) {
    const name = HIDDEN_BLOCKS.find(
      (block) =>
        hasNameAt(source, i + 1, block) && !isWordChar(source.charCodeAt(i + 1 + block.length)),
    );
    let end = -1;
    if (name && i < (noCloseAfter[name] ?? Infinity)) {
      for (let at = source.indexOf('</', i + 1 + name.length); at !== -1;) {
        if (hasNameAt(source, at + 2, name)) {
          end = closeTagEnd(source, at, name);
          if (end !== -1) break;
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
 * Replaces each tag with a space. Once no `>` is left, the rest is text: a flood of `<a`
 * is read once, not n² times. An unclosed `<` stays, as the browser would show it.
 */
function stripTags(source: string): string {
  let out = '';
  let from = 0;
  for (let i = source.indexOf('<'); i !== -1; i = source.indexOf('<', Math.max(from, i + 1))) {
    if (!isTagStart(source, i)) continue;
    const gt = source.indexOf('>', i + 1);
    if (gt === -1) break;
    out += `${source.slice(from, i)} `;
    from = gt + 1;
  }
  return out + source.slice(from);
}

/**
 * The text of HTML with comments, tags and script, style and template blocks each replaced by
 * a space; entities stay as written. Each pass is linear, whatever the input.
 */
export function stripMarkup(source: string): string {
  return stripTags(stripHiddenBlocks(stripComments(source)));
}

/**
 * A markdown link or image, its text captured. No brackets or parentheses inside, so a flood of
 * `[` or `(` is scanned once, not n² times.
 */
export const MARKDOWN_LINK = /!?\[([^\][]*)\]\([^()]*\)/g;

/** Rough visible text of HTML or markdown, for counting words only — never rendered. */
export function roughText(source: string): string {
  return decodeEntities(
    stripMarkup(source)
      .replace(MARKDOWN_LINK, '$1')
      .replace(/[#>*_`~|-]+/g, ' '),
  );
}

/** What `\s` matches in JavaScript, tested without a regex per character. */
export function isSpace(c: number): boolean {
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

/**
 * Minutes to read: about 230 words a minute in English, 500 characters a minute in Korean.
 * Mixed text counts each word in its own way, so English names in a Korean story add little.
 * One pass over the characters, no token arrays: a 5 MB body costs milliseconds.
 */
export function readingMinutes(text: string): number {
  let koreanChars = 0;
  let otherWords = 0;
  let hangul = false;
  let chars = 0;
  for (let i = 0; i <= text.length; i++) {
    // A space after the end ends the last word (not `${text} `: reading a joined string one
    // character at a time took twice as long).
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (isSpace(c)) {
      // A word ends: its characters count in Korean if any is Hangul, else it counts as a word.
      if (hangul) koreanChars += chars;
      else if (chars) otherWords++;
      hangul = false;
      chars = 0;
    } else {
      // Hangul syllables, jamo and compatibility jamo.
      hangul ||=
        (c >= 0xac00 && c <= 0xd7af) ||
        (c >= 0x1100 && c <= 0x11ff) ||
        (c >= 0x3130 && c <= 0x318f);
      // Code points: the low half of a surrogate pair is not a character of its own.
      if ((c & 0xfc00) !== 0xdc00) chars++;
    }
  }
  return koreanChars + otherWords && Math.max(1, Math.round(koreanChars / 500 + otherWords / 230));
}

/**
 * How much of a body is read to estimate its reading time: about 130 minutes of English, far
 * more than any story; past it the rest is estimated in proportion, so a 5 MB body is cheap.
 */
export const READING_SAMPLE_CHARS = 200_000;

/** Minutes to read an HTML or markdown body, reading at most `READING_SAMPLE_CHARS` of it. */
export function bodyReadingMinutes(body: string): number {
  const sample = readingMinutes(roughText(body.slice(0, READING_SAMPLE_CHARS)));
  // A shorter body is all sample: its minutes times 1, exactly.
  return Math.round((sample * Math.max(body.length, READING_SAMPLE_CHARS)) / READING_SAMPLE_CHARS);
}
