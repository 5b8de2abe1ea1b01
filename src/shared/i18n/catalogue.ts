import type { en } from './en'

/**
 * The shape of a language's catalogue: the English one's, section by section. A key missing from
 * another language, one it has extra, or a text that takes other parameters fails the type check.
 */
export type Catalogue = typeof en
