import { perLang, type Catalogue } from '../../shared/i18n'
import { useI18n } from './i18n'

/** Text of the team workflow: assignment, the editor's sign-off, notices (the catalogue's `team` section). */
export type TeamText = Catalogue['team']
export const teamText = perLang((c) => c.team)

export function useTeamText(): TeamText {
  return teamText[useI18n().lang]
}
