/**
 * A long essay for the editor bench: the bundled essay's paragraphs shuffled and repeated (a fixed
 * seed, so every run measures the same text) until the plain text reaches the length asked for, with a
 * heading every few paragraphs and a bold phrase in some of them, as a long feature story would have.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEssayMarkdown, type ParsedEssay } from '../../src/core/document/essayFormat'

const ESSAY = join(__dirname, '..', '..', 'resources', 'essays', 'seoul-openai.md')

/** Mulberry32: a small seeded generator, enough to shuffle paragraphs the same way every run. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The long essay as Markdown: front matter, a title, then headed sections of shuffled paragraphs. */
export function longEssayMarkdown(targetChars = 500_000, seed = 7): string {
  const source = readFileSync(ESSAY, 'utf8')
  const body = source.replace(/^---[\s\S]*?\n---\n/, '')
  const lines = body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
  const paragraphs = lines.filter((l) => !l.startsWith('#') && !/^\d+[.)]\s/.test(l) && !/^[-*]\s/.test(l))
  const headings = lines.filter((l) => l.startsWith('## ')).map((l) => l.slice(3))
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]
  const out = ['---', 'title: 서울, 오픈AI의 전략적 거점이 되다 (긴 판)', 'author: 벤치마크', 'language: ko', '---', '']
  let length = 0
  let section = 0
  while (length < targetChars) {
    section++
    const heading = `${section}. ${pick(headings)}`
    out.push(`## ${heading}`, '')
    length += heading.length + 1
    const count = 4 + Math.floor(next() * 6)
    for (let i = 0; i < count && length < targetChars; i++) {
      let text = pick(paragraphs)
      // Some paragraphs carry a bold phrase: a run of its own in the editor, as in real essays.
      if (next() < 0.3) {
        const words = text.split(' ')
        const at = Math.floor(next() * Math.max(1, words.length - 3))
        words[at] = `**${words[at]} ${words[at + 1] ?? ''}**`.replace(' **', '**')
        words.splice(at + 1, 1)
        text = words.join(' ')
      }
      out.push(text, '')
      length += text.replace(/\*\*/g, '').length + 1
    }
  }
  return out.join('\n')
}

export function longEssay(targetChars = 500_000, seed = 7): ParsedEssay {
  return parseEssayMarkdown(longEssayMarkdown(targetChars, seed))
}
