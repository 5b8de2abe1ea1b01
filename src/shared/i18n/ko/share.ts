import type { Catalogue } from '../catalogue'

export const share: Catalogue['share'] = {
  share: '검토 공유…',
  shareHint: '팀의 팩트데스크 서버로 함께 실시간 검토',
  title: '이 검토 공유',
  intro:
    '같은 서버로 이 검토를 연 사람은 서로의 주장·판정·답글을 바로 보고, 누가 어떤 주장을 보고 있는지도 압니다. 검토 파일은 계속 내 컴퓨터에 있습니다. 서버가 끊겨도 그대로 작업할 수 있고, 다시 연결되면 기다리던 변경이 전송됩니다.',
  address: '서버 주소',
  addressHint: '예: ws://127.0.0.1:4320, TLS 뒤라면 wss://factdesk.example.org',
  token: '팀 토큰',
  tokenHint: '서버의 team-token 파일에 있는 토큰 또는 내 검토자 토큰',
  connect: '연결',
  disconnect: '공유 중지',
  close: '닫기',
  connected: '공유 중',
  connectedHint: (url: string) => `${url}에 연결됨`,
  offline: '오프라인',
  waiting: (n: number) => `변경 ${n}건 전송 대기`,
  offlineHint: '서버에 연결할 수 없습니다. 변경 내용은 검토 파일에 저장되어 있으며 다시 연결되면 전송됩니다.',
  refused: '연결 거부',
  refusedReason: (reason: string) => `서버가 연결을 거부했습니다(${reason}). 팀 토큰을 확인하세요.`,
  online: (n: number) => `${n}명 접속 중`,
  peerOpen: (name: string) => `${name} 님이 이 주장을 보고 있음`,
  peers: '함께 보는 사람',
  arrived: (added: number, updated: number, conflicts: number) =>
    `받음: ${[added && `추가 ${added}건`, updated && `수정 ${updated}건`, conflicts && `충돌 ${conflicts}건`].filter(Boolean).join(', ')}`,
  notShared: '이 검토는 공유되지 않았습니다.',
}
