/**
 * The colours claims are highlighted in, computed so the essay's text on them meets WCAG 2.x AA
 * (4.5:1 for body text) for every verdict of any scale — the scale's colour is the reviewer's choice, so
 * its tint is made lighter until the text reads on it, stripes of overlaps included.
 */

/** The essay's text colour (styles.css --ink). */
export const INK = '#1f2328'
/** How much of the verdict's colour a highlight carries, at most (the rest is white). */
export const TINT_SHARE = 0.24
/** Overlaps are striped with the ink at this opacity over the tint. */
export const STRIPE_ALPHA = 0.14
/** WCAG 2.x AA for normal-size text. */
export const AA_TEXT = 4.5

type Rgb = [number, number, number]

function parse(hex: string): Rgb {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim())
  // A programming error, never a reader's: scale colours are checked as #rrggbb by the contract.
  if (!m) throw new Error(hex)
  const n = parseInt(m[1], 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function hex(rgb: Rgb): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`
}

/** `share` of `color` over `base` (sRGB, as CSS color-mix and alpha blending do). */
export function mix(color: string, base: string, share: number): string {
  const a = parse(color)
  const b = parse(base)
  return hex([0, 1, 2].map((i) => a[i] * share + b[i] * (1 - share)) as Rgb)
}

/** Relative luminance (WCAG 2.x). */
export function luminance(color: string): number {
  const [r, g, b] = parse(color).map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/** The darkest colour text lies on in a highlight of `tint`: the stripe of an overlap over it. */
export function stripeOver(tint: string): string {
  return mix(INK, tint, STRIPE_ALPHA)
}

/** A verdict colour's highlight: as much of the colour as the ink still reads on, stripes included. */
export function highlightTint(color: string): string {
  for (let share = TINT_SHARE; share > 0; share -= 0.02) {
    const tint = mix(color, '#ffffff', share)
    if (contrastRatio(INK, stripeOver(tint)) >= AA_TEXT) return tint
  }
  return '#ffffff'
}
