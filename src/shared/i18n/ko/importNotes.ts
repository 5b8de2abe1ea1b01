import type { Catalogue } from '../catalogue'
import { josa } from '../particles'

const q = (list: string[]): string => list.map((l) => `‘${l}’`).join(', ')
const n = (v: number): string => v.toLocaleString('ko-KR')

export const importNotes: Catalogue['importNotes'] = {
  'word-checked': (p) => `${p.file}: 메모 ${n(p.count)}개가 있는 워드 문서입니다. 메모는 가져올 검토에 맞춰 읽습니다.`,
  'word-not-own-export': (p) =>
    `${p.file}: 이 문서는 이 검토에서 검토용으로 내보낸 파일이 아닙니다. 메모는 글에서 해당 문구를 찾은 경우 새 주장으로 가져옵니다.`,
  'word-comment-no-range': (p) =>
    `${p.file}: ${p.author}의 메모가 문서의 어떤 글자도 가리키지 않아 가져오지 않았습니다.`,
  'word-comment-not-found': (p) =>
    `${p.file}: ${p.author}의 메모${p.quote ? `(‘${p.quote}’)` : ''}를 이 글에서 찾지 못해 가져오지 않았습니다. 다른 문구에 붙이지 않았습니다.`,
  'word-change-not-found': (p) =>
    `${p.file}: ${p.author || '누군가'}의 변경 내용 추적(‘${p.deleted}’ → ‘${p.inserted}’)이 이 글에 없는 문구에 있어 가져오지 않았습니다.`,
  'word-change-deletes-claim': (p) =>
    `${p.file}: 변경 내용 추적이 ${josa(`‘${p.exact}’`, '를')} 모두 지웁니다. 정정에는 새 문구가 필요해 정정 제안을 만들지 않았습니다.`,
  'sync-records-invalid': (p) => `올바르지 않은 기록 ${n(p.count)}건은 빼고 받았습니다.`,
  'similar-search-skipped': (p) =>
    `인용 ${n(p.count)}건은 비슷한 문구로 찾아보지 않았습니다. 한 번의 가져오기에서 할 수 있는 것보다 많은 근사 검색이 필요했습니다. 본문에서 찾지 못한 주장으로 표시되니 직접 연결할 수 있습니다.`,
  'corrections-not-in-essay': (p) =>
    `파일에서 반영된 정정 ${n(p.count)}건의 고친 문구가 이 본문에 없습니다(${q(p.quotes)}). 재게시 전에 본문을 확인하세요. 정정 목록에는 반영된 정정이 나옵니다.`,
  'scale-adopted': (p) => `이 검토는 이제 파일의 판정 척도 ‘${p.scale}’를 씁니다(판정한 주장이 없었습니다).`,
  'scale-kept': (p) =>
    `파일은 판정 척도 ‘${p.theirs}’를 쓰지만, 이 검토는 판정한 주장이 있어 자기 척도 ‘${p.ours}’를 그대로 씁니다.`,
  'verdicts-not-on-scale': (p) =>
    `주장 ${n(p.count)}건의 판정(${q(p.labels)})이 이 검토의 척도(${p.scale})에 없습니다. 판정 전으로 가져왔고, 원래 판정은 메모에 남겼습니다.`,
  'hypothesis-more-results': (p) =>
    `Hypothesis 검색 결과는 주석 ${n(p.total)}건인데 이 파일에는 ${n(p.held)}건만 있습니다(API에 search_after나 offset으로 다음 페이지를 요청하세요).`,
  'annotations-other-page': (p) =>
    `주석 ${n(p.count)}건은 ${p.page}에 단 것입니다. 선택자로 지금 열린 본문에 연결했습니다.`,
  'annotations-more-pages': (p) =>
    `다른 페이지 ${n(p.pages)}곳에 단 주석도 같은 방식으로 지금 열린 본문에 연결했습니다.`,
  'annotations-no-selector': (p) =>
    `주석 ${n(p.count)}건은 TextQuoteSelector나 TextPositionSelector로 글을 고르지 않아 건너뛰었습니다.`,
  'annotations-outside': (p) => `주석 ${n(p.count)}건은 인용이 없고 위치가 이 본문 밖이라 건너뛰었습니다.`,
  'replies-orphaned': (p) => `답글 ${n(p.count)}건은 이 파일에 없는 주석에 단 것이라 건너뛰었습니다.`,
  'ratings-unknown': (p) =>
    `주석 ${n(p.count)}건의 평가(${q(p.labels)})는 팩트데스크가 모르는 것입니다. 판정 전으로 가져왔고, 원래 평가는 메모에 남겼습니다.`,
  'links-refused': (p) =>
    `링크 ${n(p.count)}개는 가져오지 않았습니다. http://, https:// 주소만 남깁니다(거부한 링크: ${p.links.join(', ')}).`,
}
