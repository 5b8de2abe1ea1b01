import type { Catalogue } from '../catalogue'
import { josa } from '../particles'

type Holder = { pid: number; host: string }
const where = (h: Holder): string => `프로세스 ${h.pid}${h.host ? `, ${h.host}` : ''}`
const unchanged = '아무것도 가져오지 않았고 검토 파일은 그대로입니다.'
const action = { edit: '수정', delete: '삭제', restore: '되살리기' }
const what = { versions: '판본', sources: '출처', events: '변경 기록', annotations: '주석' }
const n = (v: number): string => v.toLocaleString('ko-KR')

export const errors: Catalogue['errors'] = {
  'unknown-method': (p) => `알 수 없는 요청입니다: ${p.method}`,
  'invalid-args': (p) => `입력을 받아들일 수 없습니다${p.fields ? ` (${p.fields})` : ''}.`,
  'broken-character': (p) => `${p.field}: 깨진 문자가 들어 있습니다. 다시 입력하거나 붙여 넣으세요.`,
  internal: (p) => `문제가 생겼습니다: ${p.detail}`,
  'request-not-allowed': () => '이 페이지는 검토 파일을 쓸 수 없습니다.',
  'service-unreachable': () => '하네스가 실행 중이 아닙니다.',
  'service-bad-answer': (p) => `하네스가 결과 없이 ${p.status} 응답을 보냈습니다.`,
  'request-too-large': (p) => `요청이 ${p.limitMb}MB보다 큽니다.`,
  'read-only': (p) =>
    `이 검토 파일은 다른 팩트데스크 창(${where(p)})에서 편집 중이라 여기서는 읽기만 할 수 있습니다. 그 창에서 닫으면 여기서 편집할 수 있습니다.`,
  'review-open-elsewhere': (p) =>
    `${josa(p.file, '은')} 다른 팩트데스크 창(${where(p)})에서 열려 있습니다. 다른 파일을 고르거나 그 창에서 먼저 닫으세요.`,
  'review-is-open': () => '지금 열려 있는 검토 파일입니다. 다른 파일 이름을 고르세요.',
  'reply-not-yours': (p) =>
    `내 답글만 ${action[p.action]}할 수 있습니다. 이 답글은 ${p.owner ? `${p.owner} 님` : '다른 사람'}의 글이고, ${p.you ? `지금 이름은 ‘${p.you}’입니다` : '환경설정에 검토자 이름이 없습니다'}.`,
  'file-not-found': (p) => `${josa(p.file, '이')} 없습니다.`,
  'file-unreadable': (p) => `${josa(p.file, '을')} 읽을 수 없습니다.`,
  'review-file-empty': (p) => `${josa(p.file, '은')} 비어 있거나 없습니다. 팩트데스크 검토 파일이 아닙니다.`,
  'review-file-link-broken': (p) => `${josa(p.file, '은')} 없는 파일을 가리키는 링크입니다. 검토 파일 자체를 여세요.`,
  'review-file-folder': (p) => `${josa(p.file, '은')} 폴더입니다. .factdesk 파일을 고르세요.`,
  'review-file-not-a-file': (p) => `${josa(p.file, '은')} 파일이 아닙니다. .factdesk 파일을 고르세요.`,
  'review-file-read-only': (p) =>
    `${josa(p.file, '은')} 읽기 전용입니다. 팩트데스크는 모든 변경을 검토 파일에 바로 저장합니다. 쓰기를 허용하거나 사본을 만들어 여세요. 바뀐 것은 없습니다.`,
  'review-file-older-app': (p) =>
    `${josa(p.file, '이')} 이전 버전 팩트데스크 창에 열려 있습니다. 그 창에서 닫아야 여기서 읽을 수 있습니다.`,
  'not-a-review-file': (p) =>
    `${josa(p.file, '은')} 팩트데스크 검토 파일이 아닙니다(SQLite 데이터베이스가 아님). .factdesk 파일을 고르세요.`,
  'database-not-review': (p) =>
    `${josa(p.file, '은')} SQLite 데이터베이스이지만 팩트데스크 검토 파일은 아닙니다. 바뀐 것은 없습니다.`,
  'review-file-newer': (p) =>
    `${josa(p.file, '은')} 새 버전 팩트데스크로 저장한 파일입니다(검토 형식 ${p.version}, 이 버전은 ${p.supported}까지 읽음). 팩트데스크를 업데이트한 뒤 여세요. 바뀐 것은 없습니다.`,
  'review-file-unopenable': (p) => `${josa(p.file, '을')} 열 수 없습니다(${p.detail}).`,
  'review-file-damaged': (p) =>
    `${josa(p.file, '이')} 손상되어 읽을 수 없습니다. 바뀐 것은 없습니다. 백업 사본을 여세요.`,
  'review-file-untrusted': (p) =>
    `${josa(p.file, '은')} 믿을 수 있는 검토 파일이 아닙니다. 안의 ${p.kind} ‘${p.name}’${particleOf(p.name)} 팩트데스크가 만든 것이 아니거나 바뀌었습니다. 열지 않았고 바뀐 것은 없습니다.`,
  'review-file-no-essay': (p) => `${p.file}에는 검토할 글이 없습니다.`,
  'essay-wrong-type': (p) => `${p.file}: .md나 .txt로 저장한 글을 여세요.`,
  'essay-too-large': (p) => `${josa(p.file, '은')} ${p.limitMb}MB보다 커서 열 수 없습니다.`,
  'essay-not-utf8': (p) => `${josa(p.file, '은')} UTF-8 텍스트가 아닙니다. UTF-8로 저장한 뒤 다시 여세요.`,
  'essay-empty': (p) => `${p.file}에는 검토할 글이 없습니다.`,
  'essay-blocks-disagree': () => '글의 문단과 본문이 서로 맞지 않습니다. 검토 파일을 다시 연 뒤 해 보세요.',
  'claim-not-found': () => '이 검토 파일에 없는 주장입니다.',
  'source-not-found': () => '이 검토 파일에 없는 출처입니다.',
  'reply-not-found': () => '이 검토 파일에 없는 답글입니다.',
  'correction-not-found': () => '이 검토 파일에 더는 없는 정정입니다.',
  'conflict-not-found': () => '이미 해결했거나 더는 없는 충돌입니다.',
  'source-not-removed': () => '되살릴 삭제된 출처가 없습니다.',
  'reply-not-removed': () => '되살릴 삭제된 답글이 없습니다.',
  'suggestion-not-dismissed': () => '넘긴 적이 없는 제안입니다.',
  'claim-exists': () => '같은 id의 주장이 이미 있습니다.',
  'claim-two-positions': () => '한 주장에 위치가 두 개 주어졌습니다.',
  'essay-saved-since': () =>
    '이 변경 이후 본문이 다른 곳에서 저장되었습니다. 본문 전체를 다시 저장합니다. 바뀐 것은 없습니다.',
  'claim-outside-essay': (p) => `주장의 위치 ${p.start}–${p.end}가 본문 밖입니다.`,
  'selection-beyond-essay': (p) => `위치 ${p.start}–${p.end}가 본문 끝(${p.length})을 넘습니다. 글을 다시 선택하세요.`,
  'selection-mismatch': () => '선택한 글이 그 위치의 본문과 다릅니다. 다시 선택하세요.',
  'verdict-not-on-scale': (p) =>
    `‘${p.verdict}’${particleOf(p.verdict)} 이 검토의 판정 척도(${p.scale})에 없습니다. 다음 가운데에서 고르세요: ${p.choices}`,
  'reply-empty': () => '답글에 내용을 쓰세요.',
  'tag-empty': () => '태그에는 글자가 하나 이상 있어야 합니다.',
  'tag-control-characters': () => '태그에는 제어 문자를 쓸 수 없습니다.',
  'tag-too-long': (p) => `태그는 ${p.max}자까지 쓸 수 있습니다.`,
  'tag-not-on-claim': (p) => `이 주장에는 ‘${p.name}’ 태그가 없습니다.`,
  'tag-unused': (p) => `‘${p.name}’ 태그를 단 주장이 없습니다.`,
  'correction-unchanged': () => '정정 문구가 지금 문구와 같습니다.',
  'correction-applied-locked': () => '반영한 정정은 수정할 수 없습니다. 먼저 본문에서 되돌리세요.',
  'correction-applied-kept': () => '반영한 정정은 기록으로 남습니다. 먼저 본문에서 되돌리세요.',
  'correction-already-applied': () => '이미 반영한 정정입니다.',
  'correction-not-in-essay': () => '본문의 주장 자리에 정정 문구가 없습니다. 저장하지 않았습니다.',
  'scale-level-count': (p) => `척도 안의 단계는 ${p.min}~${p.max}개여야 합니다(지금 ${p.found}개).`,
  'scale-off-too-many': (p) => `척도 밖 단계(‘판단 유보’ 같은)는 ${p.max}개까지 둘 수 있습니다.`,
  'scale-positions': (p) => `척도 안의 순서는 1부터 ${p.count}까지 하나씩이어야 합니다(가장 사실에 가까운 것이 1).`,
  'scale-duplicate': (p) =>
    `두 단계의 ${josa({ id: 'id', ko: '한국어 이름', en: '영어 이름' }[p.field], '이')} 같습니다(‘${p.value}’).`,
  'import-unknown-format': (p) =>
    `${josa(p.file, '은')} 팩트데스크가 읽는 형식이 아닙니다. 읽을 수 있는 형식: 검토 파일(.factdesk), 검토 묶음(.factdesk.json), W3C 웹 주석(JSON-LD, 예: Recogito), Hypothesis API JSON(검색 결과나 주석 하나), 검토를 마친 Word 문서(.docx). ${unchanged}`,
  'import-newer-format': (p) =>
    `${p.file}: ‘${p.format}’ 형식은 이 버전의 팩트데스크가 모릅니다. 팩트데스크를 업데이트한 뒤 가져오세요.`,
  'import-newer-bundle': (p) =>
    `${p.file}: 새 버전 팩트데스크가 만든 검토 묶음입니다(형식 ${p.version}, 이 버전은 ${p.supported}까지 읽음). 팩트데스크를 업데이트한 뒤 가져오세요.`,
  'import-too-large': (p) => `${josa(p.file, '은')} ${p.limitMb}MB보다 커서 가져올 수 없습니다. ${unchanged}`,
  'import-not-utf8': (p) => `${josa(p.file, '은')} UTF-8 텍스트가 아닙니다. ${unchanged}`,
  'import-not-json': (p) => `${josa(p.file, '은')} JSON 파일이 아닙니다. ${unchanged}`,
  'import-too-deep': (p) => `${p.file}: 데이터가 ${p.limit}단계보다 깊이 중첩되어 있습니다. ${unchanged}`,
  'import-forbidden-key': (p) => `${p.file}: 팩트데스크가 쓰지 않는 키 ‘${p.key}’가 들어 있습니다. ${unchanged}`,
  'import-broken-character': (p) => `${p.file}: 깨진 문자(짝 없는 UTF-16 서로게이트)가 들어 있습니다. ${unchanged}`,
  'import-too-many': (p) =>
    `${p.file}: ${josa(what[p.what], '이')} ${n(p.found)}개로, 한 파일에서 가져올 수 있는 ${n(p.limit)}개를 넘습니다. ${unchanged}`,
  'import-link-not-web': (p) =>
    `${p.file}: 출처 링크 가운데 웹 주소가 아닌 것이 있습니다(http://, https:// 주소만 허용). ${unchanged}`,
  'import-text-mismatch': (p) => `${p.file}: 파일 속 본문이 문단이나 체크섬과 맞지 않습니다. ${unchanged}`,
  'import-invalid-bundle': (p) => `${josa(p.file, '은')} 올바른 검토 묶음이 아닙니다(세부: ${p.detail}). ${unchanged}`,
  'import-invalid-annotations': (p) =>
    `${josa(p.file, '은')} 올바른 W3C 주석이 아닙니다(세부: ${p.detail}). ${unchanged}`,
  'import-pages-linked': (p) =>
    `${p.file}: 주석 페이지가 주소로만 연결되어 있습니다. 팩트데스크는 웹에서 페이지를 받아 오지 않으니 페이지를 포함해 내보낸 파일을 쓰세요. ${unchanged}`,
  'import-nothing-selected': (p) =>
    `${p.file}: 본문의 글을 TextQuoteSelector나 TextPositionSelector로 고른 주석이 하나도 없습니다. ${unchanged}`,
  'import-cancelled': (p) => `${p.file} 가져오기를 취소했습니다. ${unchanged}`,
  'import-stopped': (p) => `가져오기가 멈췄습니다: ${p.detail}`,
  'new-review-needs-essay': (p) =>
    `${p.file}: 새 검토는 팩트데스크 검토 파일이나 검토 묶음에 든 글로 시작합니다. 이 파일은 둘 다 아닙니다(W3C 주석에는 글이 없음).`,
  'word-not-docx': (p) =>
    `${p.file}: 워드 문서(.docx)가 아닙니다. ZIP 압축 파일이 아니거나 파일이 손상되었습니다. ${unchanged}`,
  'word-zip64': (p) =>
    `${p.file}: ZIP64 형식의 압축 파일이라 읽을 수 없습니다(팩트데스크가 읽는 워드 파일보다 큽니다). ${unchanged}`,
  'word-too-many-entries': (p) =>
    `${p.file}: 압축 파일 안에 항목이 ${n(p.count)}개 있습니다. 팩트데스크가 읽는 워드 파일은 최대 ${n(p.limit)}개입니다. ${unchanged}`,
  'word-too-large-unpacked': (p) =>
    `${p.file}: 압축을 풀면 ${p.limitMb} MB를 넘습니다. 팩트데스크가 워드 파일에서 푸는 최대 크기입니다. ${unchanged}`,
  'word-part-compression': (p) =>
    `${p.file}: ${p.part} 부분이 워드가 쓰지 않는 방식으로 압축되어 있습니다. ${unchanged}`,
  'word-part-overflow': (p) =>
    `${p.file}: ${p.part} 부분이 압축 파일에 적힌 크기(${n(p.size)}바이트)보다 크게 풀립니다. 손상되었거나 메모리를 고갈시키도록 만든 파일입니다. ${unchanged}`,
  'word-part-too-large': (p) =>
    `${p.file}: ${p.part} 부분은 압축을 풀면 ${p.sizeMb} MB입니다. 팩트데스크는 최대 ${p.limitMb} MB까지 읽습니다. ${unchanged}`,
  'word-part-not-utf8': (p) => `${p.file}: ${p.part} 부분이 UTF-8 텍스트가 아닙니다. ${unchanged}`,
  'word-xml-doctype': (p) =>
    `${p.file}: ${p.part} 부분에 DOCTYPE이나 엔터티 선언이 있습니다. 워드는 이런 것을 쓰지 않으며 팩트데스크는 읽지 않습니다. ${unchanged}`,
  'word-xml-malformed': (p) =>
    `${p.file}: ${p.part} 부분이 올바른 XML이 아닙니다(${p.line}행: ${p.detail}). ${unchanged}`,
  'word-no-document': (p) =>
    `${p.file}: 이 ZIP 파일은 워드 문서가 아닙니다(word/document.xml이 없습니다). ${unchanged}`,
  'word-too-many-comments': (p) =>
    `${p.file}: 문서에 메모가 ${n(p.count)}개 있습니다. 팩트데스크는 최대 ${n(p.limit)}개까지 가져옵니다. ${unchanged}`,
  'share-read-only': () => '이 검토 파일은 다른 팩트데스크 창에서 편집 중입니다. 공유는 그 창에서 하세요.',
  'reviewer-name-length': (p) => `검토자 이름은 1자에서 ${p.max}자까지입니다.`,
  'team-token-empty': (p) => `${josa(p.file, '이')} 비어 있습니다. 팀 토큰이 들어 있어야 합니다.`,
  'team-token-missing': (p) => `${josa(p.file, '이')} 없습니다. 팀 토큰이 든 파일을 지정하세요.`,
  'harness-sync-failed': (p) => `--sync: 팀 서버가 검토를 받지 않았습니다(${p.detail}).`,
  'sign-off-unrated': () => '최종 승인은 판정에 대해 하는 것입니다. 먼저 판정을 정하세요.',
  'sign-off-no-source': () => '최종 승인에는 근거가 필요합니다. 먼저 출처를 하나 이상 추가하세요.',
  'sign-off-text-changed': () => '판정한 뒤 이 주장의 문구가 바뀌었습니다. 먼저 판정을 확인하세요.',
  'undo-import-nothing': () => '되돌릴 가져오기가 없습니다. 마지막 가져오기 뒤에 검토 파일이 바뀌었습니다.',
  'import-not-found': () => '이 검토 파일에 없는 가져오기입니다.',
  'undo-import-done': (p) => `${p.file} 가져오기는 이미 되돌렸습니다.`,
  'undo-import-stale': (p) =>
    `${p.file} 가져오기는 이제 되돌릴 수 없습니다. 그 뒤로 검토 파일이 바뀌었습니다. 바뀐 것은 없습니다.`,
  'undo-import-inexact': (p) => `${p.file} 가져오기를 정확히 되돌릴 수 없었습니다. 검토 파일은 그대로입니다.`,
  'undo-import-tables': () => '가져오기를 되돌릴 수 없습니다. 검토 파일의 표 구성이 가져올 때와 다릅니다.',
  'claimreview-needs-url': () =>
    'ClaimReview에는 팩트체크를 게시한 페이지 주소가 필요합니다. 재게시 설정에 주소를 넣은 뒤 다시 내보내세요.',
  'pdf-no-chromium': () =>
    'PDF로 내보내려면 Chromium이 필요합니다. Chromium을 설치하거나(apt-get install chromium) HTML로 내보내 인쇄하세요.',
  'pdf-failed': (p) => `Chromium이 PDF를 인쇄하지 못했습니다(${p.detail}).`,
  'pdf-missing': () => 'Chromium이 PDF를 만들지 않았습니다. HTML로 내보내 인쇄하세요.',
}

/** 이/가 after a quoted name, without repeating the name. */
function particleOf(name: string): string {
  return josa(name, '이').slice(name.length)
}
