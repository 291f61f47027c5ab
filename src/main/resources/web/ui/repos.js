// A replica's repositories (branch, line counts, the diff rendered by diff2html) and its hook logs.
import { html, useEffect, useRef } from './vendor/preact-htm.js';

function Diff({ diff }) {
  const box = useRef(null);
  useEffect(() => {
    if (!box.current) return;
    // diff2html escapes the diff's text; its HTML has no inline scripts or styles.
    box.current.innerHTML = window.Diff2Html
      ? window.Diff2Html.html(diff, { drawFileList: true, outputFormat: 'line-by-line', matching: 'none' })
      : '';
    if (!window.Diff2Html) box.current.textContent = diff;
  }, [diff]);
  return html`<div class="diff" ref=${box}></div>`;
}

export function Repositories({ statuses, onRefresh, refreshing }) {
  return html`<section aria-labelledby="repos-title" class="panel">
    <div class="bar"><h2 id="repos-title">Repositories</h2>
      <button type="button" class="quiet" onClick=${onRefresh} disabled=${refreshing}>${refreshing ? 'Refreshing…' : 'Refresh diff'}</button></div>
    ${(statuses ?? []).length === 0 && html`<p class="empty">No repository status (the replica may be waking).</p>`}
    ${(statuses ?? []).map((repo) => html`<article class="repo" key=${repo.repository}>
      <h3>${repo.repository} <span class="branch">on <code>${repo.branch ?? '?'}</code>
        ${repo.default_branch && html` from <code>${repo.default_branch}</code>`}</span></h3>
      ${repo.git_diff === null
        ? html`<p class="problem">No diff: the workspace could not be read.</p>`
        : html`<p class="counts"><span class="added">+${repo.git_diff.added}</span> <span class="removed">−${repo.git_diff.removed}</span>
            <span class="visually-hidden"> lines added and removed</span></p>
          ${repo.git_diff.full_diff ? html`<${Diff} diff=${repo.git_diff.full_diff} />` : html`<p class="empty">No changes.</p>`}`}
    </article>`)}
  </section>`;
}

function HookLog({ log, kind }) {
  const ok = log.exitCode === 0 && !log.timedOut;
  return html`<details class=${`fold hook${ok ? '' : ' failed'}`}>
    <summary>${kind} hook ${log.hookName ?? log.hookType}: ${log.timedOut ? 'timed out' : `exit code ${log.exitCode}`}
      ${ok ? ' ✓' : ' ⚠'}</summary>
    <pre>${log.output}${log.outputTruncated ? `\n… (${log.outputTotalChars} characters in all)` : ''}</pre>
  </details>`;
}

export function Hooks({ hooks }) {
  const warm = hooks?.warm_hooks?.logs ?? [];
  const start = hooks?.start_hooks?.logs ?? [];
  return html`<section aria-labelledby="hooks-title" class="panel">
    <h2 id="hooks-title">Hook logs</h2>
    ${warm.length + start.length === 0 && html`<p class="empty">No hook has run in this replica.</p>`}
    ${warm.map((log) => html`<${HookLog} log=${log} kind="Warm" />`)}
    ${start.map((log) => html`<${HookLog} log=${log} kind="Start" />`)}
  </section>`;
}
