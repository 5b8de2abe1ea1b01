import type { ErrorInfo } from './errors'
import { z } from 'zod'
import { blockSchema, type Block } from './essay'
import { essaySpliceSchema } from './essaySplice'
import { claimQuerySchema, type ClaimSearchResult } from './claimQuery'
import { prefsPatchSchema } from './prefs'
import { republishOptionsSchema, republishSettingsPatchSchema, type RepublishSettings } from './republish'
import { verdictScaleSchema, type ScaleChangeSummary, type VerdictScale } from './scales'
import { suggestionKeySchema, type Suggestion } from './spotting'
import type { Notice } from './workflow'
import { syncTokenSchema, syncUrlSchema, type SyncStatus } from './sync'
import { replyBodySchema, tagColorSchema, tagInputSchema, type ClaimEvent, type TagSummary } from './thread'
import {
  conflictChoiceSchema,
  exportFormats,
  type ConflictView,
  type ExportedFile,
  type ImportRecord,
  type ImportSummary,
} from './exchange'
import {
  anchorSchema,
  claimPatchSchema,
  correctionFieldsSchema,
  sourceFieldsSchema,
  LIMITS,
  type Claim,
  type Prefs,
} from './domain'
import type { DeskClaim, EssaySaved } from './deskClaim'
import { readingMethodNames } from './readingMethods'

/**
 * The one API between the UI and the review: method name -> argument schema and result type.
 * Main (IPC) and the browser harness (HTTP) both dispatch to the same service table built from it.
 */
const id = z.uuid()
const blocksSchema = z.array(blockSchema).min(1).max(100_000)
const rangesSchema = z
  .array(z.object({ id, start: z.number().int().min(0), end: z.number().int().min(1) }).strict())
  .max(100_000)
/** Base64 of the largest file an import accepts (50 MB), with room for the encoding. */
export const IMPORT_DATA_LIMIT = Math.ceil((50 * 1024 * 1024 * 4) / 3) + 4
/** The largest call a transport accepts: the largest import with room for its JSON wrapping. */
export const CALL_BODY_LIMIT = IMPORT_DATA_LIMIT + 64 * 1024
const none = z.object({}).strict()

function method<R>() {
  return <A extends z.ZodType>(args: A) => ({ args, result: undefined as unknown as R })
}

export interface ReviewInfo {
  path: string
  documentTitle: string
  schemaVersion: number
  /** Set when another window has the review open for writing: this one only reads it. */
  readOnly: { pid: number; host: string; since: string } | null
}

export interface DocumentView {
  id: string
  title: string
  blocks: Block[]
  text: string
  hash: string
  /**
   * The essay's language as a BCP 47 tag: its declared `language`, else detected from its text (Korean
   * where it has Hangul). The page tags the essay with it, whatever the interface language.
   */
  lang?: string
}

/**
 * The essay as the desk's page holds it: without its plain text (the blocks hold it; at 500,000
 * characters it is half the answer) nor its hash, which the page never reads. A page feature that needs
 * the saved text asks `document-get` when it needs it (accepting a suggested claim does).
 */
export type DeskDocument = Omit<DocumentView, 'text' | 'hash'> & {
  /** Which save of the essay this is: the page names it when it saves only what changed since (EssaySplice). */
  savedAs: string
}

export const api = {
  'review-info': method<ReviewInfo>()(none),
  'document-get': method<DocumentView>()(none),
  /** The essay as the desk opens it (DeskDocument). */
  'document-desk': method<DeskDocument>()(none),
  'claims-list': method<Claim[]>()(none),
  /** The same list as the desk's page holds it: only the fields it reads (src/shared/deskClaim.ts). */
  'claims-desk': method<DeskClaim[]>()(none),
  /** Search, filters and sort of the Claims panel (src/core/search/search.ts). */
  'claims-search': method<ClaimSearchResult>()(claimQuerySchema),
  'claim-create': method<Claim>()(z.object({ id: id.optional(), anchor: anchorSchema }).strict()),
  'claim-update': method<Claim>()(z.object({ id, patch: claimPatchSchema.strict() }).strict()),
  'claim-delete': method<{ id: string }>()(z.object({ id }).strict()),
  'claim-restore': method<Claim>()(z.object({ id }).strict()),
  'source-add': method<Claim>()(z.object({ claimId: id, source: sourceFieldsSchema.strict() }).strict()),
  'source-update': method<Claim>()(z.object({ id, source: sourceFieldsSchema.strict() }).strict()),
  'source-delete': method<Claim>()(z.object({ id }).strict()),
  /** Undo of a removal (src/core/claims/restore.ts): a new version of the row, live again. A removed tag is added again ('tag-add'). */
  'source-restore': method<Claim>()(z.object({ id }).strict()),
  'reply-restore': method<Claim>()(z.object({ id }).strict()),
  'suggestion-restore': method<{ key: string }>()(z.object({ key: suggestionKeySchema }).strict()),
  /**
   * Both answer with the claims the save changed beyond the ranges the page sent (EssaySaved), as the
   * desk holds them: the page has every other claim as saved already.
   */
  'document-save': method<EssaySaved>()(
    z
      .object({ blocks: blocksSchema, ranges: rangesSchema })
      .strict()
      .or(z.object({ splice: essaySpliceSchema, savedAs: z.string().max(200), ranges: rangesSchema }).strict()),
  ),
  'correction-propose': method<Claim>()(z.object({ claimId: id }).extend(correctionFieldsSchema.shape).strict()),
  'correction-update': method<Claim>()(z.object({ id }).extend(correctionFieldsSchema.shape).strict()),
  'correction-delete': method<Claim>()(z.object({ id }).strict()),
  'correction-apply': method<EssaySaved>()(z.object({ id, blocks: blocksSchema, ranges: rangesSchema }).strict()),
  'claim-attach': method<Claim>()(z.object({ id, anchor: anchorSchema }).strict()),
  /** Tags, replies and history of a claim (src/core/thread/thread.ts); a change answers with the claim. */
  'tags-list': method<TagSummary[]>()(none),
  'tag-add': method<Claim>()(z.object({ claimId: id, name: tagInputSchema }).strict()),
  'tag-remove': method<Claim>()(z.object({ claimId: id, name: tagInputSchema }).strict()),
  'tag-set-color': method<TagSummary[]>()(z.object({ name: tagInputSchema, color: tagColorSchema }).strict()),
  'reply-add': method<Claim>()(z.object({ claimId: id, body: replyBodySchema }).strict()),
  'reply-update': method<Claim>()(z.object({ id, body: replyBodySchema }).strict()),
  'reply-delete': method<Claim>()(z.object({ id }).strict()),
  'claim-history': method<ClaimEvent[]>()(z.object({ id }).strict()),
  // Team workflow (src/core/workflow): assignment, the editor's sign-off, and notices for this reviewer.
  'claim-assign': method<Claim>()(z.object({ id, reviewer: z.string().max(LIMITS.reviewerName) }).strict()),
  'claim-sign-off': method<Claim>()(z.object({ id }).strict()),
  'claim-sign-off-withdraw': method<Claim>()(z.object({ id }).strict()),
  'notices-list': method<Notice[]>()(none),
  'notices-seen': method<Notice[]>()(z.object({ keys: z.array(z.string().max(200)).max(10_000) }).strict()),
  'review-export': method<ExportedFile>()(
    z
      .object({ format: z.enum(exportFormats) })
      .extend(republishOptionsSchema.shape)
      .strict(),
  ),
  /** The review's settings for republication (organisation, fact-check page, the essay's URL, author, date). */
  'settings-get': method<RepublishSettings>()(none),
  'settings-set': method<RepublishSettings>()(republishSettingsPatchSchema),
  'review-import': method<ImportSummary>()(
    z
      .object({
        fileName: z.string().min(1).max(255),
        /** The file's bytes, base64: review files are binary. */
        data: z.base64().max(IMPORT_DATA_LIMIT),
        /** A reviewed Word document: claims whose comment was resolved in Word become checked. */
        acceptResolved: z.boolean().optional(),
      })
      .strict(),
  ),
  'conflicts-list': method<ConflictView[]>()(none),
  'conflict-resolve': method<{ id: string }>()(z.object({ id, choice: conflictChoiceSchema }).strict()),
  'imports-list': method<ImportRecord[]>()(none),
  /** Stops the import under way, if any: its transaction never commits, so the review is unchanged. */
  'import-cancel': method<{ cancelled: boolean }>()(none),
  /** A file may come soon (the file dialog opened, files dragged over the window): the import's worker loads. */
  'import-prepare': method<{ ok: true }>()(none),
  /** Takes an import back (the latest that can be when no id is given): src/core/exchange/importUndo.ts. */
  'import-undo': method<{ id: string }>()(z.object({ id: id.optional() }).strict()),
  /** The page has saved every edit (asked before its window closes). */
  'edits-saved': method<{ ok: true }>()(none),
  'prefs-get': method<Prefs>()(none),
  /** The computer's login name: only offered in the first-run dialog, never used unasked. */
  'login-name': method<{ name: string }>()(none),
  'prefs-set': method<Prefs>()(prefsPatchSchema),
  // Claim spotting (src/core/spotting/spotting.ts): accepting a suggestion is 'claim-create' on its span.
  'suggestions-list': method<Suggestion[]>()(none),
  'suggestion-dismiss': method<{ key: string }>()(z.object({ key: suggestionKeySchema }).strict()),
  // The review's verdict scale (src/core/scales/scales.ts).
  'scale-get': method<VerdictScale>()(none),
  'scale-set': method<ScaleChangeSummary>()(z.object({ scale: verdictScaleSchema }).strict()),
  'scales-builtin': method<VerdictScale[]>()(none),
  // Live co-review through a team server (src/core/sync/, docs/team-server.md).
  'sync-connect': method<SyncStatus>()(z.object({ url: syncUrlSchema, token: syncTokenSchema }).strict()),
  'sync-disconnect': method<SyncStatus>()(none),
  'sync-status': method<SyncStatus>()(none),
  /** The claim this reviewer has open, shown to the others (none: no claim open). */
  'sync-focus': method<{ ok: true }>()(z.object({ claimId: id.optional() }).strict()),
} as const

export type Api = typeof api
export type Method = keyof Api
export type ArgsOf<M extends Method> = z.input<Api[M]['args']>
export type ResultOf<M extends Method> = Api[M]['result']

/** Calls that only read the review (src/shared/readingMethods.ts), each a method of this contract. */
export const readingMethods: ReadonlySet<Method> = new Set<Method>(readingMethodNames)

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name)
}

/** Events pushed from the review to every window. */
export interface Events {
  /** 'external': another process (the command line, another window) committed a change to the file. */
  'review-changed': {
    reason: 'opened' | 'created' | 'saved-as' | 'imported' | 'import-undone' | 'scale-changed' | 'external'
  }
  'import-progress': { fileName: string; phase: 'reading' | 'merging' | 'done' | 'failed' | 'cancelled' }
  'prefs-changed': Prefs
  'menu-command': { command: MenuCommand }
  error: ErrorInfo
  /** The team server connection, the waiting count or who is online changed. */
  'sync-changed': SyncStatus
}
export type EventName = keyof Events

export type MenuCommand =
  | 'prepare-close'
  | 'mark-claim'
  | 'remove-claim'
  | 'undo-claim'
  | 'preferences'
  | 'import-review'
  | 'export-bundle'
  | 'export-w3c'
  | 'export-sqlite'
  | 'shortcuts'
  | 'export-republication'
  | 'toggle-edit-mode'
  | 'share-review'

export type CallResult<M extends Method> = { ok: true; value: ResultOf<M> } | { ok: false; error: ErrorInfo }

/** What the preload exposes as `window.factdesk` and the harness defines over HTTP. */
export interface FactdeskBridge {
  call<M extends Method>(method: M, args: ArgsOf<M>): Promise<CallResult<M>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}
