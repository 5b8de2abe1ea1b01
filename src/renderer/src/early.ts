/**
 * Imported first by main.tsx, so it runs before every other module of the app is evaluated: asks the
 * review service for the essay and its claims (and first the language and the verdict scale, answered
 * at once). The service answers them while the rest of the app's script is set up, and the queries take
 * these answers for their first read (bridge.ts, `call(…, early)`). Not any sooner: the process that
 * answers also serves the page's script, which would then wait behind megabytes of claims.
 */
export {}

const bridge = (window as { factdesk?: Window['factdesk'] }).factdesk
if (bridge && typeof bridge.call === 'function') {
  ;(window as { __factdeskEarly?: unknown }).__factdeskEarly = {
    'prefs-get': bridge.call('prefs-get', {}),
    'scale-get': bridge.call('scale-get', {}),
    'document-desk': bridge.call('document-desk', {}),
    'claims-desk': bridge.call('claims-desk', {}),
  }
}
