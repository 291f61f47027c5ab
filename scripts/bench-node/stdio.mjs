// The stdio half of the comparison, with the TypeScript SDK client (the client inside Claude Desktop and
// Claude Code): cold starts, the first call of a fresh process, sequential latency with the server's CPU
// per call, calls in flight, and the server's RSS along the way.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { cpuSeconds, log, median, percentile, rssMiB, servingPid } from "./proc.mjs";

const STDERR_KEPT = 8192;

/**
 * One server spawned over stdio and connected. `server` = {name, command, args(), env (or env()), exe,
 * tool, arguments, check}: env() may give each spawn its own data folder (our server).
 * Answers {client, transport, pid, direct, connectMs, stderrTail()}.
 */
export async function spawnConnected(server) {
  const transport = new StdioClientTransport({
    command: server.command,
    args: server.args(),
    env: { ...process.env, ...(typeof server.env === "function" ? server.env() : server.env) },
    stderr: "pipe",
  });
  let stderr = "";
  // Read the server's stderr as it comes: an unread pipe would block the server once it is full.
  transport.stderr.on("data", (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT);
  });
  const client = new Client({ name: "replicas-bench-compare", version: "1" });
  const began = process.hrtime.bigint();
  try {
    await client.connect(transport, { timeout: 120_000 });
  } catch (error) {
    await transport.close().catch(() => {});
    throw new Error(`${server.name}: no initialize answer: ${error.message}\n${stderr}`);
  }
  const connectMs = Number(process.hrtime.bigint() - began) / 1e6;
  const { pid, direct } = servingPid(transport.pid, server.exe);
  return { client, transport, pid, direct, connectMs, stderrTail: () => stderr };
}

/** One tools/call, its answer checked; throws with the reason on any failure. */
export async function call(client, server) {
  const result = await client.callTool({ name: server.tool, arguments: server.arguments }, undefined, {
    timeout: 60_000,
  });
  if (result.isError) throw new Error(`${server.tool} answered an error: ${JSON.stringify(result.content)}`);
  server.check(result);
  return result;
}

/**
 * `runs` cold starts of each server, alternating so that a change in the machine's load falls on both:
 * spawn -> initialize answer, then the first tools/call, and the RSS right after initialize.
 */
export async function coldStarts(servers, runs) {
  const results = Object.fromEntries(servers.map((s) => [s.name, { connect: [], first: [], rss: [] }]));
  for (let run = 1; run <= runs; run++) {
    for (const server of servers) {
      const mine = results[server.name];
      const spawned = await spawnConnected(server);
      try {
        mine.rss.push(rssMiB(spawned.pid));
        const began = process.hrtime.bigint();
        await call(spawned.client, server);
        mine.first.push(Number(process.hrtime.bigint() - began) / 1e6);
        mine.connect.push(spawned.connectMs);
        if (run === 1) {
          mine.direct = spawned.direct;
          mine.runtime = server.runtimeOf?.(spawned.pid);
        }
      } finally {
        await spawned.client.close().catch(() => {});
      }
    }
    log(`cold start ${run}/${runs}: ${servers.map((s) => `${s.name} ${results[s.name].connect.at(-1).toFixed(0)} ms`).join(", ")}`);
  }
  return Object.fromEntries(
    servers.map((s) => {
      const r = results[s.name];
      return [s.name, {
        connectMedian: median(r.connect),
        connectP90: percentile(r.connect, 90),
        firstMedian: median(r.first),
        rssAfterInit: median(r.rss),
        direct: r.direct,
        runtime: r.runtime,
      }];
    }),
  );
}

async function timedCalls(client, server, count) {
  const latencies = new Array(count);
  for (let i = 0; i < count; i++) {
    const began = process.hrtime.bigint();
    await call(client, server);
    latencies[i] = Number(process.hrtime.bigint() - began) / 1e6;
  }
  return latencies;
}

async function inFlight(client, server, count, parallel) {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      await call(client, server);
    }
  };
  const began = process.hrtime.bigint();
  await Promise.all(Array.from({ length: parallel }, worker));
  return count / (Number(process.hrtime.bigint() - began) / 1e9);
}

/**
 * One long-lived process per server: `warmup` calls, `calls` sequential calls (latency and the server's
 * CPU per call), then `inflightCalls` with `parallel` in flight; RSS after all of them.
 */
export async function steadyStdio(server, { warmup, calls, inflightCalls, parallel }) {
  const spawned = await spawnConnected(server);
  try {
    await timedCalls(spawned.client, server, warmup);
    const cpuBefore = cpuSeconds(spawned.pid);
    const latencies = await timedCalls(spawned.client, server, calls);
    const cpuPerCallUs = ((cpuSeconds(spawned.pid) - cpuBefore) / calls) * 1e6;
    log(`${server.name}: ${calls} sequential calls, p50 ${median(latencies).toFixed(3)} ms`);
    const callsPerSecond = await inFlight(spawned.client, server, inflightCalls, parallel);
    log(`${server.name}: ${inflightCalls} calls with ${parallel} in flight, ${callsPerSecond.toFixed(0)} calls/s`);
    return {
      p50: median(latencies),
      p99: percentile(latencies, 99),
      cpuPerCallUs,
      callsPerSecond,
      rssAfterCalls: rssMiB(spawned.pid),
      totalCalls: warmup + calls + inflightCalls,
    };
  } catch (error) {
    throw new Error(`${server.name}: ${error.message}\n${spawned.stderrTail()}`);
  } finally {
    await spawned.client.close().catch(() => {});
  }
}
