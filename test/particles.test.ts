import { describe, expect, it } from 'vitest'
import { ending, josa, particle } from '../src/shared/i18n/particles'
import { describeEvent } from '../src/shared/historyText'

describe('Korean particles', () => {
  it('follow a Hangul word’s final consonant', () => {
    expect(josa('사실', '를')).toBe('사실을')
    expect(josa('판단 유보', '을')).toBe('판단 유보를')
    expect(josa('출처', '이')).toBe('출처가')
    expect(josa('주장', '가')).toBe('주장이')
    expect(josa('메모', '은')).toBe('메모는')
    expect(josa('태그', '과')).toBe('태그와')
    expect(josa('판정', '와')).toBe('판정과')
    expect(josa('서울', '으로')).toBe('서울로')
    expect(josa('거점', '로')).toBe('거점으로')
    expect(josa('가나', '으로')).toBe('가나로')
  })

  it('skip closing quotes and punctuation', () => {
    expect(josa('‘사실’', '를')).toBe('‘사실’을')
    expect(josa('“통계”', '을')).toBe('“통계”를')
    expect(particle('(서울)', '로')).toBe('로')
  })

  it('read Latin letters and words aloud first', () => {
    expect(josa('‘AI’', '을')).toBe('‘AI’를') // 에이아이
    expect(josa('SNU', '이')).toBe('SNU가') // 에스엔유
    expect(josa('HTML', '을')).toBe('HTML을') // …엘
    expect(particle('HTML', '로')).toBe('로') // ㄹ takes 로
    expect(josa('PDF', '을')).toBe('PDF를') // 에프
    expect(josa('CSV', '을')).toBe('CSV를') // 브이
    expect(josa('OpenAI', '은')).toBe('OpenAI는')
    expect(josa('Factdesk', '을')).toBe('Factdesk를') // 팩트데스크
    expect(josa('Gmail', '을')).toBe('Gmail을') // 지메일
    expect(josa('Claude', '과')).toBe('Claude와')
    expect(josa('co.kr', '을')).toBe('co.kr을') // 케이알
  })

  it('read digits in Sino-Korean', () => {
    expect(josa('1', '을')).toBe('1을') // 일
    expect(josa('2', '을')).toBe('2를') // 이
    expect(josa('3', '이')).toBe('3이') // 삼
    expect(josa('2위', '를')).toBe('2위를')
    expect(josa('10', '를')).toBe('10을') // 십
    expect(josa('2024', '를')).toBe('2024를') // 사
    expect(josa('100', '가')).toBe('100이') // 백
    expect(particle('2001', '로')).toBe('로') // 일: ㄹ
    expect(particle('2000', '로')).toBe('으로') // 천
    expect(particle('7', '로')).toBe('로') // 칠
    expect(particle('6', '로')).toBe('으로') // 육
    expect(particle('0', '로')).toBe('으로') // 영
  })

  it('has no ending for text with no readable word', () => {
    expect(ending('')).toBeUndefined()
    expect(ending('“”')).toBeUndefined()
  })

  it('are chosen in history sentences instead of 을(를)', () => {
    const ev = (name: string) => ({ actor: '김기자', kind: 'tag-added', detail: { name } })
    expect(describeEvent(ev('AI'), 'ko')).toBe('김기자 님이 태그 ‘AI’를 붙였습니다.')
    expect(describeEvent(ev('통계'), 'ko')).toBe('김기자 님이 태그 ‘통계’를 붙였습니다.')
    expect(describeEvent(ev('인물'), 'ko')).toBe('김기자 님이 태그 ‘인물’을 붙였습니다.')
    expect(describeEvent(ev('2024'), 'ko')).toBe('김기자 님이 태그 ‘2024’를 붙였습니다.')
    expect(describeEvent(ev('HTML'), 'ko')).toBe('김기자 님이 태그 ‘HTML’을 붙였습니다.')
    const to = (verdict: string) => ({
      actor: '김기자',
      kind: 'verdict-changed',
      detail: { from: 'unrated', to: verdict },
    })
    expect(describeEvent(to('false'), 'ko')).toBe('김기자 님이 판정을 ‘판정 전’에서 ‘전혀 사실 아님’으로 바꿨습니다.')
  })
})
