// scripts/bench compare: replicas-mcp (started by scripts/run, exactly as users start it) beside the
// reference MCP server @modelcontextprotocol/server-everything (pinned in package-lock.json, run with
// node directly so that the spawned pid is the server), in the same run, on the same kind of work:
// our `list_replicas` on an empty database against its `echo` tool. Progress on stderr, a Markdown table
// on stdout (measure, both servers, ratio, the target of issue 12 and whether it is met).
// Exits 1 if any call failed; a missed target is reported, not an error.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { httpLoad, waitForHttp } from "./http.mjs";
import { assertLinux, javaVersionOf, log, machine, servingPid } from "./proc.mjs";
import { report } from "./report.mjs";
import { call, coldStarts, spawnConnected, steadyStdio } from "./stdio.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MODULES = path.join(HERE, "node_modules", "@modelcontextprotocol");
const EVERYTHING = path.join(MODULES, "server-everything", "dist", "index.js");
const ROOT = path.resolve(HERE, "..", "..");
const RUN = process.env.BENCH_RUN_SCRIPT || path.join(ROOT, "scripts", "run");

const envInt = (name, fallback) => (process.env[name] ? Number.parseInt(process.env[name], 10) : fallback);
const knobs = {
  coldRuns: envInt("BENCH_COLD_RUNS", 9),
  warmup: envInt("BENCH_WARMUP", 500),
  calls: envInt("BENCH_CALLS", 3000),
  inflightCalls: envInt("BENCH_INFLIGHT_CALLS", 6500),
  parallel: envInt("BENCH_INFLIGHT", 8),
  sessions: envInt("BENCH_HTTP_SESSIONS", 32),
  seconds: envInt("BENCH_HTTP_SECONDS", 15),
  warmupSeconds: envInt("BENCH_HTTP_WARMUP_SECONDS", 5),
  coldFresh: process.env.BENCH_COLD_FRESH === "1",
};

const work = mkdtempSync(path.join(os.tmpdir(), "replicas-bench-compare-"));
let folders = 0;
const freshFolder = (label) => path.join(work, `${label}-${++folders}`);

function structured(result) {
  if (result.structuredContent) return result.structuredContent;
  return JSON.parse(result.content?.[0]?.text ?? "null");
}

// The cold starts share one data folder whose empty database an unmeasured first start made: the start
// a user makes every day. BENCH_COLD_FRESH=1 gives each cold start a new folder (the very first start).
const coldFolder = freshFolder("cold");
let coldPhase = false;

const ours = {
  name: "replicas-mcp",
  command: RUN,
  // No arguments and the data folder in REPLICAS_HOME: how MCP clients start it (README), which skips the
  // command line parser.
  args: () => [],
  env: () => ({ REPLICAS_HOME: coldPhase && !knobs.coldFresh ? coldFolder : freshFolder("stdio") }),
  exe: "java",
  tool: "list_replicas",
  arguments: {},
  check: (result) => {
    const replicas = structured(result)?.replicas;
    if (!Array.isArray(replicas) || replicas.length !== 0) {
      throw new Error(`list_replicas: expected no replicas, got ${JSON.stringify(result).slice(0, 200)}`);
    }
  },
  runtimeOf: javaVersionOf,
};

const everything = {
  name: "server-everything",
  command: process.execPath,
  args: () => [EVERYTHING, "stdio"],
  env: {},
  exe: path.basename(process.execPath),
  tool: "echo",
  arguments: { message: "bench" },
  check: (result) => {
    if (result.content?.[0]?.text !== "Echo: bench") {
      throw new Error(`echo: unexpected answer ${JSON.stringify(result).slice(0, 200)}`);
    }
  },
};

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a server in HTTP mode; answers {child, port, headers, log}. Its stdout goes nowhere. */
async function startHttp(server, port) {
  const logPath = path.join(work, `${server.name}-http.log`);
  const stderr = openSync(logPath, "a");
  let child;
  let dataDir;
  if (server === ours) {
    dataDir = freshFolder("http");
    child = spawn(RUN, ["--http", "--port", String(port), "--data-dir", dataDir], { stdio: ["ignore", "ignore", stderr] });
  } else {
    // server-everything logs every request with console.log (stdout): discarded, never read.
    child = spawn(process.execPath, [EVERYTHING, "streamableHttp"], {
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "ignore", stderr],
    });
  }
  let exited = false;
  child.on("exit", () => (exited = true));
  try {
    await waitForHttp(port, () => !exited);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${server.name}: HTTP mode did not start: ${error.message}\n${readFileSync(logPath, "utf8").slice(-4000)}`);
  }
  const headers = {};
  if (dataDir) {
    const keyFile = path.join(dataDir, "api-key");
    if (!existsSync(keyFile)) throw new Error(`${server.name}: no API key at ${keyFile} after the first HTTP start`);
    headers.Authorization = `Bearer ${readFileSync(keyFile, "utf8").trim()}`;
  }
  return { child, headers, logPath, pid: servingPid(child.pid, server.exe).pid };
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function main() {
  assertLinux();
  if (!existsSync(EVERYTHING)) throw new Error(`server-everything is not installed at ${EVERYTHING}; run scripts/bench compare`);
  const info = machine();
  const began = performance.now();
  log(`load average ${info.load}; ${knobs.coldRuns} cold starts each, ${knobs.warmup} + ${knobs.calls} sequential ` +
    `calls, ${knobs.inflightCalls} with ${knobs.parallel} in flight, HTTP ${knobs.sessions} sessions for ${knobs.seconds} s`);
  const servers = [ours, everything];
  coldPhase = true;
  // One unmeasured start of each: makes the shared data folder, and warms the file cache for both.
  for (const server of servers) {
    const primed = await spawnConnected(server);
    await call(primed.client, server).finally(() => primed.client.close().catch(() => {}));
  }
  const cold = await coldStarts(servers, knobs.coldRuns);
  coldPhase = false;
  const steady = {};
  for (const server of servers) steady[server.name] = await steadyStdio(server, knobs);
  const web = {};
  for (const server of servers) {
    const port = await freePort();
    const started = await startHttp(server, port);
    try {
      web[server.name] = await httpLoad(server, { ...knobs, port, pid: started.pid, headers: started.headers });
    } finally {
      await stop(started.child);
    }
  }
  const versions = {
    everything: JSON.parse(readFileSync(path.join(MODULES, "server-everything", "package.json"), "utf8")).version,
    sdk: JSON.parse(readFileSync(path.join(MODULES, "sdk", "package.json"), "utf8")).version,
  };
  const { text, failed } = report({ info, knobs, cold, steady, web, versions, seconds: (performance.now() - began) / 1000 });
  process.stdout.write(text);
  return failed ? 1 : 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    log(`failed: ${error.stack ?? error}`);
    process.exitCode = 1;
  })
  .finally(() => {
    if (process.env.BENCH_KEEP === "1") log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });
