// The Markdown table of scripts/bench compare: each measure for both servers, their ratio, and the
// target issue 12 sets for replicas-mcp with whether this run met it.
const OURS = "replicas-mcp";
const THEIRS = "server-everything";

/** A number with as many decimals as its size deserves, thousands grouped. */
function number(value) {
  if (!Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

const unit = (suffix) => (value) => (Number.isFinite(value) ? `${number(value)} ${suffix}` : "—");
const ms = unit("ms");
const us = unit("µs");
const mib = unit("MiB");
const perSecond = unit("calls/s");
const count = (value) => (Number.isFinite(value) ? value.toLocaleString("en-US") : "—");

function ratio(ours, theirs) {
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return "—";
  return `${(ours / theirs).toFixed(2)}×`;
}

function rows({ knobs, cold, steady, web }) {
  const o = { ...cold[OURS], ...steady[OURS] };
  const t = { ...cold[THEIRS], ...steady[THEIRS] };
  const oh = web[OURS];
  const th = web[THEIRS];
  return [
    { measure: `cold start, spawn → \`initialize\` answer, median of ${knobs.coldRuns}`, ours: o.connectMedian,
      theirs: t.connectMedian, show: ms, target: "≤ server-everything", met: o.connectMedian <= t.connectMedian },
    { measure: "cold start, p90", ours: o.connectP90, theirs: t.connectP90, show: ms },
    { measure: "first `tools/call` on a fresh process (median)", ours: o.firstMedian, theirs: t.firstMedian, show: ms,
      target: "≤ 10 ms", met: o.firstMedian <= 10 },
    { measure: `stdio sequential p50 (${count(knobs.calls)} calls after ${count(knobs.warmup)})`, ours: o.p50,
      theirs: t.p50, show: ms, target: "≤ 0.2 ms", met: o.p50 <= 0.2 },
    { measure: "stdio sequential p99", ours: o.p99, theirs: t.p99, show: ms },
    { measure: "server CPU per call, stdio", ours: o.cpuPerCallUs, theirs: t.cpuPerCallUs, show: us,
      target: "≤ server-everything", met: o.cpuPerCallUs <= t.cpuPerCallUs },
    { measure: `${knobs.parallel} calls in flight, stdio (${count(knobs.inflightCalls)} calls)`, ours: o.callsPerSecond,
      theirs: t.callsPerSecond, show: perSecond, target: "≥ ½ server-everything",
      met: o.callsPerSecond >= t.callsPerSecond / 2 },
    { measure: "RSS after `initialize` (median of the cold starts)", ours: o.rssAfterInit, theirs: t.rssAfterInit,
      show: mib, target: "≤ 80 MiB", met: o.rssAfterInit <= 80 },
    { measure: `RSS after ${count(o.totalCalls)} stdio calls`, ours: o.rssAfterCalls, theirs: t.rssAfterCalls, show: mib,
      target: "≤ 120 MiB", met: o.rssAfterCalls <= 120 },
    { measure: `HTTP, ${knobs.sessions} sessions, ${knobs.seconds} s: calls/s`, ours: oh.callsPerSecond,
      theirs: th.callsPerSecond, show: perSecond, target: "≥ 3,000 and ≥ 3× server-everything",
      met: oh.callsPerSecond >= 3000 && oh.callsPerSecond >= 3 * th.callsPerSecond },
    { measure: "HTTP errors", ours: oh.errors, theirs: th.errors, show: count, noRatio: true, target: "0",
      met: oh.errors === 0 },
    { measure: "HTTP call p50", ours: oh.p50, theirs: th.p50, show: ms },
    { measure: "HTTP call p99", ours: oh.p99, theirs: th.p99, show: ms },
    { measure: "HTTP: server CPU in use (cores)", ours: oh.serverCores, theirs: th.serverCores, show: number },
    { measure: "RSS after the HTTP load", ours: oh.rssAfterLoad, theirs: th.rssAfterLoad, show: mib,
      target: "≤ 200 MiB", met: oh.rssAfterLoad <= 200 },
  ];
}

export function report({ info, knobs, cold, steady, web, versions, seconds }) {
  const table = rows({ knobs, cold, steady, web });
  const lines = [];
  lines.push("## replicas-mcp beside server-everything (`scripts/bench compare`)");
  lines.push("");
  lines.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${info.cpu}, ${info.cores} cores (${info.os}); ` +
    `load average at start ${info.load}. replicas-mcp: \`scripts/run\` on ${cold[OURS].runtime ?? "unknown Java"}; ` +
    `server-everything ${versions.everything} on Node ${info.node}; client: TypeScript SDK ` +
    `${versions.sdk} over stdio, a raw keep-alive JSON-RPC driver over HTTP.`);
  lines.push("");
  const coldData = knobs.coldFresh ? "a new data folder for each cold start"
    : "cold starts on one data folder whose empty database an unmeasured first start made";
  const pid = cold[OURS].direct ? "the spawned pid, which scripts/run hands to java with exec"
    : "a java child of the spawned scripts/run";
  lines.push(`Work: our \`list_replicas\` on an empty database (${coldData}; the other runs on new folders) ` +
    `against its \`echo\` tool. Server CPU and RSS are read from /proc for the serving process (ours: ${pid}). ` +
    "Ratio = replicas-mcp ÷ server-everything; the target is issue 12's for replicas-mcp.");
  lines.push("");
  lines.push("| measure | replicas-mcp | server-everything | ratio | target | met |");
  lines.push("|---|---:|---:|---:|---|:---:|");
  for (const row of table) {
    const met = row.target ? (row.met ? "pass" : "**miss**") : "";
    lines.push(`| ${row.measure} | ${row.show(row.ours)} | ${row.show(row.theirs)} | ` +
      `${row.noRatio ? "" : ratio(row.ours, row.theirs)} | ${row.target ?? ""} | ${met} |`);
  }
  const targets = table.filter((row) => row.target);
  lines.push("");
  lines.push(`Targets met: ${targets.filter((row) => row.met).length} of ${targets.length}. ` +
    `Whole comparison: ${seconds.toFixed(0)} s.`);
  for (const [name, result] of Object.entries(web)) {
    if (result.firstError) lines.push(`\n${name}: first HTTP error: ${result.firstError}`);
  }
  const failed = Object.values(web).some((result) => result.errors > 0 || result.calls === 0);
  return { text: `${lines.join("\n")}\n`, failed };
}
