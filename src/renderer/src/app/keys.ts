export const isMac = /Mac|iPhone|iPad/.test(navigator.platform)

/** Typing targets keep their own undo and shortcuts. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}
