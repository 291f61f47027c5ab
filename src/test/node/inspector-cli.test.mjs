// The MCP Inspector CLI (its own client, on the TypeScript SDK 2.x) against the packaged server: it lists
// the tools, makes one call that must fail as a tool error the model can read, and one that succeeds.
// Over stdio the Inspector starts the server itself, as an MCP client configuration would; over HTTP it
// talks to a server this file starts, sending the API key as a header.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { CATALOGUE, JAVA, gitRepository, scratch, serverCommand, serverEnv, sleep, startHttp, textOf }
  from './support/server.mjs';

const INSPECTOR = join(dirname(fileURLToPath(import.meta.url)), 'node_modules', '.bin', 'mcp-inspector');
const RUN_TIMEOUT_MS = 90_000;

/**
 * Runs `mcp-inspector --cli --format json` on the Node running this test (the Inspector needs Node 22;
 * its bin's shebang would pick whatever `node` is on the PATH). Its home, catalogue and client config
 * are in dir, never the user's. Returns {code, output (parsed stdout or null), stdout, stderr}.
 */
function inspector(dir, args, env) {
  const home = join(dir, 'inspector-home');
  mkdirSync(home, { recursive: true });
  return new Promise((done) => {
    execFile(process.execPath, [INSPECTOR, '--cli', '--format', 'json', '--connect-timeout', '60000', ...args], {
      env: {
        ...env, HOME: home, MCP_CATALOG_PATH: join(home, 'mcp.json'), MCP_CLIENT_CONFIG_PATH: join(home, 'client.json'),
      },
      timeout: RUN_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    }, (error, stdout, stderr) => {
      let output = null;
      try {
        output = JSON.parse(stdout);
      } catch {
        // not JSON: the assertions below show stdout and stderr
      }
      done({ code: error ? (error.code ?? error.signal) : 0, output, stdout, stderr });
    });
  });
}

const show = (run) => `exit ${run.code}\nstdout: ${run.stdout.slice(0, 1500)}\nstderr: ${run.stderr.slice(0, 1500)}`;

/** The tool result of a tools/call run, or a failure that shows what the Inspector printed. */
function toolResult(run) {
  assert.ok(run.output?.result, `the Inspector printed no tool result:\n${show(run)}`);
  return run.output.result;
}

/** The pids of processes whose command line holds this text (a server using our temp folder). */
function processesUsing(text) {
  const table = execFileSync('ps', ['-A', '-o', 'pid=,args='], { encoding: 'utf8' });
  return table.split('\n').filter((line) => line.includes(text)).map((line) => Number.parseInt(line, 10))
    .filter((pid) => pid !== process.pid);
}

/**
 * Waits (bounded) until no server the Inspector started for dir is left: it ends its stdio server when
 * it exits, and the folder must not be removed under one still running.
 */
async function awaitServersGone(dir) {
  const deadline = Date.now() + 10_000;
  while (processesUsing(dir).length > 0 && Date.now() < deadline) await sleep(100);
  for (const pid of processesUsing(dir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** The three checks, given how to run the Inspector against one server. */
function inspectorChecks(target) {
  test('tools/list lists every tool of tools.json', async () => {
    const run = await target.run(['--method', 'tools/list']);
    assert.equal(run.code, 0, show(run));
    const names = (run.output?.result?.tools ?? []).map((tool) => tool.name).sort();
    assert.deepEqual(names, CATALOGUE.map((tool) => tool.name).sort(), show(run));
  });

  test('a call with an unknown id answers a tool error that names it', async () => {
    const id = randomUUID();
    const run = await target.run(['--method', 'tools/call', '--tool-name', 'get_replica',
      '--tool-args-json', JSON.stringify({ replica_id: id })]);
    const result = toolResult(run);
    assert.equal(result.isError, true, show(run));
    assert.ok(textOf(result).includes(id), `the error does not name ${id}:\n${show(run)}`);
  });

  test('a successful call answers the structured result', async () => {
    const location = gitRepository(target.dir, `inspector-repo-${randomUUID().slice(0, 8)}`);
    const run = await target.run(['--method', 'tools/call', '--tool-name', 'add_repository',
      '--tool-args-json', JSON.stringify({ location })]);
    assert.equal(run.code, 0, show(run));
    const result = toolResult(run);
    assert.notEqual(result.isError, true, show(run));
    assert.equal(result.structuredContent?.repository?.name, location.split('/').pop(), show(run));
  });
}

describe('MCP Inspector CLI over stdio', () => {
  const target = { dir: scratch() };
  target.run = async (args) => {
    try {
      return await inspector(target.dir, [...args, '--', JAVA, ...serverCommand(target.dir)], serverEnv(target.dir));
    } finally {
      await awaitServersGone(target.dir);
    }
  };
  after(() => rmSync(target.dir, { recursive: true, force: true }));
  inspectorChecks(target);
});

describe('MCP Inspector CLI over Streamable HTTP', () => {
  let server;
  const target = {};
  before(async () => {
    server = await startHttp();
    target.dir = server.dir;
  });
  after(async () => {
    await server?.stop();
  });
  target.run = (args) => inspector(target.dir, [...args, '--transport', 'http', '--server-url', server.url,
    '--header', `Authorization: Bearer ${server.apiKey}`, '--stored-auth-only'], process.env);
  inspectorChecks(target);
});
