/**
 * The staff preview (`npm start`): pick a widget, its content and its look, see it at a real
 * width — alone or on a partner's page — and copy the embed code. The widget itself is the
 * library's, loaded in a frame exactly as a partner's page loads it.
 */
import { html, LitElement, type PropertyDeclarations } from 'lit';
import { loadFeed } from '../src/content/load.js';
// The content API: every field read, the series the navigator picker lists included.
import { parseFeedOrItem } from '../src/content/index.js';
import type { ElementKind } from '../src/tags.js';
import type { Catalogue } from './catalogue.js';
import { FrameChannel } from './channel.js';
import { controlPanels, languageOptions, type ControlActions } from './controls.js';
import { draftNotes, draftProblems, readDraft, type DraftResult } from './draft.js';
import { embed, feedAddress, insecureAddress, type Embed, type FeedAddresses } from './embed.js';
import { radios } from './fields.js';
import { embedSnippet } from './snippet.js';
import {
  embedSection,
  sourceProblem,
  stage,
  statusLine,
  type CopyNote,
  type StatusInput,
} from './stage.js';
import { readState, stateQuery, VIEWS, WIDTHS, type PreviewState, type Width } from './state.js';
import { stringsFor, type PreviewStrings } from './strings.js';
import { widgets } from './widgets.js';

const env = (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env ?? {};

/** Where partners load the library from; set VITE_LANTERN_SCRIPT_URL to fill in the real one. */
const SCRIPT_URL =
  env.VITE_LANTERN_SCRIPT_URL || 'https://YOUR-CDN/lantern-widgets/dist/cdn/lantern.js';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A pause in typing this long applies the draft. */
const DRAFT_DELAY_MS = 600;

export class StaffPreview extends LitElement {
  static override properties: PropertyDeclarations = {
    state: { state: true },
    catalogue: { state: true },
    draft: { state: true },
    urlRejected: { state: true },
    copyNote: { state: true },
    stageWidth: { state: true },
  };

  declare state: PreviewState;
  /** The feed whose items the choosers offer. */
  declare catalogue: Catalogue;
  /** The draft as last applied ("Show draft" or a pause in typing). */
  declare draft: DraftResult | undefined;
  /** A feed address was submitted that is not one. */
  declare urlRejected: boolean;
  declare copyNote: CopyNote | undefined;
  declare stageWidth: number;

  private readonly channel = new FrameChannel(this, () => this.querySelector('#stage-frame'));
  private readonly addresses: FeedAddresses = {
    demo: new URL('../demo/feed.json', document.baseURI).href,
    series12: new URL('../demo/series-12.json', document.baseURI).href,
    publicFeed: env.VITE_LANTERN_FEED_URL || 'https://YOUR-NGO/feed.json',
  };
  private catalogueKey = '';
  private current: Embed | undefined;
  /** The code the "Copied" note stands for. */
  private copiedCode = '';
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly resize = new ResizeObserver((entries) => {
    this.stageWidth = Math.floor(entries[0]?.contentRect.width ?? 0);
  });

  /** On a phone the desktop frame would show at a quarter of its size: the phone's is the default. */
  private readonly defaultWidth: Width = matchMedia('(max-width: 40em)').matches ? 360 : 1200;

  constructor() {
    super();
    const ui = document.documentElement.lang === 'ko' ? 'ko' : 'en';
    const layoutsOf = (kind: ElementKind) => widgets[kind].layouts;
    this.state = readState(new URLSearchParams(location.search), layoutsOf, ui, this.defaultWidth);
    this.catalogue = { loading: true };
    this.draft = undefined;
    this.urlRejected = false;
    this.copyNote = undefined;
    this.stageWidth = 0;
    this.channel.onPart = (part) => this.actions.set({ part });
  }

  /** The page's stylesheet styles the app: it renders into the page, not a shadow root. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.draftTimer);
    this.resize.disconnect();
  }

  private get strings(): PreviewStrings {
    return stringsFor(this.state.ui);
  }

  private readonly actions: ControlActions = {
    set: (change) => {
      this.state = { ...this.state, ...change };
      this.copyNote = undefined;
    },
    pickSource: (source) => {
      this.catalogueKey = '';
      // A rejected address belongs to the field as it was; coming back shows the one in use.
      this.urlRejected = false;
      this.actions.set({ source, part: 0, series: '', tag: '' });
      // The draft was read for the widget and language of its time; both may have changed since.
      if (source === 'draft' && this.draft) this.actions.applyDraft();
    },
    pickWidget: (widget) => {
      this.actions.set({ widget });
      // A draft without a series is shown as one only in the navigator.
      const kind = this.draft?.ok ? this.draft.kind : undefined;
      if (this.state.source === 'draft' && (kind === 'markdown' || kind === 'frontMatter')) {
        this.actions.applyDraft();
      }
    },
    pickLanguage: (language) => {
      this.actions.set({ language });
      if (this.state.source === 'draft' && this.draft?.ok) this.actions.applyDraft();
    },
    submitFeedUrl: (event) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const input = form.elements.namedItem('feed-url') as HTMLInputElement;
      const value = input.value.trim();
      let valid = false;
      try {
        valid = /^https?:$/.test(new URL(value).protocol);
      } catch {
        valid = false;
      }
      this.urlRejected = !valid;
      this.catalogueKey = '';
      if (valid) this.actions.set({ feedUrl: value });
      else input.focus();
    },
    editDraft: (text) => {
      this.state = { ...this.state, draft: text };
      clearTimeout(this.draftTimer);
      this.draftTimer = setTimeout(this.actions.applyDraft, DRAFT_DELAY_MS);
    },
    applyDraft: () => {
      clearTimeout(this.draftTimer);
      this.draftTimer = undefined;
      const { draft, language, widget } = this.state;
      this.draft = readDraft(draft, { language, asSeries: widget === 'navigator' });
      this.catalogueKey = '';
      this.copyNote = undefined;
    },
  };

  /** The partner's code for the current choices ('' while something blocks it). */
  private code(): string {
    return this.current && !this.current.withheld
      ? embedSnippet(this.current.spec, SCRIPT_URL)
      : '';
  }

  private async copy(): Promise<void> {
    // Typed just before the click, not yet applied: the code copied is the draft as it is now.
    if (this.draftTimer !== undefined) {
      this.actions.applyDraft();
      await this.updateComplete;
    }
    const field = this.querySelector<HTMLTextAreaElement>('#embed-code');
    if (!field?.value) return;
    this.copiedCode = field.value;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(field.value);
      this.copyNote = { text: this.strings.copiedNote, fallback: false };
    } catch {
      // Clipboard blocked (an insecure address, a policy, an old browser): select it for Ctrl+C.
      field.focus();
      field.select();
      this.copyNote = { text: this.strings.copyFallback, fallback: true };
    }
  }

  /** Loads (or reads the draft into) the feed whose items the choosers offer, when it changes. */
  private refreshCatalogue(): void {
    const { state } = this;
    const address = feedAddress(state, this.addresses);
    const key = state.source === 'draft' ? 'draft' : `src:${address}`;
    if (key === this.catalogueKey) return;
    this.catalogueKey = key;
    if (state.source === 'draft' || !address) {
      this.catalogue = { loading: false };
      if (state.source !== 'draft' || !this.draft?.ok) return;
      try {
        // What the frame shows (a draft without a series is shown as one, for the navigator).
        const shown =
          'shown' in this.draft && this.draft.shown ? this.draft.shown : this.draft.feed;
        this.catalogue = { loading: false, parsed: parseFeedOrItem(shown) };
      } catch (error) {
        // The widget reports the same problem itself; the choosers just stay empty.
        this.catalogue = { loading: false, problem: messageOf(error) };
      }
      return;
    }
    this.catalogue = { loading: true };
    loadFeed(address, { reload: state.source === 'url' }).then(
      (parsed) => {
        if (this.catalogueKey === key) this.catalogue = { loading: false, parsed };
      },
      (error: unknown) => {
        if (this.catalogueKey === key)
          this.catalogue = { loading: false, problem: messageOf(error) };
      },
    );
  }

  /** Why there is nothing to hand to a widget yet (the page's own check, before any widget). */
  private blocked(): string | undefined {
    const p = this.strings.problems;
    const { state, draft } = this;
    if (state.source === 'url' && (this.urlRejected || !state.feedUrl)) return p.urlInvalid;
    if (state.source !== 'draft') return undefined;
    if (!draft) return p.draftEmpty;
    if (draft.ok) return undefined;
    const { problem } = draft;
    return 'detail' in problem ? p[problem.key](problem.detail) : p[problem.key];
  }

  protected override willUpdate(): void {
    this.refreshCatalogue();
    const { state, catalogue, draft, addresses } = this;
    this.current = this.blocked() ? undefined : embed({ state, catalogue, draft, addresses });
    // "Copied" stands for the code as copied: once the code changes (a feed arrived, a setting
    // changed), the note goes.
    if (this.copyNote && this.code() !== this.copiedCode) this.copyNote = undefined;
    // Sent before rendering, so the status it resets is the one rendered.
    const waitForFeed = state.source !== 'draft' && catalogue.loading;
    if (!this.current) this.channel.forget();
    else if (waitForFeed) this.channel.wait();
    else this.channel.send(this.current.frame);
  }

  protected override firstUpdated(): void {
    this.resize.observe(this.querySelector('.stage')!);
  }

  protected override updated(): void {
    document.documentElement.lang = this.state.ui;
    document.title = this.strings.pageTitle;
    const query = stateQuery(this.state, this.defaultWidth);
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  protected override render() {
    const { state, catalogue, strings: s, channel } = this;
    const blocked = this.blocked();
    const isDraft = state.source === 'draft';
    const warnings = !isDraft || this.draft?.ok ? [...(catalogue.parsed?.warnings ?? [])] : [];
    const code = this.code();
    if (isDraft && this.draft?.ok) {
      warnings.push(...draftProblems(this.draft, state.widget, s));
      warnings.push(...draftNotes(this.draft.feed, s));
    }
    if (state.source === 'url' && state.feedUrl && insecureAddress(state.feedUrl)) {
      warnings.unshift({ path: 'src', message: s.insecureFeed(state.feedUrl) });
    }
    const status: StatusInput = {
      strings: s,
      blocked,
      status: channel.status,
      feedProblem: state.source === 'url' ? catalogue.problem : undefined,
      warnings,
      linkNote: channel.linkNote,
      withheld: this.current?.withheld,
    };
    return html`
      <header class="top">
        <div class="brand">
          <span class="logo" aria-hidden="true"></span>
          <div>
            <h1>${s.pageTitle}</h1>
            <p>${s.intro}</p>
          </div>
        </div>
        ${radios(
          'ui',
          s.interfaceLanguage,
          languageOptions,
          state.ui,
          (ui) => this.actions.set({ ui }),
          'segmented compact',
        )}
      </header>
      <div class="layout">
        <div class="controls">
          ${controlPanels({
            state,
            strings: s,
            catalogue,
            isDraft,
            // Not before the staff member has given an address or written a draft.
            invalid:
              sourceProblem(status) &&
              (isDraft ? blocked !== s.problems.draftEmpty : this.urlRejected || !!state.feedUrl),
            actions: this.actions,
          })}
        </div>
        <main class="preview" aria-labelledby="preview-heading">
          <div class="toolbar">
            <h2 id="preview-heading">${s.previewHeading}</h2>
            ${radios(
              'width',
              s.width,
              WIDTHS.map((w) => ({
                value: w,
                label: html`${s.widths[String(w)]} <small>${w}</small>`,
              })),
              state.width,
              (width) => this.actions.set({ width }),
            )}
            ${radios(
              'view',
              s.view,
              VIEWS.map((v) => ({ value: v, label: s.views[v] ?? v })),
              state.view,
              (view) => this.actions.set({ view }),
            )}
          </div>
          ${statusLine(status)}
          ${stage({
            strings: s,
            state,
            hidden: !!blocked,
            stageWidth: this.stageWidth,
            frameHeight: channel.height,
          })}
          ${embedSection({
            strings: s,
            state,
            code,
            withheld: this.current?.withheld,
            // Only while there is code to copy: an unreadable draft leaves none.
            failed: !!code && channel.status.kind === 'error',
            copyNote: this.copyNote,
            onCopy: () => void this.copy(),
          })}
        </main>
      </div>
    `;
  }
}
