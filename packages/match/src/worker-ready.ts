/** What a match worker posts once, before any result: its modules are loaded and it can match. */
export const WORKER_READY = 'ready';
