// The create-replica form: name, environment, agent and first message; POST /v1/replica waits until
// the workspace is ready, then the replica's page opens.
import { html, useEffect, useState } from './vendor/preact-htm.js';
import { api } from './api.js';
import { go } from './format.js';

/** The agents that can run on this server, from GET /v1/agent-credentials. */
export async function availableAgents() {
  const { agents } = await api('GET', '/v1/agent-credentials');
  return agents.filter((agent) => agent.available).map((agent) => agent.agent);
}

export function NewReplica() {
  const [environments, setEnvironments] = useState([]);
  const [agents, setAgents] = useState([]);
  const [form, setForm] = useState({ name: '', environment_id: '', coding_agent: '', message: '' });
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    Promise.all([api('GET', '/v1/environments?limit=100'), availableAgents()]).then(([envs, names]) => {
      const usable = envs.environments.filter((env) => !env.is_global);
      setEnvironments(usable);
      setAgents(names);
      setForm((f) => ({ ...f, environment_id: usable[0]?.id ?? '', coding_agent: names[0] ?? '' }));
    }).catch((error) => setProblem(error.message));
  }, []);
  const field = (name) => (event) => setForm({ ...form, [name]: event.target.value });
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const body = { name: form.name.trim(), message: form.message, environment_id: form.environment_id || undefined,
        coding_agent: form.coding_agent || undefined };
      const created = await api('POST', '/v1/replica', body);
      go('replicas', created.replica.id);
    } catch (error) {
      setProblem(error.message);
      setBusy(false);
    }
  };
  return html`
    <h1>New replica</h1>
    <form class="stack" onSubmit=${submit}>
      <label for="new-name">Name <span class="hint">(no spaces)</span></label>
      <input id="new-name" required value=${form.name} onInput=${field('name')} />
      <label for="new-environment">Environment</label>
      <select id="new-environment" value=${form.environment_id} onChange=${field('environment_id')}>
        ${environments.length === 0 && html`<option value="">No environment (none made yet)</option>`}
        ${environments.map((env) => html`<option value=${env.id}>${env.name}</option>`)}
      </select>
      <label for="new-agent">Agent</label>
      <select id="new-agent" value=${form.coding_agent} onChange=${field('coding_agent')}>
        ${agents.map((agent) => html`<option value=${agent}>${agent}</option>`)}
      </select>
      <label for="new-message">First message</label>
      <textarea id="new-message" rows="4" required value=${form.message} onInput=${field('message')}></textarea>
      <div class="actions">
        <button type="submit" disabled=${busy}>${busy ? 'Creating… (preparing the workspace)' : 'Create replica'}</button>
        <a href="#/replicas">Cancel</a>
      </div>
      ${problem && html`<p class="problem" role="alert">${problem}</p>`}
    </form>`;
}
