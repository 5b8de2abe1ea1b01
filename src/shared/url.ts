/** True for absolute http(s) URLs only: the only links Factdesk stores or opens. */
export function isHttpUrl(value: string): boolean {
  return httpUrl(value) !== null
}

/** The parsed URL when `value` is an absolute http(s) one (isHttpUrl), else null: one parse for both. */
export function httpUrl(value: string): URL | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url : null
}

/** A source's archive link as exports pass it on: kept when http(s), else left empty (not another tool's other link). */
export const exportedArchiveUrl = (value: string): string => (value && !isHttpUrl(value) ? '' : value)
