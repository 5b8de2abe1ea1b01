import { useId, useRef, useState } from 'react'
import { revealInvisible } from '../../../shared/text'
import type { DeskClaim } from '../../../shared/deskClaim'
import type { Reply } from '../../../shared/thread'
import { useI18n } from '../i18n'
import { useDeskActions, type DeskActions } from '../state/deskActions'
import { useReviewerName } from '../state/reviewData'
import { useThreadText } from './threadStrings'
import { CommandButton } from '../app/CommandButton'

const excerpt = (text: string, n = 40): string => {
  const cps = [...text.replace(/\s+/g, ' ').trim()]
  return cps.length > n ? cps.slice(0, n - 1).join('') + '…' : cps.join('')
}

interface BoxProps {
  label: string
  submitLabel: string
  initial?: string
  placeholder?: string
  autoFocus?: boolean
  onSubmit: (text: string) => Promise<boolean>
  /** After a successful submit (an edit closes); without it the box empties for the next reply. */
  onDone?: () => void
  onCancel?: () => void
  cancelLabel?: string
}

/**
 * A reply being written. Hangul is composed through the IME: the draft is the field's own and is never
 * replaced from the review; Ctrl/Cmd+Enter submits, but not while a syllable is being composed.
 */
function ReplyBox(props: BoxProps) {
  const { t } = useI18n()
  const id = useId()
  const [draft, setDraft] = useState(props.initial ?? '')
  const latest = useRef(draft)
  const composing = useRef(false)
  const [busy, setBusy] = useState(false)

  const change = (text: string) => {
    latest.current = text
    setDraft(text)
  }
  const submit = async () => {
    const text = latest.current
    if (composing.current || busy || text.trim() === '') return
    setBusy(true)
    const ok = await props.onSubmit(text)
    setBusy(false)
    if (!ok) return
    if (props.onDone) props.onDone()
    // Typing that went on while the reply was saved is kept.
    else if (latest.current === text && !composing.current) change('')
  }

  return (
    <form
      className="reply-box"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <label htmlFor={id} className="reply-label">
        {props.label}
      </label>
      <textarea
        id={id}
        rows={2}
        value={draft}
        placeholder={props.placeholder}
        autoFocus={props.autoFocus}
        onChange={(e) => change(e.target.value)}
        onCompositionStart={() => {
          composing.current = true
        }}
        onCompositionEnd={(e) => {
          composing.current = false
          change(e.currentTarget.value)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing && !composing.current) {
            e.preventDefault()
            void submit()
          } else if (e.key === 'Escape' && props.onCancel && !e.nativeEvent.isComposing) {
            e.preventDefault()
            props.onCancel()
          }
        }}
      />
      <div className="form-actions">
        <CommandButton type="submit" disabled={busy} unavailable={draft.trim() === '' ? t.unavailableNoReply : null}>
          {props.submitLabel}
        </CommandButton>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {props.cancelLabel}
          </button>
        )}
      </div>
    </form>
  )
}

function ReplyItem({ reply, own, actions }: { reply: Reply; own: boolean; actions: DeskActions }) {
  const s = useThreadText()
  const { dateTime } = useI18n()
  const [editing, setEditing] = useState(false)
  const short = excerpt(reply.body)
  return (
    <li className="reply" data-reply-id={reply.id}>
      <div className="reply-meta">
        <span className="reply-author">{reply.author || s.someone}</span> ·{' '}
        <time dateTime={reply.created}>{dateTime(reply.created)}</time>
        {reply.revision > 1 && (
          <>
            {' · '}
            <span title={dateTime(reply.modified)}>{s.edited}</span>
          </>
        )}
      </div>
      {editing ? (
        <ReplyBox
          label={s.editReply}
          submitLabel={s.saveReply}
          initial={reply.body}
          autoFocus
          onSubmit={(body) => actions.updateReply(reply.id, body)}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
          cancelLabel={s.cancel}
        />
      ) : (
        <p className="reply-body">{revealInvisible(reply.body)}</p>
      )}
      {own && !editing && (
        <div className="reply-actions">
          <button
            type="button"
            className="link"
            onClick={() => setEditing(true)}
            aria-label={`${s.editReply}: ${short}`}
          >
            {s.editReply}
          </button>
          <button
            type="button"
            className="link danger"
            onClick={() => void actions.deleteReply(reply.id)}
            aria-label={`${s.deleteReply}: ${short}`}
          >
            {s.deleteReply}
          </button>
        </div>
      )}
    </li>
  )
}

/** The discussion of a claim: replies with author and time; only your own show Edit and Delete. */
export function ReplyThread({ claim }: { claim: DeskClaim }) {
  const s = useThreadText()
  const actions = useDeskActions()
  const me = useReviewerName()
  return (
    <section className="replies" aria-label={s.replies}>
      {claim.replies.length > 0 && (
        <ol className="reply-list" aria-label={s.replyList}>
          {claim.replies.map((r) => (
            <ReplyItem key={r.id} reply={r} own={me !== '' && r.author === me} actions={actions} />
          ))}
        </ol>
      )}
      <ReplyBox
        label={s.reply}
        submitLabel={s.addReply}
        placeholder={s.replyPlaceholder}
        onSubmit={(body) => actions.addReply(claim.id, body)}
      />
    </section>
  )
}
