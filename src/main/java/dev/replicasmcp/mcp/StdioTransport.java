package dev.replicasmcp.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP's one stdio session, in place of the SDK's stdio transport: each line read is handed to the session on
 * the reading thread, and each message is written by the thread that sends it, whole, under a lock.
 *
 * <p>The SDK's transport passed every message through two Reactor queues and a writer thread of its own
 * (profiled: a tenth of a call's CPU, and a thread wake-up per answer), and dropped an answer for good when
 * two threads sent at the same moment. The lines come already checked ({@link StdioServer}'s input lets
 * only well-formed JSON-RPC messages through), so one that still fails to parse is logged and skipped,
 * never the end of reading.
 */
final class StdioTransport implements McpServerTransportProvider {

    private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);

    private final McpJsonMapper mapper;
    private final InputStream in;
    /** Also the lock of every write to it: StdioServer's own error answers take it too. */
    private final OutputStream out;

    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile McpServerSession session;

    StdioTransport(McpJsonMapper mapper, InputStream in, OutputStream out) {
        this.mapper = mapper;
        this.in = in;
        this.out = out;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        session = factory.create(new SessionTransport());
        Thread reader = new Thread(this::readLines, "stdio-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession current = session;
        return current == null
                ? Mono.error(new IllegalStateException("No session to notify"))
                : current.sendNotification(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return Mono.defer(() -> {
            McpServerSession current = session;
            if (current == null || !current.getId().equals(sessionId)) {
                return Mono.error(new IllegalStateException("No stdio session " + sessionId + " to notify"));
            }
            return current.sendNotification(method, params);
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        McpServerSession current = session;
        return current == null ? Mono.empty() : current.closeGracefully();
    }

    /** Until the input ends (StdioServer holds its end back until every request read was answered). */
    private void readLines() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while (!closing.get() && (line = reader.readLine()) != null) {
                McpSchema.JSONRPCMessage message;
                try {
                    message = McpSchema.deserializeJsonRpcMessage(mapper, line);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Skipped a line on stdin that is not a JSON-RPC message: {}", e.getMessage());
                    continue;
                }
                session.handle(message)
                        .subscribe(null, e -> LOG.warn("A message on stdin could not be handled: {}", e.toString()));
            }
        } catch (IOException | UncheckedIOException e) {
            if (!closing.get()) {
                LOG.warn("Reading stdin failed: {}", e.getMessage());
            }
        } finally {
            closing.set(true);
            session.close();
        }
    }

    /** One line per message; a message is never split or interleaved with another. */
    private void write(McpSchema.JSONRPCMessage message) {
        if (closing.get() && !(message instanceof McpSchema.JSONRPCResponse)) {
            return; // a notification after the session ended has no one to go to
        }
        String json;
        try {
            json = mapper.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a JSON-RPC message", e);
        }
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            json = json.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"); // one message per line
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try {
            synchronized (out) {
                out.write(bytes);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            // The client has gone (stdout closed): nothing more can reach it.
            closing.set(true);
            throw new UncheckedIOException("Cannot write to stdout", e);
        }
    }

    private final class SessionTransport implements McpServerTransport {

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> write(message));
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return mapper.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(() -> closing.set(true));
        }

        @Override
        public void close() {
            closing.set(true);
        }
    }
}
