// Defines window.factdesk over HTTP for the browser harness (see server.ts). Served as a classic
// script before the app's module script, so the bridge exists when the app starts.
;(function () {
  'use strict'
  var meta = document.querySelector('meta[name="factdesk-token"]')
  var token = meta ? meta.getAttribute('content') || '' : ''
  // sessionStorage (this origin and port, this tab) covers reloads; the address bar need not show the token.
  var KEY = 'factdesk-token'
  try {
    if (token) sessionStorage.setItem(KEY, token)
    else token = sessionStorage.getItem(KEY) || ''
  } catch (e) {
    // Storage may be off; the printed address still works.
  }
  var here = new URL(location.href)
  if (here.searchParams.has('token')) {
    here.searchParams.delete('token')
    history.replaceState(history.state, '', here.pathname + here.search + here.hash)
  }

  // A code and its parameters, as the service gives them (src/shared/errors.ts); the page says it in its language.
  function failure(code, params, message) {
    return { ok: false, error: { code: code, params: params, message: message } }
  }

  function call(method, args) {
    var body = JSON.stringify(args === undefined ? {} : args)
    return fetch('/call/' + encodeURIComponent(method), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-factdesk-token': token },
      body: body,
      // A save sent as the page closes must still arrive (browsers allow this for small bodies).
      keepalive: body.length < 60000,
    }).then(
      function (res) {
        return res.json().catch(function () {
          return failure(
            'service-bad-answer',
            { status: res.status },
            'The harness answered ' + res.status + ' without a result.',
          )
        })
      },
      function () {
        return failure('service-unreachable', {}, 'The harness is not running.')
      },
    )
  }

  var listeners = new Map()
  var source = null
  function connect() {
    if (source) return
    source = new EventSource('/events?token=' + encodeURIComponent(token))
    source.onmessage = function (e) {
      var msg
      try {
        msg = JSON.parse(e.data)
      } catch (_) {
        return
      }
      var set = listeners.get(msg.name)
      if (set)
        set.forEach(function (fn) {
          fn(msg.payload)
        })
    }
  }

  function on(event, listener) {
    connect()
    if (!listeners.has(event)) listeners.set(event, new Set())
    listeners.get(event).add(listener)
    return function () {
      listeners.get(event).delete(listener)
    }
  }

  Object.defineProperty(window, 'factdesk', {
    value: Object.freeze({ call: call, on: on }),
    enumerable: true,
  })
})()
