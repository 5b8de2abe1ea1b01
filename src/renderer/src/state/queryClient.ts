import { isCancelledError, MutationObserver, QueryClient, queryOptions, replaceEqualDeep } from '@tanstack/react-query'
import type { ClaimFilters, ClaimSort } from '../../../shared/claimQuery'
import type { ClaimPatch } from '../../../shared/domain'
import type { DeskClaim } from '../../../shared/deskClaim'
import { call } from '../bridge'

/**
 * The renderer's copy of what the review service holds (docs/renderer-data.md). Everything under
 * `review` belongs to the open review and is read again when the service says the review changed
 * (serviceEvents.ts); the reviewer's preferences and the built-in scales do not belong to a review.
 */
export const keys = {
  review: ['review'] as const,
  info: ['review', 'info'] as const,
  document: ['review', 'document'] as const,
  claims: ['review', 'claims'] as const,
  /** One question of the Claims panel, asked again whenever the claims' content (`content`) changes. */
  search: (question: { query: string; filters: ClaimFilters; sort: ClaimSort }, content: string) =>
    ['review', 'claims-search', question, content] as const,
  /** A claim's history, read again whenever the claim itself changes. */
  history: (claim: DeskClaim) => ['review', 'claim-history', claim.id, claim] as const,
  tags: ['review', 'tags'] as const,
  conflicts: ['review', 'conflicts'] as const,
  scale: ['review', 'scale'] as const,
  settings: ['review', 'settings'] as const,
  suggestions: ['review', 'suggestions'] as const,
  prefs: ['prefs'] as const,
  builtinScales: ['scales-builtin'] as const,
}

/** `meta.quiet`: a failure of this read or change is handled where it happens, not in the notice bar. */
declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { quiet?: boolean }
    mutationMeta: { quiet?: boolean }
  }
}

export function createDeskClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The service says when something changed (review-changed, prefs-changed, a change's answer):
        // data is never stale by age, and a window's focus or a reconnect is not news.
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // A refused or failed read is shown at once; the service is local, so waiting would not help.
        retry: false,
      },
      mutations: { retry: false },
    },
  })
}

/**
 * Claim fields edited in this window and not yet confirmed by the service, per client: laid over every
 * list the service answers until their own save gets through (useReview.ts).
 */
const unsavedByClient = new WeakMap<QueryClient, Map<string, ClaimPatch>>()

export function unsavedEdits(client: QueryClient): Map<string, ClaimPatch> {
  let map = unsavedByClient.get(client)
  if (!map) unsavedByClient.set(client, (map = new Map<string, ClaimPatch>()))
  return map
}

/** The claims as the service has them, with the reviewer's edits that it has not confirmed yet on top. */
export function withUnsaved(claims: DeskClaim[], unsaved: ReadonlyMap<string, ClaimPatch>): DeskClaim[] {
  if (unsaved.size === 0) return claims
  return claims.map((c) => (unsaved.has(c.id) ? { ...c, ...unsaved.get(c.id) } : c))
}

export const queries = {
  info: queryOptions({ queryKey: keys.info, queryFn: () => call('review-info', {}), meta: { quiet: true } }),
  // Each read of the essay is a new essay for the editor (it is built again and its undo history
  // starts over), as when a review is opened or imported, so no parts of an older answer are kept.
  document: queryOptions({
    queryKey: keys.document,
    // `true`: the first read takes the answer asked for as the script started (early.ts), as do the
    // claims', the preferences' and the scale's.
    queryFn: () => call('document-desk', {}, true),
    structuralSharing: false,
  }),
  prefs: queryOptions({ queryKey: keys.prefs, queryFn: () => call('prefs-get', {}, true) }),
  tags: queryOptions({ queryKey: keys.tags, queryFn: () => call('tags-list', {}) }),
  conflicts: queryOptions({ queryKey: keys.conflicts, queryFn: () => call('conflicts-list', {}) }),
  scale: queryOptions({ queryKey: keys.scale, queryFn: () => call('scale-get', {}, true) }),
  settings: queryOptions({ queryKey: keys.settings, queryFn: () => call('settings-get', {}), meta: { quiet: true } }),
  builtinScales: queryOptions({
    queryKey: keys.builtinScales,
    queryFn: () => call('scales-builtin', {}),
    meta: { quiet: true },
  }),
}

/** The claims list; the same for every reader, so the overlay of unsaved edits is applied in one place. */
export function claimsQuery(client: QueryClient) {
  return queryOptions({
    queryKey: keys.claims,
    queryFn: async () => withUnsaved(await call('claims-desk', {}, true), unsavedEdits(client)),
    structuralSharing: (old: unknown, next: unknown) =>
      shareClaims(old as DeskClaim[] | undefined, next as DeskClaim[]),
  })
}

/**
 * Claim objects the page made from the list's own (a move by an edit keeps every field but the range):
 * already sharing all they can with the claim they replace, so structural sharing leaves them as they
 * are instead of comparing them field by field into a copy (typing above 5,000 claims moves them all).
 */
const fromList = new WeakSet<DeskClaim>()

export function madeFromList(claim: DeskClaim): DeskClaim {
  fromList.add(claim)
  return claim
}

/**
 * The new list of claims, keeping the old object of every claim that did not change (matched by id):
 * a card, a highlight's look and the search key see an unchanged claim as unchanged. React Query's own
 * sharing matches by position, so one claim marked near the top would make copies of all after it.
 */
export function shareClaims(old: DeskClaim[] | undefined, next: DeskClaim[]): DeskClaim[] {
  if (!old || old === next) return next
  const byId = new Map(old.map((c) => [c.id, c]))
  let same = old.length === next.length
  const shared = next.map((c, i) => {
    const before = byId.get(c.id)
    const kept = before === undefined || before === c || fromList.has(c) ? c : replaceEqualDeep<DeskClaim>(before, c)
    if (kept !== old[i]) same = false
    return kept
  })
  return same ? old : shared
}

/**
 * Runs one change through the client's mutation cache, whose failures reach the notice bar
 * (subscribeErrors): its answer, or null when it failed. No component re-renders for its progress:
 * the save tracker already says "Saving…" for every change (bridge.ts).
 */
export async function change<A, R>(client: QueryClient, run: (args: A) => Promise<R>, args: A): Promise<R | null> {
  const observer = new MutationObserver<R, unknown, A>(client, { mutationFn: run })
  try {
    return await observer.mutate(args)
  } catch {
    return null
  }
}

/**
 * The one path from a failed read or change to the notice bar: every query and mutation of the client
 * that fails (and is not `meta.quiet`) is reported.
 */
export function subscribeErrors(client: QueryClient, report: (err: unknown) => void): () => void {
  const offQueries = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'error' || event.query.meta?.quiet) return
    if (!isCancelledError(event.action.error)) report(event.action.error)
  })
  const offMutations = client.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'error' || event.mutation.meta?.quiet) return
    report(event.action.error)
  })
  return () => {
    offQueries()
    offMutations()
  }
}
