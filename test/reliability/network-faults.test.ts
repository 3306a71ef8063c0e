import { expect } from '@open-wc/testing';
import { clearFeedCache } from '../../src/content/load.js';
import { en } from '../../src/i18n/messages.js';
import { ko } from '../../src/i18n/messages-ko.js';
import { nextEvent } from '../helpers.js';
import { tagNames, type TagName } from '../../src/tags.js';
import { TARGETS, loadTargets, seenText } from '../security/targets.js';

/** What each element shows from the demo feed once it has loaded. */
const LOADED_TEXT: Record<TagName, { attrs: Record<string, string>; text: string }> = {
  [tagNames.card]: { attrs: {}, text: 'North Korean Soldiers in Russia-Ukraine War' },
  [tagNames.list]: { attrs: {}, text: 'North Korean Soldiers in Russia-Ukraine War' },
  [tagNames.navigator]: { attrs: { series: 'yoon-ha' }, text: 'Making it to South Korea' },
  [tagNames.report]: {
    attrs: { item: 'nkdb-military-report' },
    text: 'Human Rights Violations in the North Korean Military',
  },
};

/** The same test server under another host name: another origin, for redirects and CORS. */
function otherOrigin(): string {
  const url = new URL(location.origin);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
}

interface Fault {
  name: string;
  /** The element's `src` while the server is failing; `key` makes it unique. */
  src: (key: string) => string;
  kind: string;
  status?: number;
}

const FAULTS: Fault[] = [
  { name: '404', src: (k) => `/test-server/flaky?key=${k}&mode=404`, kind: 'http', status: 404 },
  { name: '500', src: (k) => `/test-server/flaky?key=${k}&mode=500`, kind: 'http', status: 500 },
  { name: 'timeout', src: (k) => `/test-server/flaky?key=${k}&mode=hang`, kind: 'timeout' },
  { name: 'stall midway', src: (k) => `/test-server/flaky?key=${k}&mode=stall`, kind: 'timeout' },
  {
    name: 'redirect to another origin',
    src: (k) =>
      `/test-server/flaky?key=${k}&mode=redirect&to=${encodeURIComponent(`${otherOrigin()}/test-server/feed/feed.json`)}`,
    kind: 'network',
  },
  {
    name: 'CORS refusal',
    src: (k) => `${otherOrigin()}/test-server/flaky?key=${k}&mode=cors`,
    kind: 'network',
  },
  {
    name: 'offline (connection dropped)',
    src: (k) => `/test-server/flaky?key=${k}&mode=drop`,
    kind: 'network',
  },
];

const TIMEOUT_MS = 700;
let run = 0;

async function mountFaulty(tag: TagName, src: string, lang = 'en') {
  const el = document.createElement(tag) as HTMLElement & {
    timeoutMs?: number;
    updateComplete: Promise<unknown>;
  };
  for (const [name, value] of Object.entries(LOADED_TEXT[tag].attrs)) el.setAttribute(name, value);
  el.setAttribute('lang', lang);
  el.timeoutMs = TIMEOUT_MS;
  el.setAttribute('src', src);
  el.innerHTML = '<a href="https://example.org/fallback">Read the story on our site</a>';
  const failed = nextEvent<{ kind: string; status?: number; message: string }>(el, 'lantern-error');
  document.body.append(el);
  return { el, failed };
}

describe('network faults: a readable error with retry, and content after recovery', function () {
  this.timeout(60_000);
  const warnings: string[] = [];
  const warn = console.warn;

  before(async () => {
    await loadTargets();
  });
  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    clearFeedCache();
  });
  afterEach(() => {
    console.warn = warn;
    for (const el of document.querySelectorAll('body > [src]')) el.remove();
  });

  for (const fault of FAULTS) {
    it(`${fault.name}: every element shows the error, the fallback link and "Try again"; retry renders`, async () => {
      for (const target of TARGETS) {
        const key = `h-${fault.name.replace(/\W+/g, '-')}-${target.define}-${Date.now()}-${run++}`;
        const { el, failed } = await mountFaulty(target.tag, fault.src(key));
        const started = performance.now();
        const error = await failed;
        await el.updateComplete;
        const where = `<${target.tag}> ${fault.name}`;

        expect(error.detail.kind, where).to.equal(fault.kind);
        if (fault.status) expect(error.detail.status, where).to.equal(fault.status);
        if (fault.kind === 'timeout') {
          expect(performance.now() - started, `${where}: gave up in time`).to.be.below(
            TIMEOUT_MS + 2000,
          );
        }
        const text = seenText(el);
        expect(text, where).to.contain(en.errorTitle);
        expect(text, `${where}: the partner's fallback link shows`).to.contain(
          'Read the story on our site',
        );
        const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.error button');
        expect(button, `${where}: retry button`).to.not.equal(null);
        expect(button!.textContent?.trim()).to.equal(en.retry);
        expect(button!.checkVisibility()).to.equal(true);
        // The cause is named in words, beyond the generic title.
        const cause = el.shadowRoot!.querySelector('.error .cause')?.textContent?.trim() ?? '';
        expect(cause.length, `${where}: cause`).to.be.above(10);
        expect(
          warnings.some((w) => w.includes(target.tag)),
          `${where}: console warning`,
        ).to.equal(true);

        // Recovery: the server comes back and "Try again" renders the content.
        // no-cors: the other origin's answer is opaque, but the request reaches the server.
        await fetch(
          `${new URL(fault.src(key), location.href).origin}/test-server/flaky-up?key=${key}`,
          {
            mode: 'no-cors',
          },
        );
        const loaded = nextEvent(el, 'lantern-load', 10_000);
        button!.click();
        await loaded;
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('.error'), `${where}: error gone`).to.equal(null);
        expect(seenText(el), `${where}: content after retry`).to.contain(
          LOADED_TEXT[target.tag].text,
        );
        expect(el.matches(':focus-within'), `${where}: focus stays in the widget`).to.equal(true);
        el.remove();
      }
    });
  }

  it('the error state speaks Korean inside a Korean page', async () => {
    const { el, failed } = await mountFaulty(
      tagNames.card,
      `/test-server/flaky?key=h-ko-${Date.now()}&mode=500`,
      'ko',
    );
    await failed;
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const text = seenText(el);
    expect(text).to.contain(ko.errorTitle);
    expect(el.shadowRoot!.querySelector('.error button')?.textContent?.trim()).to.equal(ko.retry);
  });

  it('a redirect to another origin that allows CORS renders, resolving links against the final URL', async () => {
    const key = `h-cors-ok-${Date.now()}`;
    await fetch(`${otherOrigin()}/test-server/flaky-up?key=${key}`, { mode: 'no-cors' });
    const el = document.createElement(tagNames.card);
    const loaded = nextEvent(el, 'lantern-load');
    el.setAttribute(
      'src',
      `/test-server/redirect?to=${encodeURIComponent(`${otherOrigin()}/test-server/flaky?key=${key}`)}`,
    );
    document.body.append(el);
    await loaded;
    await el.updateComplete;
    expect(seenText(el)).to.contain(LOADED_TEXT[tagNames.card].text);
    // demo/feed.json's images are relative: they resolve against where the feed really came from.
    const img = el.shadowRoot!.querySelector('img');
    expect(img, 'the card shows the item’s image').to.not.equal(null);
    expect(new URL(img!.src).origin).to.equal(otherOrigin());
  });
});
