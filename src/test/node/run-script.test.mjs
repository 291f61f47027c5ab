// scripts/run as an MCP client starts it when the jar must be built first: the client writes its
// initialize at once, while the build runs, and must still get the answer. The build here is a stand-in
// that reads stdin for a moment, as Maven or npm may, then puts the real jar in place; the scripts are
// the real ones, copied into a folder of their own so that nothing of the checkout is rebuilt.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { JAR, JAVA, ROOT, scratch } from './support/server.mjs';

const ANSWER_MS = 60_000;

const FAKE_BUILD = `#!/usr/bin/env bash
# Stands in for scripts/build: reads whatever stdin holds for two seconds, then packages (copies) the jar
# and leaves a start-up cache stamp for this Java (an empty cache: the JVM warns on stderr and starts).
if IFS= read -r -t 2 line; then echo "build read from stdin: \${line:0:40}" >&2; fi
root="$(cd "$(dirname "\${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$root/target"
cp "$REAL_JAR" "$root/target/replicas-mcp.jar"
: > "$root/target/replicas-mcp.aot"
: > "$root/target/replicas-mcp.jsa"
printf '%s\\n' "$JAVA_HOME/bin/java" > "$root/target/replicas-mcp.aot.java"
echo "built" >&2
`;

test('scripts/run answers the initialize a client sent while it was building', async (t) => {
  const dir = scratch();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const root = join(dir, 'checkout');
  mkdirSync(join(root, 'scripts'), { recursive: true });
  mkdirSync(join(root, 'src', 'main'), { recursive: true });
  for (const script of ['run', 'lib.sh']) copyFileSync(join(ROOT, 'scripts', script), join(root, 'scripts', script));
  writeFileSync(join(root, 'scripts', 'build'), FAKE_BUILD);
  chmodSync(join(root, 'scripts', 'build'), 0o755);
  writeFileSync(join(root, 'pom.xml'), '<project/>\n');

  const javaHome = dirname(dirname(JAVA));
  const child = spawn(join(root, 'scripts', 'run'), [], {
    env: { ...process.env, JAVA_HOME: javaHome, REAL_JAR: JAR, REPLICAS_HOME: join(dir, 'home') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((done) => child.on('exit', (code) => done(code)));
  t.after(() => child.kill('SIGKILL'));

  child.stdin.write(JSON.stringify({
    jsonrpc: '2.0', id: 1, method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'run-script-test', version: '1' } },
  }) + '\n');

  const line = await new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(
      () => fail(new Error(`no answer within ${ANSWER_MS} ms; stderr:\n${stderr.slice(-2000)}`)), ANSWER_MS);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const end = out.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        done(out.slice(0, end));
      }
    });
  });
  const answer = JSON.parse(line);
  assert.equal(answer.id, 1);
  assert.equal(answer.result?.serverInfo?.name, 'replicas-mcp', line);
  assert.match(stderr, /built/, 'the stand-in build ran');
  assert.doesNotMatch(stderr, /build read from stdin/, 'the build must not get the client\'s messages');

  child.stdin.end();
  assert.equal(await exited, 0, `exit code; stderr:\n${stderr.slice(-2000)}`);
});
