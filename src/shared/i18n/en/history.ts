/**
 * A claim's history entries as sentences (src/shared/historyText.ts gathers the parameters). `who` is
 * the reviewer's name ('' when the change was unsigned); quotes are shortened already.
 */
type Who = { who: string }
const who = (name: string): string => name || 'Someone'
const q = (s: string): string => `“${s}”`
const source = (verb: string) => (p: Who & { label: string }) =>
  `${who(p.who)} ${verb} the source${p.label ? ` ${q(p.label)}` : ''}.`

export const history = {
  claimCreated: (p: Who) => `${who(p.who)} marked the claim.`,
  verdictChanged: (p: Who & { from: string; to: string }) =>
    `${who(p.who)} changed the verdict from ${p.from} to ${p.to}.`,
  statusChanged: (p: Who & { from: string; to: string; textChanged: boolean }) =>
    `${who(p.who)} changed the status from ${p.from} to ${p.to}${p.textChanged ? ' (text changed since rated)' : ''}.`,
  noteEdited: (p: Who) => `${who(p.who)} edited the note.`,
  claimRemoved: (p: Who) => `${who(p.who)} removed the claim.`,
  claimRestored: (p: Who) => `${who(p.who)} restored the claim.`,
  claimAttached: (p: Who & { exact: string }) => `${who(p.who)} attached the claim to ${q(p.exact)} in the essay.`,
  sourceAdded: source('added'),
  sourceEdited: source('edited'),
  sourceRemoved: source('removed'),
  sourceRestored: source('restored'),
  correctionProposed: (p: Who & { replacement: string }) =>
    `${who(p.who)} proposed a correction${p.replacement ? `: ${q(p.replacement)}` : '.'}`,
  correctionApplied: (p: Who) => `${who(p.who)} applied a correction.`,
  correctionReverted: (p: Who) => `${who(p.who)} reverted a correction.`,
  correctionRemoved: (p: Who) => `${who(p.who)} withdrew a correction.`,
  replyAdded: (p: Who & { excerpt: string }) => `${who(p.who)} replied${p.excerpt ? `: ${q(p.excerpt)}` : '.'}`,
  replyEdited: (p: Who) => `${who(p.who)} edited a reply.`,
  replyRemoved: (p: Who) => `${who(p.who)} deleted a reply.`,
  replyRestored: (p: Who) => `${who(p.who)} restored a deleted reply.`,
  tagAdded: (p: Who & { name: string }) => `${who(p.who)} added the tag ${q(p.name)}.`,
  tagRemoved: (p: Who & { name: string }) => `${who(p.who)} removed the tag ${q(p.name)}.`,
  merged: (p: Who & { file: string; change: string }) =>
    `${who(p.who)} merged changes from the file ${p.file}${p.change ? ` (${p.change})` : ''}.`,
  conflictResolved: (p: Who & { file: string; choice: string; source: boolean; chosen: string }) => {
    const parts = [p.file && `with ${p.file}`, p.choice].filter(Boolean)
    return `${who(p.who)} resolved ${p.source ? 'a conflict over a source' : 'a conflict'}${parts.length ? ` ${parts.join(', ')}` : ''}${p.chosen ? `: ${p.chosen}` : ''}.`
  },
  textChangedByImport: (p: Who & { file: string; before: string; after: string }) =>
    `${who(p.who)} imported ${p.file}: the claim now marks ${q(p.after)} instead of ${q(p.before)}.`,
  textChangedByCorrection: (p: Who & { before: string; after: string }) =>
    `${who(p.who)} changed the claim’s words from ${q(p.before)} to ${q(p.after)} by a correction.`,
  textDeleted: (p: Who & { before: string }) =>
    `${who(p.who)} deleted the claim’s words ${q(p.before)} from the essay.`,
  textEdited: (p: Who & { before: string; after: string }) =>
    `${who(p.who)} edited the essay: the claim’s words changed from ${q(p.before)} to ${q(p.after)}.`,
  verdictConfirmed: (p: Who & { verdict: string }) =>
    `${who(p.who)} confirmed the verdict ${p.verdict} for the changed words.`,
  claimAssigned: (p: Who & { to: string }) => `${who(p.who)} asked ${p.to} to check this claim.`,
  claimUnassigned: (p: Who) => `${who(p.who)} took the assignment away.`,
  signedOff: (p: Who & { verdict: string }) => `${who(p.who)} signed off the verdict ${q(p.verdict)}.`,
  signOffWithdrawn: (p: Who) => `${who(p.who)} withdrew the sign-off.`,
  unknownKind: (p: Who & { kind: string }) => `${who(p.who)} made a change (${p.kind}).`,
  mergeChange: {
    added: 'claim added',
    updated: 'claim updated',
    removed: 'claim removed',
    conflict: 'a conflict to resolve',
    thread: 'sources, replies, tags or corrections',
  } as Record<string, string>,
  resolveChoice: {
    mine: 'keeping this review’s version',
    theirs: 'taking the imported version',
    mixed: 'choosing field by field',
  } as Record<string, string>,
  /** A resolved conflict's fields: "verdict: imported (False); note: this review's (“…”)". */
  conflictFields: {
    verdict: 'verdict',
    status: 'status',
    note: 'note',
    deleted: 'removed or kept',
    url: 'URL',
    title: 'title',
    publisher: 'publisher',
    published: 'published',
    accessed: 'accessed',
    excerpt: 'excerpt',
    archiveUrl: 'archive URL',
  },
  sides: { mine: 'this review’s', theirs: 'imported' },
  removedOrKept: { removed: 'removed', kept: 'kept' },
  quoted: (s: string) => q(s),
  chosenField: (p: { field: string; side: string; value: string }) => `${p.field}: ${p.side} (${p.value})`,
  chosenSeparator: '; ',
}
