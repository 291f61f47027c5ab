// The shell of the web view: sign-in, the navigation, and which view the URL's hash shows.
import { html, render, useEffect, useState } from './vendor/preact-htm.js';
import { onUnauthorized, session } from './api.js';
import { route } from './format.js';
import { SignIn } from './signin.js';
import { ReplicaList } from './replicas.js';
import { NewReplica } from './create.js';
import { ReplicaView } from './replica.js';
import { Environments, Environment, Automations, Automation } from './catalog.js';

function useRoute() {
  const [parts, setParts] = useState(route());
  useEffect(() => {
    const changed = () => setParts(route());
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return parts;
}

function View({ parts }) {
  const [section, id] = parts;
  if (section === 'replicas' && id === 'new') return html`<${NewReplica} />`;
  if (section === 'replicas' && id) return html`<${ReplicaView} key=${id} id=${id} />`;
  if (section === 'environments' && id) return html`<${Environment} key=${id} id=${id} />`;
  if (section === 'environments') return html`<${Environments} />`;
  if (section === 'automations' && id) return html`<${Automation} key=${id} id=${id} />`;
  if (section === 'automations') return html`<${Automations} />`;
  return html`<${ReplicaList} />`;
}

function App() {
  const [signedIn, setSignedIn] = useState(Boolean(session.key()));
  const [notice, setNotice] = useState(null);
  const parts = useRoute();
  useEffect(() => {
    onUnauthorized((error) => {
      session.clear();
      setNotice(`The server no longer accepts this tab's API key: ${error.message} Paste a valid key.`);
      setSignedIn(false);
    });
  }, []);
  if (!signedIn) return html`<${SignIn} notice=${notice} onSignedIn=${() => { setNotice(null); setSignedIn(true); }} />`;
  const current = parts[0] ?? 'replicas';
  const link = (name, label) => html`<a href=${`#/${name}`} aria-current=${current === name ? 'page' : undefined}>${label}</a>`;
  const signOut = () => {
    session.clear();
    setSignedIn(false);
  };
  return html`
    <header class="top">
      <a class="brand" href="#/replicas">Replicas</a>
      <nav aria-label="Sections">
        ${link('replicas', 'Replicas')} ${link('environments', 'Environments')} ${link('automations', 'Automations')}
      </nav>
      <button type="button" class="quiet" onClick=${signOut}>Sign out</button>
    </header>
    <main id="main"><${View} parts=${parts} /></main>`;
}

render(html`<${App} />`, document.getElementById('app'));
