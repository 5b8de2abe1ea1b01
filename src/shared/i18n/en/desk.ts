/** Smaller parts of the desk: import progress, read-only state, invisible characters, the first-run name. */
export const desk = {
  importProgress: {
    cancel: 'Cancel import',
    hint: 'Stop this import: nothing of it is kept, the review stays as it was.',
  },
  invisible:
    'Contains characters that change how the text reads without being seen (direction or zero-width). As stored: ',
  readOnly: {
    label: 'Read-only',
    detail: (h: { pid: number; host?: string | null }) =>
      `This review is open for editing in another Factdesk window (process ${h.pid}${h.host ? ` on ${h.host}` : ''}). You can read, search and export it here; close it there to edit here — this window takes over by itself.`,
  },
  /** Said in the first-run name field when the system gives no login name, so the field is never blank. */
  fallbackName: 'Reviewer',
}
