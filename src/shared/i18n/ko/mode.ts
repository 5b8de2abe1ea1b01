import type { Catalogue } from '../catalogue'

export const mode: Catalogue['mode'] = {
  editText: '본문 편집',
  editTextHint:
    '본문의 글을 고칩니다. 편집하는 동안에는 키가 글자를 입력하고, Esc나 본문 편집을 다시 누르면 주장 단축키로 돌아갑니다.',
  editingTheText: '본문 편집 중',
  editingHint: 'Esc 또는 본문 편집: 검토로 돌아가기',
  readOnlyHint: '검토 중: 본문은 읽기 전용입니다. 글을 선택해 주장으로 표시하고, 글을 고치려면 본문 편집을 누르세요.',
  toggleEditMode: '본문 편집 / 검토로 돌아가기',
  saving: '저장 중…',
  saved: '저장됨',
  savedHint: '모든 변경이 검토 파일에 저장되었습니다.',
  notSaved: '저장 안 됨',
  retry: '다시 시도',
  retryHint: '변경 내용은 화면에 남아 있고 자동으로 다시 보냅니다. 다시 시도를 누르면 지금 보냅니다.',
  claimCount: (n: number, notFound: number) =>
    `주장 ${n}건${notFound > 0 ? ` (본문에서 찾지 못함 ${notFound}건)` : ''}`,
  claimsCounting: '주장을 세는 중…',
  countLoading: '세는 중…',
  listLoading: '불러오는 중…',
  notFound: '본문에서 찾지 못함',
  notFoundLeftOut: '본문에서 찾지 못해 빠진 주장',
}
