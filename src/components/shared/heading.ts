import { html, type TemplateResult } from 'lit';

/** `heading-level` as a level a widget uses: 2 to 6, 2 when it is not a number. */
export function clampHeading(level: number): number {
  return Math.min(6, Math.max(2, Math.round(level) || 2));
}

/**
 * A real `<h2>`–`<h6>`, the `title` part (static tags, so no `unsafeStatic`; static attributes,
 * so a copy sets none).
 */
export function headingTemplate(level: number, content: unknown): TemplateResult {
  switch (clampHeading(level)) {
    case 3:
      return html`<h3 class="title" part="title">${content}</h3>`;
    case 4:
      return html`<h4 class="title" part="title">${content}</h4>`;
    case 5:
      return html`<h5 class="title" part="title">${content}</h5>`;
    case 6:
      return html`<h6 class="title" part="title">${content}</h6>`;
    default:
      return html`<h2 class="title" part="title">${content}</h2>`;
  }
}
