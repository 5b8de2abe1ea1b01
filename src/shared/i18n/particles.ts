/**
 * Korean particles chosen by how the word before them is read aloud: 을/를, 이/가, 은/는, 과/와,
 * 으로/로, 이라/라. A Hangul word ends in a final consonant (받침) or not; a Latin word or a number
 * is read first ("AI" → 에이아이, "3" → 삼, "10" → 십), so "‘AI’를" and "2위를" but "10개를"… and
 * "‘10’을". Closing quotes, brackets and punctuation after the word are skipped.
 */

export type Particle = '을' | '를' | '이' | '가' | '은' | '는' | '과' | '와' | '으로' | '로' | '이라' | '라'

/** What the end of a word sounds like: no final consonant, ㄹ, or another final consonant. */
type Ending = 'vowel' | 'rieul' | 'consonant'

const HANGUL_FIRST = 0xac00
const HANGUL_LAST = 0xd7a3
const RIEUL = 8

function hangulEnding(ch: string): Ending | undefined {
  const code = ch.codePointAt(0)! - HANGUL_FIRST
  if (code < 0 || code > HANGUL_LAST - HANGUL_FIRST) return undefined
  const final = code % 28
  return final === 0 ? 'vowel' : final === RIEUL ? 'rieul' : 'consonant'
}

/** How a digit string ends when read in Sino-Korean: 영, 일, 이, 삼 … and 십, 백, 천, 만, 억, 조 for round numbers. */
function numberEnding(digits: string): Ending {
  const n = digits.replace(/^0+(?=\d)/, '')
  if (/^0+$/.test(n)) return 'consonant' // 영
  const zeros = /0*$/.exec(n)![0].length
  if (zeros === 0)
    return (
      (
        { '1': 'rieul', '7': 'rieul', '8': 'rieul', '0': 'consonant', '3': 'consonant', '6': 'consonant' } as Record<
          string,
          Ending
        >
      )[n.at(-1)!] ?? 'vowel'
    )
  // 십 / 백 / 천 / 만 (and 십만 … 천만) / 억 … / 조 …
  if (zeros >= 12) return 'vowel'
  return 'consonant'
}

/** Names of the Latin letters as Korean reads them (an acronym, or a word without vowels like "kr", is read letter by letter). */
const LETTER_ENDINGS: Record<string, Ending> = { l: 'rieul', r: 'rieul', m: 'consonant', n: 'consonant' }

/** How a Latin word ends when read: acronyms by the last letter's name, words by a few final sounds. */
function latinEnding(word: string): Ending {
  const last = word.at(-1)!.toLowerCase()
  if (/^[A-Z]+$/.test(word) || !/[aeiouy]/i.test(word)) return LETTER_ENDINGS[last] ?? 'vowel'
  const w = word.toLowerCase()
  if (/(ng|m|n)$/.test(w)) return 'consonant'
  if (/l$/.test(w)) return 'rieul'
  // book → 북, chat → 챗, web → 웹: a short vowel before k/p/t/b is read with a final consonant.
  if (/[^aeiou][aeiou](ck|k|p|t|b)$/.test(w) && !/[aeiou]{2}[ktpb]$/.test(w)) return 'consonant'
  return 'vowel'
}

/** The ending of the last readable word in `text`, or undefined when there is none. */
export function ending(text: string): Ending | undefined {
  const trimmed = text.replace(/[\s"'“”‘’「」『』()[\]{}<>.,!?…·:;%-]+$/u, '')
  if (trimmed === '') return undefined
  const last = [...trimmed].at(-1)!
  const hangul = hangulEnding(last)
  if (hangul) return hangul
  const digits = /[0-9]+$/.exec(trimmed)
  if (digits) return numberEnding(digits[0])
  const latin = /[A-Za-z]+$/.exec(trimmed)
  if (latin) return latinEnding(latin[0])
  return undefined
}

const PAIRS: Array<[consonant: Particle, vowel: Particle]> = [
  ['을', '를'],
  ['이', '가'],
  ['은', '는'],
  ['과', '와'],
  ['으로', '로'],
  ['이라', '라'],
]

/** The form of `particle` (either form may be given) that follows `word`; the consonant form when unknown. */
export function particle(word: string, particle: Particle): string {
  const pair = PAIRS.find((p) => p.includes(particle))!
  const end = ending(word) ?? 'consonant'
  if (pair[0] === '으로') return end === 'consonant' ? '으로' : '로'
  return end === 'vowel' ? pair[1] : pair[0]
}

/** `word` followed by the right form of `p`: josa('AI', '를') → "AI를", josa('‘사실’', '으로') → "‘사실’로". */
export function josa(word: string, p: Particle): string {
  return word + particle(word, p)
}
