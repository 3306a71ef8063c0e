// Types for item.mjs, the front-matter reader the staff preview (TypeScript) shares with the
// feed builder. The item is JSON Feed data, not yet checked by the widgets' parser.

/** A JSON Feed item as read from front matter (the widgets' `FeedItem`, unvalidated). */
export type ReadItem = { id: string } & Record<string, unknown>;

export declare const MIME: Record<string, string>;

export declare function startsWithFrontMatter(text: string): boolean;

export declare function splitFrontMatter(text: string): { yaml: string; body: string } | undefined;

export declare function rfc3339(value: unknown): string | undefined;

export declare function definedOnly<T extends object>(obj: T): T;

/** A file in the content folder, as the caller found it. */
export interface LocalFile {
  url: string;
  path?: string;
}

export interface ItemFiles {
  defaultId: string;
  defaultUrl: (id: string) => string | undefined;
  local: (raw: string, where: string, problem: (message: string) => void) => LocalFile | undefined;
  facts: (
    found: LocalFile,
    mimeType: string,
  ) => { size_in_bytes?: number; sha256?: string; pages?: number };
}

export declare function readItem(
  text: string,
  files: ItemFiles,
  problem: (message: string) => void,
): { item: ReadItem; body: string } | undefined;

export declare function withBody<T extends object>(item: T, body: Record<string, unknown>): T;
