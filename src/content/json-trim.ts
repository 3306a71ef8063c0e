/**
 * `JSON.parse` of a 5 MB feed is one step the page cannot split (150–300 ms on the machines
 * here, for half a million small strings). The parser reads at most `LIMITS.items` of any list,
 * so a big body's arrays are cut first, in one linear pass that keeps strings whole: every
 * array keeps its first `LIMITS.items + 1` elements (one more than is read, so the "only the
 * first N are read" warning still names the list). Loaded only for bodies over a megabyte.
 */
export function trimJsonArrays(text: string, keep: number): string {
  /** Per open container: commas seen so far in an array, or -1 for an object. */
  const open: number[] = [];
  const kept: string[] = [];
  let from = 0;
  /** The depth of the array whose rest is being dropped, or -1. */
  let dropping = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      open.push(c === 91 ? 0 : -1);
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (dropping === open.length) {
        from = i;
        dropping = -1;
      }
      open.pop();
    } else if (c === 44 /* , */ && dropping < 0) {
      const top = open.length - 1;
      if (open[top]! >= 0 && ++open[top]! === keep) {
        kept.push(text.slice(from, i));
        dropping = open.length;
      }
    }
  }
  kept.push(text.slice(from));
  return kept.join('');
}
