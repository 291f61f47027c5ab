package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.api.WireJson;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.defs.ReplicaOperations;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * The path of a first tool call, walked in the background while a stdio server starts. A fresh process
 * runs its first call on code the JIT has not compiled and on bindings, serializers and method handles made
 * at first use: a first {@code list_replicas} took 60–80 ms, then under 1 ms.
 *
 * <p>Two phases. {@link #begin} starts at once, beside the core's start and the tools' catalogue: it builds
 * what a first {@link #TOOL} needs from the tool mapper ({@link WireJson#prepare}: its input's binding, the
 * serializers of its output and the records in it; reading their annotations and making method handles is
 * most of a first call's cost). {@link #start}, once the stdio server is built, reads a tools/call request in
 * and writes an answer of the shape the invoker makes with the protocol's mapper, then waits for the core
 * and marks the invoker started, so that a client's first call runs at once on the reading thread ({@link
 * QuickCalls}) instead of being handed to a pool thread. The answer to initialize waits for this phase
 * ({@link StdioTransport}).
 *
 * <p>It makes no call itself: a call here ran beside the client's first call, which comes right after the
 * handshake, building the same things at the same time on a machine that may have two cores, and kept the
 * client's call off the reading thread (measured: the client's first call took ~10 ms with it, ~5 ms
 * without). Nothing reaches the client; a failure is only logged at debug level (the client's own call
 * reports it).
 */
public final class FirstCallWarmUp {

    private static final Operation<?, ?> FIRST = ReplicaOperations.LIST;

    private static final String TOOL = FIRST.name();

    private static final String EMPTY_PAGE = "{\"replicas\":[],\"total\":0,\"page\":1,\"limit\":20,\"total_pages\":0}";

    private FirstCallWarmUp() {}

    /** The first phase, on a thread of its own: for the stdio mode, before anything else starts. */
    public static void begin() {
        Thread thread = new Thread(FirstCallWarmUp::prepare, "first-call-prepare");
        thread.setDaemon(true);
        thread.start();
    }

    private static void prepare() {
        try {
            WireJson.prepare(JsonMappers.tools(), FIRST.input(), FIRST.output());
        } catch (RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(FirstCallWarmUp.class).debug("First-call preparation: {}", e.toString());
        }
    }

    /**
     * The second phase, on a thread of its own. check: the one the stdio input checks each line with; ready:
     * completed once it has ended (the answer to initialize waits for it, see StdioTransport).
     */
    static void start(
            ToolCatalog catalog,
            ToolInvoker invoker,
            McpJsonMapper mapper,
            IncomingCheck check,
            CompletableFuture<Void> ready) {
        // Not offered from the start (--toolsets without replicas): no request of it to read in.
        boolean offered = catalog.initialSpecs().stream()
                .anyMatch(spec -> spec.name().equals(TOOL) && spec.hints().readOnly());
        Thread thread = new Thread(() -> walk(invoker, mapper, check, offered, ready), "first-call-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void walk(
            ToolInvoker invoker,
            McpJsonMapper mapper,
            IncomingCheck check,
            boolean offered,
            CompletableFuture<Void> ready) {
        try {
            if (offered) {
                // What needs no database, while the core may still be starting: reading a request, writing
                // an answer.
                read(mapper, check);
                WrittenJson empty = WrittenJson.of(EMPTY_PAGE.getBytes(StandardCharsets.UTF_8));
                answer(
                        mapper,
                        McpSchema.CallToolResult.builder()
                                .structuredContent(empty)
                                .addTextContent(empty.json())
                                .build());
            }
            invoker.awaitStart();
        } catch (Exception | LinkageError e) {
            LoggerFactory.getLogger(FirstCallWarmUp.class).debug("First-call warm-up: {}", e.toString());
        } finally {
            ready.complete(null);
        }
    }

    /** As a stdio line is read: checked and parsed once, its values into a message, its params into a call. */
    private static void read(McpJsonMapper mapper, IncomingCheck check) throws Exception {
        String line = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"tools/call\",\"params\":{\"name\":\"" + TOOL
                + "\",\"arguments\":{}}}";
        JsonNode tree = check.read(line.getBytes(StandardCharsets.UTF_8)).message();
        McpSchema.JSONRPCRequest message =
                (McpSchema.JSONRPCRequest) StdioInput.message(mapper, TreeValues.message(tree));
        mapper.convertValue(message.params(), new TypeRef<McpSchema.CallToolRequest>() {});
    }

    /** As the server answers: written out (the SDK checks no result the invoker wrote, see WrittenJson). */
    private static void answer(McpJsonMapper mapper, McpSchema.CallToolResult result) throws Exception {
        mapper.writeValueAsBytes(new McpSchema.JSONRPCResponse("2.0", 0, result, null));
    }
}
