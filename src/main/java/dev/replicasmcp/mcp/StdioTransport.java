package dev.replicasmcp.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * MCP's one stdio session, in place of the SDK's stdio transport: each line read is handed to the session on
 * the reading thread, and each message is written by the thread that sends it, whole, under a lock.
 *
 * <p>The SDK's transport passed every message through two Reactor queues and a writer thread of its own
 * (profiled: a tenth of a call's CPU, and a thread wake-up per answer), and dropped an answer for good when
 * two threads sent at the same moment. The messages come parsed and checked ({@link StdioInput}).
 *
 * <p>The session runs what it is handed on the thread that hands it (the server's immediate execution), so
 * this transport picks the thread of each tool call. A quick call ({@link QuickCalls}: a read, while no other
 * call runs) runs here on the reading thread: a client calling one tool after another wakes one thread of
 * ours per call, not two, and reads sent together run one after another without a hand-off each (eight in
 * flight: ~150 -> ~105 µs of server CPU per call, measured). Every other call goes to Reactor's pool for
 * blocking work, as the SDK's own dispatch did, so it runs beside the others and reading goes on meanwhile.
 *
 * <p>The answer to initialize waits until the server is ready to serve calls (ready: the first-call warm-up
 * has ended, the core has started; at most {@link #HOLD_LIMIT_SECONDS}). A client calls a tool right after
 * the handshake; answered sooner, it sent a first call that waited for the same things, and ran beside the
 * warm-up instead of after it. Measured with the TypeScript client over 12 cold starts: the handshake came
 * no later and the first call took ~4.5 ms instead of 7.5–11.5 ms. Only lines read before the answer wait
 * with it: a client sends none but pings before it has the answer.
 */
final class StdioTransport implements McpServerTransportProvider {

    private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);

    private final McpJsonMapper mapper;
    private final Source in;
    /** Also the lock of every write to it: the input's own error answers take it too. */
    private final OutputStream out;

    private final Runnable answered;
    /** Whether a tool of this name is quick enough to run on the reading thread. */
    private final Predicate<String> quick;

    /** What the answer to initialize waits for (see {@link #HOLD_LIMIT_SECONDS}). */
    private final Future<?> ready;

    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile McpServerSession session;
    /** The id of the initialize request read, whose answer waits for {@link #ready}. */
    private volatile Object initializeId;

    /**
     * The longest the answer to initialize waits for the server to be ready (a first start also makes the
     * database); a start that takes longer is answered anyway, and its calls wait for the core.
     */
    static final long HOLD_LIMIT_SECONDS = 10;

    /** Where the session's messages come from. */
    interface Source {
        /** The next message, or null at the end of input. */
        McpSchema.JSONRPCMessage next() throws IOException;
    }

    /** answered: run after each answer to a request is written; quick: see the class comment. */
    StdioTransport(McpJsonMapper mapper, Source in, OutputStream out, Runnable answered, Predicate<String> quick) {
        this(mapper, in, out, answered, quick, CompletableFuture.completedFuture(null));
    }

    /** ready: what the answer to initialize waits for (class comment). */
    StdioTransport(
            McpJsonMapper mapper,
            Source in,
            OutputStream out,
            Runnable answered,
            Predicate<String> quick,
            Future<?> ready) {
        this.mapper = mapper;
        this.in = in;
        this.out = out;
        this.answered = answered;
        this.quick = quick;
        this.ready = ready;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        session = factory.create(new SessionTransport());
        Thread reader = new Thread(this::readMessages, "stdio-reader");
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

    /** Until the input ends. */
    private void readMessages() {
        try {
            McpSchema.JSONRPCMessage message;
            while (!closing.get() && (message = in.next()) != null) {
                if (initializeId == null
                        && message instanceof McpSchema.JSONRPCRequest request
                        && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
                    initializeId = request.id();
                }
                Mono<Void> handled = session.handle(message);
                if (!runsHere(message)) {
                    handled = handled.subscribeOn(Schedulers.boundedElastic());
                }
                handled.subscribe(null, e -> LOG.warn("A message on stdin could not be handled: {}", e.toString()));
            }
        } catch (IOException | RuntimeException e) {
            if (!closing.get()) {
                LOG.warn("Reading stdin failed: {}", e.toString());
            }
        } finally {
            closing.set(true);
            session.close();
        }
    }

    /** Every message but a tool call, and a quick tool call (class comment). */
    private boolean runsHere(McpSchema.JSONRPCMessage message) {
        if (!(message instanceof McpSchema.JSONRPCRequest request)
                || !McpSchema.METHOD_TOOLS_CALL.equals(request.method())) {
            return true;
        }
        return request.params() instanceof Map<?, ?> params
                && params.get("name") instanceof String name
                && quick.test(name);
    }

    /** One line per message; a message is never split or interleaved with another. */
    private void write(McpSchema.JSONRPCMessage message) {
        if (closing.get() && !(message instanceof McpSchema.JSONRPCResponse)) {
            return; // a notification after the session ended has no one to go to
        }
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a JSON-RPC message", e);
        }
        byte[] bytes = line(json);
        if (message instanceof McpSchema.JSONRPCResponse response
                && response.id() != null
                && response.id().equals(initializeId)) {
            awaitReady();
        }
        try {
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            // The client has gone (stdout closed): nothing more can reach it.
            closing.set(true);
            throw new UncheckedIOException("Cannot write to stdout", e);
        }
        if (message instanceof McpSchema.JSONRPCResponse) {
            answered.run();
        }
    }

    /** Until the server is ready or {@link #HOLD_LIMIT_SECONDS} have passed, whichever comes first. */
    private void awaitReady() {
        try {
            ready.get(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Answering initialize before the server is ready: {}", e.toString());
        }
    }

    /**
     * The message and its newline, for one write (stdout is not buffered). The message is one line already:
     * Jackson writes compact JSON and escapes every line break inside a string.
     */
    private static byte[] line(byte[] json) {
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
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
