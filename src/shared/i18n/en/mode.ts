export const mode = {
  editText: 'Edit text',
  editTextHint:
    'Change the essay’s words. While you edit, the keys type; Esc or Edit text again gives them back to the claims.',
  editingTheText: 'Editing the text',
  editingHint: 'Esc or Edit text: back to reviewing',
  readOnlyHint: 'Reviewing: the text is read-only. Select words to mark a claim; Edit text changes the words.',
  toggleEditMode: 'Edit the text / back to reviewing',
  saving: 'Saving…',
  saved: 'Saved',
  savedHint: 'Every change is in the review file.',
  notSaved: 'Not saved',
  retry: 'Retry',
  retryHint: 'Your changes are kept on screen and sent again automatically; Retry sends them now.',
  claimCount: (n: number, notFound: number) =>
    `${n === 1 ? '1 claim' : `${n} claims`}${notFound > 0 ? ` (${notFound} not found in the essay)` : ''}`,
  /** While the claims list is on its way: no count is shown that is not the review's. */
  claimsCounting: 'Counting the claims…',
  /** A count (the tally's, the filtered list's) not known yet. */
  countLoading: 'Counting…',
  /** A filter's choices (tags, reviewers) not known yet. */
  listLoading: 'Loading…',
  notFound: 'Not found in the essay',
  notFoundLeftOut: 'Not found in the essay (left out)',
}
