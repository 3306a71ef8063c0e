import { html, nothing, type TemplateResult } from 'lit';

/**
 * The report while its feed loads: the loaded report's rows, drawn inside the height the loaded
 * report takes at this width (`.skeleton .details` in the styles), so the host page does not
 * shift when the content arrives.
 */
export function reportSkeleton(cover: boolean, loading: string): TemplateResult {
  return html`
    <div class="report skeleton ${cover ? 'has-cover' : ''}" part="base" aria-busy="true">
      <span class="visually-hidden">${loading}</span>
      ${
        cover
          ? html`<div class="cover" part="media"><div class="skeleton-block"></div></div>`
          : nothing
      }
      <!-- The loaded report's rows: a two-line title, publisher, four facts, a two-paragraph
           summary, two language versions with their checksums, the citation and its button. -->
      <div class="details" aria-hidden="true">
        <div class="lines">
          <span class="skeleton-block line title-line"></span>
          <span class="skeleton-block line title-line short"></span>
        </div>
        <div class="lines">
          <span class="skeleton-block line"></span>
          <span class="skeleton-block line short"></span>
        </div>
        <div class="lines">
          ${[1, 2, 3, 4].map(() => html`<span class="skeleton-block line short"></span>`)}
        </div>
        <div class="lines">
          ${[1, 2, 3].map(() => html`<span class="skeleton-block line"></span>`)}
          <span class="skeleton-block line short"></span>
          <span class="skeleton-block line paragraph"></span>
          <span class="skeleton-block line short"></span>
        </div>
        <ul class="downloads">
          ${[1, 2].map(
            () =>
              html`<li class="download">
                <span class="skeleton-block button-block"></span>
                <span class="skeleton-block checksum-block"></span>
              </li>`,
          )}
        </ul>
        <div class="footer">
          <div class="lines citation-lines">
            ${[1, 2, 3].map(() => html`<span class="skeleton-block line"></span>`)}
            <span class="skeleton-block line short"></span>
          </div>
          <span class="skeleton-block button-block citation"></span>
        </div>
      </div>
    </div>
  `;
}
