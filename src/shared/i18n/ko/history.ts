import type { Catalogue } from '../catalogue'
import { josa } from '../particles'

type H = Catalogue['history']
/** "김기자 님이 …" — or "누군가" when the change was unsigned. */
const who = (name: string): string => (name ? `${name} 님이` : '누군가')
const q = (s: string): string => `‘${s}’`
const source =
  (verb: string) =>
  (p: { who: string; label: string }): string =>
    p.label ? `${who(p.who)} 출처 ${josa(q(p.label), '를')} ${verb}.` : `${who(p.who)} 출처를 ${verb}.`

export const history: H = {
  claimCreated: (p) => `${who(p.who)} 주장을 표시했습니다.`,
  verdictChanged: (p) => `${who(p.who)} 판정을 ${q(p.from)}에서 ${josa(q(p.to), '로')} 바꿨습니다.`,
  statusChanged: (p) =>
    `${who(p.who)} 진행 상태를 ${q(p.from)}에서 ${josa(q(p.to), '로')} 바꿨습니다${p.textChanged ? ' (판정 후 문구 변경)' : ''}.`,
  noteEdited: (p) => `${who(p.who)} 메모를 수정했습니다.`,
  claimRemoved: (p) => `${who(p.who)} 주장을 삭제했습니다.`,
  claimRestored: (p) => `${who(p.who)} 삭제한 주장을 되살렸습니다.`,
  claimAttached: (p) => `${who(p.who)} 주장을 본문의 ${q(p.exact)}에 연결했습니다.`,
  sourceAdded: source('추가했습니다'),
  sourceEdited: source('수정했습니다'),
  sourceRemoved: source('삭제했습니다'),
  sourceRestored: source('되살렸습니다'),
  correctionProposed: (p) => `${who(p.who)} 정정을 제안했습니다${p.replacement ? `: ${q(p.replacement)}` : '.'}`,
  correctionApplied: (p) => `${who(p.who)} 정정을 반영했습니다.`,
  correctionReverted: (p) => `${who(p.who)} 정정 반영을 취소했습니다.`,
  correctionRemoved: (p) => `${who(p.who)} 정정 제안을 거뒀습니다.`,
  replyAdded: (p) => `${who(p.who)} 답글을 달았습니다${p.excerpt ? `: ${q(p.excerpt)}` : '.'}`,
  replyEdited: (p) => `${who(p.who)} 답글을 수정했습니다.`,
  replyRemoved: (p) => `${who(p.who)} 답글을 삭제했습니다.`,
  replyRestored: (p) => `${who(p.who)} 삭제한 답글을 되살렸습니다.`,
  tagAdded: (p) => `${who(p.who)} 태그 ${josa(q(p.name), '를')} 붙였습니다.`,
  tagRemoved: (p) => `${who(p.who)} 태그 ${josa(q(p.name), '를')} 뗐습니다.`,
  merged: (p) => `${who(p.who)} 파일 ${p.file}의 변경 사항을 병합했습니다${p.change ? ` (${p.change})` : ''}.`,
  conflictResolved: (p) => {
    const parts = [p.file, p.choice].filter(Boolean)
    return `${who(p.who)} ${p.source ? '출처의 충돌' : '충돌'}을 해결했습니다${parts.length ? ` (${parts.join(', ')})` : ''}${p.chosen ? `: ${p.chosen}` : ''}.`
  },
  textChangedByImport: (p) =>
    `${who(p.who)} 파일 ${josa(p.file, '를')} 가져오며 주장을 ${q(p.before)} 대신 ${q(p.after)}에 연결했습니다.`,
  textChangedByCorrection: (p) =>
    `${p.who ? `${p.who} 님의 ` : ''}정정으로 주장의 문구가 ${q(p.before)}에서 ${josa(q(p.after), '로')} 바뀌었습니다.`,
  textDeleted: (p) => `${who(p.who)} 본문에서 주장의 문구를 모두 지웠습니다: ${q(p.before)}`,
  textEdited: (p) =>
    `${who(p.who)} 본문을 수정해 주장의 문구가 ${q(p.before)}에서 ${josa(q(p.after), '로')} 바뀌었습니다.`,
  verdictConfirmed: (p) => `${who(p.who)} 바뀐 문구에 대한 판정 ${josa(q(p.verdict), '를')} 확인했습니다.`,
  claimAssigned: (p) => `${who(p.who)} 이 주장의 검증을 ${p.to} 님에게 맡겼습니다.`,
  claimUnassigned: (p) => `${who(p.who)} 검증 담당을 비웠습니다.`,
  signedOff: (p) => `${who(p.who)} 판정 ${josa(q(p.verdict), '를')} 최종 승인했습니다.`,
  signOffWithdrawn: (p) => `${who(p.who)} 최종 승인을 취소했습니다.`,
  unknownKind: (p) => `${who(p.who)} 변경했습니다 (${p.kind}).`,
  mergeChange: {
    added: '주장 추가',
    updated: '주장 갱신',
    removed: '주장 삭제',
    conflict: '충돌 생김',
    thread: '출처·답글·태그 등',
  },
  resolveChoice: { mine: '내 것 유지', theirs: '가져온 것 사용', mixed: '항목별로 선택' },
  conflictFields: {
    verdict: '판정',
    status: '상태',
    note: '메모',
    deleted: '삭제 여부',
    url: '주소',
    title: '제목',
    publisher: '발행처',
    published: '발행일',
    accessed: '확인일',
    excerpt: '발췌',
    archiveUrl: '보관 주소',
  },
  sides: { mine: '내 것', theirs: '가져온 것' },
  removedOrKept: { removed: '삭제됨', kept: '유지됨' },
  quoted: (s) => q(s),
  chosenField: (p) => `${p.field} — ${p.side}(${p.value})`,
  chosenSeparator: ', ',
}
