/**
 * Imported first by the fallback-path tests: removes the HTML Sanitizer API before any Lantern
 * module loads, so every body goes through DOMPurify as in a browser without the API.
 */
for (const [owner, name] of [
  [Element.prototype, 'setHTML'],
  [ShadowRoot.prototype, 'setHTML'],
  [Document, 'parseHTML'],
  [window, 'Sanitizer'],
] as const) {
  delete (owner as unknown as Record<string, unknown>)[name];
}
if ('setHTML' in Element.prototype || 'Sanitizer' in window || 'parseHTML' in Document) {
  throw new Error('the HTML Sanitizer API could not be removed');
}
export {};
