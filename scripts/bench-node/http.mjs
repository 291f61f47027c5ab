// The HTTP half of the comparison: many MCP sessions over Streamable HTTP, each on its own keep-alive
// connection, calling the workload tool back to back. A raw JSON-RPC driver (node:http), not the SDK
// client, so that the client costs little of the 2 cores the server also needs.
import http from "node:http";
import { cpuSeconds, log, median, percentile, rssMiB } from "./proc.mjs";

const PROTOCOL = "2025-11-25";

function post(session, body) {
  const payload = JSON.stringify(body);
  const headers = {
    "Content-Type": "application/json",
    Accept: "application/json, text/event-stream",
    "Content-Length": Buffer.byteLength(payload),
    ...session.extraHeaders,
  };
  if (session.id) headers["Mcp-Session-Id"] = session.id;
  if (session.protocol) headers["MCP-Protocol-Version"] = session.protocol;
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: session.port, path: "/mcp", method: "POST", headers, agent: session.agent, timeout: 30_000 },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => resolve({ response, text: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("no answer within 30 s")));
    request.on("error", reject);
    request.end(payload);
  });
}

/** The JSON-RPC answer to request `id`, from a JSON body or from the events of an SSE body. */
function answerOf(response, text, id) {
  if ((response.headers["content-type"] ?? "").startsWith("text/event-stream")) {
    for (const event of text.replace(/\r\n/g, "\n").split("\n\n")) {
      const data = event.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
      if (!data) continue;
      const message = JSON.parse(data);
      if (message.id === id && !("method" in message)) return message;
    }
    throw new Error(`no answer to request ${id} in the event stream: ${text.slice(0, 200)}`);
  }
  return JSON.parse(text);
}

async function request(session, method, params) {
  const id = ++session.nextId;
  const { response, text } = await post(session, { jsonrpc: "2.0", id, method, params });
  if (response.statusCode !== 200) throw new Error(`${method}: HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
  const answer = answerOf(response, text, id);
  if (answer.error) throw new Error(`${method}: JSON-RPC error ${JSON.stringify(answer.error)}`);
  return { response, result: answer.result };
}

async function openSession(port, extraHeaders) {
  const session = {
    port,
    extraHeaders,
    agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    nextId: 0,
  };
  const { response, result } = await request(session, "initialize", {
    protocolVersion: PROTOCOL,
    capabilities: {},
    clientInfo: { name: "replicas-bench-compare", version: "1" },
  });
  session.id = response.headers["mcp-session-id"];
  if (!session.id) throw new Error("initialize: no Mcp-Session-Id header in the answer");
  session.protocol = result.protocolVersion;
  const { response: ack, text } = await post(session, { jsonrpc: "2.0", method: "notifications/initialized" });
  if (ack.statusCode !== 200 && ack.statusCode !== 202) {
    throw new Error(`notifications/initialized: HTTP ${ack.statusCode}: ${text.slice(0, 200)}`);
  }
  return session;
}

async function toolCall(session, server) {
  const { result } = await request(session, "tools/call", { name: server.tool, arguments: server.arguments });
  if (result.isError) throw new Error(`${server.tool} answered an error: ${JSON.stringify(result.content)}`);
  server.check(result);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `sessions` sessions against a running server (`pid` on `port`): `warmupSeconds` not counted, then
 * `seconds` measured. A call counts when it began and ended inside the measured window.
 */
export async function httpLoad(server, { port, pid, headers, sessions, seconds, warmupSeconds }) {
  const opened = await Promise.all(Array.from({ length: sessions }, () => openSession(port, headers)));
  const startAt = performance.now() + 200;
  const measureAt = startAt + warmupSeconds * 1000;
  const stopAt = measureAt + seconds * 1000;
  const latencies = [];
  const errors = [];
  const worker = async (session) => {
    await sleep(startAt - performance.now());
    for (;;) {
      const began = performance.now();
      if (began >= stopAt) return;
      let error = null;
      try {
        await toolCall(session, server);
      } catch (e) {
        error = e.message;
      }
      const ended = performance.now();
      if (began >= measureAt && ended <= stopAt) {
        if (error) errors.push(error);
        else latencies.push(ended - began);
      }
    }
  };
  let cpuAtMeasure = null;
  const cpuSampler = (async () => {
    await sleep(measureAt - performance.now());
    cpuAtMeasure = cpuSeconds(pid);
  })();
  await Promise.all([...opened.map(worker), cpuSampler]);
  const serverCores = (cpuSeconds(pid) - cpuAtMeasure) / seconds;
  for (const session of opened) session.agent.destroy();
  const result = {
    callsPerSecond: latencies.length / seconds,
    calls: latencies.length,
    errors: errors.length,
    firstError: errors[0],
    p50: median(latencies),
    p99: percentile(latencies, 99),
    serverCores,
    rssAfterLoad: rssMiB(pid),
  };
  log(`${server.name}: HTTP ${result.callsPerSecond.toFixed(0)} calls/s, ${result.errors} errors, ` +
    `server ${serverCores.toFixed(2)} cores`);
  return result;
}

/** Waits until something answers HTTP on the port (any status). */
export async function waitForHttp(port, isAlive, timeoutMs = 120_000) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (!isAlive()) throw new Error("the server exited before it answered HTTP");
    const up = await new Promise((resolve) => {
      const probe = http.get({ host: "127.0.0.1", port, path: "/mcp", timeout: 1000 }, (response) => {
        response.resume();
        resolve(true);
      });
      probe.on("error", () => resolve(false));
      probe.on("timeout", () => probe.destroy());
    });
    if (up) return;
    await sleep(100);
  }
  throw new Error(`nothing answered on port ${port} within ${timeoutMs / 1000} s`);
}
