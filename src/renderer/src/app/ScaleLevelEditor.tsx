import { useId, type Dispatch, type SetStateAction } from 'react'
import { SCALE_LIMITS, type VerdictScale } from '../../../shared/scales'
import { useI18n } from '../i18n'
import { CommandButton } from './CommandButton'
import { newRow, type Row } from './scaleRows'

interface Props {
  name: VerdictScale['name']
  onName: (name: VerdictScale['name']) => void
  rows: Row[]
  setRows: Dispatch<SetStateAction<Row[]>>
  /** What the schema refuses in the scale as it stands, in the reader's language. */
  problems: string[]
}

/**
 * The own scale's editor in Review settings: its name, and a row per level (id, labels, colour, on or
 * off the scale, its place). What it holds is checked and applied by ScaleSettings.
 */
export function ScaleLevelEditor({ name, onName, rows, setRows, problems }: Props) {
  const { t } = useI18n()
  const id = useId()
  const edit = (key: number, patch: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)))
  const move = (index: number, by: -1 | 1) =>
    setRows((list) => {
      const next = [...list]
      const [row] = next.splice(index, 1)
      next.splice(index + by, 0, row)
      return next
    })
  return (
    <div className="scale-editor">
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-name-ko`}>
            {t.scaleName} ({t.levelKo})
          </label>
          <input
            id={`${id}-name-ko`}
            value={name.ko}
            maxLength={SCALE_LIMITS.name}
            onChange={(e) => onName({ ...name, ko: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name-en`}>
            {t.scaleName} ({t.levelEn})
          </label>
          <input
            id={`${id}-name-en`}
            value={name.en}
            maxLength={SCALE_LIMITS.name}
            onChange={(e) => onName({ ...name, en: e.target.value })}
          />
        </div>
      </div>
      <table className="level-table">
        <caption>{t.scaleLevels}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t.levelId}</th>
            <th scope="col">{t.levelKo}</th>
            <th scope="col">{t.levelEn}</th>
            <th scope="col">{t.levelColor}</th>
            <th scope="col" title={t.levelOffScaleHint}>
              {t.levelOffScale}
            </th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const position = r.off ? '—' : String(rows.slice(0, i + 1).filter((x) => !x.off).length)
            const named = r.ko || r.en || r.id || String(i + 1)
            return (
              <tr key={r.key}>
                <td>{position}</td>
                <td>
                  <input
                    aria-label={`${t.levelId} ${i + 1}`}
                    value={r.id}
                    maxLength={40}
                    size={10}
                    onChange={(e) => edit(r.key, { id: e.target.value.toLowerCase() })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${t.levelKo} ${i + 1}`}
                    value={r.ko}
                    maxLength={SCALE_LIMITS.label}
                    onChange={(e) => edit(r.key, { ko: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${t.levelEn} ${i + 1}`}
                    value={r.en}
                    maxLength={SCALE_LIMITS.label}
                    onChange={(e) => edit(r.key, { en: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="color"
                    aria-label={`${t.levelColor} ${i + 1}`}
                    value={r.color}
                    onChange={(e) => edit(r.key, { color: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t.levelOffScale} ${i + 1}`}
                    checked={r.off}
                    onChange={(e) => edit(r.key, { off: e.target.checked })}
                  />
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="link"
                    aria-label={`${t.moveUp}: ${named}`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="link"
                    aria-label={`${t.moveDown}: ${named}`}
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <CommandButton
                    className="link danger"
                    aria-label={`${t.removeLevel}: ${named}`}
                    unavailable={
                      rows.length <= SCALE_LIMITS.minOnScale ? t.unavailableFewestLevels(SCALE_LIMITS.minOnScale) : null
                    }
                    onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}
                  >
                    ×
                  </CommandButton>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p className="hint">{t.levelOffScaleHint}</p>
      <CommandButton
        unavailable={
          rows.length >= SCALE_LIMITS.maxOnScale + SCALE_LIMITS.maxOffScale
            ? t.unavailableMostLevels(SCALE_LIMITS.maxOnScale, SCALE_LIMITS.maxOffScale)
            : null
        }
        onClick={() => setRows((list) => [...list, newRow(list)])}
      >
        {t.addLevel}
      </CommandButton>
      {problems.length > 0 && (
        <ul role="alert" className="form-problem">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
