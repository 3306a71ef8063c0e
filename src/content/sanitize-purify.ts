/**
 * DOMPurify, for browsers without the HTML Sanitizer API: loaded by dynamic import (its own
 * chunk) only there, configured from the same allow-list as the platform path. The caller
 * passes that allow-list (`ALLOW_LIST` in allow-list.ts, which it has loaded already), so this
 * chunk is DOMPurify and its configuration only.
 */
import DOMPurify, { type Config } from 'dompurify';
import type { AllowList } from './allow-list.js';
import type { InertParse } from './sanitize.js';
import { lanternPolicy } from './trusted-types.js';

const CONFIG: Config = {
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
};

/** A parser that sanitises with DOMPurify into its inert document. */
export function purifyParser({ tags, attributes, dropped }: AllowList): InertParse {
  const purify = DOMPurify(window);
  // DOMPurify removes an element with an `is` attribute, content and all (a broken quote in an
  // `alt` such as `text is "…"` makes one). Our copy never sets `is`, so only the attribute goes.
  purify.addHook('beforeSanitizeAttributes', (node) => {
    if (node.nodeType === Node.ELEMENT_NODE) (node as Element).removeAttribute('is');
  });
  // Under `require-trusted-types-for 'script'` DOMPurify parses through the shared `lantern` policy.
  const policy = lanternPolicy() as Config['TRUSTED_TYPES_POLICY'];
  const config: Config & { RETURN_DOM_FRAGMENT: true } = {
    ...CONFIG,
    ALLOWED_TAGS: [...tags],
    ALLOWED_ATTR: [...attributes],
    FORBID_CONTENTS: [...dropped],
    RETURN_DOM_FRAGMENT: true,
    ...(policy && { TRUSTED_TYPES_POLICY: policy }),
  };
  // A body that starts with `<frameset>` has no `<body>`: DOMPurify returns null, meaning nothing.
  return (html) => purify.sanitize(html, config) ?? document.createDocumentFragment();
}
