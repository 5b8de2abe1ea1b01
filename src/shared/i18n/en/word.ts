export const word = {
  exportForReview: 'Word for review (.docx)…',
  forReview: 'For review in Word: every claim, comments that come back when the reviewed file is imported',
  fromWord: 'From Word',
  repliesAdded: 'Replies added',
  claimsAdded: 'Claims added',
  correctionsProposed: 'Corrections proposed',
  resolved: 'Resolved in Word',
  notFound: 'Not found',
  notOwnExport:
    'This document is not a for-review export of this review: its comments came in as new claims where their words are in the essay.',
  resolvedExplained:
    'These comments were marked done (resolved) in Word. Their claims stay as they are until you confirm:',
  resolvedAccepted: 'Marked checked (resolved in Word):',
  markChecked: (n: number) => (n === 1 ? 'Mark 1 claim checked' : `Mark ${n} claims checked`),
  markedChecked: (n: number) => (n === 1 ? '1 claim marked checked.' : `${n} claims marked checked.`),
  resolvedBy: (author: string) => `comment by ${author}`,
  notFoundExplained: 'Comments not found in this essay (left out, never attached to other words):',
  reasons: {
    'marker-gone': 'its claim was not found by its words',
    'text-not-found': 'its words are not in the essay',
    'no-range': 'it points at no text',
  },
  textDiffersExplained: 'The document’s text differs here (typed without tracking changes; the essay is unchanged):',
  essay: 'Essay',
  document: 'Document',
  proposedNote: 'Tracked changes are proposed corrections on their claims: apply them on the card.',
}
