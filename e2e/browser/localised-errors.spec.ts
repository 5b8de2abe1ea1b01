import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** A review file of random bytes: whatever they are, the service says the file is damaged. */
async function importDamaged(desk: Page, workDir: string): Promise<void> {
  const path = join(workDir, 'damaged.factdesk')
  writeFileSync(path, randomBytes(4096))
  await desk.locator('input[type="file"]').setInputFiles(path)
}

test.describe('a refusal in the Korean desk', () => {
  test.use({ harnessLang: 'ko' })

  test('is said in Korean, from its code and parameters', async ({ desk, workDir }) => {
    await importDamaged(desk, workDir)
    const alert = desk.getByRole('alert')
    await expect(alert).toContainText('damaged.factdesk가 손상되어 읽을 수 없습니다. 바뀐 것은 없습니다.')
    await expect(alert).not.toContainText(/UTF-8|damaged and|Nothing was/)
  })
})

test.describe('a refusal in the English desk', () => {
  test('is said in English', async ({ desk, workDir }) => {
    await importDamaged(desk, workDir)
    const alert = desk.getByRole('alert')
    await expect(alert).toContainText('damaged.factdesk is damaged and cannot be read. Nothing was changed')
    await expect(alert).not.toContainText(/UTF-8|손상/)
  })
})
