import { isHttpUrl } from '../../shared/url'

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * The one escape for text and attribute values in the exported HTML and XML: every user text (essay,
 * notes, quotes, source fields, settings) goes through it, and attributes are always double-quoted.
 * Characters XML does not allow (C0 controls other than tab and line breaks, lone surrogates,
 * U+FFFE/U+FFFF) are replaced by U+FFFD so a parser never stops at them.
 */
export function escapeHtml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch])
}

/** An href for an http(s) URL, normalised and escaped; null for anything else (shown as text only). */
export function safeHref(url: string): string | null {
  if (!isHttpUrl(url)) return null
  return escapeHtml(new URL(url).href)
}

/** Text for an XML part written by a library that escapes markup but not characters XML forbids. */
export function xmlSafe(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  )
}
