/**
 * Child process for test/durability.test.ts: opens a review file and changes it as fast as it can,
 * printing one line per change only after the call that made it has returned (= committed):
 *   c <claimId>                     a claim was created
 *   u <claimId> <revision> <note>   a claim's note was set
 * The parent kills it with SIGKILL at some point and checks that every printed change is in the file.
 * Run: node --import tsx test/helpers/writer.ts <review file>
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEssayMarkdown } from '../../src/core/document/essayFormat'
import { codePointLength, describeRange } from '../../src/shared/text'
import { createClaim, updateClaim } from '../../src/core/claims/commands'
import { readDocument } from '../../src/core/document/queries'
import { openReview } from '../../src/core/review/open'

const path = process.argv[2]
if (!path) throw new Error('usage: writer.ts <review file>')
const essay = parseEssayMarkdown(readFileSync(join(__dirname, '../../resources/essays/seoul-openai.md'), 'utf8'))
const store = openReview(path, essay)
const text = readDocument(store).text
const length = codePointLength(text)
const claims: string[] = []

for (let i = 0; ; i++) {
  if (i % 3 === 0 || claims.length === 0) {
    const start = Math.floor(Math.random() * (length - 40))
    const claim = createClaim(store, describeRange(text, start, start + 1 + Math.floor(Math.random() * 30)), 'writer')
    claims.push(claim.id)
    process.stdout.write(`c ${claim.id}\n`)
  } else {
    const id = claims[Math.floor(Math.random() * claims.length)]
    const note = `note-${process.pid}-${i}`
    const claim = updateClaim(store, id, { note }, 'writer')
    process.stdout.write(`u ${id} ${claim.revision} ${note}\n`)
  }
}
