// The web view in a real browser: Debian's Chromium, headless, driven by playwright-core against the
// packaged server in HTTP mode. It signs in (a wrong key first), creates a replica of the scripted agent
// from the form, sees the reply arrive without a reload, sends a second message that is queued and then
// answered, has a `command` agent (a script written here, as claude) change a file and sees the diff,
// and deletes the replica. Screenshots of each step go to target/web-view/.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { ROOT, JAVA, awaitExit, gitRepository, scratch, serverCommand, serverEnv } from './support/server.mjs';

const SHOTS = join(ROOT, 'target', 'web-view');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const WAIT_MS = 30_000;
// Long enough that a message sent right after the first one finds the chat busy, and is queued.
const TURN_DELAY_MS = 6000;

// Claude Code's stream-json, enough of it: the script edits a file in its working folder (the clone).
const FAKE_CLAUDE = `#!/bin/sh
echo "changed by the web view test" >> web-view-notes.txt
echo '{"type":"system","subtype":"init","session_id":"web-1"}'
echo '{"type":"assistant","message":{"content":[{"type":"tool_use","id":"t1","name":"Edit","input":{"file_path":"web-view-notes.txt"}}]},"session_id":"web-1"}'
echo '{"type":"user","message":{"content":[{"type":"tool_result","tool_use_id":"t1","content":"ok"}]},"session_id":"web-1"}'
echo '{"type":"assistant","message":{"content":[{"type":"text","text":"I wrote web-view-notes.txt."}]},"session_id":"web-1"}'
echo '{"type":"result","subtype":"success","is_error":false,"session_id":"web-1"}'
`;

let server;
let browser;

async function startServer() {
  const dir = scratch();
  const fake = join(dir, 'fake-claude');
  writeFileSync(fake, FAKE_CLAUDE);
  chmodSync(fake, 0o755);
  const command = serverCommand(dir, ['--http', '--host', '127.0.0.1', '--port', '0',
    '--agent-command', `claude=${fake}`], { turnDelayMs: TURN_DELAY_MS });
  const child = spawn(JAVA, command, { env: serverEnv(dir), stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const base = await new Promise((found, failed) => {
    const timer = setTimeout(() => failed(new Error(`no web view line within 60 s:\n${log}`)), 60_000);
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const match = /Web view: open (http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
      if (match) {
        clearTimeout(timer);
        found(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      failed(new Error(`the server exited (${code}):\n${log}`));
    });
  });
  const apiKey = readFileSync(join(dir, 'data', 'api-key'), 'utf8').trim();
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await awaitExit(child.pid);
    rmSync(dir, { recursive: true, force: true });
  };
  return { dir, base, apiKey, stop, log: () => log };
}

async function call(method, path, body) {
  const response = await fetch(`${server.base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${server.apiKey}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

before(async () => {
  server = await startServer();
  const repo = gitRepository(server.dir, 'web-repo');
  const { repository } = await call('POST', '/v1/replica/repositories', { location: repo });
  await call('POST', '/v1/environments', { name: 'web-env', repository_id: repository.id });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the web view: sign in, create, follow live, queue, diff, delete', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  const shot = (name, options = {}) => page.screenshot({ path: join(SHOTS, `${name}.png`), ...options });

  const index = await page.goto(`${server.base}/`);
  assert.match(index.headers()['content-security-policy'], /default-src 'self'/);
  assert.doesNotMatch(page.url(), /sk_replicas/);

  // A wrong key: a clear message, not a blank page.
  await page.getByLabel('API key').fill('sk_replicas_not-a-real-key');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'That API key was not accepted' }).waitFor();
  await shot('01-wrong-key');
  problems.length = 0; // the browser logs the refused call (401) as a console error; that one was expected

  await page.getByLabel('API key').fill(server.apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('No replicas yet').waitFor();
  await shot('02-signed-in');

  // Create a replica of the scripted agent from the form.
  await page.getByRole('link', { name: 'New replica' }).click();
  await page.getByLabel('Name').fill('web-view-demo');
  await page.getByLabel('Environment').selectOption({ label: 'web-env' });
  await page.getByLabel('Agent').selectOption('scripted');
  await page.getByLabel('First message').fill('hello from the browser');
  await shot('03-create-form');
  await page.getByRole('button', { name: 'Create replica' }).click();
  await page.getByRole('heading', { name: 'web-view-demo', exact: true }).waitFor();
  await page.getByText('hello from the browser').first().waitFor();

  // A second message while the first turn runs: queued, then answered.
  await page.getByLabel(/^Message/).fill('and a second one');
  await page.getByRole('button', { name: 'Send' }).click();
  const second = page.locator('.sent li').filter({ hasText: 'and a second one' });
  await second.getByText(/Queued: position \d/).waitFor();
  await shot('04-queued');
  await page.getByText('Scripted agent received: hello from the browser').waitFor();
  await shot('05-first-reply');
  await page.getByText('Scripted agent received: and a second one').waitFor();
  await second.getByText('Answered').waitFor();
  await shot('06-second-answered');

  // A chat of the command agent changes a file; the diff shows it.
  await page.getByLabel('Agent of the new chat').selectOption('claude');
  await page.getByRole('button', { name: 'New chat' }).click();
  await page.getByRole('tab', { name: /claude/, selected: true }).waitFor();
  await page.getByLabel(/^Message/).fill('change a file');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByText('I wrote web-view-notes.txt.').waitFor();
  await page.locator('.diff').getByText('changed by the web view test').first().waitFor();
  await page.locator('.diff').getByText('web-view-notes.txt').first().waitFor();
  await page.getByRole('button', { name: 'Tool call: Edit' }).or(page.getByText('Tool call: Edit')).first().waitFor();
  await shot('07-diff');

  // The phone layout: one column, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than a 390px screen`);
  await shot('08-phone-390x844');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The list shows it live, with status text, agent and queued messages: two messages sent from
  // elsewhere to the scripted chat make one run and one wait, then the queue drains.
  const replicaId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Replicas' }).click();
  const row = page.locator('tr[data-replica="web-view-demo"]');
  await row.getByText('Active').waitFor();
  await row.getByText('scripted').waitFor();
  await row.locator('[data-queued]').getByText('0', { exact: true }).waitFor();
  for (const message of ['first from elsewhere', 'second from elsewhere']) {
    const sent = await fetch(`${server.base}/v1/replica/${replicaId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message, coding_agent: 'scripted' }),
    });
    assert.equal(sent.status, 200, await sent.text());
  }
  await row.locator('[data-queued]').getByText('1 queued').waitFor();
  await shot('09-list');
  await row.locator('[data-queued]').getByText('0', { exact: true }).waitFor();

  // Delete with the keyboard, confirming, and see it disappear.
  await row.getByRole('link', { name: 'web-view-demo' }).click();
  await page.getByRole('button', { name: 'Delete replica…' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Yes, delete' }).waitFor();
  await shot('10-confirm-delete');
  // The confirmation has the focus: a second Enter deletes.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Yes, delete');
  await page.keyboard.press('Enter');
  await page.getByText('No replicas yet').waitFor();
  assert.equal(await page.locator('tr[data-replica="web-view-demo"]').count(), 0);
  await shot('11-deleted');

  assert.deepEqual(problems, [], `the page logged errors: ${problems.join('\n')}`);
  await context.close();
});
