import { expect } from '@open-wc/testing';
import { EXCERPT_CHARS, bodyText, cutText, itemExcerpt } from '../../src/content/excerpt.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('excerpts for items without a summary', () => {
  it('keeps a summary as written, without a WordPress footer', () => {
    expect(
      itemExcerpt({ id: 'x', summary: 'Short & plain.', content_html: '<p>Body</p>' }),
    ).to.equal('Short & plain.');
    expect(
      itemExcerpt({
        id: 'x',
        summary: 'A teaser. The post A teaser appeared first on Die, Workwear!.',
      }),
    ).to.equal('A teaser.');
  });

  it('reads the body as text: tags, script and style gone, entities decoded, whitespace collapsed', () => {
    const excerpt = itemExcerpt({
      id: 'x',
      content_html:
        '<style>p{}</style><p>Soldiers&#8217;\n\n  letters</p><script>alert(1)</script><ul><li>one</li><li>two&nbsp;&amp; three</li></ul><img src="x.jpg" alt="a photo">',
    });
    expect(excerpt).to.equal('Soldiers’ letters one two & three');
  });

  it('joins inline tags to their neighbours and keeps block tags apart', () => {
    expect(
      bodyText(
        '<p>Amazon <a href="/ses">SES</a>. Un<em>believ</em>able (<b>really</b>).</p><p>Next</p>',
      ),
    ).to.equal('Amazon SES. Unbelievable (really). Next');
    expect(bodyText('<p>A</p><p>B</p><ul><li>c</li><li>d</li></ul>text<br>more')).to.equal(
      'A B c d text more',
    );
  });

  it('ends a heading with a full stop unless it ends a sentence already', () => {
    expect(bodyText('<h2 id="s">Stability</h2>\n<p>This is a beta.</p>')).to.equal(
      'Stability. This is a beta.',
    );
    // An end tag may have white space before its `>`.
    expect(bodyText('<H2>Stability</H2 >\n<p>This is a beta.</p>')).to.equal(
      'Stability. This is a beta.',
    );
    expect(bodyText('<h3><a href="/q">Why now?</a></h3><p>Because.</p>')).to.equal(
      'Why now? Because.',
    );
    expect(bodyText('## Stability\n\nThis is a beta.\n\n### 안전\n본문', true)).to.equal(
      'Stability. This is a beta. 안전. 본문',
    );
    expect(bodyText('# Why now?\nBecause.', true)).to.equal('Why now? Because.');
  });

  it('drops WordPress\'s "The post … appeared first on …" and a closing "[…] Read More"', () => {
    const html =
      '<p>Within ten short years, the United States saw the unfolding of [&#8230;]</p><p><a href="/x">Read More...</a></p>\n<p>The post <a href="/x">American Space Cowboys</a> appeared first on <a href="/">Die, Workwear!</a>.</p>';
    expect(bodyText(html)).to.equal(
      'Within ten short years, the United States saw the unfolding of…',
    );
    expect(bodyText('<p>Before [...]</p>')).to.equal('Before…');
    expect(bodyText('<p>looking at &#8230; [&#8230;]</p>')).to.equal('looking at…');
  });

  it('prefers markdown, then HTML, then plain text, and shows markdown as a reader sees it', () => {
    const excerpt = itemExcerpt({
      id: 'x',
      content_html: '<p>HTML body</p>',
      _lantern: {
        content_markdown:
          '# Russia-Ukraine war\n\n![map](map.png)\n> A **quoted** line with [a link](https://example.org/) and `code`.\n\n- first_item\n- 2nd',
      },
    });
    expect(excerpt).to.equal(
      'Russia-Ukraine war. map A quoted line with a link and code. first_item 2nd',
    );
    expect(itemExcerpt({ id: 'x', content_text: 'Plain\n\ttext' })).to.equal('Plain text');
    expect(itemExcerpt({ id: 'x' })).to.equal('');
    expect(itemExcerpt({ id: 'x', content_html: '<p><img src="photo.jpg" alt=""></p>' })).to.equal(
      '',
    );
  });

  it(`cuts a long body on a word, at most ${EXCERPT_CHARS} characters and an ellipsis`, () => {
    const excerpt = itemExcerpt({ id: 'x', content_html: `<p>${words(200)}</p>` });
    expect(excerpt.length).to.be.at.most(EXCERPT_CHARS + 1);
    expect(excerpt.length).to.be.at.least(EXCERPT_CHARS * 0.9);
    expect(excerpt).to.match(/ word\d+…$/);
    expect(words(200)).to.contain(excerpt.slice(0, -1));
    expect(cutText('One, two, three, four', 12)).to.equal('One, two…');
  });

  it('cuts Korean on a word, and Japanese and Chinese on a grapheme boundary', () => {
    const korean = '북한 군인들의 이야기와 인권 침해 보고서 '.repeat(40);
    const cut = cutText(korean.trim(), 100);
    expect(cut).to.match(/[가-힣]…$/);
    expect(korean).to.contain(cut.slice(0, -1));
    expect(korean[cut.length - 1]).to.equal(' ');

    const japanese = '北朝鮮の兵士たちの証言と人権侵害の報告書。'.repeat(40);
    const jaCut = cutText(japanese, 100);
    expect(jaCut).to.equal(`${japanese.slice(0, 100)}…`);

    // A family emoji is one grapheme of 11 code units: never split.
    const family = '👨‍👩‍👧‍👦';
    const emoji = `${'中'.repeat(95)}${family}${'文'.repeat(20)}`;
    const emojiCut = cutText(emoji, 100);
    expect(emojiCut).to.equal(`${'中'.repeat(95)}…`);
    expect(cutText(`${'中'.repeat(89)}${family}${'文'.repeat(20)}`, 100)).to.equal(
      `${'中'.repeat(89)}${family}…`,
    );
  });

  it('a body of unclosed heading end tags costs a list of excerpts no time (each pass linear)', () => {
    // 4,000 "</h1" without a ">" fill the 20,000 characters read: a look-ahead to the next ">"
    // from each would read on to the end every time (90 ms a body, seconds for a list).
    const crafted = `<p>x</p>${'a</h1'.repeat(4_000)}`;
    const started = performance.now();
    for (let i = 0; i < 50; i++) bodyText(crafted);
    expect(performance.now() - started, '50 excerpts, ms').to.be.below(500);
  });

  it('reads only the start of a 5 MB body, and a tag cut there is not text', () => {
    const huge = `<p>${'Long story. '.repeat(500_000)}</p>`;
    const started = performance.now();
    const excerpt = itemExcerpt({ id: 'x', content_html: huge });
    expect(performance.now() - started).to.be.below(200);
    expect(excerpt).to.match(/^Long story\. Long story\./);
    const cutInTag = `<p>${'x'.repeat(19_990)}</p><img src="https://example.org/a-long-image-url.png">`;
    expect(bodyText(cutInTag)).to.equal('x'.repeat(19_990));
  });
});
