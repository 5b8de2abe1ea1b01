import { useCallback, useEffect, useRef, useState } from 'react'
import { PANEL_WIDTH } from '../../../shared/prefs'
import { useI18n } from '../i18n'

/** The essay keeps at least this much of the workspace, so it stays readable beside a wide panel. */
const ESSAY_MIN = 420
const STEP = 16

function bounds(): { min: number; max: number } {
  const max = Math.max(PANEL_WIDTH.min, Math.min(PANEL_WIDTH.max, window.innerWidth - ESSAY_MIN))
  return { min: PANEL_WIDTH.min, max }
}

export function clampPanel(width: number): number {
  const { min, max } = bounds()
  return Math.round(Math.min(max, Math.max(min, width)))
}

/** The layout's width for the panel until the reviewer drags it: a third of a small window, at most 480 px. */
export function defaultPanelWidth(): number {
  return clampPanel(Math.min(480, Math.max(340, window.innerWidth * 0.3)))
}

interface Props {
  /** The saved width (prefs), or undefined for the layout's default. */
  saved: number | undefined
  /** Called while dragging or with each key, to lay the workspace out. */
  onWidth: (width: number) => void
  /** Called once a drag or a key run ends: the width to keep (prefs). */
  onCommit: (width: number) => void
}

/**
 * The handle between the essay and the Claims panel: drag it, or focus it and use ←/→ (Shift for larger
 * steps), Home/End. It is a focusable separator with its value, as ARIA's window splitter pattern has it.
 */
export function PanelSplitter({ saved, onWidth, onCommit }: Props) {
  const { t } = useI18n()
  const [width, setWidth] = useState(() => (saved ? clampPanel(saved) : defaultPanelWidth()))
  const commitTimer = useRef<number | undefined>(undefined)
  const apply = useCallback((w: number) => {
    const next = clampPanel(w)
    setWidth(next)
    return next
  }, [])
  // A width saved elsewhere (another window, Preferences) replaces the one shown.
  const [shownSaved, setShownSaved] = useState(saved)
  if (saved !== shownSaved) {
    setShownSaved(saved)
    setWidth(clampPanel(saved ?? defaultPanelWidth()))
  }
  // The workspace's columns follow the splitter.
  useEffect(() => onWidth(width), [width, onWidth])
  // A smaller window may no longer leave the essay its room: the panel gives way (the saved width stays).
  useEffect(() => {
    const onResize = (): void => void apply(saved ?? defaultPanelWidth())
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [saved, apply])

  const commitSoon = (w: number): void => {
    window.clearTimeout(commitTimer.current)
    commitTimer.current = window.setTimeout(() => onCommit(w), 400)
  }
  const { min, max } = bounds()
  return (
    <div
      className="panel-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={t.resizePanel}
      aria-controls="claims-panel"
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={width}
      aria-valuetext={`${width} px`}
      tabIndex={0}
      onPointerDown={(e) => {
        if (e.button !== 0) return
        e.preventDefault()
        // A width still waiting from the keys must not land after this drag's.
        window.clearTimeout(commitTimer.current)
        const el = e.currentTarget
        el.setPointerCapture(e.pointerId)
        let last = width
        const move = (ev: PointerEvent): void => void (last = apply(window.innerWidth - ev.clientX))
        const up = (): void => {
          el.removeEventListener('pointermove', move)
          el.removeEventListener('pointerup', up)
          el.removeEventListener('pointercancel', up)
          onCommit(last)
        }
        el.addEventListener('pointermove', move)
        el.addEventListener('pointerup', up)
        el.addEventListener('pointercancel', up)
      }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? STEP * 4 : STEP
        // The handle moves with the arrow: left widens the panel on the right.
        const next =
          e.key === 'ArrowLeft'
            ? width + step
            : e.key === 'ArrowRight'
              ? width - step
              : e.key === 'Home'
                ? max
                : e.key === 'End'
                  ? min
                  : null
        if (next === null) return
        e.preventDefault()
        commitSoon(apply(next))
      }}
    />
  )
}
