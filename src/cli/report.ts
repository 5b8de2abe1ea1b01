import { noteText, type ImportFormat, type ImportSummary } from '../shared/exchange'
import type { WordImportResult } from '../shared/wordReview'
import type { CliError } from './files'

export const formatNames: Record<ImportFormat, string> = {
  bundle: 'review bundle',
  sqlite: 'review file',
  w3c: 'W3C Web Annotation file',
  docx: 'reviewed Word document',
}

export interface ImportRun {
  review: string
  /** The review file was there before this run. */
  existed: boolean
  /** The review file did not exist and was made by this run. */
  created: boolean
  imported: ImportSummary[]
  /** The file that was refused; the files before it stay imported, the ones after it were not read in. */
  failure?: CliError
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** A quote on one line, shortened to `max` characters (code points, so Korean and emoji stay whole). */
export function quote(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const chars = Array.from(flat)
  return `"${chars.length > max ? chars.slice(0, max - 1).join('') + '…' : flat}"`
}

/** What one import did, for people. */
export function summaryLines(s: ImportSummary): string[] {
  const lines = [
    `Imported ${s.fileName} (${formatNames[s.format] ?? s.format}):`,
    `  claims: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.deleted} deleted; ` +
      `${plural(s.conflicts, 'conflict')}; ${s.unanchored.length} unanchored`,
    `  sources: ${s.sourcesAdded} added, ${s.sourcesUpdated} updated`,
  ]
  if (s.repliesAdded || s.repliesUpdated || s.tagsChanged) {
    lines.push(
      `  replies: ${s.repliesAdded ?? 0} added, ${s.repliesUpdated ?? 0} updated; tags: ${s.tagsChanged ?? 0} changed`,
    )
  }
  if (s.correctionsChanged || s.settingsTaken || s.dismissedAdded) {
    lines.push(
      `  corrections: ${s.correctionsChanged ?? 0} added or changed; republication settings: ${s.settingsTaken ?? 0} taken; ` +
        `dismissed suggestions: ${s.dismissedAdded ?? 0} added`,
    )
  }
  if (s.documentDiffers) lines.push('  the essay text differs: claims were re-anchored')
  if (s.conflicts > 0) {
    lines.push(
      `  ${plural(s.conflicts, 'change')} conflict with this review; open it in Factdesk to choose which version to keep`,
    )
  }
  if (s.unanchored.length > 0) {
    lines.push(
      `  ${plural(s.unanchored.length, 'claim')} could not be found in the essay; attach them to the text in Factdesk:`,
    )
    for (const u of s.unanchored) lines.push(`    ${quote(u.exact)}`)
  }
  const changed = s.changedClaims ?? []
  if (changed.length > 0) {
    lines.push(
      `  ${plural(changed.length, 'claim')} now ${changed.length === 1 ? 'marks' : 'mark'} other words than ${changed.length === 1 ? 'its' : 'their'} quote (a rated one awaits re-confirmation):`,
    )
    for (const c of changed) lines.push(`    ${quote(c.before)} -> ${quote(c.after)}`)
  }
  if (s.word) lines.push(...wordLines(s.word))
  for (const note of s.notes) lines.push(`  note: ${noteText('en', note).replace(/\n/g, '\n        ')}`)
  return lines
}

export function runLines(run: ImportRun, verb: string): string[] {
  const lines = run.imported.flatMap(summaryLines)
  if (run.imported.length > 0) {
    lines.push(`${run.created ? 'Created' : 'Updated'} ${run.review}: ${verb} ${plural(run.imported.length, 'file')}.`)
  }
  return lines
}

/** The sentence the core adds to a refused file; the CLI says what happened to the review itself. */
export const withoutReviewNote = (message: string): string =>
  message.replace(/\s*Nothing was imported; the review is unchanged\.$/, '')

/** The message for a refused file in a list: which file, why, and what happened to the review and the other files. */
export function failureMessage(run: ImportRun, total: number): string {
  const failure = run.failure
  if (!failure) return ''
  const done = run.imported.length
  const rest = total - done - 1
  const parts = [withoutReviewNote(failure.message)]
  if (done === 0) parts.push(`Nothing was imported; ${run.review} ${run.existed ? 'is unchanged' : 'was not created'}.`)
  else {
    const names = run.imported.map((s) => s.fileName).join(', ')
    parts.push(
      `That file was not imported; the ${plural(done, 'file')} before it (${names}) ${done === 1 ? 'was' : 'were'} imported into ${run.review}.`,
    )
  }
  if (rest > 0)
    parts.push(
      `${plural(rest, 'file')} after it ${rest === 1 ? 'was' : 'were'} not imported: fix or remove the refused file and run the command again.`,
    )
  return parts.join(' ')
}

/** What importing a reviewed Word document did, for people (factdesk import reviewed.docx). */
export function wordLines(w: WordImportResult): string[] {
  const lines = [
    `  from Word: ${plural(w.repliesAdded, 'reply', 'replies')} added, ${plural(w.claimsAdded, 'claim')} added, ` +
      `${plural(w.correctionsProposed, 'correction')} proposed, ${w.resolved} resolved, ${w.notFound} not found`,
  ]
  const pending = w.resolvedClaims.filter((r) => !r.accepted)
  const accepted = w.resolvedClaims.filter((r) => r.accepted)
  if (accepted.length > 0) {
    lines.push(`  marked checked (resolved in Word, --accept-resolved):`)
    for (const r of accepted) lines.push(`    ${quote(r.exact)}`)
  }
  if (pending.length > 0) {
    lines.push(
      `  resolved in Word, status unchanged (import again with --accept-resolved, or mark them checked in Factdesk):`,
    )
    for (const r of pending) lines.push(`    ${quote(r.exact)}`)
  }
  if (w.notFoundComments.length > 0) {
    lines.push(`  comments not found in the essay (left out, not attached to other words):`)
    for (const n of w.notFoundComments)
      lines.push(`    ${n.author}: ${quote(n.comment, 60)}${n.quote ? ` on ${quote(n.quote, 40)}` : ''}`)
  }
  if (w.textDiffers.length > 0) {
    lines.push(`  the document's text differs here (changed without tracking; the essay is unchanged):`)
    for (const d of w.textDiffers) lines.push(`    essay ${quote(d.essay, 60)} / document ${quote(d.document, 60)}`)
  }
  return lines
}
