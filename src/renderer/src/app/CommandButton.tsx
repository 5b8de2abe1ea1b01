import { useId, type ButtonHTMLAttributes } from 'react'

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  /** Why the command cannot run now, in the reader's language; null or absent when it can. */
  unavailable?: string | null
  /** 'submit' for a form's command (Save, Add, Send); a button otherwise. */
  type?: 'button' | 'submit'
}

/**
 * A command's button. When the command cannot run it stays in the tab order (aria-disabled, not
 * disabled, which would hide it from the keyboard and drop its tooltip) and says why: as its tooltip
 * and, for screen readers, as its description. A click then does nothing — for a submit button too,
 * and Enter in the form's field, which clicks it, then submits nothing.
 */
export function CommandButton({ unavailable, title, onClick, type = 'button', children, ...rest }: Props) {
  const reasonId = useId()
  const off = !!unavailable
  return (
    <>
      <button
        type={type}
        {...rest}
        aria-disabled={off || undefined}
        aria-describedby={off ? reasonId : rest['aria-describedby']}
        title={off ? unavailable : title}
        onClick={off ? (e) => e.preventDefault() : onClick}
      >
        {children}
      </button>
      {off && (
        <span id={reasonId} hidden>
          {unavailable}
        </span>
      )}
    </>
  )
}
