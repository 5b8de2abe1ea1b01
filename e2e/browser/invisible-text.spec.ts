import { CLAIM_A, markClaim, openCard, writeNote } from '../desk'
import { expect, test } from './fixtures'

/**
 * A right-to-left override makes "report‮gnp.exe" read as "reportexe.png". Such characters are shown
 * for what they are (⟨U+202E⟩) wherever a reviewer reads text someone else wrote.
 */
test('direction overrides and zero-width characters in a note and a source are shown, not obeyed', async ({ desk }) => {
  await markClaim(desk, { start: CLAIM_A })
  const card = await openCard(desk, CLAIM_A)
  await writeNote(desk, '첨부 report\u202Egnp.exe 확인')
  await expect(card.getByRole('note')).toContainText('첨부 report⟨U+202E⟩gnp.exe 확인')

  const claimId = await desk.evaluate(async () => {
    const list = await window.factdesk.call('claims-list', {})
    if (!list.ok) throw new Error(list.error.message)
    return list.value[0].id
  })
  await desk.evaluate(
    (id) =>
      window.factdesk.call('source-add', {
        claimId: id,
        source: { url: 'https://example.org/a', title: '보도\u200B자료 \u202Efdp.exe' },
      }),
    claimId,
  )
  await desk.reload()
  const reopened = await openCard(desk, CLAIM_A)
  await expect(reopened.locator('.source-title')).toHaveText('보도⟨U+200B⟩자료 ⟨U+202E⟩fdp.exe')
})
