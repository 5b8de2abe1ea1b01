import { Fragment, useEffect, useRef } from 'react'
import { useReturnFocus } from './focusReturn'
import { useI18n } from '../i18n'
import { useVerdictOrder } from '../state/verdictOrder'
import { useWorkflowText } from '../workflowText'
import { isMac } from './keys'
import { commands, keyCaps } from '../../../shared/commands'
import { useModeText } from '../modeText'

/** Key caps as shown: one combination is a list of keys pressed together. */
type Combo = string[]

function Keys({ combos, or }: { combos: Combo[]; or: string }) {
  return (
    <>
      {combos.map((combo, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="key-or"> {or} </span>}
          <kbd className="key-combo">
            {combo.map((k, j) => (
              <Fragment key={j}>
                {j > 0 && '+'}
                <kbd>{k}</kbd>
              </Fragment>
            ))}
          </kbd>
        </Fragment>
      ))}
    </>
  )
}

/** Help > Keyboard shortcuts, the toolbar button and "?": every shortcut of the desk, in the UI's language. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { verdict, t } = useI18n()
  const w = useWorkflowText()
  const m = useModeText()
  const order = useVerdictOrder()
  const ref = useRef<HTMLDialogElement>(null)
  // The focus goes back where it was when this closes.
  useReturnFocus()
  useEffect(() => ref.current?.showModal(), [])

  const sheetText = { ...w, ...m }
  // Every row comes from the command table (src/shared/commands.ts); the verdict keys are one row per level.
  const rows = (group: 'page' | 'menus'): [Combo[], string][] =>
    commands
      .filter((c) => c.group === group && (c.shows as readonly string[]).includes('sheet'))
      .flatMap((c): [Combo[], string][] =>
        c.id === 'set-verdict'
          ? order.slice(0, 10).map((v, digit): [Combo[], string] => [[[String(digit)]], w.setVerdict(verdict(v))])
          : [[c.keys.map((k) => keyCaps(k, isMac)), c.sheet ? sheetText[c.sheet] : c.id]],
      )
  const page = rows('page')
  const menus = rows('menus')
  const table = (caption: string, rows: [Combo[], string][]) => (
    <table className="shortcuts-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{w.key}</th>
          <th scope="col">{w.action}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([combos, action]) => (
          <tr key={action}>
            <td>
              <Keys combos={combos} or={w.or} />
            </td>
            <td>{action}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )

  return (
    <dialog ref={ref} className="shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <header className="dialog-header">
        <h2 id="shortcuts-title">{w.keyboardShortcuts}</h2>
        {/* First in the dialog, so taking the focus does not scroll the list away. */}
        <form method="dialog">
          <button type="submit" autoFocus>
            {t.close}
          </button>
        </form>
      </header>
      <p className="hint">{w.shortcutsIntro}</p>
      {table(w.inPage, page)}
      {table(w.inMenus, menus)}
    </dialog>
  )
}
