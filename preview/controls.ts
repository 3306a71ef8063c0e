/** The panels down the side: the content, the widget and what it shows, its appearance. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { elementKinds, type ElementKind } from '../src/tags.js';
import type { Catalogue } from './catalogue.js';
import { radios, select } from './fields.js';
import { THEMES, type Language, type PreviewState, type Source } from './state.js';
import type { PreviewStrings } from './strings.js';
import { chosenLayout, widgets } from './widgets.js';

export interface ControlActions {
  set: (change: Partial<PreviewState>) => void;
  pickSource: (source: Source) => void;
  pickWidget: (widget: ElementKind) => void;
  pickLanguage: (language: Language) => void;
  submitFeedUrl: (event: SubmitEvent) => void;
  editDraft: (text: string) => void;
  applyDraft: () => void;
}

export interface ControlsInput {
  state: PreviewState;
  strings: PreviewStrings;
  catalogue: Catalogue;
  isDraft: boolean;
  /**
   * The content field's value is the problem the status area names (`#source-problem`: an
   * address that is not one or whose feed cannot be read, an empty or unreadable draft): the
   * field says so to assistive technology too, and that message describes it.
   */
  invalid: boolean;
  actions: ControlActions;
}

/** English and Korean, each named in its own language. */
export const languageOptions = [
  { value: 'en' as Language, label: html`<span lang="en">English</span>` },
  { value: 'ko' as Language, label: html`<span lang="ko">한국어</span>` },
];

function sourceFields({ state, strings: s, invalid, actions }: ControlsInput) {
  const describedBy = (hint: string) => (invalid ? `${hint} source-problem` : hint);
  if (state.source === 'url') {
    // The address field's value is bound without live(): the address becomes the state only when
    // submitted, and until then what the staff member typed must survive a re-render (another
    // control, a message from the frame). live() used to put the old address back.
    return html`
      <form class="field inline-form" @submit=${actions.submitFeedUrl}>
        <label for="feed-url">${s.feedUrl}</label>
        <p class="hint" id="feed-url-hint">${s.feedUrlHint}</p>
        <div class="row">
          <input
            id="feed-url"
            name="feed-url"
            type="url"
            inputmode="url"
            autocomplete="url"
            spellcheck="false"
            placeholder="https://"
            aria-describedby=${describedBy('feed-url-hint')}
            aria-invalid=${invalid ? 'true' : 'false'}
            .value=${state.feedUrl}
          />
          <button class="button" type="submit">${s.loadFeed}</button>
        </div>
      </form>
    `;
  }
  if (state.source === 'draft') {
    return html`
      <div class="field">
        <label for="draft">${s.draft}</label>
        <p class="hint" id="draft-hint">${s.draftHint}</p>
        <textarea
          id="draft"
          rows="10"
          spellcheck="true"
          aria-describedby=${describedBy('draft-hint')}
          aria-invalid=${invalid ? 'true' : 'false'}
          .value=${live(state.draft)}
          @input=${(e: Event) => actions.editDraft((e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <button class="button" type="button" @click=${actions.applyDraft}>${s.showDraft}</button>
      </div>
    `;
  }
  return nothing;
}

export function controlPanels(input: ControlsInput): TemplateResult {
  const { state, strings: s, catalogue, isDraft, actions } = input;
  const entry = widgets[state.widget];
  const layout = chosenLayout(state);
  const sources: Array<{ value: Source; label: string }> = [
    { value: 'demo', label: s.sourceDemo },
    { value: 'series12', label: s.sourceSeries12 },
    { value: 'url', label: s.sourceUrl },
    { value: 'draft', label: s.sourceDraft },
  ];
  return html`
    <section class="panel" aria-labelledby="content-heading">
      <h2 id="content-heading">${s.contentHeading}</h2>
      ${select('source', s.source, sources, state.source, (source) =>
        actions.pickSource(source as Source),
      )}
      ${sourceFields(input)}
    </section>

    <section class="panel" aria-labelledby="widget-heading">
      <h2 id="widget-heading">${s.widgetHeading}</h2>
      ${radios(
        'widget',
        s.widget,
        elementKinds.map((kind) => ({
          value: kind,
          label: html`<strong>${s.widgetNames[kind]}</strong
            ><small>${s.widgetBlurbs[kind]}</small>`,
        })),
        state.widget,
        actions.pickWidget,
        'cards',
      )}
      ${entry.controls({ state, catalogue, isDraft, layout, strings: s, set: actions.set })}
      ${
        entry.layouts.length
          ? select(
              'layout',
              s.layout,
              entry.layouts.map((l) => ({ value: l, label: s.layouts[l] ?? l })),
              layout,
              (picked) => actions.set({ layout: { ...state.layout, [state.widget]: picked } }),
            )
          : nothing
      }
    </section>

    <section class="panel" aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">${s.appearanceHeading}</h2>
      ${radios('language', s.language, languageOptions, state.language, actions.pickLanguage)}
      ${select(
        'theme',
        s.theme,
        THEMES.map((value) => ({ value, label: s.themes[value] ?? value })),
        state.theme,
        (theme) => actions.set({ theme }),
      )}
      <div class="field check">
        <input
          id="hide-images"
          type="checkbox"
          aria-describedby="hide-images-hint"
          .checked=${live(state.hideImages)}
          @change=${(e: Event) =>
            actions.set({ hideImages: (e.target as HTMLInputElement).checked })}
        />
        <label for="hide-images">${s.hideImages}</label>
        <p class="hint" id="hide-images-hint">${s.hideImagesHint}</p>
      </div>
    </section>
  `;
}
