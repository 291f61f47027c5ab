package dev.replicasmcp.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves MCP over stdin/stdout until stdin closes. Stdout belongs to the protocol: the real stream is
 * handed to the transport and System.out is pointed at stderr, so a stray print cannot corrupt it.
 *
 * <p>The SDK transport stops writing the moment it reads end of input, which would drop the answers
 * of requests still running. So the end of stdin is held back from it until every request read has
 * been answered (requests and responses are counted line by line), then passed on.
 *
 * <p>The SDK transport also stops reading for good at the first line it cannot parse as a JSON-RPC
 * message (even an empty one), leaving the process alive but deaf. So such lines never reach it: each
 * is answered with a JSON-RPC error (id null) and dropped; blank lines are skipped.
 */
public final class StdioServer {

    private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);
    private static final long DRAIN_SECONDS = 10;

    private StdioServer() {
    }

    public static void serve(McpJsonMapper mapper, ToolCatalog catalog, ToolInvoker invoker, String version)
            throws InterruptedException {
        Ledger ledger = new Ledger(mapper);
        OutputStream protocolOut = new CountingOutput(new FileOutputStream(FileDescriptor.out), ledger);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        CountDownLatch eof = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream in = new CheckedInput(new FileInputStream(FileDescriptor.in), ledger, protocolOut, eof, release);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(mapper, in, protocolOut);
        McpSyncServer server = McpServerFactory.create(new OneSendAtATime(transport), mapper, catalog, invoker,
                version);
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

    /** Requests read minus responses written: the answers still owed to the client. */
    private static final class Ledger {

        private final McpJsonMapper mapper;
        private final AtomicInteger pending = new AtomicInteger();

        Ledger(McpJsonMapper mapper) {
            this.mapper = mapper;
        }

        int pending() {
            return pending.get();
        }

        /** Whether the line is a JSON-RPC message the transport can take; counts the requests among them. */
        boolean accept(byte[] line) throws IOException {
            String text = new String(line, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return false;
            }
            McpSchema.JSONRPCMessage message;
            try {
                message = McpSchema.deserializeJsonRpcMessage(mapper, text);
            } catch (IOException | RuntimeException e) {
                return false;
            }
            if (message instanceof McpSchema.JSONRPCRequest) {
                pending.incrementAndGet();
            }
            return true;
        }

        void lineWritten(byte[] line) {
            Map<?, ?> message = parse(line);
            if (message != null && message.get("id") != null && message.get("method") == null) {
                pending.decrementAndGet();
            }
        }

        private Map<?, ?> parse(byte[] line) {
            try {
                return mapper.readValue(line, Map.class);
            } catch (IOException | RuntimeException e) {
                return null; // not a message: the transport reports it
            }
        }
    }

    /** Splits a byte stream into lines and hands each complete line to a consumer. */
    private static final class Lines {

        private final ByteArrayOutputStream current = new ByteArrayOutputStream();
        private final Consumer<byte[]> consumer;

        Lines(Consumer<byte[]> consumer) {
            this.consumer = consumer;
        }

        void feed(byte[] bytes, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (bytes[i] == '\n') {
                    consumer.accept(current.toByteArray());
                    current.reset();
                } else {
                    current.write(bytes[i]);
                }
            }
        }
    }

    /** Stdout, counting the responses written. */
    private static final class CountingOutput extends FilterOutputStream {

        private final Lines lines;

        CountingOutput(OutputStream out, Ledger ledger) {
            super(out);
            this.lines = new Lines(ledger::lineWritten);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            lines.feed(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            lines.feed(b, off, len);
        }
    }

    /**
     * Stdin as the transport sees it: only whole lines that are JSON-RPC messages, each counted. A line
     * that is not one is answered with a JSON-RPC error on stdout (never echoing it: it may hold a
     * secret) and dropped. At end of file it signals {@code eof} and then blocks until {@code release},
     * so the transport keeps writing answers meanwhile; a read error is passed on at once.
     */
    private static final class CheckedInput extends InputStream {

        private static final byte[] INVALID = ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,"
                + "\"message\":\"Parse error: each line must be one JSON-RPC 2.0 message\"}}\n")
                .getBytes(StandardCharsets.UTF_8);

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
            if (ledger.accept(line)) {
                accepted.write(line);
                accepted.write('\n');
            } else if (!new String(line, StandardCharsets.UTF_8).isBlank()) {
                LOG.warn("Answered a line of {} bytes on stdin that is not a JSON-RPC message with a parse error",
                        line.length);
                synchronized (out) { // the transport writes under the same lock
                    out.write(INVALID);
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
