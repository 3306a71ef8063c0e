/** What went wrong while getting a feed, in words a person can read. */
export type FeedErrorKind =
  | 'network'
  | 'http'
  | 'timeout'
  | 'aborted'
  | 'too-large'
  | 'not-json'
  | 'not-a-feed'
  | 'not-found'
  /** Nothing to show was given: no src, no inline feed, no property. */
  | 'no-data';

export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    readonly url?: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof FeedError
    ? error.kind === 'aborted'
    : error instanceof DOMException && error.name === 'AbortError';
}
