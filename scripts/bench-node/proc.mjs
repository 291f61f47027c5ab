// What the comparison reads about processes and the machine (Linux /proc), and the small statistics it
// prints. No MCP here.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export function log(message) {
  process.stderr.write(`bench compare: ${message}\n`);
}

/** Nearest-rank percentile of an unsorted array of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const ordered = [...values].sort((a, b) => a - b);
  return ordered[Math.max(0, Math.ceil((p / 100) * ordered.length) - 1)];
}

export const median = (values) => percentile(values, 50);

/** User + system CPU seconds of a process so far, all its threads included. */
export function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(")").pop().trim().split(/\s+/);
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Resident set size in MiB (VmRSS). */
export function rssMiB(pid) {
  const found = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return found ? Number(found[1]) / 1024 : NaN;
}

function exeName(pid) {
  try {
    return path.basename(readlinkSync(`/proc/${pid}/exe`));
  } catch {
    return "";
  }
}

function children(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * The pid that really serves: the spawned one when its executable is `exe` (scripts/run execs java, so
 * the pid stays the same), else the first descendant that is (a wrapper that forks instead of execs).
 * Answers {pid, direct} so the report can say which it was.
 */
export function servingPid(spawnedPid, exe) {
  const queue = [spawnedPid];
  while (queue.length > 0) {
    const pid = queue.shift();
    if (exeName(pid) === exe) return { pid, direct: pid === spawnedPid };
    queue.push(...children(pid));
  }
  throw new Error(`no '${exe}' process under pid ${spawnedPid} (executable there: '${exeName(spawnedPid)}')`);
}

/** `java -version` of the executable a running pid uses: the Java the server really ran on. */
export function javaVersionOf(pid) {
  let exe;
  try {
    exe = readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return "unknown Java";
  }
  // java -version writes to stderr
  const run = spawnSync(exe, ["-version"], { encoding: "utf8", timeout: 30_000 });
  const text = `${run.stderr ?? ""}${run.stdout ?? ""}`;
  // First line: `openjdk version "17.0.15" 2025-04-15` (or `java version ...`): name and version.
  const found = /^(\S+) version "([^"]+)"/m.exec(text);
  return found ? `${found[1]} ${found[2]} (${exe})` : `unknown Java (${exe})`;
}

export function machine() {
  let cpu = "unknown CPU";
  try {
    const found = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (found) cpu = found[1].trim();
  } catch {
    // not Linux: leave it unknown
  }
  return {
    cpu,
    cores: typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length,
    load: os.loadavg().map((value) => value.toFixed(2)).join(" "),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

export function assertLinux() {
  if (!existsSync("/proc/self/stat")) {
    throw new Error("scripts/bench compare reads /proc for CPU and memory: run it on Linux");
  }
}
