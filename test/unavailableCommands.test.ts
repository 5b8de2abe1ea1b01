/**
 * Two greyed-out commands the desk never shows a reader, rendered here with React's server renderer
 * (the project has no DOM library for Node):
 * - Apply correction on a claim whose words are gone: such a claim has no card on the desk (it is
 *   listed under "Not found in this essay"), so the browser tests cannot reach the button;
 * - Assigned to me without a reviewer name: the first-run dialog asks for the name, modally, before
 *   the desk can be used, and the service refuses a blank one. (While the preferences are still read it
 *   says that instead; the browser test holds their answer and clicks it.)
 * Each still has to say why, like every CommandButton (e2e/browser/unavailable-commands.spec.ts).
 */
import { createElement } from 'react'
import { describe, expect } from 'vitest'
import { CorrectionsSection } from '../src/renderer/src/panel/CorrectionsSection'
import { ClaimFilterBar } from '../src/renderer/src/panel/ClaimFilterBar'
import type { Claim, Lang } from '../src/shared/domain'
import { deskTest, importLostClaim } from './helpers/service'
import { idleQuery, renderDesk } from './helpers/renderDesk'

/** What a command renders as: its element, and the text its aria-describedby points at. */
function command(html: string, pattern: RegExp): { tag: string; reason: string | null } {
  const tag = pattern.exec(html)?.[0]
  if (!tag) throw new Error(`no ${pattern} in ${html}`)
  const described = /aria-describedby="([^"]+)"/.exec(tag)?.[1]
  const reason = described ? (new RegExp(`id="${described}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? null) : null
  return { tag, reason }
}

describe('Apply correction on a claim whose words are gone', () => {
  deskTest('is greyed out and says to place the claim again, in English and Korean', async ({ desk }) => {
    const lost = '이 글에는 없는 문장이다'
    await importLostClaim(desk, lost)
    const [found] = await desk.callOk('claims-list', {})
    expect(found).toMatchObject({ exact: lost, anchored: false })
    const claim: Claim = await desk.callOk('correction-propose', {
      claimId: found.id,
      replacement: '고친 문장',
      explanation: '',
    })
    const section = (lang: Lang, c: Claim): string => renderDesk(lang, createElement(CorrectionsSection, { claim: c }))

    const en = command(section('en', claim), /<button[^>]*>Apply correction<\/button>/)
    expect(en.tag).toContain('aria-disabled="true"')
    expect(en.tag).toContain(
      'title="The claim’s words are no longer in the essay, so there is nothing to correct. Place the claim again first."',
    )
    expect(en.reason).toBe(
      'The claim’s words are no longer in the essay, so there is nothing to correct. Place the claim again first.',
    )
    const ko = command(section('ko', claim), /<button[^>]*>정정 적용<\/button>/)
    expect(ko.tag).toContain('aria-disabled="true"')
    expect(ko.reason).toBe('이 주장의 문구가 본문에 더 이상 없어 고칠 곳이 없습니다. 먼저 주장을 다시 배치하세요.')

    // On words the essay has, the same correction can be applied: no reason, no grey.
    const placed = command(section('en', { ...claim, anchored: true }), /<button[^>]*>Apply correction<\/button>/)
    expect(placed.tag).not.toContain('aria-disabled')
    expect(placed.reason).toBeNull()
  })
})

describe('Assigned to me without a reviewer name', () => {
  const filterBar = (lang: Lang, reviewerName: string | null): string =>
    renderDesk(lang, createElement(ClaimFilterBar, { query: idleQuery(), shown: 0, total: 0, reviewerName }))
  /** The checkbox inside the label that ends with the filter's name. */
  const mine = (label: string) => new RegExp(`<input type="checkbox"[^>]*/?>\\s*${label}`)

  deskTest('is greyed out, stays reachable, and says to set the name, in English and Korean', () => {
    const en = command(filterBar('en', ''), mine('Assigned to me'))
    expect(en.tag).toContain('aria-disabled="true"')
    // Not `disabled`: that would take it out of the Tab order and drop its description.
    expect(en.tag).not.toMatch(/\sdisabled=""/)
    expect(en.reason).toBe('Set your reviewer name in Preferences first.')
    const ko = command(filterBar('ko', ''), mine('내 담당'))
    expect(ko.reason).toBe('먼저 환경설정에서 검토자 이름을 정하세요.')

    // While the preferences are still being read, it says so rather than that there is no name.
    const loading = command(filterBar('en', null), mine('Assigned to me'))
    expect(loading.tag).toContain('aria-disabled="true"')
    expect(loading.reason).toBe('Still opening the review…')

    const named = command(filterBar('en', '김기자'), mine('Assigned to me'))
    expect(named.tag).not.toContain('aria-disabled')
    expect(named.reason).toBeNull()
  })
})
