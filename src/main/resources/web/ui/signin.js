// Asks for the API key once per tab: checks it against /v1 before keeping it in sessionStorage.
import { html, useState } from './vendor/preact-htm.js';
import { callWith, session } from './api.js';

export function SignIn({ notice, onSignedIn }) {
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState(notice);
  const [checking, setChecking] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    const typed = key.trim();
    if (!typed) {
      setProblem('Paste an API key first: it starts with sk_replicas_.');
      return;
    }
    setChecking(true);
    try {
      await callWith(typed, 'GET', '/v1/replica?limit=1');
      session.save(typed);
      onSignedIn();
    } catch (error) {
      setProblem(error.status === 401
        ? `That API key was not accepted: ${error.message} The key the server made is in the file api-key of its data folder (~/.replicas-mcp/api-key by default).`
        : error.message);
    } finally {
      setChecking(false);
    }
  };
  return html`
    <main class="signin">
      <h1>Replicas</h1>
      <p>Paste an API key of this server. It stays in this browser tab only (session storage) and is sent
        to the server's <code>/v1</code> API in a header, never in a URL.</p>
      <form onSubmit=${submit}>
        <label for="api-key">API key</label>
        <input id="api-key" type="password" autocomplete="off" spellcheck="false" placeholder="sk_replicas_..."
          value=${key} onInput=${(e) => setKey(e.target.value)} autofocus />
        <button type="submit" disabled=${checking}>${checking ? 'Checking…' : 'Sign in'}</button>
      </form>
      ${problem && html`<p class="problem" role="alert">${problem}</p>`}
    </main>`;
}
