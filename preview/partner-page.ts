/**
 * A made-up partner site — a community newspaper's article page with a header, a column of
 * text and a sidebar — so staff can judge how a widget sits among someone else's content.
 */
import { html, type TemplateResult } from 'lit';

interface PartnerCopy {
  site: string;
  tagline: string;
  nav: string[];
  navLabel: string;
  section: string;
  headline: string;
  standfirst: string;
  byline: string;
  before: string[];
  after: string[];
  mostRead: string;
  mostReadItems: string[];
  events: string;
  eventsText: string;
  footer: string;
}

const copy: Record<'en' | 'ko', PartnerCopy> = {
  en: {
    site: 'The Harbour Ledger',
    tagline: 'Community news since 1998',
    nav: ['News', 'Opinion', 'Community', 'Culture', 'About us'],
    navLabel: 'Sections',
    section: 'Community',
    headline: 'Students bring survivors’ stories to the harbour library',
    standfirst:
      'A week of readings and talks asks what freedom costs — and what neighbours can do.',
    byline: 'By Dana Whitfield · 12 March',
    before: [
      'For one week this spring, the reading room of the Harbour Street library will be given over to stories that rarely reach a small coastal town: accounts of people who escaped North Korea, and of the families they left behind.',
      'The series is organised by the university’s human rights society together with a non-profit that documents abuses inside the country. Volunteers will read testimony aloud each evening, and a researcher will explain how such accounts are gathered, checked and protected.',
    ],
    after: [
      '“Most people here have never met someone who crossed that border,” said one of the student organisers. “We want them to hear the stories in the survivors’ own words, and to understand why some names have to stay hidden.”',
      'Entry is free. The library asks visitors not to photograph the readings, because some of those taking part still have relatives in the North.',
      'The talks start at 7 pm from Monday to Friday. Large-print copies of the readings are available at the front desk.',
    ],
    mostRead: 'Most read',
    mostReadItems: [
      'Ferry timetable changes from next month',
      'Council approves bike lanes on Quay Road',
      'Harbour clean-up draws record turnout',
      'School choir heads to the national finals',
    ],
    events: 'This week',
    eventsText: 'Farmers’ market, Saturday 9 am–1 pm, Quay Road car park.',
    footer: '© The Harbour Ledger · Contact · Privacy',
  },
  ko: {
    site: '새벽신문',
    tagline: '1998년부터 동네 소식을 전합니다',
    nav: ['뉴스', '오피니언', '동네 소식', '문화', '신문 소개'],
    navLabel: '섹션',
    section: '동네 소식',
    headline: '대학생들, 동네 도서관에서 탈북민의 이야기를 전하다',
    standfirst:
      '일주일 동안 이어지는 낭독회와 강연이 자유의 의미와 이웃으로서 할 수 있는 일을 묻는다.',
    byline: '김서연 기자 · 3월 12일',
    before: [
      '올봄 일주일 동안 항구길 도서관 열람실은 작은 바닷가 마을에 좀처럼 닿지 않던 이야기들로 채워진다. 북한을 떠나온 사람들과 그들이 남기고 온 가족들의 이야기다.',
      '이번 행사는 대학 인권 동아리가 북한 내부의 인권 침해를 기록하는 비영리 단체와 함께 마련했다. 매일 저녁 자원봉사자들이 증언을 낭독하고, 연구자가 이런 증언을 어떻게 모으고 확인하고 보호하는지 설명한다.',
    ],
    after: [
      '“이 마을 사람들 대부분은 그 국경을 넘어온 사람을 만나 본 적이 없습니다.” 학생 기획자 한 명은 이렇게 말했다. “생존자들의 목소리로 직접 이야기를 듣고, 왜 어떤 이름은 감춰야 하는지 이해하게 되기를 바랍니다.”',
      '입장은 무료다. 참가자 가운데 일부는 아직 북한에 가족이 있어, 도서관은 낭독회 사진 촬영을 삼가 달라고 당부했다.',
      '강연은 월요일부터 금요일까지 저녁 7시에 시작한다. 큰 글씨로 인쇄한 낭독 원고는 안내 데스크에서 받을 수 있다.',
    ],
    mostRead: '많이 본 기사',
    mostReadItems: [
      '다음 달부터 여객선 시간표 변경',
      '부두로에 자전거 도로 생긴다',
      '항구 정화 활동에 역대 최다 인원 참여',
      '학교 합창단, 전국 대회 결선 진출',
    ],
    events: '이번 주 행사',
    eventsText: '농산물 장터, 토요일 오전 9시–오후 1시, 부두로 주차장.',
    footer: '© 새벽신문 · 연락처 · 개인정보 처리방침',
  },
};

const here = 'https://partner.example/';

/** The partner's article page with `widget` placed in the column of text. */
export function partnerPage(language: 'en' | 'ko', widget: Element): TemplateResult {
  const c = copy[language];
  return html`
    <div class="partner">
      <header class="partner-header">
        <div class="partner-masthead">
          <a class="partner-logo" href=${here}>${c.site}</a>
          <span class="partner-tagline">${c.tagline}</span>
        </div>
        <nav class="partner-nav" aria-label=${c.navLabel}>
          <ul>
            ${c.nav.map((name) => html`<li><a href=${here}>${name}</a></li>`)}
          </ul>
        </nav>
      </header>
      <div class="partner-body">
        <main class="partner-article">
          <article>
            <p class="partner-section">${c.section}</p>
            <h1>${c.headline}</h1>
            <p class="partner-standfirst">${c.standfirst}</p>
            <p class="partner-byline">${c.byline}</p>
            ${c.before.map((p) => html`<p>${p}</p>`)}
            <div class="partner-embed">${widget}</div>
            ${c.after.map((p) => html`<p>${p}</p>`)}
          </article>
        </main>
        <aside class="partner-sidebar" aria-label=${c.mostRead}>
          <section>
            <h2>${c.mostRead}</h2>
            <ol>
              ${c.mostReadItems.map((title) => html`<li><a href=${here}>${title}</a></li>`)}
            </ol>
          </section>
          <section>
            <h2>${c.events}</h2>
            <p>${c.eventsText}</p>
          </section>
        </aside>
      </div>
      <footer class="partner-footer"><p>${c.footer}</p></footer>
    </div>
  `;
}
