import { html, nothing, type TemplateResult } from 'lit';
import { authorNames } from '../../content/items.js';
import type { Attachment, FeedItem } from '../../content/types.js';
import { formatDate, formatList, type Messages } from '../../i18n/index.js';
import { formatName, formatSize, languageName } from '../../i18n/report-format.js';
import { headingTemplate } from '../shared/heading.js';
import { contentWarning, feedImage, pseudonymNote } from '../shared/templates.js';
import { downloadDistinctions, reportCitation, shortChecksum, shortTitle } from './report-data.js';

// The buttons here have no `type="button"`: in a shadow root a button belongs to no form, so
// the default (`submit`) submits nothing.

export interface ReportView {
  item: FeedItem;
  /** The attachments offered as downloads: only files on the web (http:, https:). */
  downloads: Attachment[];
  /** The sanitised summary body (markdown or HTML through the content layer), or its opening. */
  body?: DocumentFragment | undefined;
  /** The rest of a long summary body, shown after "Show more". */
  more?: HTMLElement | undefined;
  /** "Continue reading on the site" after a body cut at the content budget. */
  continues?: HTMLElement | undefined;
  /**
   * One download replaced the skeleton's two rows in view or above it: it keeps the second
   * row's room, so the page does not move.
   */
  room?: boolean;
}

export type CopyOutcome = { key: string; outcome: 'copied' | 'failed' };

/** What the report's templates need from the element: its settings and its actions. */
export interface ReportContext {
  m: Messages;
  locale: string;
  headingLevel: number;
  /** The item's cover and summary wait behind its content warning. */
  hidden: boolean;
  /** The item's cover, unless images are hidden (`hide-images`, or the item's `_lantern.hide_images`). */
  cover: string | undefined;
  revealWarned: boolean;
  revealed: boolean;
  /** The reader pressed "Show more" on a long summary. */
  expanded: boolean;
  copyOutcome: CopyOutcome | undefined;
  toggleReveal(): void;
  toggleMore(): void;
  copy(key: string, text: string): void;
  announceDownload(event: MouseEvent, attachment: Attachment): void;
}

/** A download arrow over a tray, drawn as three strokes. */
const downloadIcon = html`<svg
  viewBox="0 0 20 20"
  aria-hidden="true"
  fill="none"
  stroke="currentColor"
  stroke-width="2"
  stroke-linecap="round"
  stroke-linejoin="round"
>
  <path d="M10 3.5v10m-4.5-4.5 4.5 4.5 4.5-4.5M3.5 17.5h13" />
</svg>`;

export function reportTemplate(
  c: ReportContext,
  { item, body, more, continues, downloads, room }: ReportView,
): TemplateResult {
  const { m, locale } = c;
  const ext = item._lantern ?? {};
  const report = ext.report ?? {};
  const contentLang = item.language ?? locale;
  const { cover, hidden } = c;
  const citation = reportCitation(item);
  const date = formatDate(item.date_published, locale);
  // In the report's language, as it is marked (a list of no authors is formatted as '').
  const publisher = report.publisher ?? formatList(authorNames(item), contentLang);
  const title = item.title ?? '';
  const distinctions = downloadDistinctions(downloads, locale);
  return html`
    <article class="report ${cover ? 'has-cover' : ''}" part="base" lang=${locale}>
      ${contentWarning(m, ext.content_warning, contentLang, {
        id: 'warning',
        revealed: c.revealed,
        subject: shortTitle(title),
        onToggle: c.revealWarned ? undefined : c.toggleReveal,
      })}
      ${
        !cover
          ? nothing
          : hidden
            ? // The cover's box stays, empty (nothing to hear): nothing is requested until the
              // reader chooses.
              html`<div class="cover" part="media"><div class="placeholder"></div></div>`
            : html`<figure class="cover" part="media">
                ${feedImage(cover, ext.image_alt ?? '', { lang: contentLang, width: 900, height: 1200 })}
              </figure>`
      }
      <div class="details">
        ${headingTemplate(
          c.headingLevel,
          html`<span lang=${contentLang} tabindex="-1" data-focus>${title}</span>`,
        )}
        ${
          publisher || report.pages
            ? html`<p class="meta" part="meta">
                ${publisher ? html`<span>${m.publishedBy}<span lang=${contentLang}>${publisher}</span></span>` : nothing}
                ${report.pages ? html`<span>${m.pages(report.pages)}</span>` : nothing}
              </p>`
            : nothing
        }
        ${facts(m, date, item.date_published, report, contentLang)}
        ${pseudonymNote(m.pseudonym, ext.pseudonym)}
        ${
          hidden
            ? nothing
            : body
              ? summaryBody(c, body, more, continues, contentLang)
              : item.summary
                ? html`<p class="summary" part="summary" lang=${contentLang}>${item.summary}</p>`
                : nothing
        }
        ${
          downloads.length
            ? html`<ul class="downloads ${room ? 'room' : ''}" part="body">
                ${downloads.map((a, i) => download(c, a, i, distinctions[i]))}
              </ul>`
            : html`<p class="no-downloads" part="body">${m.noDownloads}</p>`
        }
        <div class="footer" part="footer">
          <p class="citation-text" id="citation">
            <span class="citation-label">${m.citation}:</span>
            <span lang=${contentLang}>${citation}</span>
          </p>
          <button
            class="button"
            part="button"
            aria-describedby="citation"
            @click=${() => c.copy('citation', citation)}
          >
            ${m.copyCitation}
          </button>
          ${copyOutcome(c, 'citation', m.citation, citation, 4)}
        </div>
      </div>
    </article>
  `;
}

function facts(
  m: Messages,
  date: string,
  iso: string | undefined,
  report: NonNullable<NonNullable<FeedItem['_lantern']>['report']>,
  lang: string,
): TemplateResult | typeof nothing {
  const facts: [string, unknown][] = [];
  if (date) facts.push([m.published, html`<time datetime=${iso ?? ''}>${date}</time>`]);
  // The feed's own words, in the report's language.
  if (report.edition) facts.push([m.edition, html`<span lang=${lang}>${report.edition}</span>`]);
  if (report.license) facts.push([m.license, html`<span lang=${lang}>${report.license}</span>`]);
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

function download(
  c: ReportContext,
  attachment: Attachment,
  index: number,
  distinct?: string,
): TemplateResult {
  const { m, locale } = c;
  const { language, sha256, pages } = attachment._lantern ?? {};
  const name = language ? languageName(language, locale) : undefined;
  const fileId = `file-${index}`;
  const format = formatName(attachment.mime_type);
  // The dots are drawn, not read: a screen reader hears "PDF, 2.4 MB" (the `.file` rule).
  const file = [format, formatSize(attachment.size_in_bytes, locale), pages ? m.pages(pages) : '']
    .filter(Boolean)
    .map((fact) => html`<span>${fact}</span>`);
  const label = name ? m.downloadIn(name) : m.download;
  const which = [name, distinct].filter(Boolean).join(', ');
  const onActivate = (event: MouseEvent) => c.announceDownload(event, attachment);
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
              ? html`<span lang=${language ?? nothing}>${shortTitle(attachment.title)}</span>`
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
                class="link-button"
                part="button"
                @click=${() => c.copy(`sha256-${index}`, sha256)}
              >
                ${m.copyChecksum}${
                  which ? html`<span class="visually-hidden"> (${which})</span>` : nothing
                }
              </button>
              ${copyOutcome(
                c,
                `sha256-${index}`,
                which ? `${m.checksum} (${which})` : m.checksum,
                sha256,
                2,
              )}
            </p>`
          : nothing
      }
    </li>
  `;
}

/**
 * The polite confirmation, and after a failed copy the text selected in a read-only field of
 * `rows` lines: the whole text, wrapped (a citation in four lines, a checksum in two).
 */
function copyOutcome(
  c: ReportContext,
  key: string,
  label: string,
  text: string,
  rows: number,
): TemplateResult {
  const outcome = c.copyOutcome?.key === key ? c.copyOutcome.outcome : undefined;
  const failed = outcome === 'failed';
  return html`
    <span class="status ${failed ? 'failed' : ''}" role="status"
      >${outcome === 'copied' ? c.m.copied : failed ? c.m.copyFailed : ''}</span
    >
    ${
      failed
        ? html`<textarea
            class="fallback"
            readonly
            rows=${rows}
            aria-label=${label}
            data-copy-fallback
            .value=${text}
          ></textarea>`
        : nothing
    }
  `;
}

/** A summary body; a long one shows its opening and a "Show more" button for the rest. */
function summaryBody(
  c: ReportContext,
  body: DocumentFragment,
  more: HTMLElement | undefined,
  continues: HTMLElement | undefined,
  lang: string,
): TemplateResult {
  // "Show more" is the widget's own control, in the widget's language: outside the content.
  return html`<div class="summary" part="summary">
    <div class="rich" lang=${lang}>
      ${body}${more && c.expanded ? more : nothing}${continues ?? nothing}
    </div>
    ${
      more
        ? html`<div class="more-line">
            <button
              class="link-button"
              part="button"
              aria-expanded=${c.expanded}
              @click=${c.toggleMore}
            >
              ${c.expanded ? c.m.showLess : c.m.showMore}
            </button>
          </div>`
        : nothing
    }
  </div>`;
}
