/**
 * Edits a Word document the way Word writes them, by rewriting its XML parts: a comment on some words
 * (commentRangeStart/End and a reference run), a reply (its own range beside its parent's, threaded in
 * commentsExtended by w15:paraIdParent), a thread marked done (w15:done="1"), a tracked replacement
 * (w:del with w:delText, then w:ins) and a change typed without tracking.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const run = (rPr: string, text: string): string =>
  text === '' ? '' : `<w:r>${rPr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`

export class WordDoc {
  parts: Record<string, string>
  private nextId = 500
  private nextPara = 0x7000

  constructor(bytes: Uint8Array) {
    this.parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]))
  }

  get document(): string {
    return this.parts['word/document.xml']
  }

  set document(xml: string) {
    this.parts['word/document.xml'] = xml
  }

  bytes(): Uint8Array {
    return zipSync(Object.fromEntries(Object.entries(this.parts).map(([k, v]) => [k, strToU8(v)])))
  }

  /** Splits the run holding `needle` so it is a run of its own, and puts `wrap(thatRun)` in its place. */
  aroundText(needle: string, wrap: (run: string) => string): void {
    const re = /<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g
    let done = false
    this.document = this.document.replace(re, (whole, rPr: string | undefined, text: string) => {
      const at = text.indexOf(esc(needle))
      if (done || at < 0) return whole
      done = true
      const p = rPr ?? ''
      const raw = (s: string) =>
        s
          .replace(/&apos;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&')
      return run(p, raw(text.slice(0, at))) + wrap(run(p, needle)) + run(p, raw(text.slice(at + esc(needle).length)))
    })
    if (!done) throw new Error(`"${needle}" is not inside one run`)
  }

  /** The comment whose initials are `initials`: its id and its last paragraph's id. */
  commentByInitials(initials: string): { id: string; paraId: string } {
    const m = new RegExp(
      `<w:comment w:id="(\\d+)" w:initials="${initials}"[^>]*>((?:(?!</w:comment>).)*)</w:comment>`,
    ).exec(this.parts['word/comments.xml'])
    if (!m) throw new Error(`no comment ${initials}`)
    const paras = [...m[2].matchAll(/w14:paraId="([0-9A-F]+)"/g)]
    return { id: m[1], paraId: paras[paras.length - 1][1] }
  }

  private addComment(author: string, date: string, text: string, initials = ''): { id: string; paraId: string } {
    const id = String(this.nextId++)
    const paraId = (this.nextPara++).toString(16).toUpperCase().padStart(8, '0')
    const xml = `<w:comment w:id="${id}" w:author="${esc(author)}" w:date="${date}" w:initials="${initials}"><w:p w14:paraId="${paraId}" w14:textId="77777777"><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p></w:comment>`
    this.parts['word/comments.xml'] = this.parts['word/comments.xml'].replace('</w:comments>', `${xml}</w:comments>`)
    return { id, paraId }
  }

  /** Word adds the part (with its content type and relationship) with the first reply or Resolve. */
  private ensureExtended(): void {
    if (this.parts['word/commentsExtended.xml'] !== undefined) return
    this.parts['word/commentsExtended.xml'] =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"></w15:commentsEx>'
    this.parts['[Content_Types].xml'] = this.parts['[Content_Types].xml'].replace(
      '</Types>',
      '<Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml" PartName="/word/commentsExtended.xml"/></Types>',
    )
    this.parts['word/_rels/document.xml.rels'] = this.parts['word/_rels/document.xml.rels'].replace(
      '</Relationships>',
      '<Relationship Id="rIdFdEx" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/></Relationships>',
    )
  }

  private commentEx(paraId: string, attrs: string): void {
    this.ensureExtended()
    this.parts['word/commentsExtended.xml'] = this.parts['word/commentsExtended.xml'].replace(
      '</w15:commentsEx>',
      `<w15:commentEx w15:paraId="${paraId}"${attrs}/></w15:commentsEx>`,
    )
  }

  /** A new comment on `needle`, as Insert > Comment on a selection. */
  comment(needle: string, author: string, date: string, text: string): void {
    const c = this.addComment(author, date, text)
    this.aroundText(
      needle,
      (r) =>
        `<w:commentRangeStart w:id="${c.id}"/>${r}<w:commentRangeEnd w:id="${c.id}"/><w:r><w:commentReference w:id="${c.id}"/></w:r>`,
    )
    this.commentEx(c.paraId, ' w15:done="0"')
  }

  /** A reply in the thread of the comment with `parentInitials`: Word anchors it on the parent's range. */
  reply(parentInitials: string, author: string, date: string, text: string): void {
    const parent = this.commentByInitials(parentInitials)
    const c = this.addComment(author, date, text)
    this.document = this.document
      .replace(
        `<w:commentRangeStart w:id="${parent.id}"/>`,
        `<w:commentRangeStart w:id="${parent.id}"/><w:commentRangeStart w:id="${c.id}"/>`,
      )
      .replace(
        `<w:r><w:commentReference w:id="${parent.id}"/></w:r>`,
        `<w:r><w:commentReference w:id="${parent.id}"/></w:r><w:commentRangeEnd w:id="${c.id}"/><w:r><w:commentReference w:id="${c.id}"/></w:r>`,
      )
    this.commentEx(c.paraId, ` w15:paraIdParent="${parent.paraId}" w15:done="0"`)
  }

  /** Resolve (Word's "Resolve thread"): the thread's first comment done. */
  resolve(initials: string): void {
    const { paraId } = this.commentByInitials(initials)
    this.ensureExtended()
    const ext = this.parts['word/commentsExtended.xml']
    const re = new RegExp(`<w15:commentEx w15:paraId="${paraId}"([^/]*)/>`)
    this.parts['word/commentsExtended.xml'] = re.test(ext)
      ? ext.replace(
          re,
          (_w, attrs: string) =>
            `<w15:commentEx w15:paraId="${paraId}"${attrs.replace(/ w15:done="[01]"/, '')} w15:done="1"/>`,
        )
      : ext.replace('</w15:commentsEx>', `<w15:commentEx w15:paraId="${paraId}" w15:done="1"/></w15:commentsEx>`)
  }

  /** A tracked replacement of `needle` by `replacement` (Track Changes on, select, type). */
  trackedReplace(needle: string, replacement: string, author: string, date: string): void {
    const id = this.nextId++
    this.aroundText(
      needle,
      (r) =>
        `<w:del w:id="${id}" w:author="${esc(author)}" w:date="${date}">${r.replace('<w:t xml:space="preserve">', '<w:delText xml:space="preserve">').replace('</w:t>', '</w:delText>')}</w:del>` +
        `<w:ins w:id="${id + 1}" w:author="${esc(author)}" w:date="${date}">${run('', replacement)}</w:ins>`,
    )
    this.nextId++
  }

  /** Typed over without Track Changes: the text simply reads otherwise. */
  untrackedReplace(needle: string, replacement: string): void {
    this.aroundText(needle, () => run('', replacement))
  }
}
