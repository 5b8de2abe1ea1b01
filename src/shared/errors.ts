import type { Lang } from './domain'
import { catalogues, type Catalogue } from './i18n'

/**
 * What the review service refuses or fails at, as a code with parameters — never a sentence. The UI,
 * the menus and the command line render it in their language (the catalogues' `errors` section, whose
 * English texts define each code's parameters); `message` is the English text, for logs and `--json`.
 */
type Texts = Catalogue['errors']
export type ErrorCode = keyof Texts
export type ErrorParams<C extends ErrorCode> = Parameters<Texts[C]> extends [infer P] ? P : Record<string, never>
/** The parameters after the code: none for a code whose text takes none. */
type ParamsArg<C extends ErrorCode> = Parameters<Texts[C]> extends [infer P] ? [params: P] : []

export const errorCodes = Object.keys(catalogues.en.errors) as ErrorCode[]

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(catalogues.en.errors, code)
}

/** An error as it crosses a transport (IPC, the harness's HTTP, the import worker). */
export interface ErrorInfo {
  code: ErrorCode
  params: Record<string, unknown>
  /** The English text, for logs and the command line. */
  message: string
}

/** The error's text in `lang`; a code this version does not know falls back to its English message. */
export function errorText(
  lang: Lang,
  error: { code: string; params?: Record<string, unknown>; message?: string },
): string {
  // A code this version does not know, or a refusal made without parameters: its own message.
  if (!isErrorCode(error.code) || (error.params === undefined && error.message)) return error.message ?? error.code
  const text = catalogues[lang].errors[error.code] as (p: Record<string, unknown>) => string
  return text(error.params ?? {})
}

export function errorInfo<C extends ErrorCode>(code: C, ...params: ParamsArg<C>): ErrorInfo {
  const p = (params[0] ?? {}) as Record<string, unknown>
  return { code, params: p, message: errorText('en', { code, params: p }) }
}

export class FactdeskError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C
  readonly params: Record<string, unknown>

  constructor(code: C, ...params: ParamsArg<C>) {
    const info = errorInfo(code, ...params)
    super(info.message)
    this.name = 'FactdeskError'
    this.code = code
    this.params = info.params
  }

  /** A refusal that came over a transport, rebuilt with its code and parameters. */
  static from(info: { code: string; params?: Record<string, unknown>; message?: string }): FactdeskError {
    if (!isErrorCode(info.code)) return new FactdeskError('internal', { detail: info.message ?? info.code })
    const err = new FactdeskError('internal', { detail: '' }) as FactdeskError
    Object.assign(err, { code: info.code, params: info.params ?? {}, message: errorText('en', info) })
    return err
  }

  info(): ErrorInfo {
    return { code: this.code, params: this.params, message: this.message }
  }
}
