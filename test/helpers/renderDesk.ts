/**
 * Desk components rendered with React's server renderer (the project has no DOM library for Node),
 * inside the providers the desk gives them, with actions that refuse to run: a call would mean the
 * render itself changed the review.
 */
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { I18nContext, makeI18n } from '../../src/renderer/src/i18n'
import { DeskActionsContext, type DeskActions } from '../../src/renderer/src/state/deskActions'
import type { ClaimQueryState } from '../../src/renderer/src/state/useClaimQuery'
import type { Lang } from '../../src/shared/domain'

export const refuse = (): never => {
  throw new Error('no action runs while rendering')
}

const actions = new Proxy({} as DeskActions, { get: () => refuse })

/** The claims list's search as it stands with nothing typed, sorted by position; `filters` as given. */
export const idleQuery = (filters: ClaimQueryState['filters'] = {}): ClaimQueryState => ({
  query: '',
  setQuery: refuse,
  filters,
  setFilter: refuse,
  sort: 'position',
  setSort: refuse,
  clear: refuse,
  active: false,
  facetsLoaded: true,
  settled: true,
  visible: [],
  tags: [],
  reviewers: [],
  setSearchBox: () => undefined,
  focusSearch: refuse,
})

export function renderDesk(lang: Lang, node: ReactNode): string {
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(
        I18nContext.Provider,
        { value: makeI18n(lang) },
        createElement(DeskActionsContext.Provider, { value: actions }, node),
      ),
    ),
  )
}
