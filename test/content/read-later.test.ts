// The card's entry does not carry the reading of attachments, `_lantern.report` and
// `_lantern.series` (src/content/parse.ts, `readItemsWith`): the report block and the navigator
// bring their readers. An item parsed before they arrived is read when they do, with the same
// result and the same warnings as a parse that had them from the start. This file must not
// import src/content/index.js, which registers every reader.
import { expect } from '@open-wc/testing';
import { parseFeed, readItemsWith, readLater } from '../../src/content/parse.js';
import { readReportFields } from '../../src/content/parse-report.js';
import { readSeriesFields } from '../../src/content/parse-series.js';

const feed = () => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'T',
  feed_url: 'https://ngo.example/feed.json',
  items: [
    {
      id: 'r',
      title: 'A report',
      attachments: [
        { url: 'files/report.pdf', mime_type: 'application/pdf', size_in_bytes: 935 },
        { url: 'javascript:alert(1)', mime_type: 'application/pdf' },
      ],
      _lantern: { report: { publisher: 'NKDB', pages: 'many' }, content_warning: 'Violence' },
    },
    {
      id: 's',
      title: 'Part 1',
      _lantern: { series: { id: 'story', title: 'A story', part: 1, total: 2 } },
    },
    { id: 'x', title: 'Bad series', _lantern: { series: { id: 'story', part: 3, total: 2 } } },
  ],
});

describe('fields read by the code of the widgets that show them', () => {
  it('a parse without their readers leaves them out, and reads them when they arrive', () => {
    const early = parseFeed(feed());
    const [report, part, bad] = early.feed.items;
    expect(report!.attachments, 'no attachments before the report code').to.equal(undefined);
    expect(report!._lantern).to.deep.equal({ content_warning: 'Violence' });
    expect(part!._lantern?.series, 'no series before the navigator code').to.equal(undefined);
    expect(early.warnings).to.deep.equal([]);

    readItemsWith(readReportFields);
    const reportWarnings = readLater(early.feed.items).map((w) => `${w.path}: ${w.message}`);
    expect(report!.attachments).to.deep.equal([
      {
        url: 'https://ngo.example/files/report.pdf',
        mime_type: 'application/pdf',
        size_in_bytes: 935,
      },
    ]);
    expect(report!._lantern?.report).to.deep.equal({ publisher: 'NKDB' });
    expect(reportWarnings).to.have.length(2);
    expect(reportWarnings.join('\n')).to.match(/items\[0\]\.attachments\[1\]\.url/);
    expect(reportWarnings.join('\n')).to.match(/items\[0\]\._lantern\.report\.pages/);
    expect(readLater(early.feed.items), 'read once').to.deep.equal([]);
    expect(part!._lantern?.series, 'the series waits for the navigator').to.equal(undefined);

    readItemsWith(readSeriesFields);
    const seriesWarnings = readLater(early.feed.items).map((w) => w.path);
    expect(part!._lantern?.series).to.deep.equal({
      id: 'story',
      title: 'A story',
      part: 1,
      total: 2,
    });
    expect(bad!._lantern?.series).to.equal(undefined);
    expect(seriesWarnings).to.deep.equal(['items[2]._lantern.series']);

    // A parse after both arrived reads the same fields at once, with the same warnings.
    const late = parseFeed(feed());
    expect(late.feed.items).to.deep.equal(early.feed.items);
    expect(late.warnings.map((w) => `${w.path}: ${w.message}`).sort()).to.deep.equal(
      [
        ...reportWarnings,
        ...readLater([]),
        `items[2]._lantern.series: needs id, title, part and total`,
      ].sort(),
    );
  });
});
