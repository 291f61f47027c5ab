// Every replica of the organization, polled from GET /v1/replica every two seconds while the tab is
// visible (a local server answers that from its database in a few milliseconds), with each replica's
// agent, working chats and queued messages from GET /v1/replica/{id}/chats, asked again when its activity
// changes or while one of its chats works or has a queue (so the counts follow the queue as it drains).
import { html, useEffect, useState } from './vendor/preact-htm.js';
import { api } from './api.js';
import { Status, When } from './format.js';

const POLL_MS = 2000;
const chatsSeen = new Map(); // replica id → {activity, chats}

async function chatsOf(replica) {
  const seen = chatsSeen.get(replica.id);
  const busy = seen && seen.chats.some((chat) => chat.processing || chat.queued_messages > 0);
  if (seen && !busy && seen.activity === replica.last_activity_at) return seen.chats;
  const { chats } = await api('GET', `/v1/replica/${replica.id}/chats`);
  chatsSeen.set(replica.id, { activity: replica.last_activity_at, chats });
  return chats;
}

async function load() {
  const { replicas } = await api('GET', '/v1/replica?limit=100');
  const withChats = await Promise.all(replicas.map(async (replica) => {
    try {
      return { ...replica, chats: await chatsOf(replica) };
    } catch {
      return { ...replica, chats: null }; // deleted meanwhile: the next poll drops it
    }
  }));
  return withChats;
}

function Agents({ chats }) {
  if (!chats) return '—';
  const agents = [...new Set(chats.map((chat) => chat.provider))];
  return agents.join(', ') || '—';
}

function Chats({ chats }) {
  if (!chats) return '—';
  const working = chats.filter((chat) => chat.processing).length;
  const count = `${chats.length} chat${chats.length === 1 ? '' : 's'}`;
  return working ? html`${count}, <span class="working">${working} working</span>` : html`${count}, <span class="idle">idle</span>`;
}

function Queued({ chats }) {
  if (!chats) return '—';
  const queued = chats.reduce((sum, chat) => sum + (chat.queued_messages ?? 0), 0);
  return queued ? html`<span class="working">${queued} queued</span>` : '0';
}

export function ReplicaList() {
  const [replicas, setReplicas] = useState(null);
  const [problem, setProblem] = useState(null);
  useEffect(() => {
    let stopped = false;
    let timer;
    const tick = async () => {
      if (!document.hidden) {
        try {
          const list = await load();
          if (!stopped) {
            setReplicas(list);
            setProblem(null);
          }
        } catch (error) {
          if (!stopped) setProblem(error.message);
        }
      }
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return html`
    <div class="bar">
      <h1>Replicas</h1>
      <a class="button" href="#/replicas/new">New replica</a>
    </div>
    ${problem && html`<p class="problem" role="alert">${problem}</p>`}
    ${replicas === null ? html`<p>Loading…</p>` : replicas.length === 0
      ? html`<p class="empty">No replicas yet. <a href="#/replicas/new">Create one</a>.</p>`
      : html`<table class="replicas" aria-live="polite">
          <thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Agent</th>
            <th scope="col">Repositories</th><th scope="col">Last activity</th><th scope="col">Chats</th>
            <th scope="col">Queued messages</th></tr></thead>
          <tbody>${replicas.map((replica) => html`
            <tr key=${replica.id} data-replica=${replica.name}>
              <th scope="row" data-label="Name"><a href=${`#/replicas/${replica.id}`}>${replica.name}</a></th>
              <td data-label="Status"><${Status} status=${replica.status} /></td>
              <td data-label="Agent"><${Agents} chats=${replica.chats} /></td>
              <td data-label="Repositories">${replica.repositories.map((repo) => repo.name).join(', ') || '—'}</td>
              <td data-label="Last activity"><${When} ts=${replica.last_activity_at} /></td>
              <td data-label="Chats"><${Chats} chats=${replica.chats} /></td>
              <td data-label="Queued messages" data-queued><${Queued} chats=${replica.chats} /></td>
            </tr>`)}
          </tbody>
        </table>`}`;
}
