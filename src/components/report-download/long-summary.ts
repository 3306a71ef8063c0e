/** A summary body longer than this many characters of text shows its opening and "Show more". */
export const SUMMARY_OPENING_CHARS = 1200;
/** …unless what "Show more" would add is shorter than this: then the whole body shows. */
const MIN_REST_CHARS = 400;

export interface LongBody {
  /** The body, or its opening when it is long. */
  body: DocumentFragment;
  /** The rest of a long body, shown after "Show more". */
  more: HTMLElement | undefined;
  /** The "continues on the site" line of a body cut at the content budget, shown last. */
  continues: HTMLElement | undefined;
}

/**
 * Splits a long sanitised body after the top-level block where its text passes
 * `SUMMARY_OPENING_CHARS` (inside a lone wrapper `<div>`): the opening stays in `body`, the rest moves into one element shown
 * after "Show more" (the same nodes, so links and images keep what the sanitiser made of them).
 * Nothing hidden is merely clipped: what a sighted reader does not see, a screen reader does
 * not hear and the keyboard does not reach.
 */
export function splitLongBody(body: DocumentFragment): LongBody {
  // A body cut at the content budget ends with "Continue reading on the site": it stays in
  // view under "Show more", the way on to the rest whether or not the reader opens this part.
  const continues = body.lastElementChild?.matches('[data-lantern-continues]')
    ? (body.lastElementChild as HTMLElement)
    : undefined;
  continues?.remove();
  // (A body of at most SUMMARY_OPENING_CHARS + MIN_REST_CHARS is never split: where the opening
  // passes SUMMARY_OPENING_CHARS, less than MIN_REST_CHARS is left.)
  const total = body.textContent!.length;
  // A body wrapped in one element (a CMS's `<div class="entry">`) is split inside the wrapper.
  let container: ParentNode = body;
  for (let depth = 0; depth < 10; depth++) {
    const significant = [...container.childNodes].filter(
      (node) => node.nodeType === 1 || node.textContent?.trim(),
    );
    const only = significant.length === 1 ? significant[0] : undefined;
    // Only a plain wrapper: a list's items moved into a <div> would be no list (nor valid).
    if (!(only instanceof HTMLDivElement) || only.childNodes.length < 2) break;
    container = only;
  }
  let seen = 0;
  let cut: ChildNode | null = container.firstChild;
  while (cut && seen <= SUMMARY_OPENING_CHARS) {
    seen += cut.textContent!.length;
    cut = cut.nextSibling;
  }
  let more: HTMLElement | undefined;
  if (cut && total - seen >= MIN_REST_CHARS) {
    more = document.createElement('div');
    // "Show more" moves focus here, to the start of what it shows (the button is below it).
    more.tabIndex = -1;
    while (cut) {
      const next: ChildNode | null = cut.nextSibling;
      more.append(cut);
      cut = next;
    }
  }
  return { body, more, continues };
}
