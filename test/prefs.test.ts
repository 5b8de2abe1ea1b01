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
      expect(new PrefsStore(path, { reviewerName: '', lang: 'en' }).get()).toMatchObject({
        essayFontSize: 24,
        defaultScale: 'politifact',
      })
      for (const bad of [
        { essayFontSize: 8 },
        { essayFontSize: 33 },
        { essayFontSize: 17.5 },
        { essayFontSize: '20' },
        { defaultScale: '' },
        { defaultScale: 'x'.repeat(101) },
      ]) {
        expect(await dispatch(service, 'prefs-set', bad), JSON.stringify(bad)).toMatchObject({
          ok: false,
          error: { code: 'invalid-args' },
        })
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

describe('preferences: reviewer name and the Claims panel width', () => {
  it('refuses a blank reviewer name through the service and the store, and keeps the last one', async () => {
    const prefs = new PrefsStore(dir.file('prefs.json'), { reviewerName: '', lang: 'ko' })
    const session = new ReviewSession(openReview(':memory:', smallEssay()))
    const service = createService({ session, prefs, emit: () => undefined })
    try {
      expect(await dispatch(service, 'prefs-set', { reviewerName: '  김검증 ' })).toMatchObject({
        ok: true,
        value: { reviewerName: '김검증' },
      })
      for (const blank of ['', '   ', '\u3000\n']) {
        expect(await dispatch(service, 'prefs-set', { reviewerName: blank }), JSON.stringify(blank)).toMatchObject({
          ok: false,
          error: { code: 'invalid-args' },
        })
        expect(() => prefs.set({ reviewerName: blank })).toThrow()
      }
      expect(prefs.get().reviewerName).toBe('김검증')
      // Offered in the first-run dialog: the login as the system reports it (never saved by itself).
      const login = await dispatch(service, 'login-name', {})
      expect(login).toMatchObject({ ok: true })
      expect(prefs.get().reviewerName).toBe('김검증')
    } finally {
      session.close()
    }
  })

  it('keeps the panel width the reviewer dragged, within its bounds, and drops a bad one from the file', async () => {
    const path = dir.file('prefs.json')
    const prefs = new PrefsStore(path, { reviewerName: '김기자', lang: 'ko' })
    expect(prefs.get().panelWidth).toBeUndefined()
    const session = new ReviewSession(openReview(':memory:', smallEssay()))
    const service = createService({ session, prefs, emit: () => undefined })
    try {
      expect(await dispatch(service, 'prefs-set', { panelWidth: 512 })).toMatchObject({
        ok: true,
        value: { panelWidth: 512 },
      })
      expect(new PrefsStore(path, { reviewerName: '', lang: 'en' }).get().panelWidth).toBe(512)
      for (const bad of [100, 5000, 300.5, '400']) {
        expect(await dispatch(service, 'prefs-set', { panelWidth: bad }), String(bad)).toMatchObject({ ok: false })
      }
      writeFileSync(path, JSON.stringify({ reviewerName: '김기자', panelWidth: -3 }))
      expect(new PrefsStore(path, { reviewerName: '', lang: 'en' }).get().panelWidth).toBeUndefined()
    } finally {
      session.close()
    }
  })
})
