"""The event-stream part of scripts/bench: many open streams on one replica, new events, calls meanwhile.

`streams` SSE connections (GET /v1/replica/{id}/events, one API key) stay open on one replica, all read by
one thread of a child process. Then `rounds` times a message is sent to the replica; its `chat.turn.accepted` event
must reach every stream (counted), and the time from the send to the last stream is the delivery time.
All along, REST callers (GET /v1/replica/{id}) and MCP sessions (get_replica over Streamable HTTP) call
back to back (threads of this process; the streams are read by a child process); their round trips are the latencies reported. Imported by bench.py.
"""

import http.client
import json
import multiprocessing
import os
import selectors
import socket
import threading
import time

from bench import HttpSession, log, make_repo, percentile, process_cpu_seconds, start_http_server, stop_server


class StreamSet:
    """`count` raw SSE connections read by one thread: the status of each and the time it first saw a text."""

    def __init__(self, port, key, replica_id, count):
        self.port, self.key, self.replica_id, self.count = port, key, replica_id, count
        self.selector = selectors.DefaultSelector()
        self.buffers = {}
        self.lock = threading.Lock()
        self.wanted = None
        self.seen = {}
        self.closed = 0
        self.stop = False
        self.thread = threading.Thread(target=self.read, daemon=True)

    def open(self, batch=50, timeout=60):
        """Opens the connections `batch` at a time, each sending its request; waits for every opening frame."""
        request = (f"GET /v1/replica/{self.replica_id}/events HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
                   f"Authorization: Bearer {self.key}\r\nAccept: text/event-stream\r\n\r\n").encode()
        self.thread.start()
        for start in range(0, self.count, batch):
            for _ in range(start, min(self.count, start + batch)):
                sock = socket.create_connection(("127.0.0.1", self.port), timeout=10)
                sock.sendall(request)
                sock.setblocking(False)
                with self.lock:
                    self.buffers[sock] = bytearray()
                    self.selector.register(sock, selectors.EVENT_READ)
            deadline = time.monotonic() + timeout
            while self.opened() < min(self.count, start + batch) and time.monotonic() < deadline:
                time.sleep(0.01)
        return self.opened()

    def opened(self):
        """Connections answered 200 whose opening (the first event) arrived."""
        with self.lock:
            return sum(1 for b in self.buffers.values() if b.startswith(b"HTTP/1.1 200") and b"\ndata:" in b)

    def refused(self):
        with self.lock:
            return [bytes(b[:200]) for b in self.buffers.values() if b and not b.startswith(b"HTTP/1.1 200")]

    def expect(self, text):
        """Starts watching for `text` (bytes) on every stream; earlier data no longer counts."""
        with self.lock:
            for sock in self.buffers:
                self.buffers[sock] = bytearray()
            self.seen = {}
            self.wanted = text

    def arrivals(self):
        with self.lock:
            return dict(self.seen)

    def read(self):
        while not self.stop:
            with self.lock:
                registered = bool(self.buffers)
            if not registered:
                time.sleep(0.01)
                continue
            for key, _ in self.selector.select(timeout=0.1):
                sock = key.fileobj
                try:
                    chunk = sock.recv(1 << 16)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    chunk = b""
                now = time.monotonic()
                with self.lock:
                    if not chunk:
                        self.selector.unregister(sock)
                        self.closed += 1
                        continue
                    buffer = self.buffers[sock]
                    buffer += chunk
                    if self.wanted and sock not in self.seen and self.wanted in buffer:
                        self.seen[sock] = now
                    if len(buffer) > 1 << 20 and not self.wanted:
                        del buffer[:-4096]

    def close(self):
        self.stop = True
        self.thread.join(timeout=5)
        for sock in list(self.buffers):
            try:
                sock.close()
            except OSError:
                pass


class StreamProcess:
    """A StreamSet in a child process, so reading a thousand sockets does not take the GIL from the callers
    whose latency is measured. Arrival times are time.monotonic(), the same clock in both processes."""

    def __init__(self, port, key, replica_id, count):
        self.connection, child = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=serve_streams, args=(child, port, key, replica_id, count),
                                               daemon=True)
        self.process.start()

    def call(self, *command):
        self.connection.send(command)
        return self.connection.recv()

    def close(self):
        try:
            self.call("close")
        except (OSError, EOFError):
            pass
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()


def serve_streams(connection, port, key, replica_id, count):
    streams = StreamSet(port, key, replica_id, count)
    while True:
        command = connection.recv()
        if command[0] == "open":
            connection.send((streams.open(), streams.refused()))
        elif command[0] == "expect":
            streams.expect(command[1])
            connection.send(None)
        elif command[0] == "arrivals":
            arrivals = streams.arrivals()
            connection.send((len(arrivals), max(arrivals.values()) if arrivals else None))
        else:
            streams.close()
            connection.send(None)
            return


def rest_get(connection, key, path):
    connection.request("GET", path, headers={"Authorization": f"Bearer {key}"})
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"GET {path}: HTTP {response.status}: {body[:200]!r}")
    return json.loads(body)


def rest_post(port, key, path, body):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST", path, json.dumps(body).encode(),
                           {"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
        response = connection.getresponse()
        data = response.read()
        if response.status != 200:
            raise RuntimeError(f"POST {path}: HTTP {response.status}: {data[:200]!r}")
        return json.loads(data)
    finally:
        connection.close()


def wait_quiet(port, key, replica_id, timeout=120):
    """Until the replica's chats have no turn running (the first message's turn done)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        chats = rest_get(connection, key, f"/v1/replica/{replica_id}/chats")["chats"]
        if chats and not any(chat.get("processing") for chat in chats):
            connection.close()
            return
        time.sleep(0.2)
    raise RuntimeError(f"replica {replica_id} still busy after {timeout} s")


def stream_load(command, work, streams, rounds, callers):
    """Opens `streams` event streams on one replica, then sends `rounds` messages while `callers` REST
    callers and `callers` MCP sessions call back to back. Returns the figures for stream_report."""
    data_dir = os.path.join(work, "streams-data")
    log_path = os.path.join(work, "streams-server.log")
    repo = make_repo(os.path.join(work, "streams-repo"))
    # The per-key cap (default 200) must let every stream and the bench's own calls in.
    process, port, key = start_http_server(command, data_dir, log_path,
                                           extra=("--max-streams-per-key", str(streams + 50)))
    errors, rest_times, mcp_times, delivery = [], [], [], []
    got, opened = [], 0
    stream_set = None
    try:
        seeder = HttpSession(port, key)
        seeder.initialize()
        repository = seeder.tool("add_repository", {"location": repo})["repository"]
        environment = seeder.tool("create_environment", {"name": "streams-bench", "repository_id": repository["id"]})
        replica_id = seeder.tool("create_replica", {"name": "streams-bench", "message": "warm up",
                                                    "environment_id": environment["environment"]["id"]})["replica"]["id"]
        seeder.close()
        wait_quiet(port, key, replica_id)

        stream_set = StreamProcess(port, key, replica_id, streams)
        began = time.monotonic()
        opened, refused = stream_set.call("open")
        log(f"streams: {opened} of {streams} streams open in {time.monotonic() - began:.1f} s")
        for refusal in refused[:3]:
            errors.append(f"stream refused: {refusal!r}")

        stop = threading.Event()
        lock = threading.Lock()

        def rest_caller():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine = []
            while not stop.is_set():
                start = time.monotonic()
                try:
                    body = rest_get(connection, key, f"/v1/replica/{replica_id}")
                    if body.get("replica", body).get("id") != replica_id:
                        raise RuntimeError("another replica answered")
                    mine.append((time.monotonic() - start) * 1000)
                except Exception as e:  # noqa: BLE001 - counted, never raised from a thread
                    with lock:
                        errors.append(f"REST: {type(e).__name__}: {e}")
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.close()
            with lock:
                rest_times.extend(mine)

        def mcp_caller():
            mine = []
            try:
                session = HttpSession(port, key, timeout=30)
                session.initialize()
            except Exception as e:  # noqa: BLE001
                with lock:
                    errors.append(f"MCP initialize: {e}")
                return
            while not stop.is_set():
                start = time.monotonic()
                try:
                    session.tool("get_replica", {"replica_id": replica_id})
                    mine.append((time.monotonic() - start) * 1000)
                except Exception as e:  # noqa: BLE001
                    with lock:
                        errors.append(f"MCP: {type(e).__name__}: {e}")
            session.close()
            with lock:
                mcp_times.extend(mine)

        threads = [threading.Thread(target=f, daemon=True) for f in [rest_caller] * callers + [mcp_caller] * callers]
        cpu_start = process_cpu_seconds(process.pid)
        window_start = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(1)
        for round_number in range(rounds):
            # The replica is quiet and calls log no events: the next chat.turn.accepted is this message's.
            stream_set.call("expect", b'"type":"chat.turn.accepted"')
            sent_at = time.monotonic()
            rest_post(port, key, f"/v1/replica/{replica_id}/messages", {"message": f"round {round_number}"})
            deadline = time.monotonic() + 60
            while stream_set.call("arrivals")[0] < opened and time.monotonic() < deadline:
                time.sleep(0.01)
            arrived, last = stream_set.call("arrivals")
            got.append(arrived)
            delivery.append((last - sent_at) * 1000 if arrived else None)
            log(f"streams: round {round_number + 1}: {arrived} of {opened} streams got the event, "
                f"all within {delivery[-1] or 0:.0f} ms of the send")
            wait_quiet(port, key, replica_id)
            time.sleep(1)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        window = time.monotonic() - window_start
        cpu_stop = process_cpu_seconds(process.pid)
    finally:
        if stream_set:
            stream_set.close()
        stop_server(process)
    return {"streams": streams, "opened": opened, "rounds": rounds, "callers": callers, "got": got,
            "delivery": delivery, "rest": rest_times, "mcp": mcp_times, "errors": errors,
            "server_cpu": (cpu_stop - cpu_start) / window if cpu_start is not None and cpu_stop is not None else None}


def stream_report(result):
    rest, mcp = result["rest"], result["mcp"]
    delivered = [d for d in result["delivery"] if d is not None]
    out = [f"### Event streams: {result['streams']} open streams on one replica, {result['rounds']} new events",
           "",
           f"One API key; every stream read by one thread of a child process. Each round sends a message (POST "
           f"/v1/replica/{{id}}/messages) and counts the streams its `chat.turn.accepted` event reaches; meanwhile "
           f"{result['callers']} REST callers (GET /v1/replica/{{id}}) and {result['callers']} MCP sessions "
           f"(`get_replica` over Streamable HTTP) call back to back"
           + (f"; the server used {result['server_cpu']:.1f} CPU cores." if result["server_cpu"] is not None
              else "."), "",
           f"- Streams open: {result['opened']} of {result['streams']}",
           f"- Streams that got the event, per round: {', '.join(str(n) for n in result['got']) or '-'}",
           "- Delivery to all streams (send to last stream), per round: "
           + (", ".join(f"{d:.0f} ms" for d in delivered) or "-"), "",
           "| Calls meanwhile | calls | p50 ms | p99 ms | max ms |", "|---|---:|---:|---:|---:|"]
    for name, times in (("REST GET /v1/replica/{id}", rest), ("MCP get_replica", mcp)):
        if times:
            out.append(f"| {name} | {len(times)} | {percentile(times, 50):.1f} | {percentile(times, 99):.1f} | "
                       f"{max(times):.1f} |")
        else:
            out.append(f"| {name} | 0 | - | - | - |")
    if result["errors"]:
        out += ["", f"- {len(result['errors'])} error(s); first: {result['errors'][0]}"]
    return out


def stream_failed(result):
    """True when a stream was not opened, missed an event, or a call failed."""
    return bool(result["errors"]) or result["opened"] < result["streams"] \
        or any(n < result["opened"] for n in result["got"]) or not result["rest"] or not result["mcp"]
