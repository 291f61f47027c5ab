// Environments and automations, read-only, linked both ways: an automation names its environment, and
// an environment lists the automations that run in it.
import { html, useEffect, useState } from './vendor/preact-htm.js';
import { api } from './api.js';
import { When } from './format.js';

function useLoad(load, deps) {
  const [state, setState] = useState({ data: null, problem: null });
  useEffect(() => {
    load().then((data) => setState({ data, problem: null })).catch((error) => setState({ data: null, problem: error.message }));
  }, deps);
  return state;
}

function Loading({ problem }) {
  return problem ? html`<p class="problem" role="alert">${problem}</p>` : html`<p>Loading…</p>`;
}

const environmentLink = (env) => html`<a href=${`#/environments/${env.id}`}>${env.name}</a>`;
const automationLink = (auto) => html`<a href=${`#/automations/${auto.id}`}>${auto.name}</a>`;

export function Environments() {
  const { data, problem } = useLoad(() => api('GET', '/v1/environments?limit=100'), []);
  if (!data) return html`<h1>Environments</h1><${Loading} problem=${problem} />`;
  return html`<h1>Environments</h1>
    <ul class="cards">${data.environments.map((env) => html`<li key=${env.id}>
      ${environmentLink(env)} ${env.is_global && html`<span class="badge">Global: under every environment</span>`}
      <p class="meta">${env.description ?? ''} ${env.variable_count} variables · ${env.file_count} files ·
        ${env.skill_count} skills · ${env.mcp_count} MCP servers</p></li>`)}</ul>`;
}

export function Environment({ id }) {
  const { data, problem } = useLoad(async () => {
    const [{ environment }, automations, repositories, variables] = await Promise.all([
      api('GET', `/v1/environments/${id}`),
      api('GET', '/v1/automations?limit=100'),
      api('GET', '/v1/replica/repositories'),
      api('GET', `/v1/environments/${id}/variables`).catch(() => ({ variables: [] })),
    ]);
    return { environment, automations: automations.automations.filter((a) => a.environment_id === id),
      repository: repositories.repositories?.find((r) => r.id === environment.repository_id), variables: variables.variables ?? [] };
  }, [id]);
  if (!data) return html`<h1>Environment</h1><${Loading} problem=${problem} />`;
  const { environment: env, automations, repository, variables } = data;
  return html`<p><a href="#/environments">← Environments</a></p>
    <h1>${env.name}</h1>
    <dl class="facts">
      <dt>Description</dt><dd>${env.description ?? '—'}</dd>
      <dt>Repository</dt><dd>${repository ? `${repository.name} (${repository.url})` : env.repository_set_id ? 'a repository set' : '—'}</dd>
      <dt>System prompt</dt><dd><pre>${env.system_prompt ?? '—'}</pre></dd>
      <dt>Variables</dt><dd>${variables.map((v) => v.key).join(', ') || '—'}</dd>
      <dt>Updated</dt><dd><${When} ts=${env.updated_at} /></dd>
    </dl>
    <h2>Automations in this environment</h2>
    ${automations.length === 0 ? html`<p class="empty">None.</p>`
      : html`<ul>${automations.map((a) => html`<li key=${a.id}>${automationLink(a)}</li>`)}</ul>`}`;
}

export function Automations() {
  const { data, problem } = useLoad(async () => {
    const [automations, environments] = await Promise.all([api('GET', '/v1/automations?limit=100'), api('GET', '/v1/environments?limit=100')]);
    return { automations: automations.automations, environments: environments.environments };
  }, []);
  if (!data) return html`<h1>Automations</h1><${Loading} problem=${problem} />`;
  const envOf = (auto) => data.environments.find((env) => env.id === auto.environment_id);
  return html`<h1>Automations</h1>
    ${data.automations.length === 0 ? html`<p class="empty">No automations.</p>` : html`<ul class="cards">
      ${data.automations.map((auto) => html`<li key=${auto.id}>${automationLink(auto)}
        <span class="badge">${auto.enabled ? 'enabled' : 'disabled'}</span>
        <p class="meta">in ${envOf(auto) ? environmentLink(envOf(auto)) : 'an unknown environment'} ·
          ${auto.triggers.map((t) => t.type).join(', ')}</p></li>`)}</ul>`}`;
}

export function Automation({ id }) {
  const { data, problem } = useLoad(async () => {
    const [{ automation }, executions] = await Promise.all([
      api('GET', `/v1/automations/${id}`), api('GET', `/v1/automations/${id}/executions`).catch(() => ({ executions: [] }))]);
    const environment = await api('GET', `/v1/environments/${automation.environment_id}`).then((r) => r.environment).catch(() => null);
    return { automation, environment, executions: executions.executions ?? [] };
  }, [id]);
  if (!data) return html`<h1>Automation</h1><${Loading} problem=${problem} />`;
  const { automation: auto, environment, executions } = data;
  return html`<p><a href="#/automations">← Automations</a></p>
    <h1>${auto.name}</h1>
    <dl class="facts">
      <dt>Status</dt><dd>${auto.enabled ? 'enabled' : 'disabled'}</dd>
      <dt>Environment</dt><dd>${environment ? environmentLink(environment) : auto.environment_id}</dd>
      <dt>Triggers</dt><dd>${auto.triggers.map((t) => html`<code>${t.type}</code> `)}${auto.cron_expression ? ` (${auto.cron_expression})` : ''}</dd>
      <dt>Prompt</dt><dd><pre>${auto.prompt}</pre></dd>
      <dt>Next run</dt><dd>${auto.cron_next_fire_at ?? '—'}</dd>
    </dl>
    <h2>Recent runs</h2>
    ${executions.length === 0 ? html`<p class="empty">No runs yet.</p>` : html`<ul>${executions.map((run) => html`<li key=${run.id}>
      <${When} ts=${run.triggered_at} /> · ${run.status}${run.error ? html` · <span class="problem">${run.error}</span>` : ''}
      ${run.workspace_id && html` · <a href=${`#/replicas/${run.workspace_id}`}>replica</a>`}</li>`)}</ul>`}`;
}
