package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves MCP over stdin/stdout until stdin closes. Stdout belongs to the protocol: the real stream is
 * handed to the transport and System.out is pointed at stderr, so a stray print cannot corrupt it.
 *
 * <p>The session ends when the transport ({@link StdioTransport}) reads end of input, which would drop
 * the answers of requests still running. So the end of stdin is held back from it until every request
 * read has been answered (requests and responses are counted line by line), then passed on.
 *
 * <p>The SDK answers some malformed requests with Java exception text, and its message record refuses
 * shapes JSON-RPC allows. So every line is checked first ({@link IncomingCheck}): one that is not a
 * well-formed message is answered with a JSON-RPC error naming the fault (with the request's id when it
 * has a usable one) and dropped; blank lines, malformed notifications and responses to no request are
 * dropped without an answer, as JSON-RPC wants.
 *
 * <p>Sends are queued in the order their lines were read, though the SDK runs calls concurrently
 * ({@link ArrivalOrder}).
 */
public final class StdioServer {

    private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);
    private static final long DRAIN_SECONDS = 10;
    private static final long SERVER_WAIT_SECONDS = 30;

    private StdioServer() {}

    public static void serve(McpJsonMapper mapper, ToolCatalog catalog, ToolInvoker invoker, String version)
            throws InterruptedException {
        CompletableFuture<McpServerFactory.Single> served = new CompletableFuture<>();
        ArrivalOrder order = ArrivalOrder.stamped();
        Ledger ledger = new Ledger(mapper, new IncomingCheck(name -> serves(served, name), "line"), order);
        OutputStream protocolOut =
                new LineWatchingOutput(new FileOutputStream(FileDescriptor.out), ledger::lineWritten);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        CountDownLatch eof = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream in = new CheckedInput(new FileInputStream(FileDescriptor.in), ledger, protocolOut, eof, release);
        McpServerFactory.Single single = McpServerFactory.create(
                new StdioTransport(mapper, in, protocolOut), mapper, catalog, invoker, version, order);
        McpSyncServer server = single.server();
        served.complete(single);
        // While the client waits for the handshake's answer and reads it (measured: the start is no slower).
        FirstCallWarmUp.start(catalog, invoker, mapper);
        LOG.info("replicas-mcp {} serving MCP over stdio", version);
        try {
            eof.await();
            // Let every request already read finish and its answer reach stdout, then close.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
            while ((ledger.pending() > 0 || invoker.inFlight() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (ledger.pending() > 0) {
                LOG.warn("stdin closed; {} request(s) still unanswered after {} s", ledger.pending(), DRAIN_SECONDS);
            }
            LOG.info("stdin closed; shutting down");
        } finally {
            release.countDown();
        }
        server.closeGracefully();
    }

    /**
     * Whether the server offers the tool. The transport starts reading while the server is being built,
     * so a call read that early waits for it; should it never come, the SDK answers the call itself.
     */
    private static boolean serves(CompletableFuture<McpServerFactory.Single> served, String tool) {
        try {
            return served.get(SERVER_WAIT_SECONDS, TimeUnit.SECONDS).offers().test(tool);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return true;
        }
    }

    /** Requests read minus responses written: the answers still owed to the client. */
    private static final class Ledger {

        private final McpJsonMapper mapper;
        private final IncomingCheck check;
        private final ArrivalOrder order;
        private final AtomicInteger pending = new AtomicInteger();

        Ledger(McpJsonMapper mapper, IncomingCheck check, ArrivalOrder order) {
            this.mapper = mapper;
            this.check = check;
            this.order = order;
        }

        /** The line as the transport gets it: a send carries its arrival ticket (lines are read in order). */
        byte[] stamp(byte[] line, JsonNode message) {
            return order.stamp(line, message);
        }

        int pending() {
            return pending.get();
        }

        IncomingCheck check() {
            return check;
        }

        /**
         * The line's verdict, with the message it holds; counts every answer it will get with an id (from
         * the SDK, or our error).
         */
        IncomingCheck.Checked admit(byte[] line) {
            IncomingCheck.Checked checked = check.read(line);
            IncomingCheck.Verdict verdict = sdkCanRead(checked.verdict(), line);
            boolean answered = verdict.ok()
                    ? verdict.kind() == IncomingCheck.Kind.REQUEST
                    : verdict.id() != null && verdict.kind() != IncomingCheck.Kind.NOTIFICATION;
            if (answered) {
                pending.incrementAndGet();
            }
            return new IncomingCheck.Checked(verdict, checked.message());
        }

        /**
         * A message the check passed must also be one the SDK can read: the transport could only skip one
         * it cannot, unanswered, so anything else is answered here instead.
         */
        private IncomingCheck.Verdict sdkCanRead(IncomingCheck.Verdict verdict, byte[] line) {
            if (!verdict.ok() || verdict.kind() != IncomingCheck.Kind.RESPONSE) {
                // A request or notification the check passed has a string method, a string or integer id
                // and object params: all the SDK's record wants. A response's error has a shape of its own.
                return verdict;
            }
            try {
                McpSchema.deserializeJsonRpcMessage(mapper, new String(line, StandardCharsets.UTF_8));
                return verdict;
            } catch (IOException | RuntimeException e) {
                return new IncomingCheck.Verdict(
                        verdict.kind(),
                        verdict.kind() == IncomingCheck.Kind.REQUEST ? verdict.id() : null,
                        McpSchema.ErrorCodes.INVALID_REQUEST,
                        "Invalid request: the message does not have the shape of a JSON-RPC 2.0 message.");
            }
        }

        void lineWritten(byte[] line) {
            if (ResponseLine.is(line)) {
                pending.decrementAndGet();
            }
        }
    }

    /**
     * Stdin as the transport sees it: only whole lines that are well-formed JSON-RPC messages, each
     * counted. A request line that is not one is answered with a JSON-RPC error on stdout (never echoing
     * the line: it may hold a secret) and dropped. At end of file it signals {@code eof} and then blocks until {@code release},
     * so the transport keeps writing answers meanwhile; a read error is passed on at once.
     */
    private static final class CheckedInput extends InputStream {

        private final InputStream in;
        private final Ledger ledger;
        private final OutputStream out;
        private final CountDownLatch eof;
        private final CountDownLatch release;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        private byte[] ready = new byte[0];
        private int position;
        private boolean ended;

        CheckedInput(InputStream in, Ledger ledger, OutputStream out, CountDownLatch eof, CountDownLatch release) {
            this.in = in;
            this.ledger = ledger;
            this.out = out;
            this.eof = eof;
            this.release = release;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position >= ready.length) {
                if (ended) {
                    eof.countDown();
                    awaitRelease();
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, ready.length - position);
            System.arraycopy(ready, position, b, off, n);
            position += n;
            return n;
        }

        private void fill() throws IOException {
            byte[] chunk = new byte[8192];
            int n;
            try {
                n = in.read(chunk);
            } catch (IOException e) {
                eof.countDown();
                throw e;
            }
            ByteArrayOutputStream accepted = new ByteArrayOutputStream();
            if (n < 0) {
                ended = true;
                if (partial.size() > 0) {
                    take(accepted);
                }
            }
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    take(accepted);
                } else {
                    partial.write(chunk[i]);
                }
            }
            ready = accepted.toByteArray();
            position = 0;
        }

        private void take(ByteArrayOutputStream accepted) throws IOException {
            byte[] line = partial.toByteArray();
            partial.reset();
            if (new String(line, StandardCharsets.UTF_8).isBlank()) {
                return;
            }
            IncomingCheck.Checked checked = ledger.admit(line);
            IncomingCheck.Verdict verdict = checked.verdict();
            if (verdict.ok() && verdict.kind() != IncomingCheck.Kind.IGNORED) {
                accepted.write(ledger.stamp(line, checked.message()));
                accepted.write('\n');
            } else if (verdict.ok()) {
                LOG.debug("Dropped a response without an id on stdin: it answers no request");
            } else if (verdict.kind() == IncomingCheck.Kind.NOTIFICATION) {
                LOG.warn(
                        "Dropped a malformed notification on stdin (notifications get no answer): {}",
                        verdict.problem());
            } else {
                LOG.warn(
                        "Answered a line of {} bytes on stdin that is not a well-formed JSON-RPC message: {}",
                        line.length,
                        verdict.problem());
                byte[] answer = (ledger.check().answer(verdict) + "\n").getBytes(StandardCharsets.UTF_8);
                synchronized (out) { // the transport writes under the same lock
                    out.write(answer);
                    out.flush();
                }
            }
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
}
