// scratch (not committed): HTTP load only, for A/B runs. usage: node http-only.mjs RUN_SCRIPT...
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, openSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { httpLoad, waitForHttp } from "./http.mjs";
import { servingPid } from "./proc.mjs";
const work = mkdtempSync(path.join(os.tmpdir(), "httponly-"));
const freePort = () => new Promise((res) => { const p = net.createServer(); p.listen(0, "127.0.0.1", () => { const { port } = p.address(); p.close(() => res(port)); }); });
let n = 0;
const rounds = Number(process.env.ROUNDS || 2);
const res = {};
for (let r = 0; r < rounds; r++) for (const run of process.argv.slice(2)) {
  const port = await freePort(); const dataDir = path.join(work, `d${++n}`);
  const child = spawn(run, ["--http", "--port", String(port), "--data-dir", dataDir], { stdio: ["ignore", "ignore", openSync(path.join(work, `log${n}`), "a")] });
  let exited = false; child.on("exit", () => (exited = true));
  await waitForHttp(port, () => !exited);
  const headers = { Authorization: `Bearer ${readFileSync(path.join(dataDir, "api-key"), "utf8").trim()}` };
  const server = { name: run, tool: "list_replicas", arguments: {}, check: () => {} };
  const out = await httpLoad(server, { port, pid: servingPid(child.pid, "java").pid, headers, sessions: 32, seconds: Number(process.env.SECS || 10), warmupSeconds: 5 });
  (res[run] ||= []).push(`${out.callsPerSecond.toFixed(0)} calls/s, ${out.serverCores.toFixed(2)} cores, errors ${out.errors}`);
  child.kill("SIGTERM"); await new Promise((r) => child.once("exit", r));
}
for (const [k, v] of Object.entries(res)) console.log(k, "\n  " + v.join("\n  "));
