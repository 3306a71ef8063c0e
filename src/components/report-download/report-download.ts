import { isServer, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { readItemsWith } from '../../content/parse.js';
import { readReportFields } from '../../content/parse-report.js';
import { bodySource, renderRichContent } from '../../content/rich.js';
import type { Attachment, FeedItem, ParsedFeed } from '../../content/types.js';
import { hostStyles } from '../../theme/tokens.js';
import { isWarnedItem, pickItem } from '../../content/items.js';
import { clampHeading } from '../shared/heading.js';
import { lanternEvent, type LanternDownloadDetail } from '../shared/events.js';
import { withReportText } from '../../i18n/messages-en-report.js';
import { LanternElement } from '../shared/lantern-element.js';
import { splitLongBody } from './long-summary.js';
import { isDownload, orderDownloads } from './report-data.js';
import { reportSkeleton } from './report-download.skeleton.js';
import { reportDownloadStyles } from './report-download.styles.js';
import {
  reportTemplate,
  type CopyOutcome,
  type ReportContext,
  type ReportView,
} from './report-download.views.js';

export {
  downloadDistinctions,
  orderDownloads,
  plainCopyText,
  reportCitation,
  shortChecksum,
} from './report-data.js';
export type { ReportView } from './report-download.views.js';
/** `detail` of `lantern-download`: what is about to be downloaded. */
export type { LanternDownloadDetail };

/** How long "Copied" shows after the citation is copied. */
const CONFIRMATION_MS = 5000;

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
  static {
    // This widget's English text, and the reading of attachments and `_lantern.report`, travel
    // with its code, not in every card page's entry.
    withReportText();
    readItemsWith(readReportFields);
  }

  static override styles = [hostStyles, reportDownloadStyles];
  static override properties: PropertyDeclarations = {
    revealed: { state: true },
    expanded: { state: true },
  };

  /** The reader pressed "Show content" for this report. */
  declare private revealed: boolean;
  /** The reader pressed "Show more" on a long summary. */
  declare private expanded: boolean;
  /** The summary body being made for the view just selected, and which selection it is for. */
  private pendingBody: Promise<void> | undefined;
  declare private bodyToken: number;
  /** The last copy and how it went (a plain field, so it stays out of the attribute docs). */
  private copyOutcome: CopyOutcome | undefined;
  private confirmationTimer: ReturnType<typeof setTimeout> | undefined;
  private selectFallback?: boolean;

  protected override setup(): void {
    this.bodyToken = 0;
    // (Revealed and expanded start in `select`: no view renders before it.)
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

  protected override select(parsed: ParsedFeed): ReportView | Promise<ReportView> {
    const item = pickItem(parsed, typeof this.item === 'string' ? this.item : undefined);
    this.revealed = this.expanded = false;
    // A hidden warned summary is built when the reader shows it: nothing in it is requested
    // before. The rest of the report shows at once; the summary body follows when it is
    // sanitised, and `updateComplete` (so `lantern-load`) waits for it. A skeleton on screen
    // (a feed from src) stays until then: the report appears once, at its final size.
    const downloads = (item.attachments ?? []).filter((attachment) => {
      if (isDownload(attachment)) return true;
      this.warn(`"${item.id}": ${attachment.url.slice(0, 80)} is not a file to download`);
      return false;
    });
    this.showCopyOutcome(undefined);
    const skeletonShown = this.hasUpdated && this.status === 'loading';
    const view: ReportView = {
      // (No body yet: it follows, below.)
      item,
      downloads: orderDownloads(downloads, this.locale),
      // Replacing a skeleton, or lantern.css's box; for as long as the element shows a report.
      room: this.view?.room || (downloads.length < 2 && this.replacesPlaceholderInView()),
    };
    const token = ++this.bodyToken;
    this.pendingBody = this.hidesWarned(item)
      ? undefined
      : this.summaryBody(item).then((body) => {
          // A newer selection started while this body was being made.
          if (token !== this.bodyToken || !body) return;
          Object.assign(view, splitLongBody(body));
          this.requestUpdate();
        });
    return this.pendingBody && skeletonShown ? this.pendingBody.then(() => view) : view;
  }

  /** `updateComplete` includes the summary body of the report just selected. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    if (!this.pendingBody) return result;
    await this.pendingBody;
    return super.getUpdateComplete();
  }

  /** The sanitised summary body (markdown, HTML or long text), when the item has one. */
  private async summaryBody(item: FeedItem): Promise<DocumentFragment | undefined> {
    // The server (no DOM to sanitise in) shows the plain summary; the browser builds the body.
    if (isServer || bodySource(item) === undefined) return undefined;
    return renderRichContent(item, {
      baseUrl: this.dataBase,
      hideImages: !this.imagesAllowed(item),
      continueUrl: item.url ?? item.external_url,
      continueLabel: this.messages.continueOnSite,
      // Its headings go below the report's title (a feed's `<h1>` outranked it).
      headingOffset: clampHeading(this.headingLevel),
    });
  }

  /** A warned report's cover and summary wait for the reader (or `reveal-warned`). */
  private hidesWarned(item: FeedItem): boolean {
    return isWarnedItem(item) && !this.revealWarned && !this.revealed;
  }

  /** "Show content" / "Hide content"; showing builds the summary body the first time. */
  private async toggleReveal(): Promise<void> {
    this.revealed = !this.revealed;
    const view = this.view;
    if (!this.revealed || !view || view.body) return;
    const body = await this.summaryBody(view.item);
    if (this.view === view && body) this.view = { ...view, ...splitLongBody(body) };
  }

  /** What the templates need: this element's settings and actions. */
  private context(item: FeedItem): ReportContext {
    return {
      m: this.messages,
      locale: this.locale,
      headingLevel: this.headingLevel,
      hidden: this.hidesWarned(item),
      cover: this.imagesAllowed(item) ? item.image : undefined,
      revealWarned: this.revealWarned,
      revealed: this.revealed,
      expanded: this.expanded,
      copyOutcome: this.copyOutcome,
      toggleReveal: () => void this.toggleReveal(),
      toggleMore: async () => {
        this.expanded = !this.expanded;
        await this.updateComplete;
        // Opened: the reader goes on at the start of what it shows, above the button, scrolled
        // into view even where part of it already was (as after "Show less"), at once: not in
        // the page's own smooth scroll. The button is there only where `more` is.
        if (this.expanded) {
          const more = this.view!.more!;
          more.focus();
          more.scrollIntoView({ behavior: 'instant' });
        }
      },
      copy: (key, text) => void this.copy(key, text),
      announceDownload: (event, attachment) => this.announceDownload(event, attachment),
    };
  }

  protected override renderSkeleton(): TemplateResult {
    return reportSkeleton(!this.hideImages, this.messages.loading);
  }

  protected override renderView(view: ReportView): TemplateResult {
    return reportTemplate(this.context(view.item), view);
  }

  /** Fires the cancelable `lantern-download` before the browser starts the download. */
  private announceDownload(event: MouseEvent, attachment: Attachment): void {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const proceed = this.dispatchEvent(
      lanternEvent(
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
    // The status empties for a few frames first, so a second copy is heard again: a live
    // region that keeps its text says nothing.
    this.showCopyOutcome(undefined);
    try {
      // Absent outside secure contexts and in some embedded browsers (this then throws); may
      // also reject (permissions). Called at once: some browsers copy only within the click.
      await Promise.all([
        navigator.clipboard.writeText(text),
        new Promise((done) => setTimeout(done, 99)),
      ]);
      copied = true;
    } catch {
      // Not copied.
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
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>('[data-copy-fallback]');
    if (!field) return;
    field.focus();
    field.select();
    // Selecting scrolls to the end; the reader should see where the text starts.
    field.scrollTop = 0;
  }
}
