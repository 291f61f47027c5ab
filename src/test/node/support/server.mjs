// Starts the packaged server (target/replicas-mcp.jar) the way scripts/run does, over stdio or Streamable
// HTTP, and connects the TypeScript SDK client to it. Every server gets a throwaway folder (its data, the
// git repository the test makes) that stop() removes only after the server process has exited.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export const ROOT = process.env.REPLICAS_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const JAR = process.env.REPLICAS_JAR ?? join(ROOT, 'target', 'replicas-mcp.jar');
export const JAVA = process.env.REPLICAS_JAVA ?? 'java';
// scripts/client-tests passes scripts/lib.sh's java_flags, one a line.
const JAVA_FLAGS = (process.env.REPLICAS_JAVA_FLAGS ?? '').split('\n').filter(Boolean);

/** The committed tool catalogue: the tools every test below expects the server to offer. */
export const CATALOGUE = JSON.parse(readFileSync(join(ROOT, 'tools.json'), 'utf8'));

// Every toolset, so that the server offers every tool of the catalogue whatever its default.
const TOOLSETS = 'all';

const STARTUP_MS = 60_000;
const EXIT_MS = 10_000;

/** A folder of its own for one server: data/ for --data-dir, and room for a git repository. */
export function scratch() {
  return mkdtempSync(join(tmpdir(), 'replicas-client-tests-'));
}

/**
 * The server's command line: scripts/run's JVM flags, a fast scripted agent (unless turnDelayMs says
 * otherwise), every toolset.
 */
export function serverCommand(dir, extra = [], { turnDelayMs = 100 } = {}) {
  return [...JAVA_FLAGS, '-jar', JAR, '--data-dir', join(dir, 'data'), '--turn-delay-ms', String(turnDelayMs),
    '--toolsets', TOOLSETS, ...extra];
}

/**
 * The environment the server runs in: ours, with a PATH that holds no claude or codex CLI, so that the
 * built-in scripted agent answers on every machine (a real agent would be slow, cost money and answer
 * differently). git stays reachable: if its folder had to go, a folder with a link to it comes first.
 */
export function serverEnv(dir) {
  const hasAgent = (folder) => ['claude', 'codex'].some((cli) => existsSync(join(folder, cli)));
  const folders = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const kept = folders.filter((folder) => !hasAgent(folder));
  const gitFolder = folders.find((folder) => existsSync(join(folder, 'git')));
  if (gitFolder && !kept.includes(gitFolder)) {
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    if (!existsSync(join(bin, 'git'))) symlinkSync(join(gitFolder, 'git'), join(bin, 'git'));
    kept.unshift(bin);
  }
  return { ...process.env, PATH: kept.join(delimiter) };
}

/** A real git repository with one commit on main, in dir/name. */
export function gitRepository(dir, name) {
  const repo = join(dir, name);
  mkdirSync(repo, { recursive: true });
  const git = (...args) => {
    const run = spawnSync('git', args, { cwd: repo, encoding: 'utf8', timeout: 30_000 });
    if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr || run.error}`);
  };
  git('init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'README.md'), '# client tests\n');
  git('add', 'README.md');
  git('-c', 'user.name=Client Tests', '-c', 'user.email=client-tests@example.invalid', 'commit', '-q', '-m', 'first');
  return repo;
}

function newClient() {
  return new Client({ name: 'replicas-mcp-client-tests', version: '1.0.0' });
}

/** Waits (bounded) until the process with this pid has exited; kills it if it will not. */
export async function awaitExit(pid) {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + EXIT_MS;
  while (alive() && Date.now() < deadline) await sleep(50);
  if (alive()) {
    process.kill(pid, 'SIGKILL');
    while (alive()) await sleep(50);
  }
}

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * The server over stdio, spawned by the SDK's StdioClientTransport as an MCP client configuration
 * would. Returns {client, dir, stderr(), stop()}.
 */
export async function startStdio() {
  const dir = scratch();
  const transport = new StdioClientTransport({
    command: JAVA, args: serverCommand(dir), env: serverEnv(dir), stderr: 'pipe',
  });
  let log = '';
  transport.stderr?.on('data', (chunk) => { log += chunk; });
  const client = newClient();
  const stop = async () => {
    const pid = transport.pid;
    await client.close().catch(() => {});
    if (pid) await awaitExit(pid);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await client.connect(transport, { timeout: STARTUP_MS });
  } catch (error) {
    await stop();
    throw new Error(`the stdio server did not start: ${error.message}\n${log}`);
  }
  return { client, dir, stderr: () => log, stop };
}

/**
 * The server in HTTP mode on a free port, with no client yet (extra: more server flags). Returns
 * {dir, port, url, apiKey, stderr(), stop()}; stop() ends the server and removes its folder.
 */
export async function spawnHttp(extra = []) {
  const dir = scratch();
  const child = spawn(JAVA, serverCommand(dir, ['--http', '--host', '127.0.0.1', '--port', '0', ...extra]), {
    env: serverEnv(dir), stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const port = new Promise((found, failed) => {
    const timer = setTimeout(() => failed(new Error(`no "serving HTTP" line within ${STARTUP_MS} ms`)), STARTUP_MS);
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const match = /serving HTTP on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        found(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      failed(new Error(`the server exited (${code}) before serving HTTP`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await awaitExit(child.pid);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const found = await port;
    const apiKey = readFileSync(join(dir, 'data', 'api-key'), 'utf8').trim();
    return { dir, port: found, url: `http://127.0.0.1:${found}/mcp`, apiKey, stderr: () => log, stop };
  } catch (error) {
    await stop();
    throw new Error(`the HTTP server did not start: ${error.message}\n${log}`);
  }
}

/**
 * The server in HTTP mode on a free port, and the SDK's Streamable HTTP client sending its API key.
 * Returns {client, dir, url, apiKey, stderr(), stop()}.
 */
export async function startHttp() {
  const server = await spawnHttp();
  const client = newClient();
  const stop = async () => {
    await client.close().catch(() => {});
    await server.stop();
  };
  try {
    const transport = new StreamableHTTPClientTransport(new URL(server.url), {
      requestInit: { headers: { Authorization: `Bearer ${server.apiKey}` } },
    });
    await client.connect(transport, { timeout: STARTUP_MS });
    return { client, dir: server.dir, url: server.url, apiKey: server.apiKey, stderr: server.stderr, stop };
  } catch (error) {
    await stop();
    throw new Error(`the HTTP server did not start: ${error.message}\n${server.stderr()}`);
  }
}

/** Both transports, for tests that must hold on each. */
export const TRANSPORTS = [
  { name: 'stdio', start: startStdio },
  { name: 'Streamable HTTP', start: startHttp },
];

/** The text content of a tool result, joined. */
export function textOf(result) {
  return (result?.content ?? []).filter((part) => part.type === 'text').map((part) => part.text).join('\n');
}
