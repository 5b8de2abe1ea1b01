/** Error codes the UI can translate; the message is the English fallback with specifics. */
export const errorCodes = [
  'invalid-args',
  'unknown-method',
  'not-found',
  'not-a-review-file',
  'newer-version',
  'corrupt-file',
  'unreadable-essay',
  'forbidden',
  'invalid-file',
  'internal',
  'cannot-undo',
  'read-only',
  'cancelled',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export class FactdeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'FactdeskError'
  }
}
