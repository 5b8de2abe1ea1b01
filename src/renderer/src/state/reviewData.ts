import { useQuery } from '@tanstack/react-query'
import type { TagSummary } from '../../../shared/thread'
import { queries } from './queryClient'

const noTags: TagSummary[] = []

/** The review's tags with their colours and counts (the tag chips and the filter bar's tag list). */
export function useTags(): TagSummary[] {
  return useQuery(queries.tags).data ?? noTags
}

/** Who "you" are: replies by this name show Edit and Delete. */
export function useReviewerName(): string {
  return useQuery(queries.prefs).data?.reviewerName ?? ''
}

/** The reviewer's name, or null while the preferences are still being read (not the same as no name). */
export function useKnownReviewerName(): string | null {
  const prefs = useQuery(queries.prefs).data
  return prefs ? prefs.reviewerName : null
}
