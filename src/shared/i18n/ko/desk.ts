import type { Catalogue } from '../catalogue'

export const desk: Catalogue['desk'] = {
  importProgress: {
    cancel: '가져오기 취소',
    hint: '이 가져오기를 멈춥니다. 아무것도 반영되지 않고 검토 파일은 그대로입니다.',
  },
  invisible:
    '보이지 않으면서 글의 표시 방향이나 모양을 바꾸는 문자(방향·폭 없는 문자)가 들어 있습니다. 저장된 그대로: ',
  readOnly: {
    label: '읽기 전용',
    detail: (h) =>
      `이 검토 파일은 다른 팩트데스크 창(프로세스 ${h.pid}${h.host ? `, ${h.host}` : ''})에서 편집 중입니다. 여기서는 읽고 검색하고 내보낼 수 있습니다. 그 창을 닫으면 이 창에서 바로 편집할 수 있습니다.`,
  },
  fallbackName: '검토자',
}
