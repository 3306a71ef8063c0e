/**
 * DOMPurify, for browsers without the HTML Sanitizer API: loaded by dynamic import (its own
 * chunk) only there, configured from the same allow-list as the platform path.
 */
import DOMPurify, { type Config } from 'dompurify';
import { ALLOWED_ATTR, ALLOWED_TAGS, DROPPED_WITH_CONTENT } from './allow-list.js';
import type { InertParse } from './sanitize.js';
import { lanternPolicy } from './trusted-types.js';

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: [...ALLOWED_ATTR],
  FORBID_CONTENTS: [...DROPPED_WITH_CONTENT],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
  RETURN_DOM_FRAGMENT: true,
};

/** A parser that sanitises with DOMPurify into its inert document. */
export function purifyParser(): InertParse {
  const purify = DOMPurify(window);
  // DOMPurify removes an element with an `is` attribute, content and all (a broken quote in an
  // `alt` such as `text is "…"` makes one). Our copy never sets `is`, so only the attribute goes.
  purify.addHook('beforeSanitizeAttributes', (node) => {
    if (node.nodeType === Node.ELEMENT_NODE) (node as Element).removeAttribute('is');
  });
  // Under `require-trusted-types-for 'script'` DOMPurify parses through the shared `lantern` policy.
  const policy = lanternPolicy() as Config['TRUSTED_TYPES_POLICY'];
  const config = policy ? { ...CONFIG, TRUSTED_TYPES_POLICY: policy } : CONFIG;
  // A body that starts with `<frameset>` has no `<body>`: DOMPurify returns null, meaning nothing.
  return (html) => purify.sanitize(html, config) ?? document.createDocumentFragment();
}
