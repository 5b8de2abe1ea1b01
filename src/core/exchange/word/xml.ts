import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { FactdeskError } from '../../../shared/errors'

/**
 * XML of a Word part, read without ever resolving anything: a part with a DOCTYPE (where entities and
 * external references are declared) is refused before parsing, the parser's own entity processing is
 * off, and only the five predefined entities and character references are decoded here, by hand.
 */
export interface XmlNode {
  /** Qualified name as written (`w:p`), '#text' for text. */
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
  text: string
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
})

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

export function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : ''
    }
    return PREDEFINED[ref] ?? whole
  })
}

type Raw = Record<string, unknown>

function convert(raw: Raw[]): XmlNode[] {
  const out: XmlNode[] = []
  for (const item of raw) {
    const attrsRaw = (item[':@'] ?? {}) as Record<string, string>
    for (const key of Object.keys(item)) {
      if (key === ':@') continue
      if (key === '#text') {
        out.push({ name: '#text', attrs: {}, children: [], text: decodeXmlText(String(item[key])) })
        continue
      }
      const attrs: Record<string, string> = {}
      for (const [k, v] of Object.entries(attrsRaw)) attrs[k] = decodeXmlText(String(v))
      out.push({ name: key, attrs, children: convert(item[key] as Raw[]), text: '' })
    }
  }
  return out
}

/** Parses one part; refuses a DOCTYPE and XML that is not well formed, naming the file and the part. */
export function parseXml(file: string, part: string, xml: string): XmlNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new FactdeskError('word-xml-doctype', { file, part })
  }
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    throw new FactdeskError('word-xml-malformed', { file, part, line: valid.err.line, detail: valid.err.msg })
  }
  return convert(parser.parse(xml) as Raw[])
}

/** Every element named `name` under `nodes`, depth first, in document order. */
export function findAll(nodes: XmlNode[], name: string, out: XmlNode[] = []): XmlNode[] {
  for (const n of nodes) {
    if (n.name === name) out.push(n)
    else findAll(n.children, name, out)
  }
  return out
}

export function first(nodes: XmlNode[], name: string): XmlNode | undefined {
  return findAll(nodes, name)[0]
}

/** The text of `w:t` (and `w:delText`) runs under a node, with tabs and breaks. */
export function plainText(node: XmlNode): string {
  let s = ''
  for (const c of node.children) {
    if (c.name === '#text') continue
    if (c.name === 'w:t' || c.name === 'w:delText') s += c.children.map((t) => t.text).join('')
    else if (c.name === 'w:tab') s += '\t'
    else if (c.name === 'w:br' || c.name === 'w:cr') s += '\n'
    else s += plainText(c)
  }
  return s
}
