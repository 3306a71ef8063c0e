/** The staff preview's own interface text, in English and Korean (the widgets bring theirs). */
import type { ElementKind } from '../src/tags.js';

export interface PreviewStrings {
  pageTitle: string;
  intro: string;
  interfaceLanguage: string;
  contentHeading: string;
  source: string;
  sourceDemo: string;
  sourceSeries12: string;
  sourceUrl: string;
  sourceDraft: string;
  feedUrl: string;
  feedUrlHint: string;
  loadFeed: string;
  draft: string;
  draftHint: string;
  showDraft: string;
  widgetHeading: string;
  widget: string;
  widgetNames: Record<ElementKind, string>;
  widgetBlurbs: Record<ElementKind, string>;
  item: string;
  report: string;
  series: string;
  part: string;
  partOption: (part: number, title: string | undefined) => string;
  tag: string;
  allTags: string;
  limit: string;
  layout: string;
  layouts: Record<string, string>;
  appearanceHeading: string;
  language: string;
  theme: string;
  themes: Record<string, string>;
  hideImages: string;
  hideImagesHint: string;
  previewHeading: string;
  width: string;
  widths: Record<string, string>;
  view: string;
  views: Record<string, string>;
  scaled: (percent: number) => string;
  frameTitle: (widget: string) => string;
  statusLoading: string;
  statusLoaded: (count: number) => string;
  statusError: string;
  statusNotAsPartners: string;
  statusRefused: string;
  warnings: (count: number) => string;
  /** `items[3]` of a warning's path, as staff count: "item 4". */
  itemNumber: (index: number) => string;
  untitled: string;
  relativeImageInDraft: (url: string) => string;
  relativeLinkInDraft: (url: string) => string;
  /** An `http://` feed address other than this machine's: a partner's `https://` page refuses it. */
  insecureFeed: (url: string) => string;
  /** Where the feed builder's own problems are listed: the draft's front matter. */
  frontMatter: string;
  /** A path in the content folder (`image: images/a.jpg`), which the preview cannot reach. */
  folderFile: (path: string) => string;
  notASeries: string;
  noAttachments: string;
  codeWithheld: string;
  codeRefused: string;
  embedHeading: string;
  embedIntro: string;
  embedCode: string;
  copy: string;
  copied: string;
  copiedNote: string;
  copyFallback: string;
  placeholderNote: string;
  scriptNote: string;
  draftInlineNote: string;
  copyFailedNote: string;
  linkNote: (href: string) => string;
  notInBuild: (tag: string) => string;
  problems: {
    draftEmpty: string;
    draftNoTitle: string;
    draftFrontMatter: (detail: string) => string;
    draftJson: (detail: string) => string;
    draftXml: (detail: string) => string;
    urlInvalid: string;
    feedUnreadable: (detail: string) => string;
  };
}

export const en: PreviewStrings = {
  pageTitle: 'Lantern widget preview',
  intro:
    'Choose a widget and its content, see it at phone, tablet or desktop width — alone or on a partner’s page — then copy the code to send to the partner.',
  interfaceLanguage: 'Page language',
  contentHeading: 'Content',
  source: 'Content to show',
  sourceDemo: 'Demo: stories and a report',
  sourceSeries12: 'Demo: a 12-part series',
  sourceUrl: 'Another feed (address)',
  sourceDraft: 'A draft I paste in',
  feedUrl: 'Feed address',
  feedUrlHint: 'The address of a JSON Feed, RSS or Atom feed, starting with https://',
  loadFeed: 'Load feed',
  draft: 'Draft',
  draftHint:
    'Paste a story file as you write it for the feed (the --- block of title, date, series… and then the text), or markdown whose first line is the title, like “# Yoon Ha’s Story: Part 4” (its first paragraph becomes the summary), or a whole JSON Feed, RSS or Atom feed.',
  showDraft: 'Show draft',
  widgetHeading: 'Widget',
  widget: 'Widget',
  widgetNames: {
    card: 'Article card',
    list: 'Article list',
    navigator: 'Story navigator',
    report: 'Report download',
  },
  widgetBlurbs: {
    card: 'One article with its picture and summary',
    list: 'Several articles, newest first',
    navigator: 'The parts of a multi-part story',
    report: 'A report to download, per language',
  },
  item: 'Article',
  report: 'Report',
  series: 'Series',
  part: 'Current part',
  partOption: (part, title) => (title ? `Part ${part}: ${title}` : `Part ${part}`),
  tag: 'Only articles tagged',
  allTags: 'All articles',
  limit: 'How many articles',
  layout: 'Layout',
  layouts: {
    vertical: 'Picture above the text',
    horizontal: 'Picture beside the text',
    compact: 'Compact, no picture',
    grid: 'Grid of cards',
    list: 'One card per row',
    full: 'All parts, under an article',
    compactNav: 'Compact, above an article',
    reader: 'Reader: the story itself',
  },
  appearanceHeading: 'Appearance',
  language: 'Widget language',
  theme: 'Colours',
  themes: {
    '': 'Follow the partner’s page',
    light: 'Light',
    dark: 'Dark',
    auto: 'Follow the reader’s device',
  },
  hideImages: 'Hide images',
  hideImagesHint: 'No picture is shown or downloaded — for readers at risk.',
  previewHeading: 'Preview',
  width: 'Screen width',
  widths: { '360': 'Phone', '768': 'Tablet', '1200': 'Desktop' },
  view: 'Show',
  views: { widget: 'Widget only', partner: 'On a partner’s page' },
  scaled: (percent) => `Shown at ${percent}% to fit your screen.`,
  frameTitle: (widget) => `Preview of the ${widget}`,
  statusLoading: 'Loading the widget…',
  statusLoaded: (count) =>
    `The widget is showing ${count} ${count === 1 ? 'item' : 'items'}, as partners will see it.`,
  statusError: 'The widget could not show this content. Partners would see the same message:',
  statusNotAsPartners:
    'The widget is showing the draft, but not as partners would see it: the preview filled in what the draft lacks (see below).',
  statusRefused:
    'The widget is showing the draft, but the feed builder would refuse it (see the problems below): what it could not read, such as a content warning, is missing here.',
  warnings: (count) =>
    `${count} ${count === 1 ? 'problem' : 'problems'} in the feed (the widget skips what it cannot use):`,
  itemNumber: (index) => `item ${index + 1}`,
  untitled: 'none: readers see its date or first words in its place, or no title at all',
  relativeImageInDraft: (url) =>
    `“${url}” is a relative address: on a partner’s page this image is not shown. Use a full https:// address.`,
  relativeLinkInDraft: (url) =>
    `“${url}” is a relative address: on a partner’s page this link leads into their own site. Use a full https:// address.`,
  insecureFeed: (url) =>
    `“${url}” is not encrypted (http://): a partner’s page served over https:// refuses to load it, and the widget shows an error there. Use its https:// address.`,
  frontMatter: 'front matter',
  folderFile: (path) =>
    `“${path}” is a file in the stories folder. The preview has no folder, so it cannot show it here (nor does the code below carry it); the feed built from the folder will.`,
  notASeries:
    'This draft is not part of a series: add series: { id, title, part, total } to its front matter. It is shown here as “Part 1 of 1” only so you can see the layout; no code is offered, because partners would publish a series that does not exist.',
  noAttachments:
    'This draft has no attachments: the report block will offer no download. Add attachments: to its front matter (a file in the folder, or a url with its mime_type).',
  codeWithheld:
    'No code for this draft in the story navigator: it is not part of a series (see the problem above). Add series: to its front matter, or pick another widget.',
  codeRefused:
    'No code for this draft until the front matter problems above are fixed: the feed builder would refuse it, and the code would publish the story without what could not be read (a content warning, a pseudonym note, hidden images).',
  embedHeading: 'Embed code',
  embedIntro: 'Send this to the partner: they paste it into their page where the widget should go.',
  embedCode: 'Embed code for the partner',
  copy: 'Copy code',
  copied: 'Copied',
  copiedNote: 'Copied. Paste it into an email or straight into the partner’s page.',
  copyFallback:
    'This browser does not let the page copy for you. The code is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  placeholderNote:
    'The demo feed exists only on this computer: before sending, replace the addresses in capitals with your public ones (the feed’s, the script’s, and any link readers see until the widget loads).',
  scriptNote:
    'Before sending, replace the addresses in capitals with your public ones: the script’s, and any link readers see until the widget loads.',
  copyFailedNote:
    'The widget could not show this content (see above): a partner pasting this code would see the same error and the fallback link. Fix the feed or draft first.',
  draftInlineNote:
    'The draft travels inside the code, so the partner’s page needs no feed of ours. Replace the addresses in capitals before sending: the script’s, and the link readers see until the widget loads.',
  linkNote: (href) => `That link goes to ${href}. Links do not open inside the preview.`,
  notInBuild: (tag) => `This copy of Lantern has no <${tag}> yet, so there is nothing to show.`,
  problems: {
    draftEmpty: 'The draft is empty. Paste markdown, a JSON Feed or an RSS or Atom feed first.',
    draftNoTitle:
      'The draft has no title. Start it with a line like “# Title of the story” (one # and a space).',
    draftFrontMatter: (detail) =>
      `The draft’s front matter (between the --- lines at the top) could not be read: ${detail}.`,
    draftJson: (detail) =>
      `The draft starts like JSON but could not be read: ${detail}. Check for a missing comma or quote.`,
    draftXml: (detail) =>
      `The draft starts like XML but is not a feed Lantern can read: ${detail} Paste the whole RSS or Atom feed, from <?xml or <rss or <feed to the end.`,
    urlInvalid: 'Enter the full address of the feed, starting with https:// (or http://).',
    feedUnreadable: (detail) => `The feed could not be read: ${detail}`,
  },
};

export const ko: PreviewStrings = {
  pageTitle: 'Lantern 위젯 미리보기',
  intro:
    '위젯과 보여 줄 콘텐츠를 고르고, 휴대폰·태블릿·데스크톱 너비에서 위젯만 또는 파트너 페이지 안에서 어떻게 보이는지 확인한 뒤, 파트너에게 보낼 코드를 복사하세요.',
  interfaceLanguage: '페이지 언어',
  contentHeading: '콘텐츠',
  source: '보여 줄 콘텐츠',
  sourceDemo: '데모: 이야기와 보고서',
  sourceSeries12: '데모: 12부작 연재',
  sourceUrl: '다른 피드 (주소 입력)',
  sourceDraft: '직접 붙여 넣은 초안',
  feedUrl: '피드 주소',
  feedUrlHint: 'https://로 시작하는 JSON Feed, RSS 또는 Atom 피드 주소',
  loadFeed: '피드 불러오기',
  draft: '초안',
  draftHint:
    '피드용으로 쓰는 이야기 파일 그대로(제목·날짜·연재 등을 담은 --- 블록과 그 뒤의 본문), 또는 첫 줄이 “# 윤하 이야기: 4부”처럼 제목인 마크다운(첫 문단이 요약이 됩니다), 또는 JSON Feed·RSS·Atom 피드 전체를 붙여 넣으세요.',
  showDraft: '초안 보기',
  widgetHeading: '위젯',
  widget: '위젯',
  widgetNames: {
    card: '기사 카드',
    list: '기사 목록',
    navigator: '연재 내비게이터',
    report: '보고서 다운로드',
  },
  widgetBlurbs: {
    card: '사진과 요약이 있는 기사 한 편',
    list: '최신순으로 여러 기사',
    navigator: '여러 편으로 된 이야기의 목차',
    report: '언어별로 내려받는 보고서',
  },
  item: '기사',
  report: '보고서',
  series: '연재',
  part: '현재 편',
  partOption: (part, title) => (title ? `${part}부: ${title}` : `${part}부`),
  tag: '이 태그의 기사만',
  allTags: '모든 기사',
  limit: '기사 수',
  layout: '배치',
  layouts: {
    vertical: '사진 아래 본문',
    horizontal: '사진 옆 본문',
    compact: '간단히 (사진 없음)',
    grid: '카드 격자',
    list: '한 줄에 카드 하나',
    full: '전체 목차 (기사 아래)',
    compactNav: '간단히 (기사 위)',
    reader: '읽기 모드: 이야기 본문',
  },
  appearanceHeading: '모양',
  language: '위젯 언어',
  theme: '색상',
  themes: {
    '': '파트너 페이지를 따름',
    light: '밝게',
    dark: '어둡게',
    auto: '독자 기기 설정을 따름',
  },
  hideImages: '이미지 숨기기',
  hideImagesHint: '사진을 표시하지도 내려받지도 않습니다. 위험에 처한 독자를 위한 설정입니다.',
  previewHeading: '미리보기',
  width: '화면 너비',
  widths: { '360': '휴대폰', '768': '태블릿', '1200': '데스크톱' },
  view: '보기',
  views: { widget: '위젯만', partner: '파트너 페이지 안에서' },
  scaled: (percent) => `화면에 맞추어 ${percent}% 크기로 보여 줍니다.`,
  frameTitle: (widget) => `${widget} 미리보기`,
  statusLoading: '위젯을 불러오는 중…',
  statusLoaded: (count) => `위젯이 항목 ${count}개를 파트너 사이트와 똑같이 보여 주고 있습니다.`,
  statusError: '위젯이 이 콘텐츠를 표시하지 못했습니다. 파트너 사이트에도 같은 메시지가 보입니다:',
  statusNotAsPartners:
    '위젯이 초안을 보여 주고 있지만 파트너 사이트에서 보일 모습은 아닙니다. 초안에 없는 내용을 미리보기가 채워 넣었습니다(아래 참조).',
  statusRefused:
    '위젯이 초안을 보여 주고 있지만 피드 빌더는 이 초안을 거부합니다(아래 문제 참조). 읽지 못한 내용(예: 콘텐츠 경고)이 여기에는 빠져 있습니다.',
  warnings: (count) =>
    `피드에서 문제 ${count}개를 찾았습니다 (위젯은 쓸 수 없는 부분을 건너뜁니다):`,
  itemNumber: (index) => `항목 ${index + 1}`,
  untitled: '없음: 제목 대신 날짜나 첫 몇 단어가 보이거나, 제목 없이 표시됩니다',
  relativeImageInDraft: (url) =>
    `“${url}”은(는) 상대 주소입니다. 파트너 페이지에서는 이 이미지가 보이지 않습니다. https://로 시작하는 전체 주소를 쓰세요.`,
  relativeLinkInDraft: (url) =>
    `“${url}”은(는) 상대 주소입니다. 파트너 페이지에서는 이 링크가 파트너 사이트 안으로 연결됩니다. https://로 시작하는 전체 주소를 쓰세요.`,
  insecureFeed: (url) =>
    `“${url}”은(는) 암호화되지 않은 주소(http://)입니다. https://로 열리는 파트너 페이지는 이 주소를 불러오지 않으며, 위젯에는 오류가 표시됩니다. https:// 주소를 쓰세요.`,
  frontMatter: '머리말(front matter)',
  folderFile: (path) =>
    `“${path}”은(는) 이야기 폴더 안의 파일입니다. 미리보기에는 폴더가 없어 여기서는 보여 줄 수 없고 아래 코드에도 들어가지 않지만, 폴더로 만든 피드에는 들어갑니다.`,
  notASeries:
    '이 초안은 연재의 일부가 아닙니다. 머리말에 series: { id, title, part, total }을 넣으세요. 배치를 확인할 수 있도록 “전체 1부 중 1부”로 보여 줄 뿐이며, 파트너가 존재하지 않는 연재를 게시하게 되므로 코드는 제공하지 않습니다.',
  noAttachments:
    '이 초안에는 첨부 파일이 없어 보고서 블록에 내려받을 파일이 없습니다. 머리말에 attachments:를 넣으세요(폴더 안의 파일, 또는 url과 mime_type).',
  codeWithheld:
    '연재 내비게이터에서는 이 초안의 코드를 제공하지 않습니다. 연재의 일부가 아니기 때문입니다(위의 문제 참조). 머리말에 series:를 넣거나 다른 위젯을 고르세요.',
  codeRefused:
    '위의 머리말 문제를 고치기 전에는 이 초안의 코드를 제공하지 않습니다. 피드 빌더가 거부하는 초안이며, 코드는 읽지 못한 내용(콘텐츠 경고, 가명 안내, 이미지 숨김) 없이 이야기를 게시하게 됩니다.',
  embedHeading: '삽입 코드',
  embedIntro: '이 코드를 파트너에게 보내세요. 파트너는 위젯을 넣을 자리에 붙여 넣으면 됩니다.',
  embedCode: '파트너에게 보낼 삽입 코드',
  copy: '코드 복사',
  copied: '복사했습니다',
  copiedNote: '복사했습니다. 이메일이나 파트너 페이지에 바로 붙여 넣으세요.',
  copyFallback:
    '이 브라우저에서는 페이지가 대신 복사할 수 없습니다. 코드를 선택해 두었으니 Ctrl+C(Mac에서는 ⌘C)를 누르세요.',
  placeholderNote:
    '데모 피드는 이 컴퓨터에만 있습니다. 보내기 전에 대문자로 된 주소(피드 주소, 스크립트 주소, 위젯이 뜨기 전에 보이는 링크 주소)를 실제 주소로 바꾸세요.',
  scriptNote:
    '보내기 전에 대문자로 된 주소(스크립트 주소와, 위젯이 뜨기 전에 보이는 링크 주소)를 실제 주소로 바꾸세요.',
  copyFailedNote:
    '위젯이 이 콘텐츠를 표시하지 못했습니다(위 참조). 이 코드를 붙여 넣은 파트너도 같은 오류와 대체 링크만 보게 됩니다. 먼저 피드나 초안을 고치세요.',
  draftInlineNote:
    '초안이 코드 안에 들어 있어 파트너 페이지는 우리 피드가 필요 없습니다. 보내기 전에 대문자로 된 주소(스크립트 주소와, 위젯이 뜨기 전에 보이는 링크 주소)를 바꾸세요.',
  notInBuild: (tag) => `이 Lantern에는 아직 <${tag}>가 없어 보여 줄 수 없습니다.`,
  linkNote: (href) =>
    `이 링크는 ${href}(으)로 연결됩니다. 미리보기 안에서는 링크가 열리지 않습니다.`,
  problems: {
    draftEmpty:
      '초안이 비어 있습니다. 먼저 마크다운이나 JSON Feed, RSS, Atom 피드를 붙여 넣으세요.',
    draftNoTitle:
      '초안에 제목이 없습니다. “# 이야기 제목”처럼 # 하나와 띄어쓰기로 시작하는 줄을 넣으세요.',
    draftFrontMatter: (detail) =>
      `초안 맨 위 --- 줄 사이의 머리말(front matter)을 읽을 수 없습니다: ${detail}.`,
    draftJson: (detail) =>
      `초안이 JSON처럼 시작하지만 읽을 수 없습니다: ${detail}. 쉼표나 따옴표가 빠지지 않았는지 확인하세요.`,
    draftXml: (detail) =>
      `초안이 XML처럼 시작하지만 Lantern이 읽을 수 있는 피드가 아닙니다: ${detail} RSS 또는 Atom 피드 전체를 처음부터 끝까지 붙여 넣으세요.`,
    urlInvalid: 'https://(또는 http://)로 시작하는 피드 전체 주소를 입력하세요.',
    feedUnreadable: (detail) => `피드를 읽을 수 없습니다: ${detail}`,
  },
};

export function stringsFor(language: 'en' | 'ko'): PreviewStrings {
  return language === 'ko' ? ko : en;
}
