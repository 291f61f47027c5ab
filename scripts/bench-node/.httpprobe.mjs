import { httpLoad } from "./http.mjs";
const [port, pid, key, seconds] = process.argv.slice(2);
const server = { name: "replicas-mcp", tool: "list_replicas", arguments: {}, check: () => {} };
const r = await httpLoad(server, { port: Number(port), pid: Number(pid), headers: { Authorization: `Bearer ${key}` }, sessions: 32, seconds: Number(seconds), warmupSeconds: 3 });
console.log(JSON.stringify(r));
