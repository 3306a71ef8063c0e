/**
 * The elements attack inputs are pushed into, and the feed that carries an input along every
 * path content can take. Every element is loaded from its define module; one that fails to load
 * or register fails the run instead of being skipped.
 */
import { expect } from '@open-wc/testing';
import { allTagNames, moduleName, tagNames, type TagName } from '../../src/tags.js';
import { nextEvent } from '../helpers.js';

export interface Target {
  tag: TagName;
  define: string;
  attrs: Record<string, string>;
}

/** What each element needs besides a feed to show the attack item. */
const ATTRS: Partial<Record<TagName, Record<string, string>>> = {
  [tagNames.navigator]: { mode: 'reader', series: 'attack-series', part: '1' },
  [tagNames.report]: { item: 'attack-1' },
};

export const TARGETS: readonly Target[] = allTagNames.map((tag) => ({
  tag,
  define: moduleName(tag),
  attrs: ATTRS[tag] ?? {},
}));

/** Imports and registers every element; throws, naming each, when any is missing. */
export async function loadTargets(): Promise<void> {
  const missing: string[] = [];
  for (const target of TARGETS) {
    // The test server transforms .ts on request; a variable specifier is not rewritten from .js.
    const path = `../../src/define/${target.define}.ts`;
    try {
      await import(/* @vite-ignore */ path);
    } catch (error) {
      missing.push(`<${target.tag}> did not load: ${String(error)}`);
      continue;
    }
    if (!customElements.get(target.tag)) missing.push(`<${target.tag}> is not registered`);
  }
  if (missing.length) throw new Error(`Every element must be present.\n${missing.join('\n')}`);
}

export type BodyPath = 'markdown' | 'html' | 'text';

const DEMO_PDF = '/demo/files/nkdb-military-report-en.pdf';
const DEMO_IMAGE = '/demo/images/journey.svg';

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * A feed whose every text field carries `input`, and whose body is `input` as markdown, HTML or
 * text. With `asUrl`, every URL field carries it too and the bodies wrap it as a link and image.
 */
export function attackFeed(input: string, body: BodyPath, asUrl: boolean): unknown {
  const url = (fallback: string) => (asUrl ? input : fallback);
  const bodyText = asUrl
    ? {
        markdown: `[kept](<${input}>) ![kept image](<${input}>) <${input}>`,
        html: `<p><a href="${attr(input)}">kept</a> <img src="${attr(input)}" alt="kept image"></p>`,
        text: `kept ${input}`,
      }[body]
    : input;
  const main = {
    id: 'attack-1',
    url: url('https://example.org/attack-1'),
    external_url: url('https://example.org/elsewhere'),
    title: input,
    summary: input,
    ...(body === 'html' ? { content_html: bodyText } : {}),
    ...(body === 'text' ? { content_text: bodyText } : {}),
    image: url(DEMO_IMAGE),
    date_published: '2025-03-04T09:00:00+09:00',
    authors: [{ name: input, url: url('https://example.org/author'), avatar: url(DEMO_IMAGE) }],
    tags: [input, 'safe tag'],
    language: 'en',
    attachments: [
      {
        url: url(DEMO_PDF),
        mime_type: 'application/pdf',
        title: input,
        size_in_bytes: 2_400_000,
        _lantern: { language: 'en', pages: 12 },
      },
    ],
    _lantern: {
      ...(body === 'markdown' ? { content_markdown: bodyText } : {}),
      image_alt: input,
      image_credit: input,
      content_warning: input,
      pseudonym: true,
      series: { id: 'attack-series', title: input, part: 1, total: 3 },
      report: {
        publisher: input,
        edition: input,
        pages: 12,
        license: input,
        document_id: input,
        citation: input,
      },
    },
  };
  const linkOut = {
    id: 'attack-2',
    url: url('https://example.org/attack-2'),
    title: input,
    summary: input,
    _lantern: { series: { id: 'attack-series', title: input, part: 2, total: 3 } },
  };
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: input,
    description: input,
    home_page_url: url('https://example.org/'),
    next_url: asUrl ? input : undefined,
    authors: [{ name: input }],
    items: [main, linkOut],
  };
}

export type Channel = 'property' | 'inline' | 'src';

let storedFeeds = 0;

/**
 * Mounts `target` with `feed` delivered through `channel` and waits until it has rendered or
 * failed. Returns the element and whether it failed.
 */
export async function mountWith(
  target: Target,
  feed: unknown,
  channel: Channel,
  host: HTMLElement,
  extraAttrs: Record<string, string> = {},
): Promise<{ el: HTMLElement; failed: boolean }> {
  const el = document.createElement(target.tag) as HTMLElement & {
    feed?: unknown;
    updateComplete?: Promise<unknown>;
  };
  for (const [name, value] of Object.entries({ ...target.attrs, ...extraAttrs })) {
    el.setAttribute(name, value);
  }
  const json = JSON.stringify(feed);
  if (channel === 'property') {
    el.feed = feed;
  } else if (channel === 'inline') {
    const script = document.createElement('script');
    script.type = 'application/feed+json';
    script.textContent = json;
    el.append(script);
  } else if (json.length > 4000) {
    // Too long for a URL: the test server keeps it and serves it back.
    const key = `feed-${++storedFeeds}`;
    await fetch(`/test-server/store?key=${key}`, { method: 'POST', body: json });
    el.setAttribute('src', `/test-server/stored/${key}`);
  } else {
    const bytes = new TextEncoder().encode(json);
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    el.setAttribute('src', `/test-server/raw?body=${encodeURIComponent(btoa(binary))}`);
  }
  const done = Promise.race([
    nextEvent(el, 'lantern-load', 15_000).then(() => false),
    nextEvent(el, 'lantern-error', 15_000).then(() => true),
  ]);
  host.append(el);
  const failed = await done;
  await el.updateComplete;
  return { el, failed };
}

/**
 * Text a sighted reader can actually see: text nodes whose parent is rendered. A long body's
 * blocks off the screen (`content-visibility: auto`, src/content/defer-layout.ts) count: they
 * are laid out as the reader scrolls to them.
 */
export function seenText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (parent && parent.checkVisibility()) {
        parts.push(node.textContent ?? '');
      }
      return;
    }
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}

export function expectNoFailures(failures: string[]): void {
  expect(failures, failures.slice(0, 40).join('\n')).to.deep.equal([]);
}
