import type { Lang } from '../../shared/domain'
import { useI18n } from './i18n'

/**
 * Text of the review / edit modes, the save indicator and the claim counts (kept apart from i18n.ts so
 * the features that share that file do not collide).
 */
const en = {
  editText: 'Edit text',
  editTextHint:
    'Change the essay’s words. While you edit, the keys type; Esc or Edit text again gives them back to the claims.',
  editingTheText: 'Editing the text',
  editingHint: 'Esc or Edit text: back to reviewing',
  readOnlyHint: 'Reviewing: the text is read-only. Select words to mark a claim; Edit text changes the words.',
  toggleEditMode: 'Edit the text / back to reviewing',
  saving: 'Saving…',
  saved: 'Saved',
  savedHint: 'Every change is in the review file.',
  notSaved: 'Not saved',
  retry: 'Retry',
  retryHint: 'Your changes are kept on screen and sent again automatically; Retry sends them now.',
  claimCount: (n: number, notFound: number) =>
    `${n === 1 ? '1 claim' : `${n} claims`}${notFound > 0 ? ` (${notFound} not found in the essay)` : ''}`,
  notFound: 'Not found in the essay',
  notFoundLeftOut: 'Not found in the essay (left out)',
}

type ModeText = typeof en

const ko: ModeText = {
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
  notFound: '본문에서 찾지 못함',
  notFoundLeftOut: '본문에서 찾지 못해 빠진 주장',
}

export const modeTexts: Record<Lang, ModeText> = { en, ko }

export function useModeText(): ModeText {
  return modeTexts[useI18n().lang]
}
