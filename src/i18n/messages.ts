/** Interface text. Every string a reader sees comes from here, in English and Korean. */
export interface Messages {
  loading: string;
  retry: string;
  errorTitle: string;
  /** Why it failed, from the error's kind; English shows the loader's own detailed message. */
  errorCause: (kind: string, detail: string, status?: number) => string;
  minutesToRead: (minutes: number) => string;
  by: (names: string) => string;
  pseudonym: string;
  contentWarning: string;
  /** Shown when a warning was given but its text cannot be read (blank, invisible, wrong type). */
  genericWarning: string;
  /** The button that reveals a warned item's image and text. */
  showContent: string;
  hideContent: string;
  /** Announced politely once the warned content is shown. */
  contentShown: string;
  imageCredit: (credit: string) => string;
  noItems: string;
  loadMore: string;
  loadingMore: string;
  itemsLoaded: (count: number) => string;
  loadMoreFailed: string;
  partOf: (part: number, total: number) => string;
  partLabel: (part: number) => string;
  previousPart: string;
  nextPart: string;
  comingSoon: string;
  continueReading: string;
  /** Ends a body too long to show in full: the link to the whole story. */
  continueOnSite: string;
  seriesNav: (title: string) => string;
  partsRead: (read: number, total: number) => string;
  read: string;
  nowShowing: (part: number, title: string) => string;
  download: string;
  downloadIn: (language: string) => string;
  publishedBy: (publisher: string) => string;
  edition: string;
  pages: (count: number) => string;
  license: string;
  documentId: string;
  checksum: string;
  copyChecksum: string;
  copyCitation: string;
  citation: string;
  copied: string;
  copyFailed: string;
  noDownloads: string;
  published: string;
}

export const en: Messages = {
  loading: 'Loading…',
  retry: 'Try again',
  errorTitle: 'This content could not be shown.',
  errorCause: (_kind, detail) => detail,
  minutesToRead: (m) => `${m} min read`,
  by: (names) => `By ${names}`,
  pseudonym: 'Name changed for safety',
  contentWarning: 'Content warning',
  genericWarning: 'This story contains distressing content.',
  showContent: 'Show content',
  hideContent: 'Hide content',
  contentShown: 'Content shown',
  imageCredit: (credit) => `Photo: ${credit}`,
  noItems: 'No articles to show yet.',
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  itemsLoaded: (n) => `${n} more ${n === 1 ? 'article' : 'articles'} loaded`,
  loadMoreFailed: 'More articles could not be loaded. Try again.',
  partOf: (part, total) => `Part ${part} of ${total}`,
  partLabel: (part) => `Part ${part}`,
  previousPart: 'Previous part',
  nextPart: 'Next part',
  comingSoon: 'Coming soon',
  continueReading: 'Continue reading',
  continueOnSite: 'Continue reading on the site',
  seriesNav: (title) => `${title}: all parts`,
  partsRead: (read, total) => `${read} of ${total} parts read`,
  read: 'Read',
  nowShowing: (part, title) => `Now showing part ${part}: ${title}`,
  download: 'Download',
  downloadIn: (language) => `Download (${language})`,
  publishedBy: (publisher) => `Published by ${publisher}`,
  edition: 'Edition',
  pages: (n) => `${n} ${n === 1 ? 'page' : 'pages'}`,
  license: 'Licence',
  documentId: 'Document',
  checksum: 'SHA-256',
  copyChecksum: 'Copy checksum',
  copyCitation: 'Copy citation',
  citation: 'Citation',
  copied: 'Copied',
  copyFailed: 'Could not copy automatically. The text is selected below: copy it yourself.',
  noDownloads: 'No download is available for this report yet.',
  published: 'Published',
};

export const ko: Messages = {
  loading: '불러오는 중…',
  retry: '다시 시도',
  errorTitle: '이 콘텐츠를 표시할 수 없습니다.',
  errorCause: (kind, _detail, status) =>
    ({
      network: '피드에 연결할 수 없습니다(오프라인이거나 차단되었거나 서버가 거부했습니다).',
      http:
        status === 404
          ? '피드를 찾을 수 없습니다(HTTP 404).'
          : `피드 서버가 오류로 응답했습니다(HTTP ${status ?? '?'}).`,
      timeout: '피드가 제시간에 도착하지 않았습니다.',
      aborted: '불러오기가 취소되었습니다.',
      'too-large': '피드가 5MB보다 큽니다.',
      'not-json': '받은 내용이 올바른 JSON 피드가 아닙니다.',
      'not-a-feed': 'JSON Feed 형식이 아닙니다.',
      'not-found': '요청한 콘텐츠가 피드에 없습니다.',
      'no-data': '콘텐츠를 보여 주는 중에 문제가 생겼습니다.',
    })[kind] ?? '내용을 불러오지 못했습니다.',
  minutesToRead: (m) => `${m}분 분량`,
  by: (names) => `글: ${names}`,
  pseudonym: '안전을 위해 이름을 바꾸었습니다',
  contentWarning: '콘텐츠 경고',
  genericWarning: '이 이야기에는 고통스러운 내용이 담겨 있습니다.',
  showContent: '내용 보기',
  hideContent: '내용 숨기기',
  contentShown: '내용을 표시했습니다',
  imageCredit: (credit) => `사진: ${credit}`,
  noItems: '아직 표시할 글이 없습니다.',
  loadMore: '더 보기',
  loadingMore: '더 불러오는 중…',
  itemsLoaded: (n) => `글 ${n}개를 더 불러왔습니다`,
  loadMoreFailed: '글을 더 불러오지 못했습니다. 다시 시도해 주세요.',
  partOf: (part, total) => `전체 ${total}부 중 ${part}부`,
  partLabel: (part) => `${part}부`,
  previousPart: '이전 편',
  nextPart: '다음 편',
  comingSoon: '공개 예정',
  continueReading: '계속 읽기',
  continueOnSite: '사이트에서 계속 읽기',
  seriesNav: (title) => `${title}: 전체 목록`,
  partsRead: (read, total) => `${total}편 중 ${read}편 읽음`,
  read: '읽음',
  nowShowing: (part, title) => `${part}부: ${title}`,
  download: '다운로드',
  downloadIn: (language) => `다운로드 (${language})`,
  publishedBy: (publisher) => `발행: ${publisher}`,
  edition: '판',
  pages: (n) => `${n}쪽`,
  license: '라이선스',
  documentId: '문서 번호',
  checksum: 'SHA-256',
  copyChecksum: '체크섬 복사',
  copyCitation: '인용 정보 복사',
  citation: '인용 정보',
  copied: '복사했습니다',
  copyFailed: '자동으로 복사하지 못했습니다. 아래에 선택해 둔 텍스트를 직접 복사해 주세요.',
  noDownloads: '아직 다운로드할 수 있는 파일이 없습니다.',
  published: '발행일',
};
