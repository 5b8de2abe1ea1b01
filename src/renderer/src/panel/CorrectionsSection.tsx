import { useId, useState } from 'react'
import type { DeskClaim } from '../../../shared/deskClaim'
import { CommandButton } from '../app/CommandButton'
import { useI18n } from '../i18n'
import { useDeskActions } from '../state/deskActions'
import { CorrectionView } from './CorrectionView'

function CorrectionForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: { replacement: string; explanation: string }
  onSave: (r: string, e: string) => Promise<boolean>
  onCancel: () => void
}) {
  const { t } = useI18n()
  const id = useId()
  const [replacement, setReplacement] = useState(initial.replacement)
  const [explanation, setExplanation] = useState(initial.explanation)
  return (
    <form
      className="correction-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (replacement.trim())
          void onSave(replacement, explanation.trim()).then((saved) => {
            if (saved) onCancel()
          })
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-r`}>{t.correctedWording}</label>
        <textarea id={`${id}-r`} rows={2} value={replacement} onChange={(e) => setReplacement(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-e`}>{t.correctionExplanation}</label>
        <textarea
          id={`${id}-e`}
          rows={2}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
          placeholder={t.correctionExplanationHint}
        />
      </div>
      <div className="form-actions">
        <CommandButton
          type="submit"
          className="primary"
          unavailable={replacement.trim() ? null : t.unavailableNoWording}
        >
          {t.saveCorrection}
        </CommandButton>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  )
}

/** Proposed and applied corrections of a claim's wording. */
export function CorrectionsSection({ claim }: { claim: DeskClaim }) {
  const { t } = useI18n()
  const actions = useDeskActions()
  // A correction's id, 'new' for the form of a new one, or null.
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <section className="corrections" aria-label={t.corrections}>
      {claim.corrections.map((k) =>
        editing === k.id ? (
          <CorrectionForm
            key={k.id}
            initial={k}
            onSave={(r, e) => actions.updateCorrection(k.id, r, e)}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <div key={k.id} className={`correction correction-${k.state}`}>
            <CorrectionView correction={k} />
            {k.state === 'proposed' && (
              <div className="form-actions">
                <CommandButton
                  className="primary"
                  onClick={() => void actions.applyCorrection(claim, k)}
                  unavailable={claim.anchored ? null : t.unavailableUnanchored}
                >
                  {t.applyCorrection}
                </CommandButton>
                <button type="button" className="link" onClick={() => setEditing(k.id)}>
                  {t.editCorrection}
                </button>
                <button type="button" className="link danger" onClick={() => void actions.deleteCorrection(k.id)}>
                  {t.removeCorrection}
                </button>
              </div>
            )}
          </div>
        ),
      )}
      {editing === 'new' ? (
        <CorrectionForm
          initial={{ replacement: claim.exact, explanation: '' }}
          onSave={(r, e) => actions.proposeCorrection(claim.id, r, e)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          {t.proposeCorrection}
        </button>
      )}
    </section>
  )
}
