export const undo = {
  sourceRemoved: 'Source removed.',
  replyRemoved: 'Reply deleted.',
  tagRemoved: 'Tag removed.',
  suggestionDismissed: 'Suggestion dismissed: it will not be suggested again.',
  importDone: 'Import finished.',
  importUndone: 'Import undone: the review is as it was before it.',
  undoImport: 'Undo import',
  undoImportHint: 'Puts the review back exactly as it was before this import. Possible until the review changes again.',
}
