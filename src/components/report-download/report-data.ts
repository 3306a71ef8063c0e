/** A report's downloads and citation: plain functions over feed data, no Lit. */
import { authorNames } from '../../content/items.js';
import type { Attachment, FeedItem } from '../../content/types.js';
import { formatList } from '../../i18n/index.js';
import { formatName, formatSize } from '../../i18n/report-format.js';
import { shorten } from '../../content/validate.js';

/** A download is a file on the web; a `mailto:` (or any other) "attachment" is not one. */
export function isDownload(attachment: Attachment): boolean {
  return /^https?:/i.test(attachment.url);
}

function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
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
/** Runs of line breaks, tabs and spaces: each becomes one space. */
const BREAKS_AND_SPACES = /[\t\n\r\u0085\u2028\u2029 ]+/g;

/** Text safe to copy and paste: one line, nothing invisible, nothing reordered. */
export function plainCopyText(text: string): string {
  return text
    .replace(TERMINAL_ESCAPES, '')
    .replace(INVISIBLE, '')
    .replace(BREAKS_AND_SPACES, ' ')
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
  const publisher = report?.publisher ?? formatList(authorNames(item), item.language ?? 'en');
  const year = /^(\d{4})/.exec(item.date_published ?? '')?.[1];
  const sentence = (text: string | undefined) =>
    text ? `${text.trim().replace(/[.\s]+$/, '')}.` : undefined;
  const by = sentence(publisher);
  const date = year && `(${year}).`;
  const title = sentence(item.title);
  // APA: with no author or publisher, the title takes the author's place, before the year.
  return [by, by ? date : title, by ? title : date, item.url ?? item.external_url]
    .filter((part): part is string => !!part)
    .join(' ');
}

/**
 * A download's title as shown: past 200 characters (a crafted feed) it would only cost layout.
 * Cut as the parser cuts a field (never on half a surrogate pair), with the parser's own
 * `shorten`, which the report's code loads already (parse-report.ts). Not `cutText`
 * (excerpt.ts): importing it here moves the excerpt module into a chunk the npm build shares,
 * and the report's and navigator's lib rows over their budgets (tried twice).
 */
export function shortTitle(title: string): string {
  return shorten(title, 200);
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
  const titles = downloads.map((a) => a.title && shortTitle(a.title));
  const candidates: ((a: Attachment, i: number) => string)[] = [
    (_, i) => formats[i] as string,
    (_, i) => [formats[i], titles[i]].filter(Boolean).join(', '),
    (a, i) =>
      [formats[i], titles[i], formatSize(a.size_in_bytes, locale)].filter(Boolean).join(', '),
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
      const names = new Map(members.map((i) => [i, make(downloads[i] as Attachment, i)]));
      const counts = new Map<string, number>();
      for (const name of names.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
      unresolved = unresolved.filter((i) => {
        const name = names.get(i) as string;
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
