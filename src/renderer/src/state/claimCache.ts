import type { QueryClient } from '@tanstack/react-query'
import { asDeskClaim, type DeskClaim } from '../../../shared/deskClaim'
import { cpSlice } from '../../../shared/text'
import { mapRange, type EditRegion } from '../../../shared/textDiff'
import { change, keys, madeFromList, unsavedEdits, withUnsaved } from './queryClient'
import { carryHashes, contentDigest } from './claimDigest'

function byPosition(a: DeskClaim, b: DeskClaim): number {
  return a.start - b.start || a.end - b.end || a.created.localeCompare(b.created)
}

/**
 * Edits of the essay whose moves of the claims are not in the list yet, per client. A key typed above
 * thousands of claims moves all of them: doing it on every key would re-render the desk and cost the
 * claims' count each time, while the highlights (Lexical's nodes) move with the text by themselves. So
 * a key only queues its edit region, and the claims are moved once, when typing pauses
 * (useDocumentSync.ts) or when anything reads or changes the list here.
 */
interface QueuedMoves {
  regions: (EditRegion | null)[]
  /** The essay's text after the newest queued edit. */
  text: () => string
}
const queuedByClient = new WeakMap<QueryClient, QueuedMoves>()

/** Queues an edit's move of the claims (see QueuedMoves); `text` gives the essay's text after it. */
export function queueMove(client: QueryClient, region: EditRegion | null, text: () => string): void {
  const queued = queuedByClient.get(client)
  if (queued) {
    queued.regions.push(region)
    queued.text = text
  } else queuedByClient.set(client, { regions: [region], text })
}

/** Forgets the queued moves (the essay was loaded again: they were about the text it replaced). */
export function dropQueuedMoves(client: QueryClient): void {
  queuedByClient.delete(client)
}

/**
 * Moves the claims by every queued edit, in order, as if each had been applied as it happened; `pin`
 * puts one claim at the range given instead (the claim whose words a correction replaced).
 */
export function applyQueuedMoves(client: QueryClient, pin?: { id: string; start: number; end: number }): DeskClaim[] {
  const queued = queuedByClient.get(client)
  if (!queued) return client.getQueryData<DeskClaim[]>(keys.claims) ?? []
  queuedByClient.delete(client)
  const { regions, text } = queued
  return moveClaims(
    client,
    (c) => {
      if (pin && c.id === pin.id) return { start: pin.start, end: pin.end }
      let range: { start: number; end: number } | null = c
      let untouched = true
      for (let i = 0; i < regions.length && range; i++) {
        const r = regions[i]
        if (r && range.end > r.start && range.start < r.oldEnd) untouched = false
        range = mapRange(range, r)
      }
      return range && { start: range.start, end: range.end, untouched }
    },
    text,
  )
}

/** The claims as the page shows them now, moved by every edit so far (fast typing sees its own moves). */
export function currentClaims(client: QueryClient): DeskClaim[] {
  return applyQueuedMoves(client)
}

/**
 * A change answered with its claim: it replaces the one in the list, in essay order. A change answers
 * with the whole claim; the list keeps the fields the desk's list has, so every claim in it is alike.
 */
export function upsertClaim(client: QueryClient, claim: DeskClaim): void {
  applyQueuedMoves(client)
  const kept = asDeskClaim(claim)
  client.setQueryData<DeskClaim[]>(keys.claims, (list = []) =>
    [...list.filter((c) => c.id !== claim.id), kept].sort(byPosition),
  )
}

export function dropClaim(client: QueryClient, id: string): void {
  applyQueuedMoves(client)
  client.setQueryData<DeskClaim[]>(keys.claims, (list = []) => list.filter((c) => c.id !== id))
}

/** A whole list from the service, with the edits it has not confirmed yet on top. */
export function replaceClaims(client: QueryClient, list: DeskClaim[]): void {
  client.setQueryData<DeskClaim[]>(keys.claims, withUnsaved(list, unsavedEdits(client)))
}

/**
 * An essay save's answer (EssaySaved): the claims it changed beyond the ranges the page sent, with the
 * edits the service has not confirmed yet on top. With no edit since the save was sent (`current`) they
 * replace the list's whole, and claims the page did not have join it. After newer edits the list's
 * positions and words are newer than the answer's: a claim both have placed keeps the list's and takes
 * the rest (a flag, a correction); one the answer lost with its words is unplaced; one the list does
 * not have comes with the next save's answer when it is near the change, else with the list read
 * again when its writer's change is heard of (`review-changed`).
 */
export function patchClaims(client: QueryClient, answered: readonly DeskClaim[], current: boolean): void {
  if (answered.length === 0) return
  const byId = new Map(withUnsaved([...answered], unsavedEdits(client)).map((c) => [c.id, c]))
  client.setQueryData<DeskClaim[]>(keys.claims, (list = []) => {
    const next = list.map((held) => {
      const c = byId.get(held.id)
      if (!c) return held
      byId.delete(held.id)
      if (current || !c.anchored || !held.anchored) return c
      return { ...c, start: held.start, end: held.end, exact: held.exact }
    })
    if (current) next.push(...byId.values())
    return next.sort(byPosition)
  })
}

/**
 * Moves claims as the essay was edited: `place` gives each anchored claim's new range, or null when its
 * text is gone, and says when no edit reached into it (`untouched`: its words are the same). The essay's
 * text is read only for the others: after typing in a book-length essay, joining its half a million
 * characters cost more than moving every claim.
 */
export function moveClaims(
  client: QueryClient,
  place: (c: DeskClaim) => { start: number; end: number; untouched?: boolean } | null,
  text: () => string,
): DeskClaim[] {
  let essay: string | undefined
  const read = () => (essay ??= text())
  const next = (client.getQueryData<DeskClaim[]>(keys.claims) ?? []).map((c) => {
    if (!c.anchored) return c
    const range = place(c)
    if (!range) return { ...c, anchored: false }
    const exact = range.untouched ? c.exact : cpSlice(read(), range.start, range.end)
    // Claims the edit did not touch stay the same objects, so their cards do not re-render.
    if (range.start === c.start && range.end === c.end && exact === c.exact) return c
    const moved = { ...c, start: range.start, end: range.end, exact }
    if (exact === c.exact) carryHashes(c, moved)
    return madeFromList(moved)
  })
  client.setQueryData<DeskClaim[]>(keys.claims, next)
  return next
}

/** A change the service answers with its claim, which replaces the one in the list: true when it was made. */
export async function changeClaim<A>(
  client: QueryClient,
  run: (args: A) => Promise<DeskClaim>,
  args: A,
): Promise<boolean> {
  const claim = await change(client, run, args)
  if (claim) upsertClaim(client, claim)
  return claim !== null
}

/**
 * Calls `changed` whenever the claims' content changes in this window (`contentDigest`: a reply, an
 * assignment, words), not when an edit of the essay only moved them; returns the unsubscription.
 */
export function onClaimsContent(client: QueryClient, changed: () => void): () => void {
  const digestOf = (claims: unknown) => contentDigest((claims as DeskClaim[] | undefined) ?? [])
  let last = digestOf(client.getQueryData(keys.claims))
  return client.getQueryCache().subscribe((event) => {
    const claims = (event.query.queryKey as readonly unknown[])[1] === keys.claims[1]
    if (event.type !== 'updated' || event.action.type !== 'success' || !claims) return
    const digest = digestOf(event.query.state.data)
    if (digest === last) return
    last = digest
    changed()
  })
}
