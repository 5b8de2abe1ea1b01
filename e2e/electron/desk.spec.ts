import { expectClaimABack, reviewClaimA } from '../desk'
import { expect, test } from './fixtures'

test('a claim with its verdict, Korean note and two sources is all there after a restart', async ({ desktop }) => {
  await reviewClaimA(desktop.window)
  await desktop.restart()
  await expectClaimABack(desktop.window)
})

test('the app runs sandboxed: no Node in the page, only the factdesk bridge', async ({ desktop }) => {
  const exposed = await desktop.window.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    bridge: Object.keys(window.factdesk).sort(),
    origin: location.origin,
  }))
  expect(exposed).toEqual({
    require: 'undefined',
    process: 'undefined',
    bridge: ['call', 'on'],
    origin: 'app://factdesk',
  })
})
