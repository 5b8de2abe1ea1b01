/** What an import summary notes about the file, by code with parameters (src/shared/exchange.ts ImportNote). */
const s = (n: number, one: string, many: string): string => (n === 1 ? `1 ${one}` : `${n.toLocaleString('en')} ${many}`)
const q = (list: string[]): string => list.map((l) => `“${l}”`).join(', ')

export const importNotes = {
  'word-checked': (p: { file: string; count: number }) =>
    `${p.file}: a Word document with ${s(p.count, 'comment', 'comments')}; they are read against the review it is imported into.`,
  'word-not-own-export': (p: { file: string }) =>
    `${p.file}: this document is not a for-review export of this review: its comments come in as new claims where their words are found in the essay.`,
  'word-comment-no-range': (p: { file: string; author: string }) =>
    `${p.file}: a comment by ${p.author} points at no text in the document; it was left out.`,
  'word-comment-not-found': (p: { file: string; author: string; quote: string }) =>
    `${p.file}: a comment by ${p.author}${p.quote ? ` on “${p.quote}”` : ''} was not found in this essay; it was left out, not attached to other words.`,
  'word-change-not-found': (p: { file: string; author: string; deleted: string; inserted: string }) =>
    `${p.file}: a tracked change by ${p.author || 'someone'} (“${p.deleted}” → “${p.inserted}”) is in text this essay does not have; it was left out.`,
  'word-change-deletes-claim': (p: { file: string; exact: string }) =>
    `${p.file}: tracked changes delete all of “${p.exact}”; a correction needs new words, so none was proposed.`,
  'sync-records-invalid': (p: { count: number }) =>
    `${s(p.count, 'record was', 'records were')} not valid and left out.`,
  'similar-search-skipped': (p: { count: number }) =>
    `${s(p.count, 'quote was', 'quotes were')} not searched for as similar words: the file asks for more approximate searching than one import does. ${p.count === 1 ? 'It is' : 'They are'} listed as not found in this essay and can be attached by hand.`,
  'corrections-not-in-essay': (p: { count: number; quotes: string[] }) =>
    `${s(p.count, 'correction was', 'corrections were')} applied in the file but this essay does not read the corrected words (${q(p.quotes)}): check the essay before republishing; the corrections section lists applied corrections.`,
  'scale-adopted': (p: { scale: string }) =>
    `This review now rates on the file's verdict scale, “${p.scale}” (it had no rated claims).`,
  'scale-kept': (p: { theirs: string; ours: string }) =>
    `The file rates on the verdict scale “${p.theirs}”; this review keeps its own, “${p.ours}”, because it has rated claims.`,
  'verdicts-not-on-scale': (p: { count: number; scale: string; labels: string[] }) =>
    `${s(p.count, 'claim has a verdict', 'claims have verdicts')} this review's scale (${p.scale}) does not have (${q(p.labels)}); ${p.count === 1 ? 'it was' : 'they were'} imported as not yet rated, with the original verdict kept in the note.`,
  'hypothesis-more-results': (p: { total: number; held: number }) =>
    `The Hypothesis search found ${p.total} annotations; this file holds ${p.held} of them (ask the API for the next page with search_after or offset).`,
  'annotations-other-page': (p: { count: number; page: string }) =>
    `${s(p.count, 'annotation was', 'annotations were')} made on ${p.page}; ${p.count === 1 ? 'it was' : 'they were'} anchored on the open essay by ${p.count === 1 ? 'its' : 'their'} selectors.`,
  'annotations-more-pages': (p: { pages: number }) =>
    `Annotations made on ${p.pages} more pages were anchored on the open essay the same way.`,
  'annotations-no-selector': (p: { count: number }) =>
    `${s(p.count, 'annotation was', 'annotations were')} skipped: ${p.count === 1 ? 'it does' : 'they do'} not select text with a TextQuoteSelector or TextPositionSelector.`,
  'annotations-outside': (p: { count: number }) =>
    `${s(p.count, 'annotation was', 'annotations were')} skipped: ${p.count === 1 ? 'it has no quote and its position lies' : 'they have no quote and their positions lie'} outside this essay.`,
  'replies-orphaned': (p: { count: number }) =>
    `${s(p.count, 'reply was', 'replies were')} skipped: ${p.count === 1 ? 'it answers an annotation' : 'they answer annotations'} not in this file.`,
  'ratings-unknown': (p: { count: number; labels: string[] }) =>
    `${s(p.count, 'annotation has a rating', 'annotations have ratings')} Factdesk does not know (${q(p.labels)}); imported as not yet rated, with the original rating kept in the note.`,
  'links-refused': (p: { count: number; links: string[] }) =>
    `${s(p.count, 'link was', 'links were')} not imported: only http:// and https:// addresses are kept (refused: ${p.links.join(', ')}).`,
}
