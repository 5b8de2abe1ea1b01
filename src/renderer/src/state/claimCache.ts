import type { QueryClient } from '@tanstack/react-query'
import type { Claim } from '../../../shared/domain'
import { cpSlice } from '../../../shared/text'
import { change, keys, unsavedEdits, withUnsaved } from './queryClient'

function byPosition(a: Claim, b: Claim): number {
  return a.start - b.start || a.end - b.end || a.created.localeCompare(b.created)
}

/** The claims as the page shows them now (the cache is read synchronously, so fast typing sees its own moves). */
export function currentClaims(client: QueryClient): Claim[] {
  return client.getQueryData<Claim[]>(keys.claims) ?? []
}

/** A change answered with its claim: it replaces the one in the list, in essay order. */
export function upsertClaim(client: QueryClient, claim: Claim): void {
  client.setQueryData<Claim[]>(keys.claims, (list = []) =>
    [...list.filter((c) => c.id !== claim.id), claim].sort(byPosition),
  )
}

export function dropClaim(client: QueryClient, id: string): void {
  client.setQueryData<Claim[]>(keys.claims, (list = []) => list.filter((c) => c.id !== id))
}

/** A whole list from the service (after an essay save), with the edits it has not confirmed yet on top. */
export function replaceClaims(client: QueryClient, list: Claim[]): void {
  client.setQueryData<Claim[]>(keys.claims, withUnsaved(list, unsavedEdits(client)))
}

/** Moves claims as the essay was edited: `place` gives each anchored claim's new range, or null when its text is gone. */
export function moveClaims(
  client: QueryClient,
  place: (c: Claim) => { start: number; end: number } | null,
  text: string,
): Claim[] {
  const next = currentClaims(client).map((c) => {
    if (!c.anchored) return c
    const range = place(c)
    if (!range) return { ...c, anchored: false }
    const exact = cpSlice(text, range.start, range.end)
    // Claims the edit did not touch stay the same objects, so their cards do not re-render.
    if (range.start === c.start && range.end === c.end && exact === c.exact) return c
    return { ...c, ...range, exact }
  })
  client.setQueryData<Claim[]>(keys.claims, next)
  return next
}

/** A change the service answers with its claim, which replaces the one in the list: true when it was made. */
export async function changeClaim<A>(client: QueryClient, run: (args: A) => Promise<Claim>, args: A): Promise<boolean> {
  const claim = await change(client, run, args)
  if (claim) upsertClaim(client, claim)
  return claim !== null
}
