import type { Catalogue } from '../catalogue'

export const team: Catalogue['team'] = {
  assignee: '검증 담당',
  nobody: '없음',
  assignPlaceholder: '검토자 이름',
  assignToMe: '나',
  signOff: '최종 승인',
  signedOff: (by, at) => `${by} 님이 최종 승인, ${at}`,
  withdrawSignOff: '승인 취소',
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
