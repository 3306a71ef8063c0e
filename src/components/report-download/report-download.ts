import {
  html,
  isServer,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { hasRichBody, renderRichContent } from '../../content/rich.js';
import type { Attachment, FeedItem, ParsedFeed } from '../../content/types.js';
import { formatDate, formatList, formatName, formatSize, languageName } from '../../i18n/index.js';
import { hostStyles } from '../../theme/tokens.js';
import { pickItem } from '../../content/items.js';
import { lanternEvent } from '../shared/events.js';
import { headingTemplate } from '../shared/heading.js';
import { contentWarning, feedImage, isWarned, pseudonymNote } from '../shared/templates.js';
import { LanternElement } from '../shared/lantern-element.js';
import { reportDownloadStyles } from './report-download.styles.js';

/** `detail` of `lantern-download`: what is about to be downloaded. */
export interface LanternDownloadDetail {
  url: string;
  /** The version's language tag (`en`, `ko`), when the feed gives one. */
  language: string | undefined;
  mime_type: string;
  size_in_bytes: number | undefined;
}

export interface ReportView {
  item: FeedItem;
  /** The attachments offered as downloads: only files on the web (http:, https:). */
  downloads: Attachment[];
  /** The sanitised summary body (markdown or HTML through the content layer). */
  body: DocumentFragment | undefined;
}

type CopyOutcome = { key: string; outcome: 'copied' | 'failed' };

const CONFIRMATION_MS = 5000;

/** A download is a file on the web; a `mailto:` (or any other) "attachment" is not one. */
function isDownload(attachment: Attachment): boolean {
  return /^https?:/i.test(attachment.url);
}

function primaryLanguage(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? '';
}

/** The versions to offer, the one in the reader's language first; otherwise the feed's order. */
export function orderDownloads(attachments: readonly Attachment[], locale: string): Attachment[] {
  const reader = primaryLanguage(locale);
  const matches = (a: Attachment) =>
    a._lantern?.language !== undefined && primaryLanguage(a._lantern.language) === reader;
  return [...attachments.filter(matches), ...attachments.filter((a) => !matches(a))];
}

/**
 * What a feed could hide in text a reader pastes elsewhere: terminal escape sequences, control
 * characters, bidi overrides and marks (text that displays in another order than it pastes) and
 * zero-width characters.
 */
const TERMINAL_ESCAPES =
  // eslint-disable-next-line no-control-regex
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])/g;
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const LINE_BREAKS = /[\t\n\r\u0085\u2028\u2029]+/g;

/** Text safe to copy and paste: one line, nothing invisible, nothing reordered. */
export function plainCopyText(text: string): string {
  return text
    .replace(TERMINAL_ESCAPES, '')
    .replace(INVISIBLE, '')
    .replace(LINE_BREAKS, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * The citation to copy, exactly as shown: the feed's own `_lantern.report.citation`, else one
 * composed from publisher, year, title and URL ("NKDB. (2024). Title. https://…"); always
 * through `plainCopyText`.
 */
export function reportCitation(item: FeedItem): string {
  return plainCopyText(composedCitation(item));
}

function composedCitation(item: FeedItem): string {
  const report = item._lantern?.report;
  if (report?.citation) return report.citation;
  const publisher =
    report?.publisher ??
    formatList(
      (item.authors ?? []).map((a) => a.name).filter((n): n is string => !!n),
      item.language ?? 'en',
    );
  const year = /^(\d{4})/.exec(item.date_published ?? '')?.[1];
  const sentence = (text: string | undefined) =>
    text ? `${text.trim().replace(/[.\s]+$/, '')}.` : undefined;
  return [
    sentence(publisher),
    year ? `(${year}).` : undefined,
    sentence(item.title),
    item.url ?? item.external_url,
  ]
    .filter((part): part is string => !!part)
    .join(' ');
}

/**
 * What tells apart download links that would otherwise share a name (same language, or
 * none): the format, else the attachment's title, else its size. Unique links get nothing.
 * Linear in the number of links: each candidate name is counted once per group.
 */
export function downloadDistinctions(
  downloads: readonly Attachment[],
  locale: string,
): (string | undefined)[] {
  const formats = downloads.map((a) => formatName(a.mime_type));
  const candidates: ((a: Attachment, i: number) => string)[] = [
    (_, i) => formats[i] as string,
    (a, i) => [formats[i], a.title].filter(Boolean).join(', '),
    (a, i) => [formats[i], a.title, formatSize(a.size_in_bytes, locale)].filter(Boolean).join(', '),
  ];
  const groups = new Map<string, number[]>();
  downloads.forEach((a, i) => {
    const language = a._lantern?.language ?? '';
    const group = groups.get(language);
    if (group) group.push(i);
    else groups.set(language, [i]);
  });
  const result: (string | undefined)[] = downloads.map(() => undefined);
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    let unresolved = members;
    for (const make of candidates) {
      // A name counts against every other link of the group, resolved or not.
      const names = members.map((i) => make(downloads[i] as Attachment, i));
      const counts = new Map<string, number>();
      for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
      const byIndex = new Map(members.map((i, k) => [i, names[k] as string]));
      unresolved = unresolved.filter((i) => {
        const name = byIndex.get(i) as string;
        if (counts.get(name) !== 1) return true;
        result[i] = name;
        return false;
      });
      if (!unresolved.length) break;
    }
    for (const i of unresolved) result[i] = String(i + 1);
  }
  return result;
}

/** "a455b64b…912be6ac": enough to compare by eye, short enough to read. */
export function shortChecksum(sha256: string): string {
  return sha256.length > 20 ? `${sha256.slice(0, 8)}…${sha256.slice(-8)}` : sha256;
}

const sep = html`<span class="sep" aria-hidden="true"> · </span>`;

const downloadIcon = html`<svg viewBox="0 0 20 20" aria-hidden="true" fill="currentColor">
  <path
    d="M10 2.5a1 1 0 0 1 1 1v8.09l2.8-2.8a1 1 0 1 1 1.4 1.42l-4.5 4.5a1 1 0 0 1-1.4 0l-4.5-4.5a1 1 0 1 1 1.4-1.42L9 11.6V3.5a1 1 0 0 1 1-1ZM3.5 15.5a1 1 0 0 1 1 1h11a1 1 0 1 1 0 2h-11a2 2 0 0 1-2-2 1 1 0 0 1 1-1Z"
  />
</svg>`;

/**
 * A research report offered for download: cover, title, publisher, date, edition, page count,
 * licence, document id, summary, one direct download per language version (format and size
 * shown; only `http:`/`https:` files, a `mailto:` attachment is never offered as a download),
 * SHA-256 checksums and the citation with a "Copy citation" button (what is shown is exactly
 * what is copied). A content warning comes first; a warned report's cover and summary stay
 * hidden (the cover is not even requested) until the reader presses "Show content". No email gate and no tracker: a
 * partner counts downloads with its own code by listening for `lantern-download`.
 *
 * @summary A report-download block for a partner's page.
 * @tagname lantern-report-download
 *
 * @slot - Fallback content shown before the element upgrades and again if loading fails,
 *   e.g. a plain `<a href>` to the PDF. Also where an inline
 *   `<script type="application/feed+json">` goes.
 *
 * @attr {string} src - URL of a JSON Feed.
 * @attr {string} item - Id of the report item (default: the first item).
 * @attr {boolean} hide-images - Show no cover and make no image request.
 * @attr {boolean} reveal-warned - Show a warned report's cover and summary at once, under its
 *   content warning, instead of behind a "Show content" button.
 * @attr {'light'|'dark'|'auto'} theme - Colour scheme; default follows the host page.
 * @attr {number} heading-level - Heading level of the title (2–6, default 2).
 * @attr {string} lang - Interface language (`en`, `ko`); default: closest `[lang]`. The
 *   version in this language is listed first.
 *
 * @prop {FeedItem} item - An item object (frameworks); takes precedence over `src`.
 * @prop {Feed} feed - A whole feed object (frameworks); takes precedence over everything.
 *
 * @fires {CustomEvent<LanternLoadDetail>} lantern-load - The report has rendered.
 * @fires {CustomEvent<LanternErrorDetail>} lantern-error - Loading or validation failed; `detail` names the cause.
 * @fires {CustomEvent<LanternDownloadDetail>} lantern-download - A download link was activated,
 *   before the download starts; `detail` is `{url, language, mime_type, size_in_bytes}`.
 *   Cancelable: `preventDefault()` stops the download.
 *
 * @csspart base - The block.
 * @csspart media - The cover image.
 * @csspart title - The title heading.
 * @csspart meta - Publisher and page count; the list of facts (date, edition, licence, id).
 * @csspart summary - The summary.
 * @csspart body - The list of downloads.
 * @csspart footer - The "Copy citation" area.
 * @csspart button - Download links, copy buttons and the "Try again" button.
 *
 * @cssprop --lantern-report-cover-ratio - Cover aspect ratio (default 3 / 4).
 * @cssprop --lantern-report-cover-width - Cover width beside the text (default 10em).
 */
export class LanternReportDownload extends LanternElement<ReportView> {
  static override styles = [hostStyles, reportDownloadStyles];
  static override properties: PropertyDeclarations = {
    headingLevel: { type: Number, attribute: 'heading-level' },
    revealWarned: { type: Boolean, attribute: 'reveal-warned', reflect: true },
    revealed: { state: true },
  };

  declare headingLevel: number;
  declare revealWarned: boolean;
  /** The reader pressed "Show content" for this report. */
  declare private revealed: boolean;
  /** The summary body being made for the view just selected, and which selection it is for. */
  private pendingBody: Promise<void> | undefined;
  private bodyToken = 0;
  /** The last copy and how it went (a plain field, so it stays out of the attribute docs). */
  private copyOutcome: CopyOutcome | undefined;
  private confirmationTimer: ReturnType<typeof setTimeout> | undefined;
  private selectFallback = false;

  constructor() {
    super();
    this.headingLevel = 2;
    this.revealWarned = false;
    this.revealed = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.confirmationTimer);
  }

  protected override dataChanged(changed: PropertyValues): boolean {
    // The summary's images are dropped at sanitising time, so hiding images means rendering anew;
    // a warned summary is built only once it may be shown.
    return changed.has('hideImages') || changed.has('revealWarned');
  }

  protected override select(parsed: ParsedFeed): ReportView {
    const item = pickItem(parsed, typeof this.item === 'string' ? this.item : undefined);
    this.revealed = false;
    // A hidden warned summary is built when the reader shows it: nothing in it is requested
    // before. The rest of the report shows at once; the summary body follows when it is
    // sanitised, and `updateComplete` (so `lantern-load`) waits for it.
    const downloads = (item.attachments ?? []).filter((attachment) => {
      if (isDownload(attachment)) return true;
      console.warn(
        `<${this.localName}>: "${item.id}": an attachment at ${attachment.url.slice(0, 80)} is not a file to download; it is not shown`,
      );
      return false;
    });
    this.showCopyOutcome(undefined);
    const view: ReportView = {
      item,
      body: undefined,
      downloads: orderDownloads(downloads, this.locale),
    };
    const token = ++this.bodyToken;
    this.pendingBody = this.hidesWarned(item)
      ? undefined
      : this.summaryBody(item).then((body) => {
          // A newer selection started while this body was being made.
          if (token !== this.bodyToken) return;
          view.body = body;
          this.requestUpdate();
        });
    return view;
  }

  /** `updateComplete` includes the summary body of the report just selected. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    if (this.pendingBody) {
      await this.pendingBody;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /** The sanitised summary body (markdown, HTML or long text), when the item has one. */
  private async summaryBody(item: FeedItem): Promise<DocumentFragment | undefined> {
    // The server (no DOM to sanitise in) shows the plain summary; the browser builds the body.
    if (isServer || (!hasRichBody(item) && !item.content_text)) return undefined;
    return renderRichContent(item, {
      baseUrl: this.dataBase,
      hideImages: !this.imagesAllowed(item),
      continueUrl: item.url ?? item.external_url,
      continueLabel: this.messages.continueOnSite,
    });
  }

  /** A warned report's cover and summary wait for the reader (or `reveal-warned`). */
  private hidesWarned(item: FeedItem): boolean {
    return isWarned(item._lantern?.content_warning) && !this.revealWarned && !this.revealed;
  }

  /** "Show content" / "Hide content"; showing builds the summary body the first time. */
  private async toggleReveal(): Promise<void> {
    this.revealed = !this.revealed;
    const view = this.view;
    if (!this.revealed || !view || view.body) return;
    const body = await this.summaryBody(view.item);
    if (this.view === view && body) this.view = { ...view, body };
  }

  private heading(content: unknown): TemplateResult {
    return headingTemplate(this.headingLevel, 'title', content);
  }

  protected override renderSkeleton(): TemplateResult {
    const cover = !this.hideImages;
    return html`
      <div class="report skeleton ${cover ? 'has-cover' : ''}" part="base" aria-busy="true">
        <span class="visually-hidden">${this.messages.loading}</span>
        ${
          cover
            ? html`<div class="cover" part="media"><div class="skeleton-block"></div></div>`
            : nothing
        }
        <!-- The loaded report's rows, each as high as its lines: a two-line title, publisher,
             four facts, a two-paragraph summary, two language versions with their checksums,
             the citation (four lines) and its button. -->
        <div class="details">
          <div class="lines title-lines">
            <span class="skeleton-block line title-line"></span>
            <span class="skeleton-block line title-line short"></span>
          </div>
          <div class="lines meta-lines">
            <span class="skeleton-block line"></span>
            <span class="skeleton-block line short"></span>
          </div>
          <div class="lines facts-lines">
            ${[1, 2, 3, 4].map(() => html`<span class="skeleton-block line short"></span>`)}
          </div>
          <div class="lines summary-lines">
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

  protected override renderView({ item, body, downloads }: ReportView): TemplateResult {
    const m = this.messages;
    const locale = this.locale;
    const ext = item._lantern ?? {};
    const report = ext.report ?? {};
    const contentLang = item.language ?? locale;
    const cover = this.imagesAllowed(item) ? item.image : undefined;
    const hidden = this.hidesWarned(item);
    const citation = reportCitation(item);
    const date = formatDate(item.date_published, locale);
    const authors = (item.authors ?? []).map((a) => a.name).filter((n): n is string => !!n);
    const publisher = report.publisher ?? (authors.length ? formatList(authors, locale) : '');
    const title = item.title ?? '';
    const distinctions = downloadDistinctions(downloads, locale);
    return html`
      <article class="report ${cover ? 'has-cover' : ''}" part="base" lang=${locale}>
        ${contentWarning(
          m,
          ext.content_warning,
          contentLang,
          this.revealWarned
            ? undefined
            : {
                id: 'warning',
                revealed: this.revealed,
                onToggle: () => void this.toggleReveal(),
              },
        )}
        ${
          !cover
            ? nothing
            : hidden
              ? // The cover's box stays, empty: nothing is requested until the reader chooses.
                html`<div class="cover" part="media" aria-hidden="true">
                  <div class="placeholder"></div>
                </div>`
              : html`<figure class="cover" part="media">
                  ${feedImage(cover, ext.image_alt ?? '', { width: 900, height: 1200 })}
                </figure>`
        }
        <div class="details">
          ${this.heading(
            html`<span lang=${contentLang} tabindex="-1" data-focus-after-retry>${title}</span>`,
          )}
          ${
            publisher || report.pages
              ? html`<p class="meta" part="meta">
                  ${publisher ? html`<span>${m.publishedBy(publisher)}</span>` : nothing}
                  ${report.pages ? html`<span>${m.pages(report.pages)}</span>` : nothing}
                </p>`
              : nothing
          }
          ${this.renderFacts(date, item.date_published, report)}
          ${pseudonymNote(m.pseudonym, ext.pseudonym)}
          ${
            hidden
              ? nothing
              : body
                ? html`<div class="summary" part="summary" lang=${contentLang}>${body}</div>`
                : item.summary
                  ? html`<p class="summary" part="summary" lang=${contentLang}>${item.summary}</p>`
                  : nothing
          }
          ${
            downloads.length
              ? html`<ul class="downloads" part="body">
                  ${downloads.map((a, i) => this.renderDownload(a, i, distinctions[i]))}
                </ul>`
              : html`<p class="no-downloads" part="body">${m.noDownloads}</p>`
          }
          <div class="footer" part="footer">
            <p class="citation-text" id="citation">
              <span class="citation-label">${m.citation}:</span>
              <span lang=${contentLang}>${citation}</span>
            </p>
            <button
              type="button"
              class="button"
              part="button"
              aria-describedby="citation"
              @click=${() => this.copy('citation', citation)}
            >
              ${m.copyCitation}
            </button>
            ${this.renderCopyOutcome('citation', m.citation, citation, true)}
          </div>
        </div>
      </article>
    `;
  }

  private renderFacts(
    date: string,
    iso: string | undefined,
    report: NonNullable<NonNullable<FeedItem['_lantern']>['report']>,
  ): TemplateResult | typeof nothing {
    const m = this.messages;
    const facts: [string, unknown][] = [];
    if (date) facts.push([m.published, html`<time datetime=${iso ?? ''}>${date}</time>`]);
    if (report.edition) facts.push([m.edition, report.edition]);
    if (report.license) facts.push([m.license, report.license]);
    if (report.document_id) facts.push([m.documentId, report.document_id]);
    if (!facts.length) return nothing;
    return html`<dl class="facts" part="meta">
      ${facts.map(
        ([term, value]) =>
          html`<dt>${term}</dt>
            <dd>${value}</dd>`,
      )}
    </dl>`;
  }

  private renderDownload(attachment: Attachment, index: number, distinct?: string): TemplateResult {
    const m = this.messages;
    const locale = this.locale;
    const language = attachment._lantern?.language;
    const name = language ? languageName(language, locale) : undefined;
    const sha256 = attachment._lantern?.sha256;
    const pages = attachment._lantern?.pages;
    const fileId = `file-${index}`;
    const format = formatName(attachment.mime_type);
    // The dots are drawn, not read: a screen reader hears "PDF, 2.4 MB" (the `.sep + *` rule).
    const file = [format, formatSize(attachment.size_in_bytes, locale), pages ? m.pages(pages) : '']
      .filter(Boolean)
      .map((fact, i) => html`${i ? sep : nothing}<span>${fact}</span>`);
    const label = name ? m.downloadIn(name) : m.download;
    const which = [name, distinct].filter(Boolean).join(', ');
    const onActivate = (event: MouseEvent) => this.announceDownload(event, attachment);
    return html`
      <li class="download">
        <div class="download-line">
          <a
            class="button primary"
            part="button"
            href=${attachment.url}
            referrerpolicy="no-referrer"
            download
            type=${attachment.mime_type}
            hreflang=${language ?? nothing}
            aria-describedby=${fileId}
            @click=${onActivate}
            @auxclick=${onActivate}
            >${downloadIcon}${label}${
              // Two links named alike ("Download (English)" for a PDF and an EPUB) say which is which.
              distinct ? html`<span class="visually-hidden">, ${distinct}</span>` : nothing
            }</a
          >
          <span class="file" id=${fileId}
            >${file}${
              !name && attachment.title
                ? html`${sep}<span lang=${language ?? nothing}>${attachment.title}</span>`
                : nothing
            }</span
          >
        </div>
        ${
          sha256
            ? html`<p class="checksum">
                <span>${m.checksum}</span>
                <code title=${sha256}>${shortChecksum(sha256)}</code>
                <button
                  type="button"
                  class="link-button"
                  part="button"
                  @click=${() => this.copy(`sha256-${index}`, sha256)}
                >
                  ${m.copyChecksum}${
                    which ? html`<span class="visually-hidden"> (${which})</span>` : nothing
                  }
                </button>
                ${this.renderCopyOutcome(
                  `sha256-${index}`,
                  which ? `${m.checksum} (${which})` : m.checksum,
                  sha256,
                  false,
                )}
              </p>`
            : nothing
        }
      </li>
    `;
  }

  /** The polite confirmation, and after a failed copy the text selected in a read-only field. */
  private renderCopyOutcome(
    key: string,
    label: string,
    text: string,
    multiline: boolean,
  ): TemplateResult {
    const outcome = this.copyOutcome?.key === key ? this.copyOutcome.outcome : undefined;
    const failed = outcome === 'failed';
    return html`
      <span class="status ${failed ? 'failed' : ''}" role="status"
        >${outcome === 'copied' ? this.messages.copied : failed ? this.messages.copyFailed : ''}</span
      >
      ${
        failed
          ? multiline
            ? html`<textarea
                class="fallback"
                readonly
                rows="4"
                aria-label=${label}
                data-copy-fallback
                .value=${text}
              ></textarea>`
            : html`<input
                class="fallback"
                readonly
                aria-label=${label}
                data-copy-fallback
                .value=${text}
              />`
          : nothing
      }
    `;
  }

  /** Fires the cancelable `lantern-download` before the browser starts the download. */
  private announceDownload(event: MouseEvent, attachment: Attachment): void {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const proceed = this.dispatchEvent(
      lanternEvent<LanternDownloadDetail>(
        'lantern-download',
        {
          url: attachment.url,
          language: attachment._lantern?.language,
          mime_type: attachment.mime_type,
          size_in_bytes: attachment.size_in_bytes,
        },
        true,
      ),
    );
    if (!proceed) event.preventDefault();
  }

  private showCopyOutcome(outcome: CopyOutcome | undefined): void {
    this.copyOutcome = outcome;
    this.requestUpdate();
  }

  private async copy(key: string, text: string): Promise<void> {
    let copied = false;
    try {
      // Absent outside secure contexts and in some embedded browsers; may also reject (permissions).
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(text);
        copied = true;
      }
    } catch {
      copied = false;
    }
    clearTimeout(this.confirmationTimer);
    this.showCopyOutcome({ key, outcome: copied ? 'copied' : 'failed' });
    if (copied) {
      this.confirmationTimer = setTimeout(() => {
        if (this.copyOutcome?.key === key) this.showCopyOutcome(undefined);
      }, CONFIRMATION_MS);
    } else {
      this.selectFallback = true;
    }
  }

  protected override updated(): void {
    super.updated();
    if (!this.selectFallback) return;
    this.selectFallback = false;
    const field = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(
      '[data-copy-fallback]',
    );
    if (!field) return;
    field.focus();
    field.select();
    // Selecting scrolls to the end; the reader should see where the citation starts.
    field.scrollTop = 0;
    field.scrollLeft = 0;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lantern-download': CustomEvent<LanternDownloadDetail>;
  }
}
