/**
 * Re-anchoring at scale: every claim of the workload found again on the edited copy of its essay,
 * by Factdesk (src/core/document/anchoring.ts) and by the peer method (./peerMethod.ts) in the same
 * run, each placement judged against where the claim's words truly went (./workload.ts).
 */
import { Anchorer } from '../../src/core/document/anchoring'
import { peerAnchor } from './peerMethod'
import { ms, timed, type Report } from './report'
import { placedRight, type Workload } from './workload'

interface Tally {
  right: number
  wrong: number
  unplaced: number
  /** Unplaced although some of the claim's words are still in the text. */
  unplacedSurviving: number
}

function tally(placed: ({ start: number; end: number } | null)[], w: Workload, only?: number[]): Tally {
  const t: Tally = { right: 0, wrong: 0, unplaced: 0, unplacedSurviving: 0 }
  for (const i of only ?? placed.keys()) {
    const p = placed[i]
    if (!p) {
      t.unplaced++
      if (w.truth[i]) t.unplacedSurviving++
    } else if (placedRight(p, w.truth[i])) t.right++
    else t.wrong++
  }
  return t
}

const show = (t: Tally) => `${t.right} right, ${t.wrong} wrong, ${t.unplaced} not placed`

/** `peerEvery` > 1 runs the peer method on every n-th claim only (its time is then scaled up, and said so). */
export function benchReanchor(report: Report, w: Workload, peerEvery = 1): void {
  const section = 're-anchor'
  const n = w.claims.length
  let compared = 0
  const timedFind = timed(() => {
    const c0 = process.cpuUsage()
    const anchorer = new Anchorer(w.editedText, w.text)
    const c = process.cpuUsage(c0)
    compared = (c.user + c.system) / 1000
    return w.claims.map((c) => anchorer.find(c))
  })
  const ours = { ...timedFind, result: timedFind.result.map((r) => r?.anchor ?? null) }
  const sample = [...w.claims.keys()].filter((i) => i % peerEvery === 0)
  const peerPlaced: ({ start: number; end: number } | null)[] = []
  const peer = timed(() => {
    for (const i of sample) peerPlaced[i] = peerAnchor(w.editedText, w.claims[i])
  })
  const peerMs = (peer.ms * n) / sample.length
  const ratio = peerMs / ours.ms
  const scaled = peerEvery > 1 ? ` (every ${peerEvery}th claim, scaled up)` : ''
  report.add({
    section,
    what: `re-anchor ${n.toLocaleString('en')} claims on ${w.editedText.length.toLocaleString('en')} characters, ${w.editedParagraphs} paragraphs edited`,
    value: ms(ours.ms),
    reference: `peer method ${ms(peerMs)}${scaled}`,
    ratio: `${ratio.toFixed(0)}× faster`,
    goal: '≥ 50× faster',
    met: ratio >= 50,
  })
  const methods = new Map<string, number>()
  for (const r of timedFind.result) methods.set(r?.method ?? 'none', (methods.get(r?.method ?? 'none') ?? 0) + 1)
  const count = (m: string) => (methods.get(m) ?? 0).toLocaleString('en')
  report.add({
    section,
    what: 'of which: comparing the two texts; finding the claims',
    value: `${ms(compared)}; ${ms(ours.ms - compared)}`,
    reference: `at the mapped place ${count('position')}, same words ${count('quote')}, similar words ${count('fuzzy')}, not placed ${count('none')}`,
  })
  const mine = tally(ours.result, w)
  const theirs = tally(peerPlaced, w, sample)
  const mineOnSample = tally(ours.result, w, sample)
  report.add({
    section,
    what: 'placements (judged against where the words went)',
    value: show(mine),
    reference: `peer: ${show(theirs)}${peerEvery > 1 ? ` of ${sample.length}` : ''}`,
    goal: '0 wrong',
    met: mine.wrong === 0,
  })
  const lost = sample.filter(
    (i) =>
      peerPlaced[i] &&
      placedRight(peerPlaced[i], w.truth[i]) &&
      !(ours.result[i] && placedRight(ours.result[i], w.truth[i])),
  )
  report.add({
    section,
    what: 'claims the peer places right that Factdesk does not',
    value: String(lost.length),
    goal: '0',
    met: lost.length === 0,
  })
  report.add({
    section,
    what: 'claims not placed although some of their words remain',
    value: String(mineOnSample.unplacedSurviving),
    reference: `peer: ${theirs.unplacedSurviving}; peer places ${theirs.wrong} wrongly`,
    goal: 'no more than the peer places right',
    met: lost.length === 0,
  })
}
