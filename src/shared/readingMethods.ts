/**
 * Calls that only read the review (or touch nothing but the reviewer's own preferences): all that a
 * window may make while another window has the review open for writing. Apart from the contract
 * (which checks that each is one of its methods, and gives the set typed), so that the page's bridge,
 * which needs only this list, does not build every argument schema of the contract as the page opens.
 */
export const readingMethodNames = [
  'review-info',
  'document-get',
  'document-desk',
  'claims-list',
  'claims-desk',
  'claims-search',
  'tags-list',
  'claim-history',
  'notices-list',
  'review-export',
  'settings-get',
  'conflicts-list',
  'imports-list',
  'import-cancel',
  'import-prepare',
  'edits-saved',
  'prefs-get',
  'login-name',
  'prefs-set',
  'suggestions-list',
  'scale-get',
  'scales-builtin',
  'sync-status',
  'sync-focus',
] as const

export const readingMethods: ReadonlySet<string> = new Set(readingMethodNames)
