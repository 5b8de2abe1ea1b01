import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { bundleClaimSchema, bundleSourceSchema, validateBundle, type ReviewBundle } from '../src/core/exchange/bundle'
import { quickBlocks, quickEntities } from '../src/core/exchange/bundleFast'
import { blockSchema } from '../src/shared/essay'
import { parseJsonFile } from '../src/core/exchange/safeJson'
import { FactdeskError } from '../src/shared/errors'
import { addSource, createClaim, updateClaim } from '../src/core/claims/commands'
import { anchorOf, Reviewer, sourceFields } from './helpers/exchange'
import { bundledEssay } from './helpers/essay'

/**
 * A large bundle's claims and sources are checked without the schema's object parsing
 * (src/core/exchange/bundleFast.ts): whatever the quick check accepts, the schema must accept as the
 * same value, and anything else goes to the schema.
 */

function sample(): ReviewBundle {
  const a = new Reviewer('김기자', bundledEssay())
  try {
    const x = createClaim(a.store, anchorOf(a.store, '챗GPT 유료 가입자 수 2위'), a.name).id
    updateClaim(a.store, x, { verdict: 'false', note: '메모 <b>굵게</b>' }, a.name)
    createClaim(a.store, anchorOf(a.store, '2025년 5월'), a.name)
    addSource(a.store, x, { ...sourceFields('https://openai.com/ko'), archiveUrl: 'https://archive.org/x' }, a.name)
    return JSON.parse(JSON.stringify(a.bundle())) as ReviewBundle
  } finally {
    a.close()
  }
}

const claimsSchema = z.array(bundleClaimSchema)
const sourcesSchema = z.array(bundleSourceSchema)

/** Both checks on one changed claim or source: the quick one may only accept what the schema gives back unchanged. */
function agree(claims: unknown[], sources: unknown[]): void {
  const quick = quickEntities({ claims, sources })
  const schema = { claims: claimsSchema.safeParse(claims), sources: sourcesSchema.safeParse(sources) }
  if (quick) {
    expect(schema.claims.success && schema.sources.success).toBe(true)
    expect(quick.claims).toStrictEqual(schema.claims.data)
    expect(quick.sources).toStrictEqual(schema.sources.data)
    expect(JSON.stringify(quick.claims)).toBe(JSON.stringify(schema.claims.data))
    expect(JSON.stringify(quick.sources)).toBe(JSON.stringify(schema.sources.data))
  }
}

const BAD: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x'.repeat(70),
  -1,
  0,
  1.5,
  2 ** 60,
  true,
  [],
  {},
  '2025-02-29T00:00:00Z',
  '2024-02-29T00:00:00Z',
  '2025-06-01T24:00:00Z',
  '2025-06-01',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'https://example.org/ok',
  ' https://example.org/spaced ',
  'javascript:alert(1)',
  'Mostly-True',
  'checked',
]

describe('the quick check of claims and sources', () => {
  it('accepts a real bundle as the schema reads it', () => {
    const b = sample()
    const quick = quickEntities(b)
    expect(quick).not.toBeNull()
    agree(b.claims, b.sources)
  })

  it("gives the parsed claims and sources themselves when they are the schema's, else copies in its order", () => {
    const b = sample()
    const quick = quickEntities(b)!
    expect(quick.claims[0]).toBe(b.claims[0])
    // An export writes a source's version before its deletion mark: copied into the schema's order, once.
    expect(quick.sources[0]).not.toBe(b.sources[0])
    expect(quickEntities({ claims: [], sources: quick.sources })!.sources[0]).toBe(quick.sources[0])
    const reversed = (o: object) => Object.fromEntries(Object.entries(o).reverse())
    const claims = b.claims.map(reversed)
    const sources = b.sources.map(reversed)
    const copied = quickEntities({ claims, sources })!
    expect(copied.claims[0]).not.toBe(claims[0])
    expect(JSON.stringify(copied.claims)).toBe(JSON.stringify(b.claims))
    expect(JSON.stringify(copied.sources)).toBe(JSON.stringify(quick.sources))
    agree(claims, sources)
  })

  it('never accepts a field the schema refuses or would rewrite', () => {
    const b = sample()
    const claim = b.claims[0] as unknown as Record<string, unknown>
    const source = b.sources[0] as unknown as Record<string, unknown>
    for (const key of [...Object.keys(claim), 'textChanged', 'extra'])
      for (const bad of BAD) {
        const c = { ...claim, [key]: bad }
        if (bad === undefined) delete c[key]
        agree([c], [])
        agree([c, claim], [])
      }
    for (const key of [...Object.keys(source), 'extra'])
      for (const bad of BAD) {
        const s = { ...source, [key]: bad }
        if (bad === undefined) delete s[key]
        agree(b.claims, [s])
      }
    for (const bad of BAD) {
      agree([{ ...claim, history: [bad] }], [])
      agree([{ ...claim, history: [claim.version, bad] }], [])
    }
  })

  it('leaves a claim the schema must judge to the schema, which names what is wrong', () => {
    const b = sample()
    const bad = { ...b, claims: [{ ...b.claims[0], status: 'done' }, ...b.claims.slice(1)] }
    let message = ''
    try {
      validateBundle('b.factdesk.json', bad)
    } catch (err) {
      message = (err as FactdeskError).message
    }
    expect(message).toMatch(/^b\.factdesk\.json: this is not a valid review bundle \(claims\.0\.status: /)
    // A link with spaces around it is read as the schema always read it: trimmed.
    const spaced = { ...b, sources: [{ ...b.sources[0], url: ' https://openai.com/ko ' }] }
    expect(validateBundle('b.factdesk.json', spaced).sources[0].url).toBe('https://openai.com/ko')
  })
})

describe("the quick check of the essay's blocks", () => {
  const blocksSchema = z.array(blockSchema).max(100_000)
  /** The quick check may only accept what the schema gives back unchanged, key order included. */
  function agreeBlocks(blocks: unknown): void {
    const quick = quickBlocks(blocks)
    const schema = blocksSchema.safeParse(blocks)
    if (quick) {
      expect(schema.success).toBe(true)
      expect(quick).toStrictEqual(schema.data)
      expect(JSON.stringify(quick)).toBe(JSON.stringify(schema.data))
    }
  }

  it('accepts a real essay as the schema reads it, and the bundle reads the same either way', () => {
    const b = sample()
    expect(quickBlocks(b.document.blocks)).not.toBeNull()
    agreeBlocks(b.document.blocks)
    const bold = b.document.blocks.find((x) => x.inlines.some((r) => r.bold !== undefined))
    expect(bold).toBeDefined()
    // With one block the quick check leaves to the schema (a key it strips), the bundle reads the same.
    const odd = {
      ...b,
      document: { ...b.document, blocks: [{ ...b.document.blocks[0], extra: 1 }, ...b.document.blocks.slice(1)] },
    }
    expect(validateBundle('b.json', odd).document).toEqual(validateBundle('b.json', b).document)
  })

  it('never accepts a block or a run the schema refuses or would rewrite', () => {
    const block = sample().document.blocks[0] as unknown as Record<string, unknown>
    const run = { text: '서울', bold: true } as Record<string, unknown>
    for (const bad of [
      ...BAD,
      [run],
      [{ text: 'x', bold: 'yes' }],
      [{ bold: true, text: 'x' }],
      ['x'],
      'x'.repeat(100_001),
    ]) {
      for (const key of ['kind', 'inlines', 'extra']) {
        const b = { ...block, [key]: bad }
        if (bad === undefined) delete b[key]
        agreeBlocks([b])
        agreeBlocks([block, b])
      }
      for (const key of ['text', 'bold', 'extra']) {
        const r = { ...run, [key]: bad }
        if (bad === undefined) delete r[key]
        agreeBlocks([{ kind: 'paragraph', inlines: [r] }])
      }
    }
    agreeBlocks([{ inlines: [], kind: 'paragraph' }])
    agreeBlocks([{ kind: 'paragraph', inlines: Array.from({ length: 10_001 }, () => ({ text: 'a' })) }])
    agreeBlocks({ 0: block, length: 1 })
    agreeBlocks([Object.assign(Object.create({ inherited: 1 }) as object, block)])
    expect(quickBlocks([{ kind: 'paragraph', inlines: [{ text: 'a', bold: false }] }])).not.toBeNull()
  })
})

describe('reading JSON files without a walk where none is needed', () => {
  const read = (text: string) => parseJsonFile('f.json', Buffer.from(text))
  const refusedWith = (text: string): string => {
    try {
      read(text)
    } catch (err) {
      return (err as FactdeskError).message
    }
    return ''
  }

  it('still refuses forbidden keys and lone surrogates written with escapes', () => {
    expect(refusedWith('{"a": {"__proto__": 1}}')).toMatch(/the key "__proto__"/)
    expect(refusedWith('{"a": {"\\u005f_proto__": 1}}')).toMatch(/the key "__proto__"/)
    expect(refusedWith('{"c\\u006fnstructor": 1}')).toMatch(/the key "constructor"/)
    expect(refusedWith('{"a": "\\ud800"}')).toMatch(/broken character/)
    expect(refusedWith('{"\\udc00": 1}')).toMatch(/broken character/)
    expect(read('{"a": "\\\\u0041 \\ud83d\\ude00", "b": "constructor"}')).toEqual({ a: '\\u0041 😀', b: 'constructor' })
  })

  it('measures nesting past strings holding quotes, backslashes and brackets', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n)
    expect(refusedWith(deep(33))).toMatch(/nested more than 32 levels/)
    expect(read(deep(32))).toBeDefined()
    const tricky = `{"s": "[[[[ \\" {{{{ \\\\", "t": "\\\\\\"[[[[", "u": ${deep(30)}}`
    expect(read(tricky)).toMatchObject({ s: '[[[[ " {{{{ \\', t: '\\"[[[[' })
    expect(refusedWith(`{"s": "\\\\", "u": ${deep(32)}}`)).toMatch(/nested more than 32 levels/)
  })
})
