/** The preview column: what the widget reported, the widget at its width, and its embed code. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FeedWarning } from '../src/content/types.js';
import type { WidgetStatus } from './channel.js';
import type { Withheld } from './embed.js';
import type { PreviewState } from './state.js';
import type { PreviewStrings } from './strings.js';

export interface StatusInput {
  strings: PreviewStrings;
  /** The page's own reason there is no widget yet (a bad address, an unreadable draft). */
  blocked: string | undefined;
  status: WidgetStatus;
  /** The feed at another address could not be read. */
  feedProblem: string | undefined;
  warnings: readonly FeedWarning[];
  linkNote: string;
  /** Why the code is withheld, if it is (see Embed.withheld). */
  withheld?: Withheld;
}

/**
 * Whether the status names a problem of the content (`#source-problem`): the page's own (a bad
 * address, an unreadable draft), the feed at the address, or the widget's error.
 */
export function sourceProblem({ blocked, status, feedProblem }: StatusInput): boolean {
  return !!blocked || !!feedProblem || status.kind === 'error';
}

export function statusLine(input: StatusInput): TemplateResult {
  const { strings: s, blocked, status, feedProblem, warnings, linkNote, withheld } = input;
  let main: TemplateResult;
  if (blocked) {
    main = html`<p class="status problem" id="source-problem">${blocked}</p>`;
  } else if (status.kind === 'error') {
    main = html`<p class="status error" id="source-problem">
      <strong>${s.statusError}</strong> <span class="cause">${status.message}</span>
    </p>`;
  } else if (status.kind === 'missing') {
    main = html`<p class="status problem">${s.notInBuild(status.tag)}</p>`;
  } else if (status.kind === 'ready' && withheld) {
    const text = withheld === 'problems' ? s.statusRefused : s.statusNotAsPartners;
    main = html`<p class="status problem">${text}</p>`;
  } else if (status.kind === 'ready') {
    main = html`<p class="status ok">${s.statusLoaded(status.items)}</p>`;
  } else {
    main = html`<p class="status">${s.statusLoading}</p>`;
  }
  return html`
    <div class="status-area" role="status" aria-live="polite">
      ${main}
      ${
        feedProblem && !blocked && status.kind !== 'error'
          ? html`<p class="status error" id="source-problem">
              ${s.problems.feedUnreadable(feedProblem)}
            </p>`
          : nothing
      }
      ${
        warnings.length
          ? html`<div class="warnings">
              <p>${s.warnings(warnings.length)}</p>
              <ul>
                ${warnings
                  .slice(0, 8)
                  .map((w) => html`<li><code>${readablePath(s, w.path)}</code>: ${w.message}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${linkNote ? html`<p class="status note">${s.linkNote(linkNote)}</p>` : nothing}
    </div>
  `;
}

export interface StageInput {
  strings: PreviewStrings;
  state: PreviewState;
  hidden: boolean;
  /** The width the stage has on this screen; a wider preview is scaled down to fit. */
  stageWidth: number;
  frameHeight: number;
}

export function stage({ strings: s, state, hidden, stageWidth, frameHeight }: StageInput) {
  const { width } = state;
  const scale = stageWidth > 0 ? Math.min(1, stageWidth / width) : 1;
  const percent = Math.round(scale * 100);
  return html`
    <div class="stage" data-width=${width}>
      <p class="stage-caption">
        <span>${s.widths[String(width)]} · ${width} px</span>
        ${percent < 100 ? html`<span>${s.scaled(percent)}</span>` : nothing}
      </p>
      <div
        class="device ${width === 360 ? 'phone' : ''}"
        style="width:${Math.round(width * scale)}px;height:${Math.round(frameHeight * scale)}px"
        ?hidden=${hidden}
      >
        <iframe
          id="stage-frame"
          src="./frame.html"
          title=${s.frameTitle(s.widgetNames[state.widget])}
          style="width:${width}px;height:${frameHeight}px;transform:scale(${scale})"
        ></iframe>
      </div>
      ${hidden ? html`<div class="empty-stage" aria-hidden="true"></div>` : nothing}
    </div>
  `;
}

export interface CopyNote {
  text: string;
  /** The clipboard was not available: the code is selected for Ctrl+C instead. */
  fallback: boolean;
}

/** A warning's path as staff count items, from 1: `items[3].image` is "item 4.image". */
function readablePath(s: PreviewStrings, path: string): string {
  return path.replace(/^items\[(\d+)\]/, (_, index: string) => s.itemNumber(Number(index)));
}

export interface EmbedSectionInput {
  strings: PreviewStrings;
  state: PreviewState;
  code: string;
  /** Why there is no code, if there is none (see Embed.withheld). */
  withheld: Withheld | undefined;
  /** The widget showed its error state: the code would give partners the same. */
  failed: boolean;
  copyNote: CopyNote | undefined;
  onCopy: () => void;
}

export function embedSection({
  strings: s,
  state,
  code,
  withheld,
  failed,
  copyNote,
  onCopy,
}: EmbedSectionInput) {
  const hasPlaceholder = /YOUR-/.test(code);
  const note =
    state.source === 'draft'
      ? s.draftInlineNote
      : state.source === 'url'
        ? s.scriptNote
        : s.placeholderNote;
  const rows = Math.min(18, Math.max(4, code.split('\n').length));
  return html`
    <section class="panel embed" aria-labelledby="embed-heading">
      <h2 id="embed-heading">${s.embedHeading}</h2>
      <p>${s.embedIntro}</p>
      <label for="embed-code" class="visually-hidden">${s.embedCode}</label>
      <textarea
        id="embed-code"
        readonly
        spellcheck="false"
        rows=${rows}
        aria-describedby=${hasPlaceholder ? 'embed-note' : nothing}
        .value=${live(code)}
      ></textarea>
      <div class="row">
        <button
          class="button primary"
          type="button"
          ?disabled=${!code}
          aria-describedby=${failed ? 'embed-failed' : withheld ? 'embed-withheld' : nothing}
          @click=${onCopy}
        >
          ${copyNote && !copyNote.fallback ? `✓ ${s.copied}` : s.copy}
        </button>
        <p class="copy-note ${copyNote?.fallback ? 'fallback' : ''}" role="status">
          ${copyNote?.text ?? ''}
        </p>
      </div>
      ${
        withheld
          ? html`<p class="hint failed" id="embed-withheld">
              ${withheld === 'problems' ? s.codeRefused : s.codeWithheld}
            </p>`
          : nothing
      }
      ${failed ? html`<p class="hint failed" id="embed-failed">${s.copyFailedNote}</p>` : nothing}
      ${hasPlaceholder ? html`<p class="hint" id="embed-note">${note}</p>` : nothing}
    </section>
  `;
}
