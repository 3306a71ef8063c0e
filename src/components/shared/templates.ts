import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Messages } from '../../i18n/index.js';

export interface FeedImageOptions {
  className?: string;
  /** Intrinsic size, so the box is reserved before the image arrives. */
  width: number;
  height: number;
  /** The language of the alt text (the item's). */
  lang?: string;
  onError?: () => void;
}

/** The one way a feed image is requested: lazily, asynchronously decoded, with no referrer. */
export function feedImage(src: string, alt: string, options: FeedImageOptions): TemplateResult {
  return html`<img
    class=${ifDefined(options.className)}
    src=${src}
    alt=${alt}
    lang=${ifDefined(options.lang)}
    width=${options.width}
    height=${options.height}
    loading="lazy"
    decoding="async"
    referrerpolicy="no-referrer"
    @error=${options.onError ?? nothing}
  />`;
}

/** The interface text a content warning needs. */
export type WarningMessages = Pick<
  Messages,
  'contentWarning' | 'genericWarning' | 'showContent' | 'hideContent' | 'contentShown'
>;

/** Whether an item carries a warning: `''` means "warned, but the text is unreadable". */
export function isWarned(warning: string | undefined): warning is string {
  return warning !== undefined;
}

/** The warning's text; a warning that cannot be read becomes the generic one, never none. */
export function warningText(
  m: Pick<Messages, 'genericWarning'>,
  warning: string,
  contentLang?: string,
): TemplateResult {
  return warning.trim() === ''
    ? html`<span>${m.genericWarning}</span>`
    : html`<span lang=${ifDefined(contentLang)}>${warning}</span>`;
}

export interface WarningGate {
  /** Unique within the shadow root: the button (and a card's title) is described by the warning's text. */
  id: string;
  revealed?: boolean;
  /**
   * The title (or date) of what the warning covers, where there is one (a URL is none): the
   * button's name ends with it ("Show content Testimony from Camp 15"), so a list's buttons differ.
   */
  subject?: string;
  /** Without it (`reveal-warned`), no "Show content" button: the warning only. */
  onToggle?: () => void;
}

/**
 * A content warning, never dropped: the label in the reader's language, the warning in the
 * content's own (`contentLang`), exposed as a note. With a `gate`, it is followed by the
 * "Show content" button that reveals what the warning covers (a disclosure: focus stays on
 * the button, `aria-expanded` and a polite status say what happened).
 */
export function contentWarning(
  m: WarningMessages,
  warning: string | undefined,
  contentLang?: string,
  gate?: WarningGate,
): TemplateResult | typeof nothing {
  if (!isWarned(warning)) return nothing;
  const note = html`<p class="content-warning" role="note" id=${ifDefined(gate?.id)}>
    <strong>${m.contentWarning}:</strong> ${warningText(m, warning, contentLang)}
  </p>`;
  if (!gate?.onToggle) return note;
  const text = gate.revealed ? m.hideContent : m.showContent;
  return html`<div class="warning-gate">
    ${note}<button
      type="button"
      class="button reveal"
      part="button"
      aria-expanded=${!!gate.revealed}
      aria-describedby=${gate.id}
      aria-label=${ifDefined(gate.subject && `${text} ${gate.subject}`)}
      @click=${gate.onToggle}
    >
      ${text}</button
    ><span class="visually-hidden" role="status">${gate.revealed ? m.contentShown : ''}</span>
  </div>`;
}

/** "Name changed for safety": shown wherever a pseudonymous story is, never dropped. */
export function pseudonymNote(
  label: string,
  show: boolean | undefined,
): TemplateResult | typeof nothing {
  return show ? html`<p class="note">${label}</p>` : nothing;
}
