import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PrefsStore } from '../src/core/prefs/prefs'
import { createService, dispatch } from '../src/core/service'
import { ReviewSession } from '../src/core/review/session'
import { smallEssay, tempDir, type TempDir } from './helpers/essay'
import { openReview } from '../src/core/review/open'

let dir: TempDir
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => dir.remove())

describe('preferences: essay font size and default verdict scale', () => {
  it('default to 18 px and SNU팩트체크, are validated, saved and read back', async () => {
    const path = dir.file('prefs/prefs.json')
    const prefs = new PrefsStore(path, { reviewerName: '김기자', lang: 'ko' })
    expect(prefs.get()).toEqual({ reviewerName: '김기자', lang: 'ko', essayFontSize: 18, defaultScale: 'snu' })
    const session = new ReviewSession(openReview(':memory:', smallEssay()))
    const changed: string[] = []
    const service = createService({ session, prefs, emit: (e) => void changed.push(e) })
    try {
      expect(await dispatch(service, 'prefs-set', { essayFontSize: 24, defaultScale: 'politifact' })).toMatchObject({
        ok: true,
        value: { essayFontSize: 24, defaultScale: 'politifact', reviewerName: '김기자' },
      })
      expect(changed).toEqual(['prefs-changed'])
      expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ essayFontSize: 24, defaultScale: 'politifact' })
      expect(new PrefsStore(path, { reviewerName: '', lang: 'en' }).get()).toMatchObject({ essayFontSize: 24, defaultScale: 'politifact' })
      for (const bad of [{ essayFontSize: 8 }, { essayFontSize: 33 }, { essayFontSize: 17.5 }, { essayFontSize: '20' }, { defaultScale: '' }, { defaultScale: 'x'.repeat(101) }]) {
        expect(await dispatch(service, 'prefs-set', bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
      }
      expect(prefs.get()).toMatchObject({ essayFontSize: 24, defaultScale: 'politifact' })
      // The store checks too, whoever calls it.
      expect(() => prefs.set({ essayFontSize: 1000 })).toThrow()
    } finally {
      session.close()
    }
  })

  it('ignores bad values in a hand-edited file and keeps the defaults for them', () => {
    const path = dir.file('prefs.json')
    writeFileSync(path, JSON.stringify({ reviewerName: '이팩트', essayFontSize: 'huge', defaultScale: 42 }))
    expect(new PrefsStore(path, { reviewerName: '', lang: 'en' }).get()).toEqual({
      reviewerName: '이팩트',
      lang: 'en',
      essayFontSize: 18,
      defaultScale: 'snu',
    })
    writeFileSync(path, JSON.stringify({ essayFontSize: 500 }))
    expect(new PrefsStore(path, { reviewerName: '', lang: 'en' }).get().essayFontSize).toBe(18)
  })
})
