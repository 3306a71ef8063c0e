import { html, type TemplateResult } from 'lit';

/** `heading-level` as a level a widget uses: 2 to 6, 2 when it is not a number. */
export function clampHeading(level: number): number {
  return Math.min(6, Math.max(2, Math.round(level) || 2));
}

/**
 * Strings for `html` built at run time (what `lit/static-html` builds, without its 0.2 KB and
 * its lookup on every render): built once, as Lit keeps a template per strings array.
 */
export const templateStrings = (strings: string[]): TemplateStringsArray =>
  Object.assign(strings, { raw: strings }) as unknown as TemplateStringsArray;

/** `<h2>` to `<h6>` (index: level - 2), with the `title` part. */
const HEADINGS = [...'23456'].map((n) =>
  templateStrings([`<h${n} class="title" part="title">`, `</h${n}>`]),
);

/**
 * A real `<h2>`–`<h6>`, the `title` part (static tags, so no `unsafeStatic`; static attributes,
 * so a copy sets none).
 */
export function headingTemplate(level: number, content: unknown): TemplateResult {
  return html(HEADINGS[clampHeading(level) - 2]!, content);
}
