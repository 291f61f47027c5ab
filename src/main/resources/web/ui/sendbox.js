// The message box of a chat, and what became of each message sent from it in this tab.
import { html, useState } from './vendor/preact-htm.js';
import { api } from './api.js';

function label(state) {
  switch (state.status) {
    case 'sent': return 'Sent: running now';
    case 'queued': return `Queued: position ${state.position ?? '?'}`;
    case 'waking': return 'Waking the replica: the message runs once it is awake';
    case 'running': return 'Running';
    case 'answered': return 'Answered';
    case 'failed': return 'Failed: the turn did not complete';
    default: return state.status;
  }
}

export function SendBox({ replicaId, chatId, progress, onSent }) {
  const [text, setText] = useState('');
  const [sent, setSent] = useState([]); // [{key, id, chatId, text, answer}]
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setProblem(null);
    try {
      const answer = await api('POST', `/v1/replica/${replicaId}/messages`, { message: text, chat_id: chatId ?? undefined });
      const entry = { key: answer.message_id ?? `waking-${Date.now()}`, id: answer.message_id, chatId: answer.chat_id, text, answer };
      setSent((list) => [...list, entry]);
      // The stream may have told of this message already; what it said wins over the answer.
      if (answer.message_id && !progress.has(answer.message_id)) {
        onSent(answer.message_id, { chatId: answer.chat_id, status: answer.status, position: answer.position });
      }
      setText('');
    } catch (error) {
      setProblem(error.message);
    } finally {
      setBusy(false);
    }
  };
  const keyDown = (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  };
  const mine = sent.filter((entry) => !chatId || entry.chatId === chatId);
  return html`<form class="send" onSubmit=${submit}>
    <label for="message">Message <span class="hint">(Ctrl+Enter sends)</span></label>
    <textarea id="message" rows="3" value=${text} onInput=${(e) => setText(e.target.value)} onKeyDown=${keyDown}></textarea>
    <button type="submit" disabled=${busy || !chatId}>Send</button>
    ${problem && html`<p class="problem" role="alert">${problem}</p>`}
    ${mine.length > 0 && html`<ul class="sent" aria-label="Messages sent from this tab" aria-live="polite">
      ${mine.map((entry) => {
        const state = (entry.id && progress.get(entry.id)) || entry.answer;
        return html`<li key=${entry.key} data-status=${state.status}><span class="text">${entry.text}</span>
          <span class="badge">${label(state)}</span></li>`;
      })}</ul>`}
  </form>`;
}
