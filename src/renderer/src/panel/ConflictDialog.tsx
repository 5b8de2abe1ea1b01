import { useEffect, useRef, useState } from 'react'
import { useReturnFocus } from '../app/focusReturn'
import type { Status, Verdict } from '../../../shared/domain'
import {
  CONFLICT_CLAIM_FIELDS,
  CONFLICT_SOURCE_FIELDS,
  type ConflictChoice,
  type ConflictSide,
  type ConflictView,
} from '../../../shared/exchange'
import { useI18n } from '../i18n'

type Side = 'mine' | 'theirs'

interface Props {
  conflict: ConflictView
  onResolve: (id: string, choice: ConflictChoice) => Promise<void>
  onClose: () => void
}

/** Both versions side by side; for a claim the reviewer chooses per field, a source is chosen whole. */
export function ConflictDialog({ conflict, onResolve, onClose }: Props) {
  const i18n = useI18n()
  const { t } = i18n
  const ref = useRef<HTMLDialogElement>(null)
  // The focus goes back where it was when this closes.
  useReturnFocus()
  const isClaim = conflict.entity === 'claim'
  const fields = (isClaim ? CONFLICT_CLAIM_FIELDS : CONFLICT_SOURCE_FIELDS).filter(
    (f) => f === 'deleted' || conflict.mine[f] !== undefined || conflict.theirs[f] !== undefined,
  )
  const differing = fields.filter((f) => conflict.mine[f] !== conflict.theirs[f])
  const [choice, setChoice] = useState<Record<string, Side>>(() =>
    Object.fromEntries(differing.map((f) => [f, 'mine'])),
  )
  const [whole, setWhole] = useState<Side>('mine')
  useEffect(() => ref.current?.showModal(), [])

  const show = (field: string, value: string | boolean | undefined): string => {
    if (field === 'deleted') return value ? t.removedState : t.keptState
    if (field === 'verdict') return i18n.verdict(value as Verdict)
    if (field === 'status') return i18n.status(value as Status)
    return value === '' || value === undefined ? '—' : String(value)
  }
  const label = (field: string): string =>
    (t as unknown as Record<string, string>)[field === 'deleted' ? 'fieldDeleted' : field] ?? field
  const base = conflict.base
  // Who changed each side last and when; a source records no author.
  const byline = (side: ConflictSide) =>
    [side.modifiedBy || t.authorUnknown, side.modified && i18n.dateTime(String(side.modified))]
      .filter(Boolean)
      .join(' · ')

  const submit = async () => {
    const resolved: ConflictChoice = isClaim ? { fields: choice } : { all: whole }
    await onResolve(conflict.id, resolved)
    ref.current?.close()
  }

  return (
    <dialog ref={ref} className="conflict-dialog" aria-labelledby="conflict-title" onClose={onClose}>
      <h2 id="conflict-title">{isClaim ? t.conflictTitle : t.sourceConflictTitle}</h2>
      <p className="conflict-origin">
        {t.fromFile} <strong>{conflict.origin}</strong>
        {isClaim && conflict.mine.exact ? (
          <>
            {' · '}
            <q>{String(conflict.mine.exact)}</q>
          </>
        ) : null}
      </p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col" />
            {base && (
              <th scope="col" className="base">
                {t.baseVersion}
                <small>{byline(base)}</small>
              </th>
            )}
            {(['mine', 'theirs'] as const).map((side) => (
              <th scope="col" key={side}>
                {side === 'mine' ? t.mine : t.theirs}
                <small>{byline(conflict[side])}</small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => {
            const differs = differing.includes(f)
            const name = `${conflict.id}-${f}`
            return (
              <tr key={f} className={differs ? 'differs' : undefined}>
                <th scope="row">{label(f)}</th>
                {base && (
                  <td className="base">
                    <span className="value">{show(f, base[f])}</span>
                  </td>
                )}
                {(['mine', 'theirs'] as const).map((side) => (
                  <td key={side}>
                    {differs && isClaim ? (
                      <label className="choice">
                        <input
                          type="radio"
                          name={name}
                          checked={choice[f] === side}
                          onChange={() => setChoice((c) => ({ ...c, [f]: side }))}
                          aria-label={`${label(f)}: ${side === 'mine' ? t.keepMine : t.takeTheirs}`}
                        />
                        <span className="value">{show(f, conflict[side][f])}</span>
                      </label>
                    ) : (
                      <span className="value">{show(f, conflict[side][f])}</span>
                    )}
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
      {!base && <p className="conflict-base-unknown">{t.baseUnknown}</p>}
      {!isClaim && (
        <fieldset className="whole-choice">
          {(['mine', 'theirs'] as const).map((side) => (
            <label key={side}>
              <input
                type="radio"
                name={`${conflict.id}-whole`}
                checked={whole === side}
                onChange={() => setWhole(side)}
              />
              {side === 'mine' ? t.keepMine : t.takeTheirs}
            </label>
          ))}
        </fieldset>
      )}
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void submit()}>
          {t.resolve}
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          {t.later}
        </button>
      </div>
    </dialog>
  )
}
