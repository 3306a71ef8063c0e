/** Korean interface text: its own chunk, downloaded only by pages that show Korean. */
import type { FeedErrorKind } from '../content/errors.js';
import type { Messages } from './messages.js';

export const ko: Messages = {
  loading: '불러오는 중…',
  retry: '다시 시도',
  errorTitle: '이 콘텐츠를 표시할 수 없습니다.',
  errorCause: (kind, _detail, status) =>
    (
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
        // Every kind has its text: a kind added without one is a type error.
      }) satisfies Record<FeedErrorKind, string>
    )[kind] ?? '내용을 불러오지 못했습니다.',
  minutesToRead: (m) => `${m}분 분량`,
  by: '글: ',
  pseudonym: '안전을 위해 이름을 바꾸었습니다',
  contentWarning: '콘텐츠 경고',
  genericWarning: '이 이야기에는 고통스러운 내용이 담겨 있습니다.',
  showContent: '내용 보기',
  hideContent: '내용 숨기기',
  showMore: '더 보기',
  showLess: '접기',
  contentShown: '내용을 표시했습니다',
  imageCredit: '사진: ',
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
  current: '지금 읽는 부분',
  nowShowing: (name) => `지금 읽는 부분: ${name}`,
  download: '다운로드',
  downloadIn: (language) => `다운로드 (${language})`,
  publishedBy: '발행: ',
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
