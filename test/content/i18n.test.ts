import { expect } from '@open-wc/testing';
import {
  formatDate,
  formatList,
  loadMessages,
  messagesFor,
  messagesReady,
  resolveLocale,
} from '../../src/i18n/index.js';
import { formatName, formatSize, languageName } from '../../src/i18n/report-format.js';
import type { LanternErrorDetail } from '../../src/components/shared/events.js';
import { ko } from '../../src/i18n/messages-ko.js';
import { en, type Messages } from '../../src/i18n/messages.js';
import { withListText } from '../../src/i18n/messages-en-list.js';
import { withNavigatorText } from '../../src/i18n/messages-en-navigator.js';
import { withReportText } from '../../src/i18n/messages-en-report.js';

// The widgets' English text, as the list, navigator and report add it when they load.
withListText();
withNavigatorText();
withReportText();
import '../../src/define/article-card.js';
import { cleanup, mount, mountLoaded, visibleText } from '../helpers.js';

describe('formatDate', () => {
  it('writes the date the way each language does', () => {
    expect(formatDate('2025-03-04T09:00:00+09:00', 'en')).to.equal('March 4, 2025');
    expect(formatDate('2025-03-04T09:00:00+09:00', 'en-GB')).to.equal('4 March 2025');
    expect(formatDate('2025-03-04T09:00:00+09:00', 'ko')).to.equal('2025년 3월 4일');
  });

  it('shows the calendar date the publisher wrote, whatever the time zone', () => {
    // 08:00 in Seoul is still 3 March in UTC; the reader should see 4 March.
    expect(formatDate('2025-03-04T08:00:00+09:00', 'en-GB')).to.equal('4 March 2025');
    expect(formatDate('2025-03-04T23:30:00-05:00', 'en-GB')).to.equal('4 March 2025');
    expect(formatDate('2025-03-04', 'en-GB')).to.equal('4 March 2025');
  });

  it('is empty for a missing or invalid date, never "Invalid Date"', () => {
    expect(formatDate(undefined, 'en')).to.equal('');
    expect(formatDate('not a date', 'en')).to.equal('');
    expect(formatDate('2025-02-30T99:00', 'en')).to.equal('');
  });
});

describe('formatSize', () => {
  const cases: [number | undefined, string, string][] = [
    [0, 'en', '0 bytes'],
    [1, 'en', '1 byte'],
    [999, 'en', '999 bytes'],
    [1_000, 'en', '1 kB'],
    [850_000, 'en', '850 kB'],
    [999_999, 'en', '1 MB'],
    [2_400_000, 'en', '2.4 MB'],
    [89_970_236, 'en', '90 MB'],
    [3_200_000_000, 'en', '3.2 GB'],
    [2_400_000, 'ko', '2.4MB'],
    [-1, 'en', ''],
    [Number.NaN, 'en', ''],
    [undefined, 'en', ''],
  ];
  for (const [bytes, locale, expected] of cases) {
    it(`${bytes} bytes in ${locale}: ${JSON.stringify(expected)}`, () => {
      expect(formatSize(bytes, locale)).to.equal(expected);
    });
  }
});

describe('names and lists', () => {
  it('names languages in the reader’s language', () => {
    expect(languageName('ko', 'en')).to.equal('Korean');
    expect(languageName('ko', 'ko')).to.equal('한국어');
    expect(languageName('en', 'ko')).to.equal('영어');
    expect(languageName('not a tag!', 'en')).to.equal('not a tag!');
  });

  it('names file formats from MIME types', () => {
    expect(formatName('application/pdf')).to.equal('PDF');
    expect(formatName('Application/PDF; charset=binary')).to.equal('PDF');
    expect(formatName('application/epub+zip')).to.equal('EPUB');
    expect(formatName('audio/x-m4a')).to.equal('M4A');
    expect(formatName('')).to.equal('File');
    // Not Object.prototype's members (a function or an object shown as the format). As text:
    // a failing assertion holding Object.prototype itself hangs the test runner.
    for (const mime of ['constructor', '__proto__', 'toString', 'hasOwnProperty; x']) {
      expect(String(formatName(mime)), mime).to.equal('File');
    }
  });

  it('joins names as each language does', () => {
    expect(formatList(['Kim', 'Lee', 'Park'], 'en')).to.equal('Kim, Lee, and Park');
    expect(formatList(['Kim', 'Lee'], 'ko')).to.equal('Kim 및 Lee');
  });
});

describe('resolveLocale and messages', () => {
  afterEach(cleanup);

  it('uses the element’s own lang, else the closest [lang] ancestor, else the document', () => {
    const outer = mount(
      '<section lang="ko"><div><span id="inner"></span><b lang="en-GB"></b></div></section>',
    );
    expect(resolveLocale(outer.querySelector('#inner')!)).to.equal('ko');
    expect(resolveLocale(outer.querySelector('b')!)).to.equal('en-GB');
    const loose = mount('<p></p>');
    expect(resolveLocale(loose)).to.equal(document.documentElement.lang || navigator.language);
  });

  it('crosses shadow roots to find the language', () => {
    const host = mount('<div lang="ko"></div>');
    const root = host.attachShadow({ mode: 'open' });
    const inside = document.createElement('span');
    root.append(inside);
    expect(resolveLocale(inside)).to.equal('ko');
  });

  it('falls back to English for an invalid lang', () => {
    expect(resolveLocale(mount('<p lang="en_US!!"></p>'))).to.equal('en');
  });

  it('Korean locales get Korean interface text once it has loaded, every other locale English', async () => {
    await loadMessages('ko');
    expect(messagesReady('ko-KR')).to.equal(true);
    expect(messagesFor('ko-KR')).to.equal(ko);
    expect(messagesFor('ko')).to.equal(ko);
    expect(messagesFor('en-GB')).to.equal(en);
    expect(messagesFor('fr')).to.equal(en);
  });

  it('every interface string exists in Korean, and is Korean', () => {
    // (The first argument is a number for most, an error's kind for `errorCause`.)
    const sample = (value: Messages[keyof Messages], key: string): string =>
      typeof value === 'function'
        ? (value as (...args: unknown[]) => string)(key === 'errorCause' ? 'http' : 3, 'X', 5)
        : value;
    const notKorean = (Object.keys(en) as (keyof Messages)[]).filter((key) => {
      const text = sample(ko[key], key);
      return typeof text !== 'string' || !/[\uac00-\ud7af]/.test(text);
    });
    // A checksum's name is the same in every language.
    expect(notKorean.filter((key) => key !== 'checksum')).to.deep.equal([]);
    expect(Object.keys(ko).sort()).to.deep.equal(Object.keys(en).sort());
  });

  it('error causes: English keeps the loader’s detail, Korean says it in Korean', () => {
    expect(en.errorCause('timeout', 'The feed did not arrive within 10 seconds.')).to.equal(
      'The feed did not arrive within 10 seconds.',
    );
    // Every kind a widget reports: a new kind fails to compile here until it is listed.
    const kinds: Record<LanternErrorDetail['kind'], true> = {
      network: true,
      http: true,
      timeout: true,
      aborted: true,
      'too-large': true,
      'not-json': true,
      'not-a-feed': true,
      'not-found': true,
      'no-data': true,
    };
    // (Korean's table of causes is typed by kind too: a kind without its text fails to compile.)
    const causes = new Set<string>();
    for (const kind of Object.keys(kinds) as LanternErrorDetail['kind'][]) {
      const cause = ko.errorCause(kind, 'English detail', 500);
      expect(cause, kind).to.match(/[\uac00-\ud7af]/);
      expect(cause, kind).not.to.contain('English');
      causes.add(cause);
    }
    expect(causes.size, 'each kind has its own Korean cause').to.equal(Object.keys(kinds).length);
    expect(ko.errorCause('http', '', 503)).to.contain('HTTP 503');
  });

  it('a Korean widget whose feed is missing explains it in Korean', async () => {
    const card = await mountLoaded(
      '<lantern-article-card lang="ko" src="/test-server/status/404"><a href="https://example.org/x">원문 보기</a></lantern-article-card>',
    );
    const text = visibleText(card);
    expect(text).to.contain('이 콘텐츠를 표시할 수 없습니다.');
    expect(text).to.contain('피드를 찾을 수 없습니다(HTTP 404).');
    expect(text).not.to.contain('The feed');
  });
});
