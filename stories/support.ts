/**
 * Helpers for the stories. Storybook only: nothing here ships in the package.
 */

/** A feed URL containing this never answers in Storybook, so a story can show the skeleton. */
export const LOADING_MARKER = '__lantern_loading__';

/** A `src` that keeps an element in its loading state (see `loadingForever`). */
export const LOADING_SRC = `/demo/${LOADING_MARKER}.json`;

/** A `src` that answers 404, for error stories. */
export const MISSING_SRC = '/demo/missing.json';

/** Controls every element shares: its feed, its interface language and its colour scheme. */
export const commonArgTypes = {
  src: { control: 'text', description: 'URL of a JSON Feed, an RSS 2.0 or an Atom 1.0 feed.' },
  lang: {
    control: 'inline-radio',
    options: ['', 'en', 'ko'],
    description: 'Interface language; empty follows the toolbar (closest `[lang]`).',
  },
  theme: {
    control: 'inline-radio',
    options: ['', 'light', 'dark', 'auto'],
    description: 'Colour scheme; empty follows the host page.',
  },
} as const;

const passThrough: typeof fetch = globalThis.fetch.bind(globalThis);

function requestUrl(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The request was aborted.', 'AbortError');
}

/**
 * A `fetch` under which any URL containing `__lantern_loading__` never answers, but still
 * rejects with an `AbortError` when its signal aborts (so an element that is removed, or whose
 * own timeout fires, behaves as it would on a real stalled network). Every other request
 * passes through to the real `fetch`.
 *
 * Note: Lantern gives up on a feed after 10 seconds, so a "loading" story turns into the
 * timeout error state if left open that long — which is what a reader would see, too.
 */
export const loadingForever: typeof fetch = (input, init) => {
  if (!requestUrl(input).includes(LOADING_MARKER)) return passThrough(input, init);
  const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
  return new Promise<Response>((_resolve, reject) => {
    if (!signal) return;
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    signal.addEventListener('abort', () => reject(abortReason(signal)), { once: true });
  });
};

/** Makes `loadingForever` the page's `fetch` (preview.ts does this once for every story). */
export function installLoadingForever(): void {
  globalThis.fetch = loadingForever;
}
