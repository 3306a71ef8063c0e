/**
 * Laying out text is work the page cannot split, and some text is slow to lay out: every
 * change of direction starts a new bidi run, and Hangul or mixed Hebrew and Latin cost the
 * browser 5–35 µs a character, where Latin costs under 1 (Chromium, 2 shared cores: 100,000
 * characters of alternating Hebrew and Latin in one paragraph took 4.7 s). A long body is
 * therefore laid out only near the screen: its blocks get `content-visibility: auto`, and a
 * run of text too long for one block is cut into block pieces at sentence or word ends, so
 * each can be skipped while off-screen. A body of ordinary length is left exactly as it is.
 */

/** A text node longer than this becomes pieces of about this length (a long paragraph). */
const PIECE_CHARS = 2_000;

/**
 * Top-level blocks are skipped in groups of about this much text: one skippable box per block
 * of a 2,000-paragraph body cost Chromium seconds of bookkeeping in one frame.
 */
const GROUP_CHARS = 1_500;

/** Where to end a piece of `text` starting at `from`: a sentence end, else a space, else anywhere. */
function pieceEnd(text: string, from: number): number {
  const limit = from + PIECE_CHARS;
  if (limit >= text.length) return text.length;
  const floor = from + PIECE_CHARS / 2;
  let space = -1;
  for (let i = limit; i > floor; i--) {
    const c = text[i - 1]!;
    if (/\s/.test(text[i]!) && /[.!?。！？…]/.test(c)) return i + 1;
    if (space < 0 && /\s/.test(c)) space = i;
  }
  if (space > 0) return space;
  // No space at all: never split a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit + 1 : limit;
}

/**
 * Makes a long body cheap to lay out (see above); returns the same fragment. Loaded and called
 * only for a body past `LONG_BODY_CHARS` (rich.ts).
 */
export function deferLayout(fragment: DocumentFragment): DocumentFragment {
  const doc = fragment.ownerDocument;
  const walker = doc.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  const long: Text[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.data.length > PIECE_CHARS) long.push(node);
  }
  for (const node of long) {
    const text = node.data;
    const pieces: HTMLElement[] = [];
    for (let from = 0; from < text.length;) {
      const end = pieceEnd(text, from);
      const piece = doc.createElement('span');
      piece.toggleAttribute('data-lantern-piece');
      piece.toggleAttribute('data-lantern-defer');
      piece.textContent = text.slice(from, end);
      pieces.push(piece);
      from = end;
    }
    node.replaceWith(...pieces);
  }
  // The blocks sit in the fragment, or in the one wrapper a CMS put around them.
  let container: ParentNode = fragment;
  for (let depth = 0; depth < 10; depth++) {
    const significant = [...container.childNodes].filter(
      (node) => node.nodeType === Node.ELEMENT_NODE || node.textContent?.trim(),
    );
    const only = significant[0];
    if (
      significant.length !== 1 ||
      !(only instanceof Element) ||
      !/^(div|section|article|main)$/.test(only.localName) ||
      only.childNodes.length < 2
    ) {
      break;
    }
    container = only;
  }
  let group: Element | undefined;
  let chars = 0;
  for (const node of [...container.childNodes]) {
    // The "continues on the site" line stays last and on its own.
    if (node instanceof Element && node.matches('[data-lantern-continues]')) break;
    if (!group || chars >= GROUP_CHARS) {
      group = doc.createElement('div');
      group.toggleAttribute('data-lantern-defer');
      container.insertBefore(group, node);
      chars = 0;
    }
    group.append(node);
    chars += node.textContent?.length ?? 0;
  }
  return fragment;
}
