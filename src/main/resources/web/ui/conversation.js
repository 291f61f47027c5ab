// A chat's history as a conversation: history events (Claude Code's and Codex's shapes) become items —
// user and agent text, folded tool calls and results, visible errors — grouped into turns that start at
// each user message. A turn that ended without a successful result is marked incomplete.
import { html } from './vendor/preact-htm.js';

/** History events wrap the stored event once more; stream deltas do not. Both become {ts, type, raw}. */
export function normalize(event) {
  let e = event;
  while (e.payload && e.payload.type === e.type && 'payload' in e.payload) e = e.payload;
  return { ts: e.timestamp, type: e.type, raw: e.payload ?? {} };
}

export const eventKey = (event) => `${event.ts}|${event.type}|${JSON.stringify(event.raw).length}`;

const text = (value) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

function contentItems(content, role) {
  if (typeof content === 'string') return [{ kind: role, text: content }];
  return (content ?? []).flatMap((part) => {
    switch (part.type) {
      case 'text': case 'input_text': case 'output_text': return [{ kind: role, text: part.text }];
      case 'thinking': return [{ kind: 'thinking', text: part.thinking ?? part.text ?? '' }];
      case 'tool_use': return [{ kind: 'tool-call', name: part.name, body: text(part.input) }];
      case 'tool_result': return [{ kind: 'tool-result', body: text(part.content), error: part.is_error === true }];
      default: return [{ kind: 'other', name: part.type, body: text(part) }];
    }
  });
}

/** The items one event shows. */
export function itemsOf({ type, raw }) {
  if (type.endsWith('-user') && raw.message) return contentItems(raw.message.content, 'user');
  if (type.endsWith('-assistant') && raw.message) return contentItems(raw.message.content, 'agent');
  if (type.endsWith('-system')) return [{ kind: 'note', text: `Session ${raw.subtype ?? 'event'}` }];
  if (raw.type === 'result') {
    if (raw.subtype === 'success' && raw.is_error !== true) return [{ kind: 'done' }];
    const errors = [].concat(raw.errors ?? [], raw.result ?? [], raw.error ?? []).map(text);
    return [{ kind: 'error', text: errors.join('\n') || `The turn ended with ${raw.subtype ?? 'an error'}.` }];
  }
  const inner = raw.payload ?? raw;
  if (inner.type === 'message' && inner.content) return contentItems(inner.content, inner.role === 'user' ? 'user' : 'agent');
  if (inner.type === 'function_call' || inner.type === 'custom_tool_call') {
    return [{ kind: 'tool-call', name: inner.name, body: text(inner.arguments ?? inner.input ?? '') }];
  }
  if (inner.type === 'function_call_output' || inner.type === 'custom_tool_call_output') {
    return [{ kind: 'tool-result', body: text(inner.output ?? '') }];
  }
  if (inner.type === 'agent_reasoning') return [{ kind: 'thinking', text: inner.text ?? '' }];
  const message = typeof inner.message === 'string' ? inner.message : null;
  if (message && /^Turn failed/.test(message)) return [{ kind: 'error', text: message }];
  if (message && /^Turn complete/.test(message)) return [{ kind: 'done' }];
  if (/error/i.test(type) || /error/i.test(inner.type ?? '')) return [{ kind: 'error', text: text(inner) }];
  return [{ kind: 'other', name: type, body: text(raw) }];
}

/** Items grouped into turns; each turn knows whether it ended well, failed, or has no end yet. */
export function turnsOf(events) {
  const turns = [];
  for (const event of events) {
    for (const item of itemsOf(event)) {
      if (item.kind === 'user' || turns.length === 0) turns.push({ items: [], done: false, failed: false });
      const turn = turns[turns.length - 1];
      if (item.kind === 'done') turn.done = true;
      else turn.items.push(item);
      if (item.kind === 'error') turn.failed = true;
    }
  }
  return turns;
}

function Item({ item }) {
  switch (item.kind) {
    case 'user': return html`<div class="msg user"><span class="who">You</span><p>${item.text}</p></div>`;
    case 'agent': return html`<div class="msg agent"><span class="who">Agent</span><p>${item.text}</p></div>`;
    case 'thinking': return html`<details class="fold"><summary>Thinking</summary><pre>${item.text}</pre></details>`;
    case 'tool-call': return html`<details class="fold tool"><summary>Tool call: ${item.name}</summary><pre>${item.body}</pre></details>`;
    case 'tool-result': return html`<details class=${`fold tool${item.error ? ' failed' : ''}`}>
      <summary>${item.error ? '⚠ Tool result (error)' : 'Tool result'}</summary><pre>${item.body}</pre></details>`;
    case 'error': return html`<div class="msg error" role="note"><span class="who">⚠ Error</span><p>${item.text}</p></div>`;
    case 'note': return html`<p class="note">${item.text}</p>`;
    default: return html`<details class="fold"><summary>${item.name}</summary><pre>${item.body}</pre></details>`;
  }
}

/** processing: the chat runs a turn now, so the last turn is still going, not incomplete. */
export function Conversation({ events, processing }) {
  const turns = turnsOf(events);
  if (turns.length === 0) return html`<p class="empty">No messages in this chat yet.</p>`;
  return html`<ol class="turns">${turns.map((turn, index) => {
    const last = index === turns.length - 1;
    const running = last && processing && !turn.done;
    const incomplete = !turn.done && !running;
    return html`<li class=${`turn${incomplete ? ' incomplete' : ''}`}>
      ${turn.items.map((item) => html`<${Item} item=${item} />`)}
      ${running && html`<p class="working" role="status">Agent is working…</p>`}
      ${incomplete && html`<p class="badge warn">⚠ Turn incomplete${turn.failed ? ': it ended with an error' : ''}</p>`}
    </li>`;
  })}</ol>`;
}
