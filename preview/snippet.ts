/** The embed code a partner pastes: the script tag and the element with the chosen attributes. */

export interface EmbedSpec {
  tag: string;
  /** In order; `true` writes a boolean attribute. Empty values are left out. */
  attributes: Array<[name: string, value: string | true | undefined]>;
  /** A feed or item carried inside the element (drafts), instead of `src`. */
  inline?: unknown;
  /** A plain link shown before the widget loads, if it cannot, and without JavaScript. */
  fallback?: { href: string; text: string };
}

export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * JSON safe inside `<script type="application/feed+json">`: `</` would end the script element
 * early and `<!--` would switch the parser into a mode where `</script>` no longer ends it.
 * Both escapes are still the same JSON.
 */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/<\//g, '<\\/').replace(/<!--/g, '\\u003c!--');
}

export function elementMarkup(spec: EmbedSpec): string {
  const attributes = spec.attributes
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => (value === true ? name : `${name}="${escapeAttribute(value!)}"`));
  const open = [spec.tag, ...attributes].join(' ');
  const children: string[] = [];
  if (spec.inline !== undefined) {
    const json = inlineJson(spec.inline).replace(/\n/g, '\n    ');
    children.push(`  <script type="application/feed+json">\n    ${json}\n  </script>`);
  }
  if (spec.fallback) {
    const { href, text } = spec.fallback;
    children.push(`  <a href="${escapeAttribute(href)}">${escapeText(text)}</a>`);
  }
  return children.length
    ? `<${open}>\n${children.join('\n')}\n</${spec.tag}>`
    : `<${open}></${spec.tag}>`;
}

/**
 * `lantern.css`, beside the script it goes with (`dist/cdn/lantern.js`, or the build that
 * registers everything, `dist/cdn/all/lantern.js`): it keeps each widget's box while the script
 * loads, so the partner's page does not move. `undefined` for a script of another name.
 */
export function stylesheetUrl(scriptUrl: string): string | undefined {
  const url = scriptUrl.replace(/(?:\/all)?\/lantern\.js(?=[?#]|$)/, '/lantern.css');
  return url === scriptUrl ? undefined : url.replace(/[?#].*$/, '');
}

/** The partner's code: the stylesheet and the script, as the README's snippet has them, and the element. */
export function embedSnippet(spec: EmbedSpec, scriptUrl: string): string {
  const styleUrl = stylesheetUrl(scriptUrl);
  // No request to the script host names the partner's page (README, "Embedding on a partner site").
  const policy = 'referrerpolicy="no-referrer"';
  const link = styleUrl
    ? `<link rel="stylesheet" href="${escapeAttribute(styleUrl)}" ${policy} />\n`
    : '';
  return `${link}<script type="module" src="${escapeAttribute(scriptUrl)}" ${policy}></script>\n\n${elementMarkup(spec)}\n`;
}
