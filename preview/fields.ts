/** The form fields the preview is built from: a group of radio buttons and a labelled select. */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

export interface Option<T> {
  value: T;
  label: string | TemplateResult;
}

export function radios<T extends string | number>(
  name: string,
  legend: string,
  options: ReadonlyArray<Option<T>>,
  selected: T,
  onPick: (value: T) => void,
  className = 'segmented',
): TemplateResult {
  return html`
    <fieldset class=${className}>
      <legend>${legend}</legend>
      <div class="options">
        ${options.map(
          (option) => html`
            <label>
              <input
                type="radio"
                name=${name}
                .value=${String(option.value)}
                .checked=${live(option.value === selected)}
                @change=${() => onPick(option.value)}
              />
              <span>${option.label}</span>
            </label>
          `,
        )}
      </div>
    </fieldset>
  `;
}

export function select(
  id: string,
  label: string,
  options: ReadonlyArray<{ value: string; label: string }>,
  selected: string,
  onPick: (value: string) => void,
): TemplateResult {
  return html`
    <div class="field">
      <label for=${id}>${label}</label>
      <select
        id=${id}
        .value=${live(selected)}
        @change=${(e: Event) => onPick((e.target as HTMLSelectElement).value)}
      >
        ${options.map(
          (o) =>
            html`<option value=${o.value} ?selected=${o.value === selected}>${o.label}</option>`,
        )}
      </select>
    </div>
  `;
}
