/**
 * A trap for attack inputs, installed in the page before anything renders. It records:
 * - script execution: payloads set `window.__pwned` or call `alert`/`confirm`/`prompt`/`print`;
 *   CSP `securitypolicyviolation` events;
 * - dangerous DOM: `<script>`, `<iframe>` and friends, `on*` handlers and non-web URLs appearing
 *   in any shadow root (a MutationObserver on every shadow root, plus an audit after render);
 * - navigation: the Navigation API's `navigate` (cancelled) and `beforeunload`;
 * - unexpected requests: Resource Timing entries to another origin or to the beacon path.
 */
import { BEACON_PATH } from '../fixtures/attacks/index.js';

export interface Finding {
  kind: 'script' | 'csp' | 'dom' | 'navigation' | 'request';
  detail: string;
}

const DANGEROUS_TAGS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link',
  'form', 'input', 'textarea', 'select', 'style', 'template', 'noscript', 'math', 'portal',
  'fencedframe', 'foreignobject', 'animate', 'set', 'use', 'video', 'audio', 'source', 'picture',
  'marquee', 'isindex', 'xmp', 'plaintext',
]); // prettier-ignore

/** Attributes that must never reach the page from content. */
const DANGEROUS_ATTRS = new Set([
  'srcdoc', 'srcset', 'formaction', 'action', 'ping', 'background', 'poster', 'lowsrc', 'dynsrc',
  'xlink:href', 'data', 'codebase', 'popovertarget', 'commandfor', 'command', 'is',
]); // prettier-ignore

const URL_ATTRS = ['href', 'src', 'cite'];

/** Containers that hold sanitised content (and nothing of the component's own). */
const CONTENT = '.lantern-content, .reading > div.body, .rich';

const findings: Finding[] = [];
let installed = false;

function record(kind: Finding['kind'], detail: string): void {
  findings.push({ kind, detail: detail.slice(0, 300) });
}

function inspectNode(node: Node, where: string): void {
  if (!(node instanceof Element)) return;
  for (const el of [node, ...Array.from(node.querySelectorAll('*'))]) {
    if (DANGEROUS_TAGS.has(el.localName) && !el.closest('[data-lantern-own]')) {
      record('dom', `<${el.localName}> added in ${where}`);
    }
  }
}

function observe(root: Node, where: string): void {
  new MutationObserver((mutations) => {
    for (const m of mutations) for (const node of m.addedNodes) inspectNode(node, where);
  }).observe(root, { childList: true, subtree: true });
}

/** Installs the trap once per page; later calls only return it. */
export function installTrap(): void {
  if (installed) return;
  installed = true;
  Object.defineProperty(window, '__pwned', {
    configurable: false,
    get: () => undefined,
    set: (value: unknown) => record('script', `window.__pwned = ${String(value)}`),
  });
  for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
    (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      record('script', `${name}(${args.map(String).join(', ')})`);
      return null;
    };
  }
  document.addEventListener('securitypolicyviolation', (e) =>
    record('csp', `${e.violatedDirective}: ${e.blockedURI}`),
  );
  const navigation = (window as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigate', (e) => {
    const event = e as Event & { destination?: { url: string } };
    record('navigation', `navigate to ${event.destination?.url ?? '?'}`);
    if (event.cancelable) event.preventDefault();
  });
  // Recorded only: cancelling it would also stop the test runner leaving the page.
  window.addEventListener('beforeunload', () => record('navigation', 'beforeunload'));
  // Lit attaches every shadow root through this: watch each one as it is created.
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    observe(root, `<${this.localName}> shadow root`);
    return root;
  };
  performance.setResourceTimingBufferSize(1_000_000);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) checkRequest(entry.name);
  }).observe({ type: 'resource', buffered: true });
}

function checkRequest(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    record('request', url);
    return;
  }
  if (parsed.origin !== location.origin || parsed.pathname.startsWith(BEACON_PATH)) {
    record('request', url);
  }
}

/** Everything recorded since the last `takeFindings()`, after pending observers have run. */
export async function takeFindings(): Promise<Finding[]> {
  await new Promise((r) => setTimeout(r, 0));
  for (const entry of performance.getEntriesByType('resource')) {
    if (!seenEntries.has(entry)) {
      seenEntries.add(entry);
      checkRequest(entry.name);
    }
  }
  const out = dedupe(findings.splice(0));
  return out;
}

const seenEntries = new WeakSet<PerformanceEntry>();

function dedupe(list: Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = `${f.kind}:${f.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every element in `root` and in the shadow roots nested inside it. */
export function* deepElements(root: ParentNode): Generator<Element> {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

/**
 * Audits what an element rendered: no dangerous elements, no handlers, no URL that is not
 * http(s)/mailto, nothing that can submit, ping or restyle, and no ids or names (clobbering)
 * or styles inside content.
 */
export function auditRendered(host: Element): Finding[] {
  const out: Finding[] = [];
  const add = (detail: string) => out.push({ kind: 'dom', detail });
  if (!host.shadowRoot) return [{ kind: 'dom', detail: `<${host.localName}> has no shadow root` }];
  for (const el of deepElements(host.shadowRoot)) {
    const tag = el.localName;
    if (DANGEROUS_TAGS.has(tag)) add(`<${tag}> rendered`);
    if (tag === 'svg' && el.querySelector('a, image, use, foreignObject, script')) {
      add('<svg> with links or images rendered');
    }
    const inBody = el.parentElement?.closest(CONTENT) != null;
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) add(`<${tag} ${name}> handler`);
      if (DANGEROUS_ATTRS.has(name)) add(`<${tag} ${name}> attribute`);
      if (URL_ATTRS.includes(name) && !isWebUrl(attr.value, el)) {
        add(`<${tag} ${name}="${attr.value.slice(0, 80)}">`);
      }
      if (
        name === 'style' &&
        /url\(|expression|@import|javascript:|position\s*:\s*fixed/i.test(attr.value)
      ) {
        add(`<${tag} style="${attr.value.slice(0, 80)}">`);
      }
      if (inBody && ['id', 'name', 'style', 'class', 'part', 'slot', 'target'].includes(name)) {
        add(`<${tag} ${name}> inside content`);
      }
    }
    if (tag === 'a' && el.hasAttribute('href')) {
      const rel = el.getAttribute('rel') ?? '';
      const external = new URL((el as HTMLAnchorElement).href).origin !== location.origin;
      if (inBody && external && !(rel.includes('noopener') && rel.includes('noreferrer'))) {
        add(`<a href="${el.getAttribute('href')}"> without rel="noopener noreferrer"`);
      }
    }
    if (tag === 'img' && inBody && el.getAttribute('referrerpolicy') !== 'no-referrer') {
      add('<img> in content without referrerpolicy="no-referrer"');
    }
  }
  return out;
}

function isWebUrl(value: string, el: Element): boolean {
  try {
    const url = new URL(value, el.baseURI);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol);
  } catch {
    return false;
  }
}

/** Globals and document properties a clobbering payload would change if it reached the page. */
export function clobberingFindings(): Finding[] {
  const out: Finding[] = [];
  const w = window as unknown as Record<string, unknown>;
  if (w.__lanternClobber !== undefined)
    out.push({ kind: 'dom', detail: 'window.__lanternClobber' });
  if (typeof document.cookie !== 'string') out.push({ kind: 'dom', detail: 'document.cookie' });
  if (typeof document.getElementById !== 'function') {
    out.push({ kind: 'dom', detail: 'document.getElementById' });
  }
  if (document.forms.length !== 0) out.push({ kind: 'dom', detail: 'a form reached the page' });
  if (document.querySelector('base, meta[http-equiv]')) {
    out.push({ kind: 'dom', detail: '<base> or <meta http-equiv> reached the page' });
  }
  return out;
}
