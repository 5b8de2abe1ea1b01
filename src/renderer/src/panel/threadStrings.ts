import { useI18n } from '../i18n'

/**
 * Text of a claim's tags, discussion thread and history (kept apart from i18n.ts so the features
 * that share that file do not collide). History sentences themselves: src/shared/historyText.ts.
 */
const en = {
  tags: 'Tags',
  addTag: 'Add tag',
  addTagButton: 'Add',
  tagPlaceholder: 'New tag',
  removeTag: (name: string) => `Remove tag ${name}`,
  tagColor: (name: string) => `Colour of tag ${name}`,
  tagColors: (name: string) => `Colours for tag ${name}`,
  replies: 'Discussion',
  replyList: 'Replies',
  reply: 'Reply',
  replyPlaceholder: 'Write a reply (Ctrl+Enter adds it)',
  addReply: 'Add reply',
  editReply: 'Edit reply',
  deleteReply: 'Delete reply',
  saveReply: 'Save reply',
  cancel: 'Cancel',
  edited: 'edited',
  noReplies: 'No replies yet.',
  someone: 'Someone',
  history: 'History',
  historyList: 'Changes to this claim',
  historyLoading: 'Loading…',
  historyEmpty: 'No changes recorded yet.',
  repliesAdded: 'Replies added',
  repliesUpdated: 'Replies updated',
  tagsChanged: 'Tags changed',
  correctionsChanged: 'Corrections added or changed',
  settingsTaken: 'Republication settings taken',
  dismissedAdded: 'Dismissed suggestions added',
}

type Dict = typeof en

const ko: Dict = {
  tags: '태그',
  addTag: '태그 추가',
  addTagButton: '추가',
  tagPlaceholder: '새 태그',
  removeTag: (name: string) => `태그 ${name} 떼기`,
  tagColor: (name: string) => `태그 ${name}의 색`,
  tagColors: (name: string) => `태그 ${name}의 색 고르기`,
  replies: '토론',
  replyList: '답글 목록',
  reply: '답글',
  replyPlaceholder: '답글을 쓰세요 (Ctrl+Enter로 달기)',
  addReply: '답글 달기',
  editReply: '답글 고치기',
  deleteReply: '답글 삭제',
  saveReply: '답글 저장',
  cancel: '취소',
  edited: '수정됨',
  noReplies: '아직 답글이 없습니다.',
  someone: '누군가',
  history: '변경 기록',
  historyList: '이 주장의 변경 기록',
  historyLoading: '불러오는 중…',
  historyEmpty: '아직 기록된 변경이 없습니다.',
  repliesAdded: '추가된 답글',
  repliesUpdated: '갱신된 답글',
  tagsChanged: '바뀐 태그',
  correctionsChanged: '추가·변경된 정정',
  settingsTaken: '가져온 재게시 설정',
  dismissedAdded: '추가된 제외 제안',
}

const dictionaries = { en, ko }

export function useThreadText(): Dict {
  return dictionaries[useI18n().lang]
}
