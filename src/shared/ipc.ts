/** The two IPC channels between main and the preload: every call goes in on one, every event comes out on the other. */
export const CALL_CHANNEL = 'factdesk:call'
export const EVENT_CHANNEL = 'factdesk:event'
