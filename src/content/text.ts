/** Plain-text helpers shared by the parser and the renderers. */

const NAMED: Record<string, string> = {
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
};

/**
 * Feeds put HTML entities in plain-text fields (`&amp;`, `&#8217;`). Decoding them is safe
 * because the result is only ever rendered as text.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const n =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Rough visible text of HTML or markdown, for counting words only — never rendered. */
export function roughText(source: string): string {
  return decodeEntities(
    source
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      // No brackets or parentheses inside, so a flood of `[` or `(` is scanned once, not n² times.
      .replace(/!?\[([^\][]*)\]\([^()]*\)/g, '$1')
      .replace(/[#>*_`~|-]+/g, ' '),
  );
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

/**
 * Minutes to read: about 230 words a minute in English, 500 characters a minute in Korean.
 * Mixed text counts each run in its own way, so English names in a Korean story add little.
 */
export function readingMinutes(text: string): number {
  const tokens = text.split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return 0;
  let koreanChars = 0;
  let otherWords = 0;
  for (const token of tokens) {
    if (HANGUL.test(token)) koreanChars += [...token].length;
    else otherWords++;
  }
  return Math.max(1, Math.round(koreanChars / 500 + otherWords / 230));
}
