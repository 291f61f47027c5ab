#!/usr/bin/env python3
"""The benchmark behind scripts/bench: cold start, seeding, tool-call latency over stdio, HTTP load, and
event streams (bench_streams.py).

Started by scripts/bench with the exact java command scripts/run executes (java, the flags of
lib.sh's java_flags, -jar and the jar). Progress goes to stderr; the Markdown report to stdout.
Sizes and run counts come from BENCH_* environment variables (see scripts/bench).
"""

import http.client
import json
import math
import os
import random
import re
import select
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

PROTOCOL = "2025-11-25"
INIT = {"protocolVersion": PROTOCOL, "capabilities": {}, "clientInfo": {"name": "replicas-bench", "version": "1"}}


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


def percentile(values, p):
    """Nearest-rank percentile of an unsorted list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


class LineReader:
    """Newline-delimited reads from a pipe with a deadline, so a lost response cannot hang the bench."""

    def __init__(self, stream):
        self.fd = stream.fileno()
        self.buffer = bytearray()

    def readline(self, timeout):
        deadline = time.monotonic() + timeout
        while True:
            end = self.buffer.find(b"\n")
            if end >= 0:
                line = bytes(self.buffer[:end + 1])
                del self.buffer[:end + 1]
                return line
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self.fd], [], [], remaining)[0]:
                raise TimeoutError(f"no line within {timeout:g} s")
            chunk = os.read(self.fd, 1 << 20)
            if not chunk:
                return b""
            self.buffer += chunk


class Server:
    """One server process over stdio: newline-delimited JSON-RPC, one request in flight."""

    def __init__(self, command, data_dir, extra=(), stderr_path=None, timeout=30):
        self.stderr_path = stderr_path or os.devnull
        self.stderr = open(self.stderr_path, "ab")
        self.process = subprocess.Popen(list(command) + ["--data-dir", data_dir] + list(extra),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr)
        self.reader = LineReader(self.process.stdout)
        self.timeout = timeout
        self.next_id = 0
        self.answered_at = 0.0  # perf_counter() when the last answer was read (see request)

    def send(self, message):
        self.process.stdin.write(json.dumps(message).encode() + b"\n")
        self.process.stdin.flush()

    def request(self, method, params):
        """The response to one request; TimeoutError when none comes (the request id is never reused)."""
        self.next_id += 1
        request_id = self.next_id
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        while True:
            line = self.reader.readline(self.timeout)
            arrived = time.perf_counter()
            if not line:
                raise RuntimeError(f"the server closed stdout while {method} was pending; see {self.stderr_path}")
            message = json.loads(line)
            if message.get("id") == request_id and "method" not in message:
                # When the answer's last byte was read, before this client decoded it (latency() times both).
                self.answered_at = arrived
                return message

    def initialize(self):
        response = self.request("initialize", INIT)
        if "result" not in response:
            raise RuntimeError(f"initialize failed: {response}")
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        return response

    def call(self, name, arguments):
        """Returns (structuredContent or None, error text or None)."""
        try:
            response = self.request("tools/call", {"name": name, "arguments": arguments})
        except TimeoutError:
            return None, f"no response within {self.timeout:g} s (lost)"
        if "error" in response:
            return None, f"JSON-RPC error {response['error']}"
        result = response.get("result", {})
        if result.get("isError"):
            return None, json.dumps(result.get("content"))[:300]
        return result.get("structuredContent"), None

    def tool(self, name, arguments):
        content, error = self.call(name, arguments)
        if error:
            raise RuntimeError(f"{name} failed: {error}")
        return content

    def close(self, timeout=60):
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        try:
            code = self.process.wait(timeout=timeout)
        finally:
            self.stderr.close()
        return code


# ---------------------------------------------------------------------------------------------
# Cold start


def cold_start(command, runs, data_dir=None, label=""):
    """Spawn -> initialize response in ms, and the CPU time (user + sys) of each whole process, start to
    exit; a fresh data folder per run unless data_dir is given."""
    init_line = (json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": INIT}) + "\n").encode()
    times, cpu = [], []
    for run in range(runs):
        folder = data_dir or tempfile.mkdtemp(prefix="replicas-bench-cold-")
        start = time.perf_counter()
        # No arguments and the folder in REPLICAS_HOME: how MCP clients start the server (the command line
        # parser is skipped then).
        process = subprocess.Popen(list(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, env=dict(os.environ, REPLICAS_HOME=folder))
        process.stdin.write(init_line)
        process.stdin.flush()
        try:
            line = LineReader(process.stdout).readline(60)
        except TimeoutError:
            line = b""
        elapsed = (time.perf_counter() - start) * 1000
        process.stdin.close()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
        if data_dir is None:
            shutil.rmtree(folder, ignore_errors=True)
        response = json.loads(line) if line else {}
        if "result" not in response:
            raise RuntimeError(f"cold start run {run + 1} ({label}): no initialize result: {line[:300]!r}")
        times.append(elapsed)
    log(f"cold start, {label}: median {statistics.median(times):.0f} ms over {runs} runs")
    return times, cpu


# ---------------------------------------------------------------------------------------------
# Seeding: rows exactly as the code writes them (checked against a replica the real server made)

def iso(ms):
    """Timestamps.format: fixed-width ISO-8601 UTC with milliseconds."""
    seconds, millis = divmod(ms, 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + ".%03dZ" % millis


def jstr(text):
    """A JSON string as Jackson writes it (UTF-8, only quotes, backslashes and controls escaped)."""
    return json.dumps(text, ensure_ascii=False)


def title_from(message):
    """ChatService.titleFrom: the first line of the first message, abbreviated to 60 characters."""
    stripped = message.strip()
    line = stripped.splitlines()[0] if stripped else ""
    if not line:
        return "New chat"
    return line if len(line) <= 60 else line[:60] + "\u2026"


def agent_event(timestamp, kind, payload_json):
    """A stored AgentEvent record: {timestamp, type, payload} (SqlHistoryStore.append)."""
    return '{"timestamp":"%s","type":"%s","payload":%s}' % (timestamp, kind, payload_json)


def claude_message(role, content_json):
    """AgentEvents.claude: {type, parent_tool_use_id: null, message: {role, content}}."""
    return '{"type":"%s","parent_tool_use_id":null,"message":{"role":"%s","content":%s}}' % (role, role, content_json)


def text_block(escaped_text):
    return '{"type":"text","text":%s}' % escaped_text


def claude_result(session_id):
    """AgentEvents.result for a successful Claude turn."""
    return '{"type":"result","subtype":"success","is_error":false,"session_id":%s}' % jstr(session_id)


def replica_row(replica_id, org, user, environment, name, created, last_activity, agent):
    # id, organization_id, name, status, source, user_id, environment_id, coding_agent, model, thinking_level,
    # lifecycle_policy, auto_stop_minutes, waking, error_message, created_at, last_activity_at, sleeping_since,
    # archived_at, deleted_at
    return (replica_id, org, name, "active", "api", user, environment, agent, None, None, "default", None, 0,
            None, created, last_activity, None, None, None)


def replica_repository_row(replica_id, repository, name):
    # replica_id, repository_id, name, url, default_branch, branch, position, start_hooks_completed
    return (replica_id, repository[0], repository[1], repository[2], repository[3], "replicas/" + name, 0, 1)


def chat_row(chat_id, replica_id, title, thread_id, created, updated, provider):
    # id, replica_id, provider, title, is_default, thread_id, created_at, updated_at
    return (chat_id, replica_id, provider, title, 1, thread_id, created, updated)


def message_row(message_id, chat_id, replica_id, text, queue_seq, position, queued, started, finished):
    # id, chat_id, replica_id, text, images_json, model, thinking_level, plan_mode, state, queue_seq, position,
    # sender_user_id, queued_at, started_at, finished_at, error
    return (message_id, chat_id, replica_id, text, None, None, None, 0, "done", queue_seq, position, None, queued,
            started, finished, None)


TOPICS = ["the login flow", "the retry loop", "a flaky test", "the cache layer", "null handling", "the parser",
          "the migration", "request timeouts", "the CI job", "the API client", "error messages",
          "the config loader", "pagination", "the date formatter", "the websocket reconnect", "logging",
          "the README", "dependency versions", "the auth middleware", "a race condition", "the build script"]
WORDS = " ".join(TOPICS).split(" ") + ["returns", "fails", "when", "after", "because", "retries", "before",
                                       "passes", "breaks", "calls", "with", "and", "on", "empty", "input"]
VERBS = ["Fix", "Refactor", "Add tests for", "Investigate", "Speed up", "Document", "Simplify", "Review",
         "Clean up", "Harden"]
FILES = ["src/auth/login.ts", "src/api/client.py", "internal/cache/lru.go", "app/models/user.rb",
         "src/main/java/com/acme/Parser.java", "lib/retry.js", "tests/test_dates.py", "cmd/server/main.go"]


class Corpus:
    """Pools of varied texts (raw and JSON-escaped), so a million events cost little to build."""

    def __init__(self, rng, size=600):
        def sentence(low, high):
            return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize() + "."

        def paragraph(chars):
            parts = []
            while sum(len(p) + 1 for p in parts) < chars:
                parts.append(sentence(6, 18))
            return " ".join(parts)

        self.prompts = []
        for _ in range(size):
            text = f"{rng.choice(VERBS)} {rng.choice(TOPICS)} in {rng.choice(FILES)}: {paragraph(rng.randint(40, 360))}"
            self.prompts.append((text, jstr(text)))
        self.intros = [jstr(f"I'll look at {rng.choice(FILES)} first. {sentence(5, 14)}") for _ in range(size)]
        self.tool_uses = []
        for _ in range(size):
            tool = rng.choice(["Bash", "Read", "Grep", "Edit"])
            if tool == "Bash":
                arguments = {"command": rng.choice(["npm test", "go test ./...", "pytest -q", "mvn -q test",
                                                    "git diff --stat", "ls -la src"]),
                             "description": sentence(3, 8)}
            elif tool == "Grep":
                arguments = {"pattern": rng.choice(TOPICS).split(" ")[-1], "path": rng.choice(FILES).rsplit("/", 1)[0]}
            elif tool == "Read":
                arguments = {"file_path": "/workspace/" + rng.choice(FILES)}
            else:
                arguments = {"file_path": "/workspace/" + rng.choice(FILES), "old_string": sentence(3, 8),
                             "new_string": sentence(3, 8)}
            self.tool_uses.append((tool, json.dumps(arguments, ensure_ascii=False, separators=(",", ":"))))
        self.tool_outputs = []
        for _ in range(size):
            lines = [f"{rng.choice(FILES)}:{rng.randint(1, 400)}: {sentence(4, 12)}"
                     for _ in range(rng.randint(2, 18))]
            self.tool_outputs.append(jstr("\n".join(lines)))
        self.answers = []
        for _ in range(size):
            text = (f"Done. {paragraph(rng.randint(60, 700))}\n\n- Changed `{rng.choice(FILES)}`\n"
                    f"- Tests: {rng.randint(3, 250)} passed")
            self.answers.append(jstr(text))


def make_id(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def turn_timings(rng, start_ms):
    """When each event of one turn happens, and when its message was queued, started and finished."""
    t_user = start_ms
    t_tool = t_user + rng.randint(1500, 6000)
    t_output = t_tool + rng.randint(50, 4000)
    t_answer = t_output + rng.randint(2000, 20000)
    t_result = t_answer + rng.randint(5, 40)
    return ((t_user, t_tool, t_output, t_answer, t_result),
            t_user - rng.randint(15, 40), t_user - rng.randint(1, 10), t_result + rng.randint(3, 9))


def turn_events(rng, corpus, prompt, times, session_id):
    """One realistic Claude turn of 5 history events: prompt, tool use, tool result, answer, result,
    each (timestamp, type, payload_json) as SqlHistoryStore stores them."""
    tool_id = "toolu_01" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
                                   for _ in range(22))
    tool, arguments = rng.choice(corpus.tool_uses)
    payloads = [
        ("claude-user", claude_message("user", "[" + text_block(prompt[1]) + "]")),
        ("claude-assistant", claude_message(
            "assistant", "[" + text_block(rng.choice(corpus.intros))
            + ',{"type":"tool_use","id":"%s","name":"%s","input":%s}]' % (tool_id, tool, arguments))),
        ("claude-user", claude_message(
            "user", '[{"type":"tool_result","tool_use_id":"%s","content":%s,"is_error":false}]'
                    % (tool_id, rng.choice(corpus.tool_outputs)))),
        ("claude-assistant", claude_message("assistant", "[" + text_block(rng.choice(corpus.answers)) + "]")),
        ("claude-result", claude_result(session_id)),
    ]
    stamps = [iso(ms) for ms in times]
    return [(stamp, kind, agent_event(stamp, kind, payload)) for stamp, (kind, payload) in zip(stamps, payloads)]


def check_against_template(db, template_id, repository):
    """Rebuilds the rows of the replica the real server made with the functions the seeder uses and
    compares them column by column, so the seeded rows are what the code writes."""
    replica = db.execute("SELECT * FROM replicas WHERE id = ?", (template_id,)).fetchone()
    repo_rows = db.execute("SELECT * FROM replica_repositories WHERE replica_id = ?", (template_id,)).fetchall()
    chat = db.execute("SELECT * FROM chats WHERE replica_id = ?", (template_id,)).fetchone()
    message = db.execute("SELECT * FROM messages WHERE chat_id = ?", (chat[0],)).fetchone()
    history = db.execute("SELECT chat_id, seq, timestamp, type, payload_json FROM history_events WHERE chat_id = ? "
                         "ORDER BY seq", (chat[0],)).fetchall()
    # The agent columns say which runner served (claude with its CLI, scripted without): taken as written.
    expected_replica = replica_row(replica[0], replica[1], replica[5], replica[6], replica[2], replica[14], replica[15],
                                   replica[7])
    expected_chat = chat_row(chat[0], template_id, title_from(message[3]), chat[5], chat[6], chat[7], chat[2])
    expected_message = message_row(message[0], chat[0], template_id, message[3], 1, 1, message[12], message[13],
                                   message[14])
    text = message[3]
    answer = "Scripted agent received: " + text
    expected_history = [
        (chat[0], 0, history[0][2], "claude-user",
         agent_event(history[0][2], "claude-user", claude_message("user", "[" + text_block(jstr(text)) + "]"))),
        (chat[0], 1, history[1][2], "claude-assistant",
         agent_event(history[1][2], "claude-assistant",
                     claude_message("assistant", "[" + text_block(jstr(answer)) + "]"))),
        (chat[0], 2, history[2][2], "claude-result",
         agent_event(history[2][2], "claude-result", claude_result(chat[5]))),
    ]
    checks = [("replicas", tuple(replica), expected_replica),
              ("replica_repositories", [tuple(r) for r in repo_rows],
               [replica_repository_row(template_id, repository, replica[2])]),
              ("chats", tuple(chat), expected_chat),
              ("messages", tuple(message), expected_message),
              ("history_events", [tuple(h) for h in history], expected_history)]
    for table, actual, expected in checks:
        if actual != expected:
            raise RuntimeError(f"seeder rows for {table} differ from what the server wrote:\n"
                               f"  server: {actual}\n  seeder: {expected}")


def seed(command, data_dir, replicas, events_per_replica, work):
    """Lets the server create the schema, the local account, a repository, an environment and one
    real replica; checks the seeder against that replica, removes it, then bulk-inserts."""
    turns = max(1, events_per_replica // 5)
    events_per_replica = turns * 5
    # One commit on its default branch: a workspace cannot be cloned from an empty repository.
    repo = make_repo(os.path.join(work, "repo"))

    started = time.perf_counter()
    server = Server(command, data_dir, ["--turn-delay-ms", "0"], os.path.join(work, "seed-server.log"))
    server.initialize()
    repository = server.tool("add_repository", {"location": repo})["repository"]
    environment = server.tool("create_environment", {"name": "bench", "repository_id": repository["id"]})
    template = server.tool("create_replica", {
        "name": "bench-template", "environment_id": environment["environment"]["id"],
        "message": "Fix the flaky \"login\" test \u2014 it fails on CI\nThen run the suite."})["replica"]
    deadline = time.time() + 30
    while True:
        history = server.tool("read_replica_history", {"replica_id": template["id"]})
        if history["total"] >= 3 and history["events"][-1]["type"] == "claude-result":
            break
        if time.time() > deadline:
            raise RuntimeError("the template replica's scripted turn did not finish")
        time.sleep(0.05)
    server.close()

    db = sqlite3.connect(os.path.join(data_dir, "replicas.db"), isolation_level=None)
    repo_row = db.execute("SELECT id, name, url, default_branch FROM repositories WHERE id = ?",
                          (repository["id"],)).fetchone()
    check_against_template(db, template["id"], repo_row)
    org, user = db.execute("SELECT o.id, u.id FROM organizations o JOIN memberships m ON m.organization_id = o.id "
                           "JOIN users u ON u.id = m.user_id WHERE o.is_local = 1").fetchone()
    environment_id = environment["environment"]["id"]

    db.execute("PRAGMA journal_mode=DELETE")  # one big transaction: no WAL copy of every page
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-262144")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("BEGIN")
    chat_of_template, provider = db.execute("SELECT id, provider FROM chats WHERE replica_id = ?",
                                            (template["id"],)).fetchone()
    agent = db.execute("SELECT coding_agent FROM replicas WHERE id = ?", (template["id"],)).fetchone()[0]
    for sql in ("DELETE FROM history_events WHERE chat_id = ?", "DELETE FROM messages WHERE chat_id = ?"):
        db.execute(sql, (chat_of_template,))
    for table in ("chats", "replica_repositories", "engine_events"):
        db.execute(f"DELETE FROM {table} WHERE replica_id = ?", (template["id"],))
    db.execute("DELETE FROM replicas WHERE id = ?", (template["id"],))

    rng = random.Random(20261128)
    content_rng = random.Random(4242)
    corpus = Corpus(rng)
    now_ms = int(time.time() * 1000)
    first_ms = now_ms - 30 * 24 * 3600 * 1000
    spacing = (29 * 24 * 3600 * 1000) // max(1, replicas)
    # Chat ids are handed out in sorted order, so history rows stream in primary-key order: appends
    # only, and nothing big is held in memory.
    chat_ids = sorted(make_id(rng) for _ in range(replicas))
    plans, replica_rows, repo_rows, chat_rows, message_rows = [], [], [], [], []
    for index, chat_id in enumerate(chat_ids):
        replica_id = make_id(rng)
        name = f"bench-{index:05d}"
        created = first_ms + index * spacing + rng.randint(0, max(1, spacing // 2))
        session = "scripted-" + make_id(rng)
        turns_of_chat = []
        start = created + rng.randint(30, 80)
        for turn in range(turns):
            prompt = rng.choice(corpus.prompts)
            times, queued, began, finished = turn_timings(rng, start)
            message_rows.append(message_row(make_id(rng), chat_id, replica_id, prompt[0], turn + 1,
                                            1 if turn == 0 else 0, iso(queued), iso(began), iso(finished)))
            turns_of_chat.append((prompt, times))
            start = finished + rng.randint(60_000, 900_000)
        plans.append((chat_id, session, turns_of_chat))
        # Active a few minutes ago: the idle pass (every 30 s) would otherwise put a month-old replica to
        # sleep while it is measured, and reads of a sleeping replica answer "waking".
        last_activity = now_ms - rng.randint(60_000, 600_000)
        replica_rows.append(replica_row(replica_id, org, user, environment_id, name, iso(created),
                                        iso(last_activity), agent))
        repo_rows.append(replica_repository_row(replica_id, repo_row, name))
        chat_rows.append(chat_row(chat_id, replica_id, title_from(turns_of_chat[0][0][0]), session,
                                  iso(created + 4), iso(finished), provider))

    payload_bytes = [0]

    def history_rows():
        for chat_id, session, turns_of_chat in plans:
            seq = 0
            for prompt, times in turns_of_chat:
                for timestamp, kind, payload in turn_events(content_rng, corpus, prompt, times, session):
                    payload_bytes[0] += len(payload)
                    yield chat_id, seq, timestamp, kind, payload
                    seq += 1

    db.executemany("INSERT INTO replicas VALUES (" + ",".join("?" * 19) + ")", replica_rows)
    db.executemany("INSERT INTO replica_repositories VALUES (?,?,?,?,?,?,?,?)", repo_rows)
    db.executemany("INSERT INTO chats VALUES (?,?,?,?,?,?,?,?)", chat_rows)
    db.executemany("INSERT INTO messages VALUES (" + ",".join("?" * 16) + ")", message_rows)
    db.executemany("INSERT INTO history_events (chat_id, seq, timestamp, type, payload_json) VALUES (?,?,?,?,?)",
                   history_rows())
    db.execute("COMMIT")
    db.execute("PRAGMA journal_mode=WAL")  # as the server keeps it
    counts = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("replicas", "chats", "messages", "history_events")}
    counts["average_payload_chars"] = payload_bytes[0] // max(1, counts["history_events"])
    db.close()
    size_mb = os.path.getsize(os.path.join(data_dir, "replicas.db")) / 1e6
    seconds = time.perf_counter() - started
    log(f"seed: {counts} in {seconds:.1f} s, database {size_mb:.0f} MB")
    return [row[0] for row in replica_rows], counts, seconds, size_mb, events_per_replica


# ---------------------------------------------------------------------------------------------
# Latency


SEND_TARGETS = 20


def latency(command, data_dir, replica_ids, calls, warmup, events_per_replica, work):
    rng = random.Random(7)
    server = Server(command, data_dir, (), os.path.join(work, "latency-server.log"), timeout=10)
    server.initialize()
    default_window = min(20, events_per_replica)
    page_window = max(0, min(50, events_per_replica - 50))
    # Sends go to a few replicas of their own, round robin (the first to each starts a scripted turn, the
    # rest queue behind it): their histories grow, so the reads use the other replicas.
    senders = replica_ids[:SEND_TARGETS]
    readers = replica_ids[SEND_TARGETS:] or replica_ids
    sent = [0]
    kinds = {
        "get_replica": ({}, lambda r, out: out["replica"]["id"] == r and len(out["replica"]["chats"]) == 1),
        "read_replica_history (default limit 20)": (
            {}, lambda r, out: len(out["events"]) == default_window and out["total"] == events_per_replica),
        "read_replica_history (limit 50, offset 50)": (
            {"limit": 50, "offset": 50},
            lambda r, out: len(out["events"]) == page_window and out["total"] == events_per_replica),
        "send_replica_message (acknowledged once committed)": (
            {"message": "Also check the retry path of the login test, please."},
            lambda r, out: out["status"] in ("sent", "queued") and out["message_id"]),
    }
    samples = {kind: [] for kind in kinds}
    decoded = {kind: [] for kind in kinds}  # the same round trips, until this client had decoded the answer
    errors = {kind: 0 for kind in kinds}
    first_error = {}
    warmup_errors = []

    def one(kind, record):
        extra, check = kinds[kind]
        if kind.startswith("send_replica_message"):
            replica_id = senders[sent[0] % len(senders)]
            sent[0] += 1
        else:
            replica_id = rng.choice(readers)
        tool = kind.split(" ")[0]
        start = time.perf_counter()
        out, error = server.call(tool, dict({"replica_id": replica_id}, **extra))
        done = time.perf_counter()
        answered = (server.answered_at - start) * 1000 if server.answered_at > start else None
        if error is None and not check(replica_id, out):
            error = "unexpected content: " + json.dumps(out)[:300]
        if record:
            if error:
                errors[kind] += 1
                first_error.setdefault(kind, error)
            if answered is not None:
                samples[kind].append(answered)
                decoded[kind].append((done - start) * 1000)
        elif error:
            warmup_errors.append(f"{kind}: {error}")

    log(f"latency: warm-up, {warmup} calls of each tool")
    for _ in range(warmup):
        for kind in kinds:
            one(kind, False)
    log(f"latency: measuring {calls} calls of each tool (interleaved)")
    started = time.perf_counter()
    for _ in range(calls):
        for kind in kinds:
            one(kind, True)
    seconds = time.perf_counter() - started
    server.close()
    for kind, error in first_error.items():
        log(f"latency: {errors[kind]} error(s) in {kind}; first: {error}")
    for error in warmup_errors:
        log(f"latency: error during warm-up (not counted): {error}")
    return samples, decoded, errors, seconds, warmup_errors, first_error


# ---------------------------------------------------------------------------------------------
# HTTP load: concurrent MCP sessions over Streamable HTTP


class HttpSession:
    """One MCP session over Streamable HTTP on one keep-alive connection: every request carries the key,
    and after initialize the Mcp-Session-Id the server gave and the negotiated MCP-Protocol-Version."""

    def __init__(self, port, key, timeout=10):
        self.port = port
        self.key = key
        self.timeout = timeout
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        self.session_id = None
        self.protocol = None
        self.next_id = 0

    def headers(self):
        headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream",
                   "Authorization": f"Bearer {self.key}"}
        if self.session_id:
            headers["Mcp-Session-Id"] = self.session_id
        if self.protocol:
            headers["MCP-Protocol-Version"] = self.protocol
        return headers

    def exchange(self, method, body=None):
        """(status, headers, body bytes) of one HTTP exchange; a broken connection is reopened once."""
        for attempt in (1, 2):
            try:
                self.connection.request(method, "/mcp", body, self.headers())
                response = self.connection.getresponse()
                return response.status, response, response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
                if attempt == 2:
                    raise

    def request(self, method, params):
        """The JSON-RPC response to one request (JSON or the matching event of an SSE stream)."""
        self.next_id += 1
        request_id = self.next_id
        status, response, body = self.exchange("POST", json.dumps(
            {"jsonrpc": "2.0", "id": request_id, "method": method, "params": params}).encode())
        if status != 200:
            raise RuntimeError(f"{method}: HTTP {status}: {body[:300]!r}")
        if method == "initialize":
            self.session_id = response.getheader("Mcp-Session-Id")
        if (response.getheader("Content-Type") or "").startswith("text/event-stream"):
            for event in body.decode("utf-8").replace("\r\n", "\n").split("\n\n"):
                data = "\n".join(line[5:].lstrip() for line in event.split("\n") if line.startswith("data:"))
                if data:
                    message = json.loads(data)
                    if message.get("id") == request_id and "method" not in message:
                        return message
            raise RuntimeError(f"{method}: no response in the event stream: {body[:300]!r}")
        return json.loads(body)

    def initialize(self):
        response = self.request("initialize", INIT)
        if "result" not in response or not self.session_id:
            raise RuntimeError(f"initialize failed (session {self.session_id}): {response}")
        self.protocol = response["result"]["protocolVersion"]
        status, _, body = self.exchange("POST", json.dumps(
            {"jsonrpc": "2.0", "method": "notifications/initialized"}).encode())
        if status not in (200, 202):
            raise RuntimeError(f"notifications/initialized: HTTP {status}: {body[:300]!r}")

    def tool(self, name, arguments):
        response = self.request("tools/call", {"name": name, "arguments": arguments})
        result = response.get("result")
        if result is None:
            raise RuntimeError(f"{name}: JSON-RPC error {response.get('error')}")
        if result.get("isError"):
            raise RuntimeError(f"{name}: {json.dumps(result.get('content'))[:300]}")
        return result["structuredContent"]

    def close(self):
        try:
            self.exchange("DELETE")
        except (OSError, http.client.HTTPException):
            pass
        self.connection.close()


def make_repo(path):
    """A git repository with one commit on its default branch (an empty one cannot be cloned onto a branch)."""
    quiet = {"check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    subprocess.run(["git", "init", "-q", path], **quiet)
    with open(os.path.join(path, "README.md"), "w") as f:
        f.write("bench\n")
    subprocess.run(["git", "-C", path, "add", "README.md"], **quiet)
    subprocess.run(["git", "-C", path, "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-q",
                    "-m", "bench"], **quiet)
    return path


def start_http_server(command, data_dir, log_path, timeout=90, extra=()):
    """The server in HTTP mode on a free loopback port: (process, port, key). With the JVM flags scripts/run
    gives HTTP mode (BENCH_HTTP_FLAGS, from lib.sh's java_flags with --http), in place of the stdio ones."""
    http_flags = os.environ.get("BENCH_HTTP_FLAGS")
    if not http_flags:
        raise SystemExit("bench.py: BENCH_HTTP_FLAGS is not set; run it through scripts/bench")
    command = [command[0]] + http_flags.split("\n") + command[command.index("-jar"):]
    log_file = open(log_path, "ab")
    process = subprocess.Popen(list(command) + ["--data-dir", data_dir, "--turn-delay-ms", "100", "--http",
                                                "--host", "127.0.0.1", "--port", "0"] + list(extra),
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log_file)
    log_file.close()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(log_path, errors="replace") as f:
            found = re.search(r"serving HTTP on http://127\.0\.0\.1:(\d+)", f.read())
        key_file = os.path.join(data_dir, "api-key")
        if found and os.path.exists(key_file):
            with open(key_file) as f:
                return process, int(found.group(1)), f.read().strip()
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"the HTTP server did not start; see {log_path}")


def process_cpu_seconds(pid):
    """User + system CPU seconds of a process so far (Linux /proc), or None elsewhere."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def stop_server(process):
    process.terminate()
    try:
        return process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()


def http_load(command, work, sessions, seconds, warmup_seconds, replicas):
    """`sessions` MCP sessions over Streamable HTTP, each on its own thread and connection, calling
    get_replica on a random seeded replica back to back: `warmup_seconds` not counted, then
    `seconds` measured. Every answer is checked (the replica asked for, no error)."""
    data_dir = os.path.join(work, "http-data")
    log_path = os.path.join(work, "http-server.log")
    repo = make_repo(os.path.join(work, "http-repo"))
    process, port, key = start_http_server(command, data_dir, log_path)
    try:
        seeder = HttpSession(port, key)
        seeder.initialize()
        repository = seeder.tool("add_repository", {"location": repo})["repository"]
        environment = seeder.tool("create_environment", {"name": "http-bench", "repository_id": repository["id"]})
        replica_ids = [seeder.tool("create_replica", {
            "name": f"http-bench-{i}", "message": f"Task {i}: fix the flaky test",
            "environment_id": environment["environment"]["id"]})["replica"]["id"] for i in range(replicas)]
        seeder.close()
        log(f"http: server on port {port}, {len(replica_ids)} replicas seeded; {sessions} sessions, "
            f"{warmup_seconds} s warm-up then {seconds} s measured")

        start_at = time.monotonic() + 0.5
        measure_at = start_at + warmup_seconds
        stop_at = measure_at + seconds
        lock = threading.Lock()
        latencies, errors, setup_errors = [], [], []

        def worker(index):
            rng = random.Random(index)
            mine, mine_errors = [], []
            try:
                session = HttpSession(port, key)
                session.initialize()
            except Exception as e:  # noqa: BLE001 - reported, never raised from a thread
                with lock:
                    setup_errors.append(f"session {index}: {e}")
                return
            while time.monotonic() < start_at:
                time.sleep(0.005)
            while True:
                began = time.monotonic()
                if began >= stop_at:
                    break
                replica_id = rng.choice(replica_ids)
                error = None
                try:
                    out = session.tool("get_replica", {"replica_id": replica_id})
                    if out["replica"]["id"] != replica_id:
                        error = f"asked {replica_id}, got {out['replica']['id']}"
                except Exception as e:  # noqa: BLE001 - counted as an error of this call
                    error = f"{type(e).__name__}: {e}"
                ended = time.monotonic()
                if began >= measure_at and ended <= stop_at:
                    mine.append((ended - began) * 1000)
                    if error:
                        mine_errors.append(error)
            session.close()
            with lock:
                latencies.extend(mine)
                errors.extend(mine_errors)

        server_cpu = {}

        def sample_server_cpu():
            for name, at in (("start", measure_at), ("stop", stop_at)):
                time.sleep(max(0.0, at - time.monotonic()))
                server_cpu[name] = process_cpu_seconds(process.pid)

        threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(sessions)]
        sampler = threading.Thread(target=sample_server_cpu, daemon=True)
        cpu_before = os.times()
        sampler.start()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=warmup_seconds + seconds + 60)
        sampler.join(timeout=5)
        cpu_after = os.times()
        stuck = sum(1 for thread in threads if thread.is_alive())
        if stuck:
            setup_errors.append(f"{stuck} session thread(s) did not stop")
    finally:
        stop_server(process)
    client_cpu = (cpu_after.user - cpu_before.user) + (cpu_after.system - cpu_before.system)
    for error in (setup_errors + errors)[:5]:
        log(f"http: error: {error}")
    result = {"sessions": sessions, "seconds": seconds, "warmup": warmup_seconds, "replicas": len(replica_ids),
              "calls": len(latencies), "errors": len(errors) + len(setup_errors), "latencies": latencies,
              "first_error": (setup_errors + errors)[0] if setup_errors or errors else None,
              "client_cpu": client_cpu / (warmup_seconds + seconds),
              "server_cpu": (server_cpu["stop"] - server_cpu["start"]) / seconds
              if server_cpu.get("start") is not None and server_cpu.get("stop") is not None else None}
    if latencies:
        log(f"http: {len(latencies) / seconds:.0f} calls/s, p50 {percentile(latencies, 50):.1f} ms, "
            f"p99 {percentile(latencies, 99):.1f} ms, {result['errors']} errors")
    return result


def http_report(result):
    times = result["latencies"]
    out = [f"### HTTP load: {result['sessions']} concurrent MCP sessions calling `get_replica` "
           f"({result['seconds']} s after {result['warmup']} s warm-up)", "",
           f"Streamable HTTP on loopback, one keep-alive connection and one `Mcp-Session-Id` per session, API key "
           f"and `MCP-Protocol-Version` on every request; each session calls back to back on a random one of "
           f"{result['replicas']} replicas. Round trip measured by the client (Python threads, "
           f"{result['client_cpu']:.1f} CPU cores)"
           + (f"; the server used {result['server_cpu']:.1f} CPU cores meanwhile." if result["server_cpu"]
              is not None else "."), "",
           "| Sessions | calls | calls/s | errors | p50 ms | p99 ms | max ms |",
           "|---:|---:|---:|---:|---:|---:|---:|"]
    if times:
        out.append(f"| {result['sessions']} | {len(times)} | {len(times) / result['seconds']:.0f} | "
                   f"{result['errors']} | {percentile(times, 50):.2f} | {percentile(times, 99):.2f} | "
                   f"{max(times):.2f} |")
    else:
        out.append(f"| {result['sessions']} | 0 | 0 | {result['errors']} | - | - | - |")
    if result["first_error"]:
        out += ["", f"- {result['errors']} error(s); first: {result['first_error']}"]
    return out


# ---------------------------------------------------------------------------------------------


def machine():
    java_version = subprocess.run([os.environ["BENCH_JAVA"], "-version"], capture_output=True, text=True).stderr
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    try:
        nproc = len(os.sched_getaffinity(0))  # what nproc prints
    except AttributeError:
        nproc = os.cpu_count()
    return {"nproc": nproc, "java": java_version.strip().splitlines()[0], "cpu": cpu}


def load_average():
    try:
        return "%.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        return "n/a"


def main():
    import bench_streams  # here, not at the top: it imports this file's helpers as module `bench`
    command = sys.argv[1:]
    mode = os.environ.get("BENCH_MODE", "all")
    if mode not in ("all", "http", "streams"):
        raise SystemExit(f"unknown benchmark part '{mode}': use all, http or streams")
    run_script = os.environ["BENCH_RUN_SCRIPT"]
    cold_runs = env_int("BENCH_COLD_RUNS", 20)
    replicas = env_int("BENCH_REPLICAS", 10_000)
    events = env_int("BENCH_EVENTS_PER_REPLICA", 100)
    calls = env_int("BENCH_CALLS", 2_000)
    warmup = env_int("BENCH_WARMUP", 300)
    http_sessions = env_int("BENCH_HTTP_SESSIONS", 32)
    http_seconds = env_int("BENCH_HTTP_SECONDS", 20)
    http_warmup = env_int("BENCH_HTTP_WARMUP_SECONDS", 5)
    http_replicas = env_int("BENCH_HTTP_REPLICAS", 5)
    streams = env_int("BENCH_STREAMS", 1_000)
    stream_rounds = env_int("BENCH_STREAM_ROUNDS", 5)
    stream_callers = env_int("BENCH_STREAM_CALLERS", 2)
    work = tempfile.mkdtemp(prefix="replicas-bench-")
    keep = os.environ.get("BENCH_KEEP") == "1"
    load_before = load_average()
    began = time.perf_counter()
    try:
        if mode == "all":
            log(f"cold start: {cold_runs} runs per case; command: {' '.join(command)} --data-dir DIR")
            cold = {}
            cold["fresh data folder"] = cold_start(command, cold_runs, label="fresh data folder")
            existing = os.path.join(work, "existing")
            warm = Server(command, existing)
            warm.initialize()
            warm.tool("list_replicas", {})  # waits for the database: migrated, local account made
            warm.close()
            cold["existing database (empty)"] = cold_start(command, cold_runs, existing, "existing database (empty)")
            cold["existing database, via scripts/run"] = cold_start(
                [run_script], cold_runs, existing, "existing database, via scripts/run")

            seeded = os.path.join(work, "seeded")
            replica_ids, counts, seed_seconds, size_mb, events = seed(command, seeded, replicas, events, work)
            cold[f"existing database ({counts['replicas']:,} replicas, {counts['history_events']:,} events)"] = \
                cold_start(command, cold_runs, seeded, "seeded database")

            samples, decoded, errors, latency_seconds, warmup_errors, first_error = latency(
                command, seeded, replica_ids, calls, warmup, events, work)
        if mode in ("all", "http"):
            http_result = http_load(command, work, http_sessions, http_seconds, http_warmup, http_replicas)
        if mode in ("all", "streams"):
            stream_result = bench_streams.stream_load(command, work, streams, stream_rounds, stream_callers)
    finally:
        if keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    info = machine()
    total = time.perf_counter() - began
    out = []
    out.append("## replicas-mcp benchmark" + {"http": " (HTTP load only)", "streams": " (event streams only)"}
               .get(mode, ""))
    out.append("")
    out.append(f"Machine: nproc {info['nproc']} ({info['cpu'] or 'unknown CPU'}), {info['java']}; "
               f"load average before {load_before}, after {load_average()}.")
    out.append(f"Command: `{' '.join(os.path.basename(c) if c.endswith('.jar') else c for c in command)}"
               f" --data-dir DIR` (what scripts/run executes).")
    out.append("")
    if mode == "streams":
        out += bench_streams.stream_report(stream_result)
        out.append("")
        out.append(f"Whole benchmark: {total:.0f} s.")
        print("\n".join(out))
        return 1 if bench_streams.stream_failed(stream_result) else 0
    if mode == "http":
        out += http_report(http_result)
        out.append("")
        out.append(f"Whole benchmark: {total:.0f} s.")
        print("\n".join(out))
        return 1 if http_result["errors"] or not http_result["calls"] else 0
    out.append(f"### Cold start: spawn to `initialize` response ({cold_runs} runs each)")
    out.append("")
    out.append("| Case | median ms | p90 ms | min ms | max ms | CPU ms per process (median) |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for case, (times, cpu) in cold.items():
        out.append(f"| {case} | {statistics.median(times):.0f} | {percentile(times, 90):.0f} | "
                   f"{min(times):.0f} | {max(times):.0f} | {statistics.median(cpu):.0f} |")
    out.append("")
    out.append("CPU ms: user + system time of the whole process, start to exit (it also covers opening the "
               "database in the background and the shutdown); unlike the wall-clock figures it barely moves "
               "when other work competes for the CPUs.")
    out.append("")
    out.append(f"### Tool calls on {counts['replicas']:,} replicas / {counts['history_events']:,} history events "
               f"/ {counts['messages']:,} messages ({size_mb:.0f} MB, seeded in {seed_seconds:.0f} s)")
    out.append("")
    out.append(f"Each replica: one default Claude chat of {events} events (turns of prompt, tool use, tool result, "
               f"answer, result; payload_json {counts['average_payload_chars']} characters on average) and one done "
               f"message per turn. Sequential JSON-RPC over stdio, a random replica per call, after {warmup} "
               f"warm-up calls of each tool; round trip measured by the client, from writing the request to reading "
               f"the answer's last byte (the last column adds this Python client's decoding of the answer's JSON, "
               f"a tenth of a millisecond for a page of history). Sends go round robin to "
               f"{SEND_TARGETS} replicas the reads leave alone: the first to each starts a turn of the scripted "
               f"agent, the rest queue behind it; each is answered once its message is committed. Issue 12's "
               f"targets: read_replica_history p50 ≤ 0.6 ms, send_replica_message p50 ≤ 0.5 ms.")
    out.append("")
    out.append("| Tool call | calls | errors | mean ms | p50 ms | p99 ms | max ms | p50 ms, decoded |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for kind, times in samples.items():
        out.append(f"| {kind} | {len(times)} | {errors[kind]} | {statistics.mean(times):.2f} | "
                   f"{percentile(times, 50):.2f} | {percentile(times, 99):.2f} | {max(times):.2f} | "
                   f"{percentile(decoded[kind], 50):.2f} |")
    out.append("")
    for kind, error in first_error.items():
        out.append(f"- {errors[kind]} error(s) in {kind}; first: {error}")
    if warmup_errors:
        out.append(f"- {len(warmup_errors)} error(s) during warm-up (not counted above); first: {warmup_errors[0]}")
    if first_error or warmup_errors:
        out.append("")
    out += http_report(http_result)
    out.append("")
    out += bench_streams.stream_report(stream_result)
    out.append("")
    out.append(f"Whole benchmark: {total:.0f} s (latency phase {latency_seconds:.0f} s).")
    print("\n".join(out))
    return 1 if any(errors.values()) or warmup_errors or http_result["errors"] \
        or not http_result["calls"] or bench_streams.stream_failed(stream_result) else 0


if __name__ == "__main__":
    sys.exit(main())
