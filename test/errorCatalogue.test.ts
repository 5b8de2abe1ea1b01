import { describe, expect, it } from 'vitest'
import { errorCodes, errorInfo, errorText, FactdeskError, isErrorCode, type ErrorCode } from '../src/shared/errors'
import { catalogues } from '../src/shared/i18n'
import { noteText } from '../src/shared/exchange'

/** Parameters for every code: each text must take them and say something with them. */
const sample: Record<string, unknown> = {
  file: 'review.factdesk',
  method: 'x',
  fields: 'patch.note',
  field: 'patch.note',
  detail: 'd',
  limitMb: 50,
  pid: 42,
  host: 'desk',
  action: 'edit',
  owner: '이팩트',
  you: '김기자',
  version: 9,
  supported: 8,
  kind: 'trigger',
  name: '통계',
  id: 'c1',
  start: 1,
  end: 2,
  length: 3,
  min: 2,
  status: 502,
  value: '사실',
  verdict: 'v',
  scale: 'S',
  choices: 'a, b',
  max: 50,
  format: 'factdesk-x',
  limit: 10,
  found: 11,
  key: '__proto__',
  what: 'sources',
  count: 2,
  quotes: ['q'],
  theirs: 'T',
  ours: 'O',
  labels: ['L'],
  total: 5,
  held: 2,
  page: 'https://x',
  pages: 3,
  links: ['javascript:'],
  part: 'word/document.xml',
  size: 1000,
  sizeMb: 100,
  line: 3,
  author: '최독자',
  deleted: 'a',
  inserted: 'b',
  exact: '인용',
  quote: '인용',
}

/** Codes whose parameter of the same name takes other values. */
const paramsFor = (code: string): Record<string, unknown> =>
  code === 'scale-duplicate' ? { ...sample, field: 'ko' } : sample

describe('the error catalogue', () => {
  it('has every code in English and Korean, and each text says something in each language', () => {
    expect(errorCodes.length).toBeGreaterThan(60)
    for (const lang of ['en', 'ko'] as const) {
      expect(Object.keys(catalogues[lang].errors).sort(), lang).toEqual([...errorCodes].sort())
      for (const code of errorCodes) {
        const text = errorText(lang, { code, params: paramsFor(code) })
        expect(text.trim().length, `${lang} ${code}`).toBeGreaterThan(5)
        expect(text, `${lang} ${code}`).not.toMatch(/undefined|\[object Object\]/)
      }
    }
  })

  it('writes Korean texts in Korean, not in English', () => {
    for (const code of errorCodes) {
      const ko = errorText('ko', { code, params: paramsFor(code) })
      expect(ko, code).toMatch(/[가-힣]/)
      expect(ko, code).not.toBe(errorText('en', { code, params: paramsFor(code) }))
    }
  })

  it('has every import note in both languages', () => {
    const codes = Object.keys(catalogues.en.importNotes)
    expect(Object.keys(catalogues.ko.importNotes).sort()).toEqual([...codes].sort())
    for (const code of codes) {
      const ko = noteText('ko', { code, params: sample } as never)
      expect(ko, code).toMatch(/[가-힣]/)
      expect(ko, code).not.toMatch(/undefined|\[object Object\]/)
    }
  })

  it('carries a code and its parameters; the message is the English text', () => {
    const err = new FactdeskError('import-too-many', { file: 'a.json', what: 'sources', limit: 50_000, found: 50_001 })
    expect(err.info()).toEqual({
      code: 'import-too-many',
      params: { file: 'a.json', what: 'sources', limit: 50_000, found: 50_001 },
      message:
        'a.json: the file carries 50,001 sources, more than the 50,000 Factdesk imports from one file. Nothing was imported; the review is unchanged.',
    })
    expect(errorText('ko', err)).toBe(
      'a.json: 출처가 50,001개로, 한 파일에서 가져올 수 있는 50,000개를 넘습니다. 아무것도 가져오지 않았고 검토 파일은 그대로입니다.',
    )
    expect(errorText('ko', errorInfo('review-file-damaged', { file: 'x.factdesk' }))).toBe(
      'x.factdesk가 손상되어 읽을 수 없습니다. 바뀐 것은 없습니다. 백업 사본을 여세요.',
    )
  })

  it('rebuilds a refusal that crossed a transport, and keeps an unknown code’s own message', () => {
    const back = FactdeskError.from(errorInfo('claim-not-found', { id: 'c9' }))
    expect(back).toMatchObject({
      code: 'claim-not-found',
      params: { id: 'c9' },
      message: 'No claim c9 in this review.',
    })
    expect(isErrorCode('no-such-code')).toBe(false)
    expect(errorText('ko', { code: 'no-such-code', message: 'From a newer version.' })).toBe('From a newer version.')
    const code: ErrorCode = 'read-only'
    expect(errorText('ko', { code, params: { pid: 7, host: '' } })).toContain('프로세스 7')
  })
})
