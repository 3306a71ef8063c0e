import { html, isServer, nothing, type TemplateResult } from 'lit';
import { bodySource } from '../../content/rich.js';
import type { FeedItem } from '../../content/types.js';
import { cutText } from '../../content/excerpt.js';
import { authorNames, isWarnedItem, itemReadingMinutes } from '../../content/items.js';
import { formatDate, formatList, type Messages } from '../../i18n/index.js';
import { headingTemplate } from '../shared/heading.js';
import {
  contentWarning,
  feedImage,
  isWarned,
  pseudonymNote,
  warningText,
} from '../shared/templates.js';
import { partHref } from './part-links.js';
import {
  labelToSay,
  neighbour,
  partName,
  partTitle,
  type Series,
  type SeriesPart,
} from './series.js';

export interface NavigatorView {
  series: Series;
  /** The part being read; `undefined` when none was named (a series overview). */
  current: number | undefined;
  /** The part the attributes name, shown again when the URL loses its `#part-N`. */
  initial: number | undefined;
  /** Parts read in this tab; always empty unless `remember="session"`. */
  read: ReadonlySet<number>;
  /**
   * The parts (and a compact header without a note) keep the skeleton's room: it, or
   * lantern.css's box, was in view when they replaced it.
   */
  room?: boolean;
}

/** What the navigator's templates need from the element: its settings and its actions. */
export interface NavigatorContext {
  m: Messages;
  locale: string;
  reader: boolean;
  compact: boolean;
  /** Heading level of the series title, and of the part being read. */
  level: number;
  partLevel: number;
  remembers: boolean;
  /** The polite live region's text. */
  announcement: string;
  /** The sanitised body of the part being read. */
  body(): HTMLElement;
  /** `reveal-warned`: warned parts show at once, under their warning. */
  revealWarned: boolean;
  /** Warned parts the reader chose to show. */
  revealed: ReadonlySet<number>;
  toggleReveal(number: number): void;
  imagesAllowed(item: FeedItem): boolean;
  onClick(event: MouseEvent): void;
}

/** A warned part's summary, image and body wait for the reader (or `reveal-warned`). */
export function hidesPart(
  item: FeedItem,
  number: number,
  revealWarned: boolean,
  revealed: ReadonlySet<number>,
): boolean {
  return isWarnedItem(item) && !revealWarned && !revealed.has(number);
}

/** `partName` as shown: the title (cut at `max`) in the part's language, "Part N" in the UI's. */
function shownName(
  m: Messages,
  series: Series,
  item: FeedItem,
  number: number,
  max = 300,
): unknown {
  const title = partTitle(series, item);
  return title
    ? html`<span lang=${item.language ?? nothing}>${cutText(title, max)}</span>`
    : m.partLabel(number);
}

export function navigatorTemplate(c: NavigatorContext, view: NavigatorView): TemplateResult {
  const { m, reader, compact } = c;
  const { series, current } = view;
  // "Part 3 of 3"; none for a series overview (part numbers start at 1).
  const position = current && m.partOf(current, series.total);
  // The series' title is in its parts' language, the rest of the header in the interface's.
  const lang = series.lang ?? nothing;
  const note = reader
    ? nothing
    : pseudonymNote(
        m.pseudonym,
        series.parts.some((p) => p.item?._lantern?.pseudonym),
      );
  return html`
    <div
      class="navigator ${compact ? 'compact' : 'full'} ${reader ? 'reader' : ''} ${view.room ? 'room' : ''}"
      part="base"
      lang=${c.locale}
      @click=${c.onClick}
    >
      ${
        compact
          ? html`<nav class="header" aria-label=${series.title}>
              <p class="position" part="meta">
                <span class="series-name" lang=${lang} data-focus tabindex="-1"
                  >${series.title}</span
                >
                ${position ? html`<span class="part-of">${position}</span>` : nothing}
                ${progress(c, view)}
              </p>
              ${note} ${pager(c, view)}
            </nav>`
          : html`<div class="header">
              ${position ? html`<p class="part-of" part="meta">${position}</p>` : nothing}
              ${headingTemplate(
                c.level,
                html`<span lang=${lang} data-focus tabindex="-1">${series.title}</span>`,
              )}
              ${note} ${progress(c, view)}
            </div>`
      }
      ${reader ? reading(c, view) : nothing} ${reader ? pager(c, view) : nothing}
      ${
        compact
          ? nothing
          : html`<nav class="parts-nav" aria-label=${m.seriesNav(series.title)}>
                <ol class="parts" role="list">
                  ${series.parts.map((part) => partEntry(c, view, part))}
                </ol>
              </nav>
              ${reader ? nothing : pager(c, view)}`
      }
      ${reader ? html`<p class="visually-hidden" role="status">${c.announcement}</p>` : nothing}
    </div>
  `;
}

function progress(c: NavigatorContext, view: NavigatorView): TemplateResult | typeof nothing {
  if (!c.remembers) return nothing;
  return html`<span class="progress" part="meta"
    >${c.m.partsRead(view.read.size, view.series.total)}</span
  >`;
}

function partEntry(c: NavigatorContext, view: NavigatorView, part: SeriesPart): TemplateResult {
  const { m } = c;
  const { number, item } = part;
  const isCurrent = number === view.current;
  let text = html`<span class="name">${m.partLabel(number)}</span>
    <span class="soon">${m.comingSoon}</span>`;
  if (item) {
    const label = labelToSay(
      m,
      item.language ?? c.locale,
      partName(m, view.series, item, number),
      number,
    );
    // The list shows about 8,000 characters of titles, and of warnings, at most: 500 parts of
    // 2,000 characters in mixed directions took 8-10 s to lay out. (A real series' are whole.)
    // Shared by the parts published, not the `total` claimed: "coming soon" rows hold neither.
    const max = Math.max(16, 8000 / view.series.published);
    const warning = item._lantern?.content_warning;
    const name = html`${
      label ? html`<span class="visually-hidden">${label}: </span>` : nothing
    }${shownName(m, view.series, item, number, max)}`;
    // The interface's text (the hidden label, "Read", the warning's label) in the interface's
    // language; the part's title, warning and summary in the part's own.
    text = html`
      ${
        isCurrent
          ? // aria-current on a span is not heard (a generic element): the text says it.
            html`<span class="name" aria-current="page">${name}</span
              ><span class="visually-hidden">, ${m.current}</span>`
          : link(c, number, item, name, 'name')
      }
      ${
        view.read.has(number)
          ? html`<span class="read-mark"><span aria-hidden="true">✓ </span>${m.read}</span>`
          : nothing
      }
      ${contentWarning(m, warning && cutText(warning, max), item.language)}
      ${
        // A two-line teaser: the rest of a long summary would only cost layout. A warned part's
        // waits, as a card's summary does, until the reader shows that part (or reveal-warned).
        item.summary && !hidesPart(item, number, c.revealWarned, c.revealed)
          ? html`<p class="summary" part="summary" lang=${item.language ?? nothing}>
              ${cutText(item.summary, 300)}
            </p>`
          : nothing
      }
    `;
  }
  return html`
    <li class="part ${item ? (isCurrent ? 'current' : '') : 'upcoming'}">
      <span class="number" aria-hidden="true">${number}</span>
      <div class="text">${text}</div>
    </li>
  `;
}

/**
 * A link to part `number`: in place in reader mode, else to the part's own page (text alone if
 * it has none). `rel` marks a previous/next link.
 */
function link(
  c: NavigatorContext,
  number: number,
  item: FeedItem,
  content: unknown,
  extra: string,
  rel?: string,
): TemplateResult {
  const href = c.reader ? partHref(number) : (item.url ?? item.external_url);
  return href
    ? html`<a
        class=${extra}
        rel=${rel ?? nothing}
        href=${href}
        referrerpolicy="no-referrer"
        data-part=${c.reader ? number : nothing}
        >${content}</a
      >`
    : html`<span class=${extra}>${content}</span>`;
}

function pager(c: NavigatorContext, view: NavigatorView): TemplateResult | typeof nothing {
  const { m } = c;
  const { series, current } = view;
  // A series overview (no current part) has no "previous" or "next".
  if (current === undefined) return nothing;
  const prev = neighbour(series, current, -1);
  const next = neighbour(series, current, 1);
  // No published part ahead, but more are announced: say so, without a link.
  const upcoming = !next && current < series.total ? current + 1 : undefined;
  if (!prev && !next && !upcoming) return nothing;
  const side = (part: SeriesPart | undefined, rel: string, direction: unknown): unknown => {
    if (!part) return nothing;
    const { number, item } = part as { number: number; item: FeedItem };
    // Before the title: a short marker, the warning itself for screen readers. First, as every
    // warning comes before what it warns of, and so a title cut short never cuts it off. The
    // compact variant shows the sign alone: its words would leave a phone no room for the title.
    const warning = item._lantern?.content_warning;
    const marker = isWarned(warning)
      ? html`<span class="neighbour-warning" lang=${c.locale}
          ><span aria-hidden="true">⚠ </span
          ><span class=${c.compact ? 'visually-hidden' : nothing}>${m.contentWarning}</span
          ><span class="visually-hidden">: ${warningText(m, warning, item.language)}</span></span
        > `
      : nothing;
    return link(
      c,
      number,
      item,
      html`<span class="direction">${direction}</span>
        <span class="neighbour">${marker}${shownName(m, series, item, number)}</span>`,
      rel,
      rel,
    );
  };
  return html`
    <div class="pager" part="footer">
      ${side(prev, 'prev', html`<span aria-hidden="true">← </span>${m.previousPart}`)}
      ${side(next, 'next', html`${m.nextPart}<span aria-hidden="true"> →</span>`)}
      ${
        upcoming
          ? html`<p class="next upcoming">
              <span class="direction">${m.nextPart}</span>
              <span class="neighbour">${m.partLabel(upcoming)}<span>${m.comingSoon}</span></span>
            </p>`
          : nothing
      }
    </div>
  `;
}

/** Reader mode: the part being read, its warning first. */
function reading(c: NavigatorContext, view: NavigatorView): TemplateResult | typeof nothing {
  // (No part named: no part 0.)
  const { series, current = 0 } = view;
  const item = series.parts[current - 1]?.item;
  if (!item) return nothing;
  const { m, locale } = c;
  const ext = item._lantern ?? {};
  const date = formatDate(item.date_published, locale);
  const authors = authorNames(item);
  const minutes = itemReadingMinutes(item);
  const hidden = hidesPart(item, current, c.revealWarned, c.revealed);
  const image = c.imagesAllowed(item) && !hidden ? item.image : undefined;
  const href = item.url ?? item.external_url;
  const linkOut = html`
    ${
      item.summary && !hidden
        ? html`<p class="summary" part="summary" lang=${item.language ?? nothing}>
            ${item.summary}
          </p>`
        : nothing
    }
    ${
      href
        ? html`<p class="continue">
            <a class="button primary" part="button" href=${href} referrerpolicy="no-referrer"
              >${m.continueReading}<span class="visually-hidden"
                >: ${shownName(m, series, item, current)}</span
              ></a
            >
          </p>`
        : nothing
    }
  `;
  return html`
    <article class="reading" lang=${locale}>
      ${headingTemplate(c.partLevel, shownName(m, series, item, current))}
      ${
        // Its "Show content" button unless reveal-warned.
        contentWarning(m, ext.content_warning, item.language, {
          id: `reading-warning-${current}`,
          revealed: c.revealed.has(current),
          onToggle: c.revealWarned ? undefined : () => c.toggleReveal(current),
        })
      }
      <p class="meta" part="meta">
        ${date ? html`<span><time datetime=${item.date_published ?? ''}>${date}</time></span>` : nothing}
        ${authors.length ? html`<span>${m.by}<span lang=${item.language ?? locale}>${formatList(authors, item.language ?? locale)}</span></span>` : nothing}
        ${minutes ? html`<span>${m.minutesToRead(minutes)}</span>` : nothing}
      </p>
      ${pseudonymNote(m.pseudonym, ext.pseudonym)}
      ${
        image
          ? html`<figure class="media" part="media">
              ${feedImage(image, ext.image_alt ?? '', {
                width: 1200,
                height: 675,
                lang: item.language,
              })}
              ${ext.image_credit ? html`<figcaption class="credit">${m.imageCredit}<span lang=${item.language ?? locale}>${ext.image_credit}</span></figcaption>` : nothing}
            </figure>`
          : nothing
      }
      ${bodySource(item) === undefined ? linkOut : hidden || isServer ? nothing : c.body()}
    </article>
  `;
}
