package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stdin as the transport gets it: only the lines that are well-formed JSON-RPC messages, each parsed once
 * (for {@link IncomingCheck}) and handed on as the SDK's message, a send stamped with its arrival ticket
 * ({@link ArrivalOrder}). A request line that is not one is answered here with a JSON-RPC error naming
 * the fault (never echoing the line: it may hold a secret) and dropped; blank lines, malformed
 * notifications and responses to no request are dropped without an answer, as JSON-RPC wants.
 *
 * <p>It counts the requests it hands on; {@link #answered()} counts their answers down. At the end of
 * input it signals {@code eof} and holds the end back until {@code release}, so the session keeps
 * answering what it has read; a read error ends it at once.
 */
final class StdioInput implements StdioTransport.Source {

    private static final Logger LOG = LoggerFactory.getLogger(StdioInput.class);

    private final InputStream in;
    private final IncomingCheck check;
    private final ArrivalOrder order;
    private final McpJsonMapper mapper;
    /** Our error answers are written under its lock, as the transport's are. */
    private final OutputStream out;

    private final CountDownLatch eof;
    private final CountDownLatch release;
    private final AtomicInteger pending = new AtomicInteger();

    private final byte[] chunk = new byte[8192];
    private int position;
    private int limit;
    /** A line begun in an earlier chunk. */
    private byte[] partial = new byte[0];

    StdioInput(
            InputStream in,
            IncomingCheck check,
            ArrivalOrder order,
            McpJsonMapper mapper,
            OutputStream out,
            CountDownLatch eof,
            CountDownLatch release) {
        this.in = in;
        this.check = check;
        this.order = order;
        this.mapper = mapper;
        this.out = out;
        this.eof = eof;
        this.release = release;
    }

    /** Requests handed on and not yet answered. */
    int pending() {
        return pending.get();
    }

    /** The transport wrote an answer to a request. */
    void answered() {
        pending.decrementAndGet();
    }

    @Override
    public McpSchema.JSONRPCMessage next() throws IOException {
        byte[] line;
        while ((line = nextLine()) != null) {
            McpSchema.JSONRPCMessage message = admit(line);
            if (message != null) {
                return message;
            }
        }
        eof.countDown();
        awaitRelease();
        return null;
    }

    /** The next line without its newline; the last one even without; null at the end of input. */
    private byte[] nextLine() throws IOException {
        while (true) {
            for (int i = position; i < limit; i++) {
                if (chunk[i] == '\n') {
                    byte[] line = joined(i);
                    position = i + 1;
                    return line;
                }
            }
            byte[] begun = joined(limit);
            int n;
            try {
                n = in.read(chunk);
            } catch (IOException e) {
                eof.countDown();
                throw e;
            }
            if (n < 0) {
                partial = new byte[0];
                return begun.length > 0 ? begun : null;
            }
            partial = begun;
            position = 0;
            limit = n;
        }
    }

    /** What was left of an earlier chunk and this chunk's bytes up to end. */
    private byte[] joined(int end) {
        byte[] line = Arrays.copyOf(partial, partial.length + end - position);
        System.arraycopy(chunk, position, line, partial.length, end - position);
        partial = new byte[0];
        position = end;
        return line;
    }

    /** The message the line holds, for the session; null when it was dropped or answered here. */
    private McpSchema.JSONRPCMessage admit(byte[] line) throws IOException {
        if (IncomingCheck.blank(line)) {
            return null;
        }
        IncomingCheck.Checked checked = check.read(line);
        IncomingCheck.Verdict verdict = checked.verdict();
        if (verdict.ok() && verdict.kind() == IncomingCheck.Kind.IGNORED) {
            LOG.debug("Dropped a response without an id on stdin: it answers no request");
            return null;
        }
        if (verdict.ok()) {
            McpSchema.JSONRPCMessage message = message(checked.message());
            if (message != null) {
                if (verdict.kind() == IncomingCheck.Kind.REQUEST) {
                    pending.incrementAndGet();
                }
                return message;
            }
            verdict = new IncomingCheck.Verdict(
                    verdict.kind(),
                    verdict.kind() == IncomingCheck.Kind.REQUEST ? verdict.id() : null,
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Invalid request: the message does not have the shape of a JSON-RPC 2.0 message.");
        }
        if (verdict.kind() == IncomingCheck.Kind.NOTIFICATION) {
            LOG.warn("Dropped a malformed notification on stdin (notifications get no answer): {}", verdict.problem());
        } else {
            LOG.warn(
                    "Answered a line of {} bytes on stdin that is not a well-formed JSON-RPC message: {}",
                    line.length,
                    verdict.problem());
            byte[] answer = (check.answer(verdict) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (out) {
                out.write(answer);
                out.flush();
            }
        }
        return null;
    }

    /** The SDK's message for a tree the check passed, a send stamped; null when the SDK could not read it. */
    private McpSchema.JSONRPCMessage message(JsonNode tree) {
        HashMap<String, Object> values = TreeValues.message(tree);
        order.stamp(values);
        try {
            return message(mapper, values);
        } catch (RuntimeException e) {
            LOG.debug("The SDK cannot read a message on stdin: {}", e.toString());
            return null;
        }
    }

    /**
     * The SDK's message for a line's values, as its own reader makes it from the line (see
     * McpSchema.deserializeJsonRpcMessage); null when they hold none. (The protocol mapper builds the usual
     * request or notification from the values without Jackson, see {@link ProtocolJsonMapper}.)
     */
    static McpSchema.JSONRPCMessage message(McpJsonMapper mapper, HashMap<String, Object> values) {
        if (values.containsKey("method")) {
            return values.containsKey("id")
                    ? mapper.convertValue(values, McpSchema.JSONRPCRequest.class)
                    : mapper.convertValue(values, McpSchema.JSONRPCNotification.class);
        }
        if (values.containsKey("result") || values.containsKey("error")) {
            return mapper.convertValue(values, McpSchema.JSONRPCResponse.class);
        }
        return null;
    }

    private void awaitRelease() throws IOException {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stdin was closing");
        }
    }
}
