import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/define/report-download.js';
import type { LanternDownloadDetail } from '../../src/define/report-download.js';
import type { FeedItem } from '../../src/content/types.js';
import {
  cleanup,
  drawnText,
  expectAxeClean,
  expectSizeKept,
  firefox,
  itDevTools,
  mount,
  mountLoaded,
  nextEvent,
  shadow,
  visibleText,
  voices,
} from '../helpers.js';

const FEED = '/demo/feed.json';
const REPORT = `src=${FEED} item="nkdb-military-report"`;
const EN_SHA = 'a455b64bf8b60eaa3c5143d26759ce873c420a3f536e558316449e9f912be6ac';
const origin = location.origin;

type Report = HTMLElement & { updateComplete: Promise<boolean> };

/** A report element fed through an inline `<script type="application/feed+json">`. */
function inline(item: Partial<FeedItem>, attrs = ''): Promise<Report> {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Test feed',
    // Relative attachment URLs need a base: the feed says where it lives.
    feed_url: `${location.origin}/feed.json`,
    items: [{ id: 'report', title: 'A test report', ...item }],
  };
  return mountLoaded<Report>(
    `<lantern-report-download ${attrs}><script type="application/feed+json">${JSON.stringify(
      feed,
    )}</script></lantern-report-download>`,
  );
}

function downloadLinks(el: Element): HTMLAnchorElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLAnchorElement>('.downloads a') ?? [])];
}

/** Replaces `navigator.clipboard` for one test; Chromium's real clipboard needs permission and focus. */
function stubClipboard(clipboard: Partial<Clipboard> | undefined): () => void {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  return () => {
    delete (navigator as { clipboard?: unknown }).clipboard;
  };
}

async function requestCount(key: string): Promise<number> {
  const response = await fetch(`/test-server/count/status?key=${key}`);
  return ((await response.json()) as { count: number }).count;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('<lantern-report-download>', () => {
  afterEach(cleanup);

  it('shows the NKDB report: title, publisher, facts, summary and both versions', async () => {
    const el = await mountLoaded<Report>(
      `<lantern-report-download ${REPORT} lang="en"></lantern-report-download>`,
    );
    expect(shadow(el, '.title').textContent?.trim()).to.equal(
      'Human Rights Violations in the North Korean Military',
    );
    const meta = [...el.shadowRoot!.querySelectorAll('.meta > span')].map((s) => s.textContent);
    expect(meta).to.deep.equal([
      'Published by NKDB (Database Center for North Korean Human Rights)',
      '212 pages',
    ]);
    const facts = [...el.shadowRoot!.querySelectorAll('.facts dt')].map(
      (dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`,
    );
    expect(facts).to.deep.equal([
      'Published: December 10, 2024',
      'Edition: First edition',
      'Licence: CC BY-NC-ND 4.0',
      'Document: NKDB-2024-07',
    ]);
    // The markdown body went through the content layer: emphasis is real markup.
    expect(shadow(el, '.summary strong').textContent).to.equal('forced labour');
    const cover = shadow<HTMLImageElement>(el, '.cover img');
    expect(cover.src).to.equal(`${origin}/demo/images/report-cover.svg`);
    expect(cover.alt).to.equal('Cover of the report: a dark blue page with a pale circle.');
    expect(cover.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(downloadLinks(el)).to.have.length(2);
    await expectAxeClean(el);
  });

  it('lists the English version first for an English reader', async () => {
    const el = await mountLoaded<Report>(
      `<lantern-report-download ${REPORT} lang="en"></lantern-report-download>`,
    );
    const [first, second] = downloadLinks(el);
    expect(first?.textContent?.trim()).to.equal('Download (English)');
    expect(second?.textContent?.trim()).to.equal('Download (Korean)');
    expect(first?.getAttribute('href')).to.equal(
      `${origin}/demo/files/nkdb-military-report-en.pdf`,
    );
    expect(first?.hasAttribute('download')).to.equal(true);
    expect(first?.getAttribute('hreflang')).to.equal('en');
  });

  it('lists the Korean version first, in Korean, for a Korean reader', async () => {
    // The language comes from the closest [lang] ancestor, as on a partner's Korean page.
    const wrapper = await mountLoaded<HTMLElement>(
      `<section lang="ko"><lantern-report-download ${REPORT}></lantern-report-download></section>`,
    );
    const el = wrapper.querySelector('lantern-report-download')!;
    await el.updateComplete;
    const [first, second] = downloadLinks(el);
    expect(first?.textContent?.trim()).to.equal('다운로드 (한국어)');
    expect(second?.textContent?.trim()).to.equal('다운로드 (영어)');
    expect(first?.getAttribute('href')).to.equal(
      `${origin}/demo/files/nkdb-military-report-ko.pdf`,
    );
    expect(drawnText(shadow(el, '.download .file'))).to.equal('PDF · 827바이트 · 1쪽');
    expect(visibleText(el)).to.contain('2024년 12월 10일');
    expect(visibleText(el)).to.contain('인용 정보 복사');
    // The report's own words stay in its language: a Korean voice would misread them.
    expect(shadow(el, 'img').closest('[lang]')!.getAttribute('lang')).to.equal('en');
    const heard = voices(el);
    for (const words of [
      'First edition',
      'CC BY-NC-ND 4.0',
      'NKDB (Database Center for North Korean Human Rights)',
    ]) {
      expect(heard.find((h) => h.text === words)?.lang, words).to.equal('en');
    }
    expect(heard.find((h) => h.text.startsWith('발행'))?.lang).to.equal('ko');
    await expectAxeClean(el);
  });

  it('is axe clean in the dark theme, colour contrast included', async () => {
    const el = await mountLoaded<Report>(
      `<lantern-report-download ${REPORT} theme="dark" lang="en"></lantern-report-download>`,
    );
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    expect(getComputedStyle(shadow(el, '.report')).backgroundColor).to.equal('rgb(29, 30, 34)');
    await expectAxeClean(el);
  });

  it('shows format and size: "PDF · 935 bytes", "PDF · 2.4 MB", "MP3 · 31 MB"', async () => {
    const demo = await mountLoaded<Report>(
      `<lantern-report-download ${REPORT} lang="en"></lantern-report-download>`,
    );
    expect(drawnText(shadow(demo, '.download .file'))).to.equal('PDF · 935 bytes · 1 page');
    const big = await inline(
      {
        attachments: [
          {
            url: '/big.pdf',
            mime_type: 'application/pdf',
            size_in_bytes: 2_400_000,
            _lantern: { language: 'en' },
          },
        ],
      },
      'lang="en"',
    );
    expect(drawnText(shadow(big, '.download .file'))).to.equal('PDF · 2.4 MB');
    // The size is announced with the link: it describes it.
    const link = downloadLinks(big)[0]!;
    const description = big.shadowRoot!.getElementById(link.getAttribute('aria-describedby')!);
    expect(description === shadow(big, '.download .file')).to.equal(true);
    const episode = await inline(
      { attachments: [{ url: '/45.mp3', mime_type: 'audio/mpeg', size_in_bytes: 31_000_000 }] },
      'lang="en"',
    );
    expect(drawnText(shadow(episode, '.download .file'))).to.equal('MP3 · 31 MB');
  });

  it('shows no size when the feed gives none, never "NaN"', async () => {
    const el = await inline(
      {
        attachments: [
          { url: '/a.pdf', mime_type: 'application/pdf', _lantern: { language: 'en' } },
        ],
      },
      'lang="en"',
    );
    expect(shadow(el, '.download .file').textContent?.trim()).to.equal('PDF');
    expect(visibleText(el)).not.to.match(/NaN|undefined/);
    await expectAxeClean(el);
  });

  it('names a file whose MIME type is an Object.prototype member "File", never a function', async () => {
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    const el = await inline(
      { attachments: names.map((mime_type, n) => ({ url: `/f${n}.bin`, mime_type })) },
      'lang="en"',
    );
    const shown = [...el.shadowRoot!.querySelectorAll('.download .file')].map((file) =>
      drawnText(file as HTMLElement),
    );
    expect(shown).to.deep.equal(names.map(() => 'File'));
    expect(visibleText(el)).not.to.match(/function|native code|object Object/);
  });

  it('cuts a download title past 200 characters, in the link and in what tells two links apart', async () => {
    // Fifty 2,000-character titles in mixed directions were 100,000 characters to lay out.
    const long = (n: number) => `${n} ${'כרך volume '.repeat(180)}`;
    const el = await inline(
      {
        attachments: [1, 2].map((n) => ({
          url: `/v${n}.pdf`,
          mime_type: 'application/pdf',
          title: long(n),
        })),
      },
      'lang="en"',
    );
    const shown = [...el.shadowRoot!.querySelectorAll('.download .file')].map((file) =>
      file.textContent!.trim(),
    );
    expect(shown).to.have.length(2);
    for (const text of shown) {
      expect(text.length).to.be.within(150, 220);
      expect(text).to.match(/…$/);
    }
    const hidden = [...el.shadowRoot!.querySelectorAll('.download .visually-hidden')];
    for (const span of hidden) expect(span.textContent!.length).to.be.below(230);
  });

  it('fires a cancelable lantern-download with the version before the download starts', async () => {
    const el = await mountLoaded<Report>(
      `<lantern-report-download ${REPORT} lang="en"></lantern-report-download>`,
    );
    const event = nextEvent<LanternDownloadDetail>(document, 'lantern-download');
    // Stop the real download so the test page stays put.
    const stop = (e: Event) => e.preventDefault();
    document.addEventListener('lantern-download', stop);
    downloadLinks(el)[1]!.click();
    document.removeEventListener('lantern-download', stop);
    const fired = await event;
    expect(fired.detail).to.deep.equal({
      url: `${origin}/demo/files/nkdb-military-report-ko.pdf`,
      language: 'ko',
      mime_type: 'application/pdf',
      size_in_bytes: 827,
    });
    expect(fired.cancelable).to.equal(true);
    expect(fired.composed).to.equal(true);
    expect(fired.bubbles).to.equal(true);
  });

  it('fires lantern-download when a keyboard user presses Enter on a download link', async () => {
    const el = await mountLoaded<Report>(
      `<lantern-report-download ${REPORT} lang="en"></lantern-report-download>`,
    );
    const seen: LanternDownloadDetail[] = [];
    const record = (e: Event) => {
      seen.push((e as CustomEvent<LanternDownloadDetail>).detail);
      e.preventDefault();
    };
    document.addEventListener('lantern-download', record);
    try {
      downloadLinks(el)[0]!.focus();
      expect(el.shadowRoot!.activeElement).to.equal(downloadLinks(el)[0]);
      await sendKeys({ press: 'Enter' });
      await sleep(50);
      expect(seen.map((d) => d.language)).to.deep.equal(['en']);
    } finally {
      document.removeEventListener('lantern-download', record);
    }
  });

  it('preventDefault() on lantern-download stops the download; otherwise it starts', async () => {
    const key = `dl-${Date.now()}`;
    const el = await inline(
      {
        attachments: [
          {
            // A counted URL answering 204: the server sees the request, no file is saved.
            url: `/test-server/status/204?key=${key}`,
            mime_type: 'application/pdf',
            size_in_bytes: 15,
            _lantern: { language: 'en' },
          },
        ],
      },
      'lang="en"',
    );
    const link = downloadLinks(el)[0]!;
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('lantern-download', cancel);
    let clickPrevented: boolean | undefined;
    const watch = (e: Event) => (clickPrevented = e.defaultPrevented);
    window.addEventListener('click', watch);
    link.click();
    window.removeEventListener('click', watch);
    document.removeEventListener('lantern-download', cancel);
    expect(clickPrevented).to.equal(true);
    await sleep(700);
    expect(await requestCount(key)).to.equal(0);

    // The control: without preventDefault() the browser does fetch the file.
    link.click();
    for (let i = 0; i < 30 && (await requestCount(key)) === 0; i++) await sleep(100);
    expect(await requestCount(key)).to.equal(1);
  });

  it('removes a javascript: attachment with a warning and keeps the other version', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await inline(
        {
          attachments: [
            {
              url: 'javascript:alert(1)',
              mime_type: 'application/pdf',
              _lantern: { language: 'en' },
            },
            { url: '/ko.pdf', mime_type: 'application/pdf', _lantern: { language: 'ko' } },
          ],
        },
        'lang="en"',
      );
      const links = downloadLinks(el);
      expect(links).to.have.length(1);
      expect(links[0]!.getAttribute('href')).to.equal(`${origin}/ko.pdf`);
      expect(links[0]!.textContent?.trim()).to.equal('Download (Korean)');
      expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
      expect(warnings.join('\n')).to.contain('items[0].attachments[0].url');
      await expectAxeClean(el);
    } finally {
      console.warn = warn;
    }
  });

  it('a single download ends where its row ends: no room kept for a second one', async () => {
    const el = await inline(
      { attachments: [{ url: '/en.pdf', mime_type: 'application/pdf', size_in_bytes: 2_400_000 }] },
      'lang="en"',
    );
    const list = shadow(el, '.downloads').getBoundingClientRect();
    const row = shadow(el, '.download').getBoundingClientRect();
    expect(Math.round(list.bottom - row.bottom), 'blank under the download').to.equal(0);
  });

  it('with its cover beside the text, ends where its citation ends (its padding only)', async () => {
    const el = await mountLoaded<Report>(
      `<lantern-report-download ${REPORT} lang="en" style="width: 720px"></lantern-report-download>`,
    );
    const base = shadow(el, '[part="base"]');
    const cover = shadow(el, '.cover').getBoundingClientRect();
    const footer = shadow(el, '.footer').getBoundingClientRect();
    expect(cover.right < footer.left, 'the cover is beside the text').to.equal(true);
    const padding = parseFloat(getComputedStyle(base).paddingBottom);
    const border = parseFloat(getComputedStyle(base).borderBottomWidth);
    const blank = base.getBoundingClientRect().bottom - border - padding - footer.bottom;
    expect(Math.round(blank), 'blank under the citation').to.equal(0);
  });

  it('says so clearly when there is nothing to download', async () => {
    const el = await inline({ summary: 'A report without files.' }, 'lang="en"');
    expect(shadow(el, '.no-downloads').textContent?.trim()).to.equal(
      'No download is available for this report yet.',
    );
    expect(downloadLinks(el)).to.have.length(0);
    await expectAxeClean(el);
  });

  it('shows no cover when the item has none or images are hidden', async () => {
    const none = await inline({ summary: 'No cover.' }, 'lang="en"');
    expect(none.shadowRoot!.querySelector('.cover')).to.equal(null);
    const hidden = await mountLoaded<Report>(
      `<lantern-report-download ${REPORT} hide-images lang="en"></lantern-report-download>`,
    );
    expect(hidden.shadowRoot!.querySelector('img')).to.equal(null);
    await expectAxeClean(hidden);
  });

  it('shortens the checksum and copies it whole', async () => {
    const copied: string[] = [];
    // Stubbed: headless Chromium only writes the real clipboard with a permission grant.
    const restore = stubClipboard({ writeText: async (text: string) => void copied.push(text) });
    try {
      const el = await mountLoaded<Report>(
        `<lantern-report-download ${REPORT} lang="en"></lantern-report-download>`,
      );
      expect(shadow(el, '.checksum code').textContent).to.equal('a455b64b…912be6ac');
      const button = shadow<HTMLButtonElement>(el, '.checksum button');
      expect(button.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Copy checksum (English)');
      button.click();
      await sleep(150);
      await el.updateComplete;
      expect(copied).to.deep.equal([EN_SHA]);
      expect(shadow(el, '.checksum [role="status"]').textContent).to.equal('Copied');
    } finally {
      restore();
    }
  });

  it('selects the whole checksum in a read-only field when copying it fails', async () => {
    const restore = stubClipboard({
      writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
    });
    try {
      const el = await mountLoaded<Report>(
        `<lantern-report-download ${REPORT} lang="en"></lantern-report-download>`,
      );
      shadow<HTMLButtonElement>(el, '.checksum button').click();
      await sleep(150);
      await el.updateComplete;
      const field = shadow<HTMLTextAreaElement>(el, '.checksum textarea');
      expect(field.readOnly).to.equal(true);
      expect(field.value).to.equal(EN_SHA);
      expect(field.getAttribute('aria-label')).to.equal('SHA-256 (English)');
      expect(el.shadowRoot!.activeElement).to.equal(field);
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, 64]);
      await expectAxeClean(el);
    } finally {
      restore();
    }
  });

  it('copies a citation composed from publisher, year, title and URL, and confirms it', async () => {
    const copied: string[] = [];
    // Stubbed: headless Chromium only writes the real clipboard with a permission grant.
    const restore = stubClipboard({ writeText: async (text: string) => void copied.push(text) });
    try {
      const el = await mountLoaded<Report>(
        `<lantern-report-download ${REPORT} lang="en"></lantern-report-download>`,
      );
      const status = shadow(el, '.footer [role="status"]');
      expect(status.textContent).to.equal('');
      shadow<HTMLButtonElement>(el, '.footer button').click();
      await sleep(150);
      await el.updateComplete;
      expect(copied).to.deep.equal([
        'NKDB (Database Center for North Korean Human Rights). (2024). Human Rights Violations in the North Korean Military. https://example.org/lantern-demo/reports/human-rights-violations-north-korean-military',
      ]);
      expect(status.textContent).to.equal('Copied');
      await expectAxeClean(el);
    } finally {
      restore();
    }
  });

  it('says "Copied" again when the citation is copied a second time', async () => {
    // A live region whose text stays "Copied" says nothing: it empties for a frame first.
    const restore = stubClipboard({ writeText: async () => {} });
    try {
      const el = await mountLoaded<Report>(
        `<lantern-report-download ${REPORT} lang="en"></lantern-report-download>`,
      );
      const status = shadow(el, '.footer [role="status"]');
      const button = shadow<HTMLButtonElement>(el, '.footer button');
      button.click();
      await sleep(150);
      await el.updateComplete;
      expect(status.textContent).to.equal('Copied');
      // What the status says at each frame from the second click on.
      const frames: string[] = [];
      let watching = true;
      const watch = () => {
        frames.push(status.textContent ?? '');
        if (watching) requestAnimationFrame(watch);
      };
      button.click();
      requestAnimationFrame(watch);
      await sleep(300);
      watching = false;
      expect(frames.slice(0, 2), 'the frames after the second click').to.deep.equal(['', '']);
      expect(frames.at(-1)).to.equal('Copied');
    } finally {
      restore();
    }
  });

  it('puts the title first in a citation with no author or publisher (APA)', async () => {
    const el = await inline({
      date_published: '2017-03-01T00:00:00Z',
      url: 'https://example.org/reports/untold',
    });
    expect(shadow(el, '.citation-text').textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'Citation: A test report. (2017). https://example.org/reports/untold',
    );
  });

  it("copies the feed's own citation when it gives one", async () => {
    const copied: string[] = [];
    const restore = stubClipboard({ writeText: async (text: string) => void copied.push(text) });
    try {
      const citation = 'NKDB. 2024. Human Rights Violations. Seoul: NKDB.';
      const el = await inline({ _lantern: { report: { citation } } }, 'lang="ko"');
      shadow<HTMLButtonElement>(el, '.footer button').click();
      await sleep(150);
      await el.updateComplete;
      expect(copied).to.deep.equal([citation]);
      expect(shadow(el, '.footer [role="status"]').textContent).to.equal('복사했습니다');
    } finally {
      restore();
    }
  });

  for (const [what, clipboard] of [
    ['unavailable', undefined],
    ['rejects', { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }],
  ] as const) {
    it(`selects the citation in a read-only field when the clipboard ${what}`, async () => {
      const restore = stubClipboard(clipboard);
      try {
        const el = await mountLoaded<Report>(
          `<lantern-report-download ${REPORT} lang="en"></lantern-report-download>`,
        );
        shadow<HTMLButtonElement>(el, '.footer button').click();
        await sleep(50);
        await el.updateComplete;
        const field = shadow<HTMLTextAreaElement>(el, '.footer textarea');
        expect(field.readOnly).to.equal(true);
        expect(field.value).to.match(/^NKDB .*\(2024\)\. Human Rights Violations/);
        expect(field.getBoundingClientRect().height).to.be.greaterThan(0);
        expect(el.shadowRoot!.activeElement).to.equal(field);
        expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
        expect(shadow(el, '.footer [role="status"]').textContent).to.equal(
          'Could not copy automatically. The text is selected below: copy it yourself.',
        );
        await expectAxeClean(el);
      } finally {
        restore();
      }
    });
  }

  it('shows a readable error, the fallback link and lantern-error for a missing feed', async () => {
    const container = document.createElement('div');
    container.className = 'test-container';
    const failed = nextEvent<{ kind: string }>(container, 'lantern-error');
    container.innerHTML = `<lantern-report-download src="/demo/missing.json" lang="en"><a href="/demo/files/nkdb-military-report-en.pdf">Download the report (PDF)</a></lantern-report-download>`;
    document.body.append(container);
    const event = await failed;
    expect(event.detail.kind).to.equal('http');
    const el = container.firstElementChild as Report;
    await el.updateComplete;
    expect(visibleText(el)).to.contain('This content could not be shown.');
    expect(shadow(el, '.error button').textContent?.trim()).to.equal('Try again');
    expect(shadow<HTMLSlotElement>(el, '.error slot').assignedElements()[0]?.textContent).to.equal(
      'Download the report (PDF)',
    );
    await expectAxeClean(el);
  });

  it('shows an error for an item id the feed does not have', async () => {
    const el = await mountLoaded<Report>(
      `<lantern-report-download src=${FEED} item="no-such-report" lang="en"></lantern-report-download>`,
    );
    expect(visibleText(el)).to.contain('The feed has no item with the id "no-such-report".');
  });

  it('keeps its size while loading (skeleton) and is axe clean there', async () => {
    const container = document.createElement('div');
    container.className = 'test-container';
    container.innerHTML = `<lantern-report-download src="/test-server/feed/feed.json?delay=1500&key=skeleton" item="nkdb-military-report" lang="en"></lantern-report-download>`;
    document.body.append(container);
    const el = container.firstElementChild as Report;
    await el.updateComplete;
    const base = shadow(el, '[part="base"]');
    expect(base.getAttribute('aria-busy')).to.equal('true');
    expect(visibleText(el)).to.equal('Loading…');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(250);
    await expectAxeClean(el);
    await nextEvent(el, 'lantern-load');
  });

  // As on the demo page (every.css), in a desktop column and in a phone's (390px less margins),
  // where the title, publisher, summary and citation wrap onto many more lines.
  for (const [column, width] of [
    ['desktop', 720],
    ['phone', 358],
  ] as const) {
    it(`reserves its final size while loading (${column} column)`, async function () {
      // Firefox wraps the demo report's lines in a phone's column into 21 px less than the
      // height fitted in Chromium (1,202 px kept, 1,181 drawn; before tan(atan2()), 183 px).
      if (firefox && column === 'phone') this.skip();
      // The cover image has its intrinsic size before it decodes.
      const report = mount<Report>(
        `<lantern-report-download style="width: ${width}px; font-family: 'DejaVu Sans', sans-serif" src="/test-server/feed/feed.json?delay=700&key=size-${width}-${Date.now()}" item="nkdb-military-report" lang="en"></lantern-report-download>`,
      );
      await expectSizeKept(report);
    });
  }
});

describe('<lantern-report-download> with a long summary body', () => {
  afterEach(cleanup);

  const paragraphs = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `<p>Paragraph ${i + 1}: ${'the testimony continues '.repeat(9)}</p>`,
    ).join('');

  async function pressOn(button: HTMLElement, key: string, el: Report): Promise<void> {
    button.focus();
    await sendKeys({ press: key });
    await el.updateComplete;
  }

  it('shows its opening and a "Show more" that works by keyboard; the rest is not in the page until then', async () => {
    const el = await inline({ content_html: paragraphs(60) });
    const summary = shadow(el, '.summary');
    const collapsed = summary.getBoundingClientRect().height;
    expect(summary.textContent).to.include('Paragraph 1:');
    // Not clipped but absent: a screen reader hears what a sighted reader sees.
    expect(summary.textContent).to.not.include('Paragraph 60:');
    const button = shadow<HTMLButtonElement>(el, '.more-line button');
    expect(button.textContent?.trim()).to.equal('Show more');
    expect(button.getAttribute('aria-expanded')).to.equal('false');

    await pressOn(button, 'Enter', el);
    expect(summary.textContent).to.include('Paragraph 60:');
    expect(button.textContent?.trim()).to.equal('Show less');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(summary.getBoundingClientRect().height).to.be.above(collapsed * 4);
    // The reader goes on where the new text starts, above the button (not below all of it).
    const focused = el.shadowRoot?.activeElement as HTMLElement;
    expect(focused?.textContent, 'focus on the first paragraph shown').to.match(/^Paragraph \d+:/);
    expect(focused.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).to.equal(4);
    expect(focused.textContent).to.include('Paragraph 60:');
    await expectAxeClean(el);

    await pressOn(button, ' ', el);
    expect(summary.textContent).to.not.include('Paragraph 60:');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot?.activeElement, 'focus stays on the button').to.equal(button);

    // Opened again from down there: the start of what it shows is in view, at the top.
    await pressOn(button, 'Enter', el);
    const top = (el.shadowRoot?.activeElement as HTMLElement).getBoundingClientRect().top;
    expect(top).to.be.within(-1, 1);
  });

  itDevTools(
    '"Show more" jumps to what it opens, without motion, on a page that scrolls smoothly',
    async () => {
      // A reader who asked for less motion, on a theme with `html { scroll-behavior: smooth }`
      // (a scroll of behavior 'auto' follows the page's, so the text glided up over half a second).
      await emulateMedia({ reducedMotion: 'reduce' });
      document.documentElement.style.scrollBehavior = 'smooth';
      try {
        const el = await inline({ content_html: paragraphs(60) });
        el.after(Object.assign(document.createElement('div'), { style: 'height: 300vh' }));
        const button = shadow<HTMLButtonElement>(el, '.more-line button');
        button.scrollIntoView({ behavior: 'instant', block: 'end' });
        button.click();
        await el.updateComplete;
        // In the frame it opens: the start of what it shows at the top.
        const opened = el.shadowRoot?.activeElement as HTMLElement;
        expect(opened.getBoundingClientRect().top).to.be.within(-1, 1);
      } finally {
        document.documentElement.style.scrollBehavior = '';
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    },
  );

  it('draws no focus ring around the text "Show more" opens; its button and the title keep theirs', async () => {
    const el = await inline({ content_html: paragraphs(60) });
    const button = shadow<HTMLButtonElement>(el, '.more-line button');
    const ring = (node: Element) => getComputedStyle(node).outlineStyle;
    await pressOn(button, 'Enter', el);
    // Not a control: a ring thousands of pixels tall around the whole text said nothing.
    const opened = el.shadowRoot?.activeElement as HTMLElement;
    expect(opened.textContent).to.include('Paragraph 60:');
    expect(opened.matches(':focus-visible'), 'opened by keyboard').to.equal(true);
    expect(ring(opened)).to.equal('none');
    await pressOn(button, ' ', el);
    expect(el.shadowRoot?.activeElement).to.equal(button);
    expect(ring(button)).to.equal('solid');
    const title = shadow(el, '.title [data-focus]');
    title.focus();
    expect(ring(title)).to.equal('solid');
  });

  it('splits a body wrapped in one element inside the wrapper', async () => {
    const el = await inline({ content_html: `<div class="entry">${paragraphs(30)}</div>` });
    expect(shadow(el, '.summary').textContent).to.not.include('Paragraph 30:');
    shadow(el, '.more-line button').click();
    await el.updateComplete;
    expect(shadow(el, '.summary').textContent).to.include('Paragraph 30:');
  });

  it('leaves a body that is one long list whole: its items stay in the list', async () => {
    const items = Array.from(
      { length: 40 },
      (_, i) => `<li>Finding ${i + 1}: ${'the testimony continues '.repeat(6)}</li>`,
    ).join('');
    const el = await inline({ content_html: `<ul>${items}</ul>` });
    const lis = [...el.shadowRoot!.querySelectorAll('.summary li')];
    expect(lis).to.have.length(40);
    expect(lis.every((li) => li.parentElement?.localName === 'ul')).to.equal(true);
    expect(shadow(el, '.summary').textContent).to.include('Finding 40:');
    await expectAxeClean(el);
  });

  it("puts its body's headings below its title", async () => {
    const el = await inline(
      { content_html: '<h1>Key findings</h1><p>Text.</p><h2>Method</h2><p>More.</p>' },
      'heading-level="3"',
    );
    const levels = [...el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
      (h) => `${h.localName} ${h.textContent?.trim()}`,
    );
    expect(levels).to.deep.equal(['h3 A test report', 'h4 Key findings', 'h5 Method']);
  });

  // An invalid heading-level puts the title at h2 (clampHeading): the body goes below that.
  for (const level of ['abc', '0']) {
    it(`puts its body's headings below its title with heading-level="${level}"`, async () => {
      const el = await inline(
        { content_html: '<h1>Key findings</h1><p>Text.</p><h2>Method</h2><p>More.</p>' },
        `heading-level="${level}"`,
      );
      const levels = [...el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
        (h) => `${h.localName} ${h.textContent?.trim()}`,
      );
      expect(levels).to.deep.equal(['h2 A test report', 'h3 Key findings', 'h4 Method']);
    });
  }

  it('shows a summary of a few paragraphs whole, with no button', async () => {
    const el = await inline({ content_html: paragraphs(5) });
    expect(shadow(el, '.summary').textContent).to.include('Paragraph 5:');
    expect(el.shadowRoot?.querySelector('.more-line')).to.equal(null);
  });
});

describe('<lantern-report-download> with one download, from a slow feed', () => {
  afterEach(cleanup);

  it("keeps the skeleton's second download row in view, so the page does not move", async () => {
    // The demo's report, which the skeleton is drawn for, with its English version only.
    const demo = await (await fetch(FEED)).json();
    const item = demo.items.find((i: FeedItem) => i.id === 'nkdb-military-report');
    item.attachments = item.attachments.slice(0, 1);
    const feed = { ...demo, feed_url: `${origin}${FEED}`, items: [item] };
    const body = encodeURIComponent(
      btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(feed)))),
    );
    const report = mount<Report>(
      `<lantern-report-download style="width: 720px; font-family: 'DejaVu Sans', sans-serif" src="/test-server/raw?delay=700&k=${Date.now()}&body=${body}" lang="en"></lantern-report-download>`,
    );
    await expectSizeKept(report);
    expect(report.shadowRoot!.querySelectorAll('.download').length).to.equal(1);
  });
});

describe('<lantern-report-download> while its feed loads', () => {
  afterEach(cleanup);

  it('a screen reader hears only that it is loading, not the empty rows drawn for it', async () => {
    const report = mount<Report>(
      `<lantern-report-download src="/test-server/stall?report=${Math.random()}"></lantern-report-download>`,
    );
    await report.updateComplete;
    expect(report.shadowRoot!.querySelector('.skeleton .downloads')).to.not.equal(null);
    expect(voices(report).map((h) => h.text)).to.deep.equal(['Loading…']);
    // Nothing but the hidden rows: no empty list or group is exposed either.
    for (const el of report.shadowRoot!.querySelectorAll('.skeleton ul, .skeleton li')) {
      expect(el.closest('[aria-hidden="true"]'), el.outerHTML.slice(0, 60)).to.not.equal(null);
    }
  });
});
