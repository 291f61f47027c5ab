// One replica: its chats, the selected chat's conversation kept live by the replica's event stream, a
// send box that follows each message (sent, queued with position, running, answered), the
// repositories' diffs (read again when a turn completes) and hook logs, and delete with confirmation.
import { html, useEffect, useRef, useState } from './vendor/preact-htm.js';
import { api, followReplica } from './api.js';
import { Status, go } from './format.js';
import { Conversation, eventKey, normalize } from './conversation.js';
import { Hooks, Repositories } from './repos.js';
import { availableAgents } from './create.js';
import { SendBox } from './sendbox.js';

/** The confirmation takes the focus, so Enter after Enter deletes and Tab reaches Cancel. */
function ConfirmDelete({ name, onConfirm, onCancel }) {
  const yes = useRef(null);
  useEffect(() => yes.current?.focus(), []);
  return html`<span class="confirm" role="group" aria-label="Confirm deletion">Delete ${name}? Its agent stops and its chats are gone.
    <button type="button" class="danger" onClick=${onConfirm} ref=${yes}>Yes, delete</button>
    <button type="button" class="quiet" onClick=${onCancel}>Cancel</button></span>`;
}

export function ReplicaView({ id }) {
  const [replica, setReplica] = useState(null);
  const [chats, setChats] = useState([]);
  const [chatId, setChatId] = useState(null);
  const [events, setEvents] = useState([]);
  const [hooks, setHooks] = useState(null);
  const [progress, setProgress] = useState(new Map()); // message id → {status, position, chatId}
  const [stream, setStream] = useState('connecting');
  const [problem, setProblem] = useState(null);
  const [refreshing, setRefreshing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [agents, setAgents] = useState([]);
  const [newChatAgent, setNewChatAgent] = useState('');
  const chatRef = useRef(null);
  const seen = useRef(new Set());
  chatRef.current = chatId;

  const loadReplica = async () => {
    setRefreshing(true);
    try {
      const { replica: detail } = await api('GET', `/v1/replica/${id}?include=diffs`);
      setReplica(detail);
      setChats(detail.chats ?? []);
      setChatId((current) => current ?? detail.chats?.[0]?.id ?? null);
    } catch (error) {
      setProblem(error.status === 404 ? 'This replica no longer exists.' : error.message);
    } finally {
      setRefreshing(false);
    }
  };
  const loadChats = () => api('GET', `/v1/replica/${id}/chats`).then(({ chats: list }) => setChats(list)).catch(() => {});
  const loadHooks = () => api('GET', `/v1/replica/${id}/hooks`).then(setHooks).catch(() => {});
  const loadHistory = async (chat) => {
    const page = await api('GET', `/v1/replica/${id}/history?chat_id=${encodeURIComponent(chat)}`);
    if (chatRef.current !== chat) return;
    const loaded = page.events.map(normalize);
    setEvents((live) => {
      const keys = new Set(loaded.map(eventKey));
      const merged = loaded.concat(live.filter((event) => !keys.has(eventKey(event))));
      seen.current = new Set(merged.map(eventKey));
      return merged.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
    });
  };

  const track = (messageId, change) => setProgress((old) => {
    const next = new Map(old);
    next.set(messageId, { ...(old.get(messageId) ?? {}), ...change });
    return next;
  });

  const onEvent = ({ type, payload }) => {
    const p = payload ?? {};
    if (type === 'chat.turn.delta' && p.chatId === chatRef.current) {
      const event = normalize(p.event);
      if (!seen.current.has(eventKey(event))) {
        seen.current.add(eventKey(event));
        setEvents((list) => [...list, event]);
      }
    } else if (type === 'chat.turn.accepted') {
      track(p.messageId, { chatId: p.chatId, status: p.queued ? 'queued' : 'sent', position: p.position });
    } else if (type === 'chat.turn.started') {
      setProgress((old) => {
        const next = new Map();
        for (const [key, value] of old) {
          if (key === p.messageId) next.set(key, { ...value, chatId: p.chatId, status: 'running' });
          else if (value.chatId === p.chatId && value.status === 'queued') next.set(key, { ...value, position: Math.max(1, value.position - 1) });
          else next.set(key, value);
        }
        if (!next.has(p.messageId)) next.set(p.messageId, { chatId: p.chatId, status: 'running' });
        return next;
      });
      setChats((list) => list.map((chat) => (chat.id === p.chatId ? { ...chat, processing: true } : chat)));
    } else if (type === 'chat.turn.completed') {
      setProgress((old) => new Map([...old].map(([key, value]) => [key,
        value.chatId === p.chatId && value.status === 'running' ? { ...value, status: p.isComplete ? 'answered' : 'failed' } : value])));
      setChats((list) => list.map((chat) => (chat.id === p.chatId ? { ...chat, processing: false } : chat)));
      if (p.chatId === chatRef.current) loadHistory(p.chatId).catch(() => {});
      loadReplica(); // the agent may have changed files: read the diffs again
      loadChats();
    } else if (type === 'chat.created' || type === 'chat.deleted') {
      loadChats();
    } else if (type === 'replica.deleted') {
      go('replicas');
    } else if (type.startsWith('hooks.')) {
      loadHooks();
    } else if (type.startsWith('engine.') && type !== 'engine.status.changed') {
      loadReplica();
    }
  };

  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  useEffect(() => {
    loadReplica();
    loadHooks();
    availableAgents().then((names) => { setAgents(names); setNewChatAgent(names[0] ?? ''); }).catch(() => {});
    const stop = followReplica(id, { onEvent: (event) => onEventRef.current(event), onState: (state, why) => setStream(why ? `${state}: ${why}` : state) });
    return stop;
  }, [id]);
  useEffect(() => {
    setEvents([]);
    seen.current = new Set();
    if (chatId) loadHistory(chatId).catch((error) => setProblem(error.message));
  }, [chatId]);

  const createChat = async () => {
    try {
      const chat = await api('POST', `/v1/replica/${id}/chats`, { provider: newChatAgent || undefined });
      await loadChats();
      setChatId(chat.id);
    } catch (error) {
      setProblem(error.message);
    }
  };
  const remove = async () => {
    try {
      await api('DELETE', `/v1/replica/${id}`);
      go('replicas');
    } catch (error) {
      setProblem(error.message);
      setConfirming(false);
    }
  };

  if (!replica) {
    return html`<p>${problem ? html`<span class="problem" role="alert">${problem}</span> <a href="#/replicas">Back to the list</a>` : 'Loading…'}</p>`;
  }
  const chat = chats.find((c) => c.id === chatId);
  return html`
    <div class="bar">
      <h1>${replica.name}</h1>
      <${Status} status=${replica.status} waking=${replica.waking} />
      <span class="meta">agent ${replica.coding_agent ?? '—'} · ${replica.repositories.map((r) => r.name).join(', ') || 'no repository'}
        ${' · '}events <span class="stream" data-state=${stream}>${stream}</span></span>
      ${confirming
        ? html`<${ConfirmDelete} name=${replica.name} onConfirm=${remove} onCancel=${() => setConfirming(false)} />`
        : html`<button type="button" class="danger" onClick=${() => setConfirming(true)}>Delete replica…</button>`}
    </div>
    ${problem && html`<p class="problem" role="alert">${problem}</p>`}
    <div class="columns">
      <section class="panel conversation" aria-labelledby="chat-title">
        <h2 id="chat-title" class="visually-hidden">Chats</h2>
        <div class="chats" role="tablist" aria-label="Chats">
          ${chats.map((c) => html`<button type="button" role="tab" aria-selected=${c.id === chatId} key=${c.id}
              onClick=${() => setChatId(c.id)}>${c.title || 'Chat'} · ${c.provider}${c.processing ? ' · working' : ''}</button>`)}
          <span class="new-chat">
            <label for="chat-agent" class="visually-hidden">Agent of the new chat</label>
            <select id="chat-agent" value=${newChatAgent} onChange=${(e) => setNewChatAgent(e.target.value)}>
              ${agents.map((agent) => html`<option value=${agent}>${agent}</option>`)}
            </select>
            <button type="button" onClick=${createChat}>New chat</button>
          </span>
        </div>
        <div class="history" aria-live="polite"><${Conversation} events=${events} processing=${chat?.processing} /></div>
        <${SendBox} replicaId=${id} chatId=${chatId} progress=${progress} onSent=${track} />
      </section>
      <div class="side">
        <${Repositories} statuses=${replica.repository_statuses} onRefresh=${loadReplica} refreshing=${refreshing} />
        <${Hooks} hooks=${hooks} />
      </div>
    </div>`;
}
