/**
 * A desk in its own process, for the kill -9 test: links a review file to a team server, then marks
 * claims one after another (each its own committed transaction) and says so after each commit.
 * Usage: tsx test/helpers/syncChild.ts <review> <url> <token> <count>
 */
import { dispatch } from '../../src/core/service'
import { describeRange } from '../../src/shared/text'
import { openDesk } from './sync'
import { readDocument } from '../../src/core/document/queries'

const [review, url, token, count] = process.argv.slice(2)
const desk = openDesk(review, 'Child', `${review}.prefs.json`)

async function main(): Promise<void> {
  await desk.call('sync-connect', { url, token })
  const text = readDocument(desk.store()).text
  for (let i = 0; i < Number(count); i++) {
    const r = await dispatch(desk.service, 'claim-create', { anchor: describeRange(text, i * 3, i * 3 + 2) })
    if (!r.ok) throw new Error(r.error.message)
    process.stdout.write(`committed ${i + 1}\n`)
    await new Promise((done) => setTimeout(done, 5))
  }
  process.stdout.write('done\n')
}
void main()
