import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface FeedImageOptions {
  className?: string;
  /** Intrinsic size, so the box is reserved before the image arrives. */
  width: number;
  height: number;
  onError?: () => void;
}

/** The one way a feed image is requested: lazily, asynchronously decoded, with no referrer. */
export function feedImage(src: string, alt: string, options: FeedImageOptions): TemplateResult {
  return html`<img
    class=${ifDefined(options.className)}
    src=${src}
    alt=${alt}
    width=${options.width}
    height=${options.height}
    loading="lazy"
    decoding="async"
    referrerpolicy="no-referrer"
    @error=${options.onError ?? nothing}
  />`;
}

/**
 * A content warning, never dropped: the label in the reader's language, the warning in the
 * content's own (`contentLang`), exposed as a note.
 */
export function contentWarning(
  label: string,
  text: string | undefined,
  contentLang?: string,
): TemplateResult | typeof nothing {
  if (!text) return nothing;
  return html`<p class="content-warning" role="note">
    <strong>${label}:</strong> <span lang=${ifDefined(contentLang)}>${text}</span>
  </p>`;
}

/** "Name changed for safety": shown wherever a pseudonymous story is, never dropped. */
export function pseudonymNote(
  label: string,
  show: boolean | undefined,
): TemplateResult | typeof nothing {
  return show ? html`<p class="note">${label}</p>` : nothing;
}
