// Small shared pieces: statuses as text and symbol (never colour alone), times, and the hash router.
import { html } from './vendor/preact-htm.js';

const STATUSES = {
  active: ['●', 'Active'],
  preparing: ['◌', 'Preparing'],
  sleeping: ['☾', 'Asleep'],
  archived: ['▪', 'Archived'],
  error: ['✕', 'Error'],
};

export function Status({ status, waking }) {
  const [symbol, label] = waking ? ['↻', 'Waking'] : STATUSES[status] ?? ['?', status];
  return html`<span class=${`status status-${waking ? 'waking' : status}`}>
    <span aria-hidden="true">${symbol}</span> ${label}</span>`;
}

export function ago(timestamp) {
  if (!timestamp) return '—';
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(timestamp)) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(timestamp).toLocaleDateString();
}

export function When({ ts }) {
  return html`<time datetime=${ts} title=${ts ? new Date(ts).toLocaleString() : ''}>${ago(ts)}</time>`;
}

/** The part of the URL after '#', split: '#/replicas/abc' → ['replicas', 'abc']. Ids only, never the key. */
export function route() {
  return location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

export const go = (...parts) => {
  location.hash = `#/${parts.map(encodeURIComponent).join('/')}`;
};
