// First: asks for the review's essay and claims before the other modules are evaluated.
import './early'
import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { claimsQuery, createDeskClient, queries } from './state/queryClient'
import './styles.css'

// One cache for the page's life: what the review service answered (docs/renderer-data.md).
const client = createDeskClient()
// The essay and its claims are what opening waits for (a long review's claims list is megabytes): asked
// as the script started (early.ts), their answers are taken now, while React renders the desk the first
// time, rather than once it has; the language and the verdict colours too.
void client.prefetchQuery(queries.prefs)
void client.prefetchQuery(queries.scale)
void client.prefetchQuery(queries.document)
void client.prefetchQuery(claimsQuery(client))

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
)
