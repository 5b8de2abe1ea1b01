import { useEffect } from 'react'
import type { Prefs } from '../../../shared/domain'

/** Applies the preferences that are looks: the essay's font size (CSS variable --essay-size). */
export function usePrefsStyle(prefs: Prefs | null): void {
  const size = prefs?.essayFontSize
  useEffect(() => {
    if (size) document.documentElement.style.setProperty('--essay-size', `${size}px`)
  }, [size])
}
