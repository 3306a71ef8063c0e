/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) plus Lantern's `_lantern` extension. */

export interface Author {
  name?: string;
  url?: string;
}

export interface SeriesInfo {
  id: string;
  title: string;
  part: number;
  total: number;
}

export interface ReportInfo {
  publisher?: string;
  edition?: string;
  pages?: number;
  license?: string;
  document_id?: string;
  citation?: string;
}

export interface LanternItemExtension {
  content_markdown?: string;
  image_alt?: string;
  image_credit?: string;
  series?: SeriesInfo;
  report?: ReportInfo;
  content_warning?: string;
  pseudonym?: boolean;
  hide_images?: boolean;
}

export interface LanternAttachmentExtension {
  language?: string;
  sha256?: string;
  pages?: number;
}

export interface Attachment {
  url: string;
  mime_type: string;
  title?: string;
  size_in_bytes?: number;
  duration_in_seconds?: number;
  _lantern?: LanternAttachmentExtension;
}

export interface FeedItem {
  id: string;
  url?: string;
  external_url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  image?: string;
  date_published?: string;
  date_modified?: string;
  authors?: Author[];
  tags?: string[];
  language?: string;
  attachments?: Attachment[];
  _lantern?: LanternItemExtension;
}

export interface Feed {
  version: string;
  title: string;
  home_page_url?: string;
  feed_url?: string;
  next_url?: string;
  language?: string;
  authors?: Author[];
  items: FeedItem[];
}

/** A problem found while reading a feed; `path` names where, e.g. `items[3].attachments[0].url`. */
export interface FeedWarning {
  path: string;
  message: string;
}

export interface ParsedFeed {
  feed: Feed;
  warnings: FeedWarning[];
  /** Where the feed was finally fetched from (after redirects); relative URLs resolve against it. */
  source?: string;
}
