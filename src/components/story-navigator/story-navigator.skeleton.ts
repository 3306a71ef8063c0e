import { html, nothing, type TemplateResult } from 'lit';

const line = (extra = ''): TemplateResult =>
  html`<span class="skeleton-block line ${extra}"></span>`;

/**
 * The navigator while its feed loads: the same blocks, in the same order, as the rendered
 * widget, so the host page does not shift when the content arrives.
 */
export function navigatorSkeleton(
  compact: boolean,
  reader: boolean,
  loading: string,
): TemplateResult {
  const pager = html`<div class="pager">
    <span class="skeleton-block pager-block"></span>
    <span class="skeleton-block pager-block"></span>
  </div>`;
  return html`
    <div
      class="navigator skeleton ${compact ? 'compact' : 'full'} ${reader ? 'reader' : ''}"
      part="base"
      aria-busy="true"
    >
      <span class="visually-hidden">${loading}</span>
      ${
        compact
          ? html`<div class="header">${line('short')}${pager}</div>`
          : html`<div class="header">
              ${line('short')} ${line('title-line')} ${reader ? nothing : line('note-line')}
            </div>`
      }
      ${
        reader
          ? html`<div class="reading">
                ${line('title-line')} ${[1, 2, 3, 4, 5, 6].map(() => line())}
              </div>
              ${pager}`
          : nothing
      }
      ${
        compact
          ? nothing
          : html`<div class="parts">
              ${[1, 2, 3].map(
                () =>
                  html`<div class="part">
                    <span class="skeleton-block number"></span>
                    <div class="text">
                      ${line('name-line')} ${line()} ${line('short')} ${line('warning-line')}
                    </div>
                  </div>`,
              )}
            </div>`
      }
      ${compact || reader ? nothing : pager}
    </div>
  `;
}
