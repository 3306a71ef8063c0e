import type { FeedItem } from '../../content/types.js';

/**
 * Reader mode's body: the sanitised body of the part being read lives in one element that moves
 * between renders, so it is built once per part. A newer request supersedes one still being
 * built (the reader switched parts, or the feed reloaded), and the element is made only when
 * first shown, so the navigator renders on a server without a DOM of its own.
 */
export class ReaderBody {
  private host: HTMLDivElement | undefined;
  private token = 0;
  /** The part whose body the element holds; a hidden warned part's body is not built yet. */
  part: number | undefined;

  constructor(private readonly build: (item: FeedItem) => Promise<DocumentFragment>) {}

  get element(): HTMLDivElement {
    // (\`part\` forwards to its \`value\`: the attribute.)
    return (this.host ??= Object.assign(document.createElement('div'), {
      className: 'body rich',
      part: 'body',
    }));
  }

  /**
   * Shows `item`'s body as part `part`, or nothing without an item. `clearFirst` empties the
   * element at once (a new view), else the old body stays until the new one is ready. Resolves
   * `false` when a newer call came first and this body was dropped.
   */
  async show(
    item: FeedItem | undefined,
    part: number | undefined,
    clearFirst?: boolean,
  ): Promise<boolean> {
    const token = ++this.token;
    if (clearFirst || !item) {
      this.element.replaceChildren();
      this.part = undefined;
    }
    if (!item) return true;
    const body = await this.build(item);
    if (token !== this.token) return false;
    this.element.replaceChildren(body);
    // The body is in the part's own language (the reading view around it, the interface's).
    if (item.language) this.element.lang = item.language;
    else this.element.removeAttribute('lang');
    this.part = part;
    return true;
  }
}
