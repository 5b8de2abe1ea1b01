import type { Lang, Verdict } from './domain'
import { verdicts } from './domain'

/**
 * Labels of the default scale's verdicts (SNU팩트체크's) in each interface language. A review's own
 * scale has its own labels: src/shared/scales.ts (verdictLabel) and src/core/scales/scales.ts (activeScale).
 */
export const verdictLabels: Record<Lang, Record<Verdict, string>> = {
  ko: {
    unrated: '판정 전',
    true: '사실',
    'mostly-true': '대체로 사실',
    'half-true': '절반의 사실',
    'mostly-false': '대체로 사실 아님',
    false: '전혀 사실 아님',
    undecidable: '판단 유보',
  },
  en: {
    unrated: 'Not yet rated',
    true: 'True',
    'mostly-true': 'Mostly true',
    'half-true': 'Half true',
    'mostly-false': 'Mostly false',
    false: 'False',
    undecidable: 'Undecidable',
  },
}

const fold = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()

const byLabel = new Map<string, Verdict>()
for (const v of verdicts) {
  byLabel.set(fold(v), v)
  for (const labels of Object.values(verdictLabels)) byLabel.set(fold(labels[v]), v)
}

/** The verdict a label (Korean or English, any case) or a verdict id names; undefined if none. */
export function verdictFromLabel(label: string): Verdict | undefined {
  return byLabel.get(fold(label))
}
