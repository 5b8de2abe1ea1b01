import type { Lang } from '../../shared/domain'
import { useI18n } from './i18n'

/** Text of the team workflow: assignment, the editor's sign-off, notices (kept apart like workflowText.ts). */
const en = {
  assignee: 'Assigned to',
  nobody: 'Nobody',
  assignPlaceholder: 'Reviewer name',
  assignToMe: 'Me',
  signOff: 'Sign off',
  signedOff: (by: string, at: string) => `Signed off by ${by}, ${at}`,
  withdrawSignOff: 'Withdraw sign-off',
  signOffNeedsVerdict: 'Give the claim a verdict first: a sign-off approves a verdict.',
  signOffNeedsSource: 'Add at least one source first: a sign-off approves the evidence too.',
  signOffTextChanged: 'The words changed since the claim was rated: confirm its verdict first.',
  signedOffShort: 'Signed off',
  assignedShort: (name: string) => `For ${name}`,
  mine: 'Assigned to me',
  signedOffFilter: 'Signed off',
  forMe: 'For me',
  forMeTitle: (n: number) => (n ? `${n} new for you` : 'Nothing new for you'),
  noNotices: 'Nothing assigned to you and no reply names you.',
  noticeAssigned: (by: string) => `${by} asked you to check this claim`,
  noticeMention: (by: string) => `${by} mentioned you`,
  markAllSeen: 'Mark all as seen',
  signedOffOnly: 'Only claims an editor signed off',
  unsignedLeftOut: 'Left out: not signed off',
}

const ko: typeof en = {
  assignee: '검증 담당',
  nobody: '없음',
  assignPlaceholder: '검토자 이름',
  assignToMe: '나',
  signOff: '최종 승인',
  signedOff: (by, at) => `${by} 님이 최종 승인, ${at}`,
  withdrawSignOff: '승인 취소',
  signOffNeedsVerdict: '먼저 판정을 정하세요. 최종 승인은 판정을 승인합니다.',
  signOffNeedsSource: '먼저 출처를 하나 이상 추가하세요. 최종 승인은 근거도 함께 승인합니다.',
  signOffTextChanged: '판정 후 문구가 바뀌었습니다. 먼저 판정을 다시 확인하세요.',
  signedOffShort: '승인됨',
  assignedShort: (name) => `담당 ${name}`,
  mine: '내 담당',
  signedOffFilter: '최종 승인됨',
  forMe: '내 알림',
  forMeTitle: (n) => (n ? `새 알림 ${n}건` : '새 알림 없음'),
  noNotices: '맡은 주장도, 나를 부른 답글도 없습니다.',
  noticeAssigned: (by) => `${by} 님이 이 주장의 검증을 맡겼습니다`,
  noticeMention: (by) => `${by} 님이 나를 언급했습니다`,
  markAllSeen: '모두 읽음으로 표시',
  signedOffOnly: '최종 승인된 주장만',
  unsignedLeftOut: '최종 승인 전이라 뺀 주장',
}

export type TeamText = typeof en
export const teamText: Record<Lang, TeamText> = { en, ko }

export function useTeamText(): TeamText {
  return teamText[useI18n().lang]
}
