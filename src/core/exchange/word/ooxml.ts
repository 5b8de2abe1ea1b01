import { findAll, first, parseXml, plainText, type XmlNode } from './xml'

/**
 * The parts of a Word document the review import reads: the body's text as it stood before the
 * reviewer's tracked changes, where each comment's range lies in it, the tracked changes themselves,
 * the comments, their threads and done marks, and the custom properties. Offsets are in code points,
 * paragraphs joined by one line break — the essay's own text definition (src/shared/text.ts).
 */
export interface TrackedChange {
  /** The range of the text before the change (empty for a pure insertion). */
  start: number
  end: number
  deleted: string
  inserted: string
  author: string
  date: string
}

export interface WordBody {
  text: string
  /** Comment id → its range in `text`; a comment with only a reference mark gets an empty range. */
  ranges: Map<string, { start: number; end: number }>
  changes: TrackedChange[]
}

export interface WordComment {
  id: string
  author: string
  date: string
  initials: string
  body: string
  /** The w14:paraId of its last paragraph: commentsExtended refers to the comment by it. */
  paraId: string
}

export interface CommentExtras {
  parent: Map<string, string>
  done: Set<string>
}

const cpLength = (s: string): number => {
  let n = 0
  for (const _ of s) n++
  return n
}

const ATTR_ID = 'w:id'

class BodyReader {
  text = ''
  length = 0
  starts = new Map<string, number>()
  ranges = new Map<string, { start: number; end: number }>()
  changes: TrackedChange[] = []
  private open: TrackedChange | null = null
  private paragraphs = 0

  private add(s: string): void {
    this.text += s
    this.length += cpLength(s)
  }

  /** Adjacent deletions and insertions (Word writes a replacement as w:del then w:ins) are one change. */
  private change(kind: 'ins' | 'del', s: string, node: XmlNode): void {
    const author = node.attrs['w:author'] ?? ''
    const date = node.attrs['w:date'] ?? ''
    const c = this.open
    if (c && c.end === this.length && c.author === author) {
      if (kind === 'ins') c.inserted += s
      else {
        c.deleted += s
        c.end += cpLength(s)
      }
    } else {
      const start = this.length
      this.open = {
        start,
        end: start + (kind === 'del' ? cpLength(s) : 0),
        deleted: kind === 'del' ? s : '',
        inserted: kind === 'ins' ? s : '',
        author,
        date,
      }
      this.changes.push(this.open)
    }
    if (kind === 'del') this.add(s)
  }

  walk(nodes: XmlNode[], mode: 'plain' | 'ins' | 'del', owner: XmlNode | null): void {
    for (const n of nodes) {
      switch (n.name) {
        case '#text':
        case 'w:pPr':
        case 'w:rPr':
        case 'w:sectPr':
        case 'w:instrText':
          break
        case 'w:p':
          // Paragraphs are joined by one line break (src/shared/text.ts), also across tables.
          if (this.paragraphs++ > 0) {
            this.open = null
            this.add('\n')
          }
          this.walk(n.children, mode, owner)
          break
        case 'w:ins':
        case 'w:moveTo':
          this.walk(n.children, 'ins', n)
          break
        case 'w:del':
        case 'w:moveFrom':
          this.walk(n.children, 'del', n)
          break
        case 'w:t':
        case 'w:delText':
        case 'w:tab':
        case 'w:br':
        case 'w:cr': {
          const s =
            n.name === 'w:tab'
              ? '\t'
              : n.name === 'w:br' || n.name === 'w:cr'
                ? '\n'
                : n.children.map((t) => t.text).join('')
          if (mode === 'plain') {
            this.open = null
            this.add(s)
          } else if (s !== '') this.change(mode, s, owner!)
          break
        }
        case 'w:commentRangeStart':
          this.starts.set(n.attrs[ATTR_ID] ?? '', this.length)
          break
        case 'w:commentRangeEnd': {
          const id = n.attrs[ATTR_ID] ?? ''
          const start = this.starts.get(id)
          if (start !== undefined) this.ranges.set(id, { start, end: this.length })
          break
        }
        case 'w:commentReference': {
          const id = n.attrs[ATTR_ID] ?? ''
          if (!this.ranges.has(id) && !this.starts.has(id))
            this.ranges.set(id, { start: this.length, end: this.length })
          break
        }
        default:
          this.walk(n.children, mode, owner)
      }
    }
  }
}

export function readBody(file: string, xml: string): WordBody {
  const tree = parseXml(file, 'word/document.xml', xml)
  const body = first(tree, 'w:body')
  const reader = new BodyReader()
  reader.walk(body ? body.children : [], 'plain', null)
  return { text: reader.text, ranges: reader.ranges, changes: reader.changes }
}

export function readComments(file: string, xml: string | undefined): WordComment[] {
  if (xml === undefined) return []
  return findAll(parseXml(file, 'word/comments.xml', xml), 'w:comment').map((c) => {
    const paragraphs = findAll(c.children, 'w:p')
    const last = paragraphs[paragraphs.length - 1]
    return {
      id: c.attrs[ATTR_ID] ?? '',
      author: (c.attrs['w:author'] ?? '').trim(),
      date: c.attrs['w:date'] ?? '',
      initials: c.attrs['w:initials'] ?? '',
      body: paragraphs.map(plainText).join('\n').trim(),
      paraId: (last?.attrs['w14:paraId'] ?? '').toUpperCase(),
    }
  })
}

/** Threads (w15:paraIdParent) and done marks (w15:done="1"), by paragraph id. */
export function readCommentsExtended(file: string, xml: string | undefined): CommentExtras {
  const parent = new Map<string, string>()
  const done = new Set<string>()
  if (xml === undefined) return { parent, done }
  for (const e of findAll(parseXml(file, 'word/commentsExtended.xml', xml), 'w15:commentEx')) {
    const id = (e.attrs['w15:paraId'] ?? '').toUpperCase()
    const p = e.attrs['w15:paraIdParent']
    if (p) parent.set(id, p.toUpperCase())
    if (e.attrs['w15:done'] === '1' || e.attrs['w15:done'] === 'true') done.add(id)
  }
  return { parent, done }
}

/** docProps/custom.xml: property name → its text value. */
export function readCustomProperties(file: string, xml: string | undefined): Map<string, string> {
  const out = new Map<string, string>()
  if (xml === undefined) return out
  for (const p of findAll(parseXml(file, 'docProps/custom.xml', xml), 'property')) {
    out.set(p.attrs.name ?? '', plainValue(p.children))
  }
  return out
}

function plainValue(nodes: XmlNode[]): string {
  return nodes.map((n) => (n.name === '#text' ? n.text : plainValue(n.children))).join('')
}
