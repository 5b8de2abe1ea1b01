/**
 * What the review service refuses or fails at, by code: each text takes its code's parameters
 * (src/shared/errors.ts). The English text is also the error's `message` for logs and the command line.
 */
type File = { file: string }
type Holder = { pid: number; host: string }
const where = (h: Holder): string => `process ${h.pid}${h.host ? ` on ${h.host}` : ''}`
const unchanged = 'Nothing was imported; the review is unchanged.'

export const errors = {
  // The call itself
  'unknown-method': (p: { method: string }) => `Unknown method ${p.method}.`,
  'invalid-args': (p: { fields: string }) => `The input was refused${p.fields ? ` (${p.fields})` : ''}.`,
  'broken-character': (p: { field: string }) =>
    `${p.field}: the text contains a broken character; type or paste it again.`,
  internal: (p: { detail: string }) => `Something went wrong: ${p.detail}`,
  'request-not-allowed': () => 'This page may not use the review.',
  'service-unreachable': () => 'The harness is not running.',
  'service-bad-answer': (p: { status: number }) => `The harness answered ${p.status} without a result.`,
  'request-too-large': (p: { limitMb: number }) => `The request is larger than ${p.limitMb} MB.`,
  // Who may write
  'read-only': (p: Holder) =>
    `This review is open for editing in another Factdesk window (${where(p)}); here it is read-only. Close it there to edit it here.`,
  'review-open-elsewhere': (p: File & Holder) =>
    `${p.file} is open in another Factdesk window (${where(p)}). Choose another file, or close it there first.`,
  'review-is-open': () => 'Choose another file name: that review is open.',
  'reply-not-yours': (p: { action: 'edit' | 'delete' | 'restore'; owner: string; you: string }) =>
    `You can only ${p.action} your own replies: this is ${p.owner ? `${p.owner}’s` : 'someone else’s'} reply, and ${p.you ? `you are “${p.you}”` : 'no reviewer name is set in Preferences'}.`,
  // Opening a review file
  'file-not-found': (p: File) => `${p.file} does not exist.`,
  'file-unreadable': (p: File) => `${p.file} could not be read.`,
  'review-file-empty': (p: File) => `${p.file} is empty or missing; it is not a Factdesk review file.`,
  'review-file-link-broken': (p: File) =>
    `${p.file} is a link to a file that does not exist. Open the review file itself.`,
  'review-file-folder': (p: File) => `${p.file} is a folder, not a review file. Choose a .factdesk file.`,
  'review-file-not-a-file': (p: File) => `${p.file} is not a file. Choose a .factdesk file.`,
  'review-file-read-only': (p: File) =>
    `${p.file} is read-only, and Factdesk saves every change into the review file. Make it writable, or copy it and open the copy. Nothing was changed.`,
  'review-file-older-app': (p: File) =>
    `${p.file} is open in another window of an older Factdesk, which must close it before this one can read it.`,
  'not-a-review-file': (p: File) =>
    `${p.file} is not a Factdesk review file (it is not a SQLite database). Choose a .factdesk file.`,
  'database-not-review': (p: File) =>
    `${p.file} is a SQLite database, but not a Factdesk review file. Nothing was changed.`,
  'review-file-newer': (p: File & { version: number; supported: number }) =>
    `${p.file} was saved by a newer version of Factdesk (review format ${p.version}; this version reads up to ${p.supported}). Update Factdesk to open it. Nothing was changed.`,
  'review-file-unopenable': (p: File & { detail: string }) => `${p.file} could not be opened (${p.detail}).`,
  'review-file-damaged': (p: File) =>
    `${p.file} is damaged and cannot be read. Nothing was changed; open a backup copy.`,
  'review-file-untrusted': (p: File & { kind: string; name: string }) =>
    `${p.file} is not a review file Factdesk can trust: its ${p.kind} “${p.name}” is not one Factdesk makes or has been changed. It was not opened, and nothing was changed.`,
  'review-file-no-essay': (p: File) => `${p.file} holds no essay to review.`,
  // Essays
  'essay-wrong-type': (p: File) => `${p.file}: open an essay saved as .md or .txt.`,
  'essay-too-large': (p: File & { limitMb: number }) =>
    `${p.file} is larger than ${p.limitMb} MB; an essay that long cannot be opened.`,
  'essay-not-utf8': (p: File) => `${p.file} is not UTF-8 text. Save it as UTF-8 and open it again.`,
  'essay-empty': (p: File) => `${p.file} has no text to review.`,
  'essay-blocks-disagree': () => 'The essay’s blocks and its text disagree; reopen the review and try again.',
  // Claims, sources, replies, tags, corrections
  'claim-not-found': (p: { id: string }) => `No claim ${p.id} in this review.`,
  'source-not-found': (p: { id: string }) => `No source ${p.id} in this review.`,
  'reply-not-found': (p: { id: string }) => `No reply ${p.id} in this review.`,
  'correction-not-found': () => 'That correction no longer exists in this review.',
  'conflict-not-found': () => 'That conflict was already resolved or no longer exists.',
  'source-not-removed': (p: { id: string }) => `No removed source ${p.id} to restore.`,
  'reply-not-removed': (p: { id: string }) => `No deleted reply ${p.id} to restore.`,
  'suggestion-not-dismissed': () => 'That suggestion was not dismissed.',
  'claim-exists': (p: { id: string }) => `A claim with id ${p.id} already exists.`,
  'claim-two-positions': () => 'A claim was given two positions.',
  'essay-saved-since': () =>
    'The essay was saved from elsewhere since this change was made; it is saved whole instead. Nothing was changed.',
  'claim-outside-essay': (p: { id: string; start: number; end: number }) =>
    `The position ${p.start}–${p.end} of claim ${p.id} is outside the essay.`,
  'selection-beyond-essay': (p: { start: number; end: number; length: number }) =>
    `The position ${p.start}–${p.end} is beyond the end of the essay (${p.length}); select the text again.`,
  'selection-mismatch': () => 'The selected text does not match the essay at that position; select it again.',
  'verdict-not-on-scale': (p: { verdict: string; scale: string; choices: string }) =>
    `“${p.verdict}” is not a verdict of this review's scale (${p.scale}); choose one of ${p.choices}.`,
  'reply-empty': () => 'A reply needs some text.',
  'tag-empty': () => 'A tag needs at least one letter.',
  'tag-control-characters': () => 'A tag cannot hold control characters.',
  'tag-too-long': (p: { max: number }) => `A tag can be at most ${p.max} characters long.`,
  'tag-not-on-claim': (p: { name: string }) => `The claim has no tag “${p.name}”.`,
  'tag-unused': (p: { name: string }) => `No claim carries the tag “${p.name}”.`,
  'correction-unchanged': () => 'The correction repeats the text as it is.',
  'correction-applied-locked': () => 'An applied correction cannot be changed; undo it in the essay first.',
  'correction-applied-kept': () => 'An applied correction is part of the record; undo it in the essay first.',
  'correction-already-applied': () => 'That correction is applied already.',
  'correction-not-in-essay': () => 'The essay does not read the corrected wording at the claim; nothing was saved.',
  'scale-level-count': (p: { min: number; max: number; found: number }) =>
    `A scale has ${p.min} to ${p.max} levels on the scale (this one has ${p.found}).`,
  'scale-off-too-many': (p: { max: number }) => `At most ${p.max} level can be off the scale (like “undecidable”).`,
  'scale-positions': (p: { count: number }) =>
    `The positions on the scale must be 1 to ${p.count}, each once (most true first).`,
  'scale-duplicate': (p: { field: 'id' | 'ko' | 'en'; value: string }) =>
    `Two levels have the same ${{ id: 'id', ko: 'Korean label', en: 'English label' }[p.field]} (“${p.value}”).`,
  // Imports
  'import-unknown-format': (p: File) =>
    `${p.file}: this file is none of the formats Factdesk reads: its review files (.factdesk), review bundles (.factdesk.json), W3C Web Annotations (JSON-LD, e.g. from Recogito), Hypothesis API JSON (search results or one annotation) and reviewed Word documents (.docx). ${unchanged}`,
  'import-newer-format': (p: File & { format: string }) =>
    `${p.file}: "${p.format}" is not a format this version of Factdesk knows. Update Factdesk to import it.`,
  'import-newer-bundle': (p: File & { version: number; supported: number }) =>
    `${p.file}: the bundle is format version ${p.version}, made by a newer Factdesk (this one reads version ${p.supported}). Update Factdesk to import it.`,
  'import-too-large': (p: File & { limitMb: number }) =>
    `${p.file}: the file is larger than ${p.limitMb} MB, the most Factdesk imports. ${unchanged}`,
  'import-not-utf8': (p: File) => `${p.file}: the file is not valid UTF-8 text. ${unchanged}`,
  'import-not-json': (p: File) => `${p.file}: the file is not JSON. ${unchanged}`,
  'import-too-deep': (p: File & { limit: number }) =>
    `${p.file}: the data is nested more than ${p.limit} levels deep. ${unchanged}`,
  'import-forbidden-key': (p: File & { key: string }) =>
    `${p.file}: the data contains the key "${p.key}", which Factdesk never writes. ${unchanged}`,
  'import-broken-character': (p: File) =>
    `${p.file}: the data contains a broken character (a lone UTF-16 surrogate escape). ${unchanged}`,
  'import-too-many': (
    p: File & { what: 'versions' | 'sources' | 'events' | 'annotations'; limit: number; found: number },
  ) =>
    `${p.file}: the file carries ${p.found.toLocaleString('en')} ${{ versions: 'versions in all', sources: 'sources', events: 'history entries', annotations: 'annotations' }[p.what]}, more than the ${p.limit.toLocaleString('en')} Factdesk imports from one file. ${unchanged}`,
  'import-link-not-web': (p: File) =>
    `${p.file}: a source link is not a web address (only http:// and https:// addresses are allowed). ${unchanged}`,
  'import-text-mismatch': (p: File) =>
    `${p.file}: the essay’s text in the file does not match its paragraphs or its checksum. ${unchanged}`,
  'import-invalid-bundle': (p: File & { detail: string }) =>
    `${p.file}: this is not a valid review bundle (${p.detail}). ${unchanged}`,
  'import-invalid-annotations': (p: File & { detail: string }) =>
    `${p.file}: these are not valid W3C annotations (${p.detail}). ${unchanged}`,
  'import-pages-linked': (p: File) =>
    `${p.file}: a page of the annotations is only linked by its address, and Factdesk does not fetch pages from the web; export the collection with its pages embedded. ${unchanged}`,
  'import-nothing-selected': (p: File) =>
    `${p.file}: none of its annotations selects text in the essay with a TextQuoteSelector or TextPositionSelector. ${unchanged}`,
  'import-cancelled': (p: File) => `${p.file}: the import was cancelled. ${unchanged}`,
  'import-stopped': (p: { detail: string }) => `The import stopped: ${p.detail}`,
  'new-review-needs-essay': (p: File) =>
    `${p.file}: a new review starts from the essay in a Factdesk review file or bundle, and this is neither (W3C annotations carry no essay).`,
  // Reviewed Word documents (.docx)
  'word-not-docx': (p: File) =>
    `${p.file}: this is not a Word document (.docx): it is not a ZIP archive, or the archive is damaged. ${unchanged}`,
  'word-zip64': (p: File) =>
    `${p.file}: the archive is in the ZIP64 form, larger than any Word file Factdesk reads. ${unchanged}`,
  'word-too-many-entries': (p: File & { count: number; limit: number }) =>
    `${p.file}: the archive has ${p.count} entries; a Word file Factdesk reads has at most ${p.limit}. ${unchanged}`,
  'word-too-large-unpacked': (p: File & { limitMb: number }) =>
    `${p.file}: the archive would unpack to more than ${p.limitMb} MB, the most Factdesk unpacks from a Word file. ${unchanged}`,
  'word-part-compression': (p: File & { part: string }) =>
    `${p.file}: the part ${p.part} is compressed in a way Word does not use. ${unchanged}`,
  'word-part-overflow': (p: File & { part: string; size: number }) =>
    `${p.file}: the part ${p.part} unpacks to more than the archive says (${p.size} bytes): the archive is damaged or built to exhaust memory. ${unchanged}`,
  'word-part-too-large': (p: File & { part: string; sizeMb: number; limitMb: number }) =>
    `${p.file}: the part ${p.part} is ${p.sizeMb} MB unpacked; Factdesk reads Word parts of at most ${p.limitMb} MB. ${unchanged}`,
  'word-part-not-utf8': (p: File & { part: string }) => `${p.file}: the part ${p.part} is not UTF-8 text. ${unchanged}`,
  'word-xml-doctype': (p: File & { part: string }) =>
    `${p.file}: the part ${p.part} declares a DOCTYPE or entities, which Word never writes and Factdesk never reads. ${unchanged}`,
  'word-xml-malformed': (p: File & { part: string; line: number; detail: string }) =>
    `${p.file}: the part ${p.part} is not well-formed XML (line ${p.line}: ${p.detail}). ${unchanged}`,
  'word-no-document': (p: File) =>
    `${p.file}: this ZIP archive is not a Word document: it has no word/document.xml. ${unchanged}`,
  'word-too-many-comments': (p: File & { count: number; limit: number }) =>
    `${p.file}: the document has ${p.count} comments; Factdesk imports at most ${p.limit}. ${unchanged}`,
  // Team review: sharing, the team server, the workflow
  'share-read-only': () => 'This review is open for editing in another Factdesk window; share it from there.',
  'reviewer-name-length': (p: { max: number }) => `A reviewer name has 1 to ${p.max} characters.`,
  'team-token-empty': (p: File) => `${p.file} is empty: it must hold the team token.`,
  'team-token-missing': (p: File) => `${p.file} does not exist: give a file that holds the team token.`,
  'harness-sync-failed': (p: { detail: string }) => `--sync: the team server did not take the review (${p.detail}).`,
  'sign-off-unrated': () => 'A claim is signed off on its verdict: give it a verdict first.',
  'sign-off-no-source': () => 'A claim is signed off on its evidence: add at least one source first.',
  'sign-off-text-changed': () => 'The words of this claim changed since it was rated: confirm its verdict first.',
  // Undo import
  'undo-import-nothing': () => 'There is no import to undo: the review has changed since the last one.',
  'import-not-found': (p: { id: string }) => `No import ${p.id} in this review.`,
  'undo-import-done': (p: File) => `The import of ${p.file} was already undone.`,
  'undo-import-stale': (p: File) =>
    `The import of ${p.file} can no longer be undone: the review has changed since. Nothing was changed.`,
  'undo-import-inexact': (p: File) => `The import of ${p.file} could not be undone exactly; the review is unchanged.`,
  'undo-import-tables': () =>
    'The import cannot be undone: the review file’s tables are not the ones it was made with.',
  // Republication
  'claimreview-needs-url': () =>
    'ClaimReview needs the address of the page where the fact-check is published: set it in Republication settings, then export again.',
  'pdf-no-chromium': () =>
    'PDF export needs Chromium: install it (apt-get install chromium) or export HTML and print it.',
  'pdf-failed': (p: { detail: string }) => `Chromium could not print the PDF (${p.detail}).`,
  'pdf-missing': () => 'Chromium ran but wrote no PDF; export HTML and print it instead.',
}
