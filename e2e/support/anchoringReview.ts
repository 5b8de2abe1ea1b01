/**
 * Prints the 11-claim review's HTML export, its W3C annotations and its text as JSON. Bundled by the
 * anchoring test and run in the runtime better-sqlite3 is built for (Node, or Electron as Node).
 */
import { exportW3c } from '../../src/core/exchange/w3cExport'
import { exportRepublication } from '../../src/core/republish'
import { elevenClaimReview } from '../../test/helpers/elevenClaims'
import { readDocument } from '../../src/core/document/queries'

const store = elevenClaimReview()
const includeUnrated = process.argv.includes('--include-unrated')
void exportRepublication(store, 'html', { includeUnrated }).then((file) => {
  process.stdout.write(JSON.stringify({ html: file.data, w3c: exportW3c(store), text: readDocument(store).text }))
  store.close()
})
