import { useMemo } from 'react'
import { UNRATED_COLOR, type VerdictScale } from '../../shared/scales'
import { highlightTint, INK, STRIPE_ALPHA } from './highlightColors'

/**
 * The review's verdict colours as CSS: every element with `data-verdict` (a card, a highlight, a tally
 * entry) gets `--verdict-color` (its colour) and `--verdict-tint` (a light tint for highlights) for its
 * verdict on the review's scale; styles.css paints with them. Ids and colours are validated by the scale
 * schema (a-z, 0-9, hyphens; #rrggbb), so they are safe in a selector and a value.
 */
export function scaleCss(scale: VerdictScale): string {
  // Tints are computed (highlightColors.ts) so the essay's text keeps AA contrast on every one of them.
  const rgb = [1, 3, 5].map((i) => parseInt(INK.slice(i, i + 2), 16)).join(', ')
  const rules = [
    `:root { --overlap-stripe: rgba(${rgb}, ${STRIPE_ALPHA}); }`,
    `[data-verdict] { --verdict-color: ${UNRATED_COLOR}; --verdict-tint: ${highlightTint(UNRATED_COLOR)}; }`,
  ]
  for (const level of scale.levels) {
    rules.push(
      `[data-verdict="${level.id}"] { --verdict-color: ${level.color}; --verdict-tint: ${highlightTint(level.color)}; }`,
    )
  }
  return rules.join('\n')
}

export function ScaleStyle({ scale }: { scale: VerdictScale }) {
  const css = useMemo(() => scaleCss(scale), [scale])
  return <style data-verdict-scale={scale.id}>{css}</style>
}
