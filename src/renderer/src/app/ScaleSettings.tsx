import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useReturnFocus } from './focusReturn'
import type { DeskClaim } from '../../../shared/deskClaim'
import {
  planScaleChange,
  verdictLabel,
  verdictScaleSchema,
  type ScaleChangeSummary,
  type VerdictMapping,
  type VerdictScale,
} from '../../../shared/scales'
import { queries } from '../state/queryClient'
import { errorText, isErrorCode } from '../../../shared/errors'
import { useI18n } from '../i18n'
import { ScaleLevelEditor } from './ScaleLevelEditor'
import { OWN, rowsOf, scaleOf, type Row } from './scaleRows'

interface Props {
  scale: VerdictScale
  /** The review's live claims: the dialog shows what switching would do to their verdicts. */
  claims: readonly Pick<DeskClaim, 'verdict'>[]
  onApply: (scale: VerdictScale) => Promise<ScaleChangeSummary>
  onClose: () => void
}

const noScales: VerdictScale[] = []

/**
 * "Review settings": the review's verdict scale. A built-in scale (SNU팩트체크's, PolitiFact-style) or the
 * review's own levels, labels and colours; before switching, it shows which verdicts would change.
 */
export function ScaleSettings({ scale, claims, onApply, onClose }: Props) {
  const { t, lang } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  // The focus goes back where it was when this closes.
  useReturnFocus()
  const id = useId()
  const builtins = useQuery(queries.builtinScales).data ?? noScales
  const [choice, setChoice] = useState<string>(scale.id)
  const [name, setName] = useState<VerdictScale['name']>(() =>
    scale.id === OWN ? scale.name : { ko: '우리 척도', en: 'Our scale' },
  )
  const [rows, setRows] = useState<Row[]>(() => rowsOf(scale))
  const [result, setResult] = useState<{ summary: ScaleChangeSummary } | { error: string } | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    ref.current?.showModal()
  }, [])

  const builtin = builtins.find((b) => b.id === choice)
  const candidate: VerdictScale | null =
    choice === OWN ? scaleOf(name, rows) : (builtin ?? (choice === scale.id ? scale : null))
  const problems = useMemo(() => {
    if (!candidate || choice !== OWN) return []
    const parsed = verdictScaleSchema.safeParse(candidate)
    // A custom issue's message is an error code with its params; zod's own are said as a refused field.
    const text = (i: { message: string; path: PropertyKey[] }) =>
      errorText(
        lang,
        isErrorCode(i.message)
          ? { code: i.message, params: (i as { params?: Record<string, unknown> }).params }
          : { code: 'invalid-args', params: { fields: i.path.map(String).join('.') } },
      )
    return parsed.success ? [] : [...new Set(parsed.error.issues.map(text))]
  }, [candidate, choice, lang])
  const plan = useMemo(
    () => (candidate && problems.length === 0 ? planScaleChange(scale, candidate, claims) : null),
    [candidate, problems, scale, claims],
  )
  const changed = plan ? plan.mapped.reduce((n, m) => n + m.claims, 0) : 0
  // Any edit after a switch starts a new one: the last result no longer describes what is shown.
  const candidateKey = JSON.stringify(candidate)
  const [resultKey, setResultKey] = useState(candidateKey)
  if (resultKey !== candidateKey) {
    setResultKey(candidateKey)
    setResult(null)
  }

  const startOwn = () => {
    // The own scale starts from the scale in use, so switching to it changes nothing until it is edited.
    if (choice !== OWN && scale.id !== OWN) setRows(rowsOf(builtin ?? scale))
    setChoice(OWN)
  }

  const mappingLine = (m: VerdictMapping, from: VerdictScale, to: VerdictScale) =>
    t.scaleMapping(m.claims, verdictLabel(from, m.from, lang), verdictLabel(to, m.to, lang))

  const apply = async () => {
    if (!candidate || problems.length > 0) return
    setBusy(true)
    try {
      setResult({ summary: await onApply(candidate) })
    } catch (err) {
      setResult({ error: err instanceof Error ? err.message : String(err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <dialog ref={ref} className="settings-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t.reviewSettings}</h2>
      <section aria-labelledby={`${id}-scale`}>
        <h3 id={`${id}-scale`}>{t.verdictScale}</h3>
        <p className="hint">{t.verdictScaleHint}</p>
        <fieldset className="scale-choice">
          <legend>{t.scaleChoice}</legend>
          {builtins.map((b) => (
            <label key={b.id}>
              <input type="radio" name={`${id}-choice`} checked={choice === b.id} onChange={() => setChoice(b.id)} />
              {b.name[lang]}
            </label>
          ))}
          <label>
            <input type="radio" name={`${id}-choice`} checked={choice === OWN} onChange={startOwn} />
            {t.ownScale}
          </label>
        </fieldset>

        {candidate && choice !== OWN && (
          <ul className="scale-preview" aria-label={t.scaleLevels}>
            {candidate.levels.map((l) => (
              <li key={l.id}>
                <span className="verdict-dot" style={{ background: l.color }} aria-hidden /> {l[lang]}
                {l.position === null ? ` (${t.levelOffScale})` : ''}
              </li>
            ))}
          </ul>
        )}

        {choice === OWN && (
          <ScaleLevelEditor name={name} onName={setName} rows={rows} setRows={setRows} problems={problems} />
        )}

        {plan && !result && (
          <div className="scale-plan">
            <p>{changed === 0 ? t.scalePreviewNone : t.scalePreview(changed)}</p>
            {plan.mapped.length > 0 && candidate && (
              <ul>
                {plan.mapped.map((m) => (
                  <li key={`${m.from}:${m.to}`}>{mappingLine(m, scale, candidate)}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {result && (
          <div role="status" className="scale-plan">
            {'error' in result ? (
              <p className="form-problem">{result.error}</p>
            ) : (
              <>
                <p>{result.summary.mapped.length === 0 ? t.scaleAppliedNone : t.scaleApplied}</p>
                {result.summary.mapped.length > 0 && (
                  <ul>
                    {result.summary.mapped.map((m) => (
                      <li key={`${m.from}:${m.to}`}>{mappingLine(m, result.summary.previous, result.summary.scale)}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </div>
        )}
      </section>
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || !candidate || problems.length > 0}
          onClick={() => void apply()}
        >
          {t.useScale}
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          {t.close}
        </button>
      </div>
    </dialog>
  )
}
