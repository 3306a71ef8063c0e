/**
 * The one sanitiser configuration, shared by both sanitising paths: the browser's own HTML
 * Sanitizer (sanitize-platform.ts) and DOMPurify where the browser has none
 * (sanitize-purify.ts). Both are built from these lists, so the two cannot drift apart. The
 * elements and attributes a body may keep are in live-copy.ts, which the markdown path shares.
 */
import { ALLOWED_ATTR, ALLOWED_TAGS } from './live-copy.js';

export { ALLOWED_ATTR, ALLOWED_TAGS };

/** Elements that go together with everything inside them: nothing in them is text for a reader. */
export const DROPPED_WITH_CONTENT = [
  'annotation-xml', 'audio', 'colgroup', 'desc', 'foreignobject', 'head', 'iframe', 'math', 'mi',
  'mn', 'mo', 'ms', 'mtext', 'noembed', 'noframes', 'noscript', 'plaintext', 'script',
  'selectedcontent', 'style', 'svg', 'template', 'title', 'video', 'xmp',
] as const; // prettier-ignore

/**
 * Elements that are not allowed but whose text a reader should still see: the element goes,
 * its children stay (DOMPurify's KEEP_CONTENT; the platform's `replaceWithChildrenElements`,
 * which needs the names spelled out).
 */
export const UNWRAPPED = [
  'acronym', 'address', 'applet', 'area', 'article', 'aside', 'base', 'bdi', 'bdo', 'big',
  'blink', 'body', 'button', 'canvas', 'center', 'col', 'content', 'data', 'datalist',
  'dialog', 'dir', 'embed', 'fieldset', 'font', 'footer', 'form', 'frame', 'frameset', 'header',
  'hgroup', 'input', 'label', 'legend', 'link', 'main', 'map', 'marquee', 'menu',
  'menuitem', 'meta', 'meter', 'nav', 'nobr', 'object', 'optgroup', 'option', 'output', 'param',
  'picture', 'portal', 'progress', 'rb', 'rp', 'rt', 'rtc', 'ruby', 'search', 'section',
  'select', 'slot', 'source', 'spacer', 'strike', 'textarea', 'track', 'tt',
] as const; // prettier-ignore

/**
 * Every element name either sanitiser knows what to do with. Any other tag (a custom element,
 * `<scr\0ipt>`, `<x:y>`) loses its tags but not its text in the pre-pass, on both paths:
 * DOMPurify would keep its text and the platform would drop it, text included.
 * (`image` is the parser's old spelling of `img`.)
 */
export const KNOWN_ELEMENTS: ReadonlySet<string> = new Set([
  ...ALLOWED_TAGS,
  ...DROPPED_WITH_CONTENT,
  ...UNWRAPPED,
  'image',
]);

/** The allow-list, in one place: what a body may contain after sanitising. */
export const ALLOW_LIST = {
  tags: ALLOWED_TAGS,
  attributes: ALLOWED_ATTR,
  dropped: DROPPED_WITH_CONTENT,
} as const;

export type AllowList = typeof ALLOW_LIST;
