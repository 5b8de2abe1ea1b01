import { useId, useState } from 'react'
import type { Claim, Correction } from '../../../shared/domain'
import { useI18n } from '../i18n'

export interface CorrectionActions {
  onPropose: (claimId: string, replacement: string, explanation: string) => Promise<boolean>
  onUpdate: (id: string, replacement: string, explanation: string) => Promise<boolean>
  onDelete: (id: string) => void
  onApply: (claim: Claim, correction: Correction) => void
}

function CorrectionForm({ initial, onSave, onCancel }: { initial: { replacement: string; explanation: string }; onSave: (r: string, e: string) => Promise<boolean>; onCancel: () => void }) {
  const { t } = useI18n()
  const id = useId()
  const [replacement, setReplacement] = useState(initial.replacement)
  const [explanation, setExplanation] = useState(initial.explanation)
  return (
    <form
      className="correction-form"
      onSubmit={async (e) => {
        e.preventDefault()
        if (replacement.trim() && (await onSave(replacement, explanation.trim()))) onCancel()
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-r`}>{t.correctedWording}</label>
        <textarea id={`${id}-r`} rows={2} value={replacement} onChange={(e) => setReplacement(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-e`}>{t.correctionExplanation}</label>
        <textarea id={`${id}-e`} rows={2} value={explanation} onChange={(e) => setExplanation(e.target.value)} placeholder={t.correctionExplanationHint} />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!replacement.trim()}>
          {t.saveCorrection}
        </button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  )
}

/** Proposed and applied corrections of a claim's wording. */
export function CorrectionsSection({ claim, actions }: { claim: Claim; actions: CorrectionActions }) {
  const { t, dateTime } = useI18n()
  const [editing, setEditing] = useState<string | 'new' | null>(null)
  return (
    <section className="corrections" aria-label={t.corrections}>
      {claim.corrections.map((k) =>
        editing === k.id ? (
          <CorrectionForm key={k.id} initial={k} onSave={(r, e) => actions.onUpdate(k.id, r, e)} onCancel={() => setEditing(null)} />
        ) : (
          <div key={k.id} className={`correction correction-${k.state}`}>
            <p className="correction-change">
              <del>{k.original}</del> → <ins>{k.replacement}</ins>
            </p>
            {k.explanation && <p className="correction-explanation">{k.explanation}</p>}
            <p className="correction-meta">
              {k.state === 'applied'
                ? `${t.correctionApplied} · ${k.appliedBy || '—'} · ${dateTime(k.applied)}`
                : `${t.correctionProposed} · ${k.proposedBy || '—'} · ${dateTime(k.proposed)}`}
            </p>
            {k.state === 'proposed' && (
              <div className="form-actions">
                <button type="button" className="primary" onClick={() => actions.onApply(claim, k)} disabled={!claim.anchored}>
                  {t.applyCorrection}
                </button>
                <button type="button" className="link" onClick={() => setEditing(k.id)}>
                  {t.editCorrection}
                </button>
                <button type="button" className="link danger" onClick={() => actions.onDelete(k.id)}>
                  {t.removeCorrection}
                </button>
              </div>
            )}
          </div>
        ),
      )}
      {editing === 'new' ? (
        <CorrectionForm initial={{ replacement: claim.exact, explanation: '' }} onSave={(r, e) => actions.onPropose(claim.id, r, e)} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          {t.proposeCorrection}
        </button>
      )}
    </section>
  )
}
