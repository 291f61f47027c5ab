// Every call of the page goes through here: /v1 with the API key of this tab (sessionStorage, never a
// URL), JSON in and out, and the replica event stream over fetch so the key can travel in a header.
import { fetchEventSource } from './vendor/fetch-event-source/index.js';

const KEY = 'replicas-api-key';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  save: (key) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
};

/** A refused call: the HTTP status and the server's own `error` message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let unauthorized = () => {};
/** Called when the server refuses the key (401), so the page can ask for another. */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

async function errorOf(response) {
  let message = `The server answered ${response.status} ${response.statusText}`.trim();
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string') message = body.error;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, message);
}

/** A call to /v1 with an explicit key (sign-in checks a key before keeping it). */
export async function callWith(key, method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError(0, `The server could not be reached (${error.message}). Is it still running?`);
  }
  if (!response.ok) throw await errorOf(response);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** A call to /v1 with this tab's key; a refused key signs the tab out. */
export async function api(method, path, body) {
  try {
    return await callWith(session.key() ?? '', method, path, body);
  } catch (error) {
    if (error.status === 401) unauthorized(error);
    throw error;
  }
}

class Fatal extends Error {}

/**
 * Follows GET /v1/replica/{id}/events: onEvent gets each parsed {id, ts, type, payload}. The library
 * reconnects with Last-Event-ID after a drop; a 503 (the replica is waking) is retried, a 401 or 404
 * ends the stream. Returns a function that closes it.
 */
export function followReplica(id, { onEvent, onState }) {
  const controller = new AbortController();
  fetchEventSource(`/v1/replica/${encodeURIComponent(id)}/events`, {
    headers: { Authorization: `Bearer ${session.key() ?? ''}` },
    signal: controller.signal,
    openWhenHidden: true,
    async onopen(response) {
      if (response.ok) {
        onState?.('live');
        return;
      }
      const error = await errorOf(response);
      if (response.status === 401) unauthorized(error);
      if (response.status === 503) {
        onState?.('waking');
        throw error;
      }
      onState?.('closed', error.message);
      throw new Fatal(error.message);
    },
    onmessage(message) {
      if (message.data) onEvent(JSON.parse(message.data));
    },
    onclose() {
      onState?.('reconnecting');
    },
    onerror(error) {
      if (error instanceof Fatal) throw error;
      onState?.('reconnecting');
      return 1000;
    },
  }).catch(() => {});
  return () => controller.abort();
}
