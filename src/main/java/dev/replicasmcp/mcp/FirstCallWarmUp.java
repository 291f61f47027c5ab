package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.ops.Operation;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The path of a first tool call, walked once in the background as soon as the stdio server is built. A
 * fresh process runs its first call on code the JIT has not compiled and on Jackson serializers and
 * statements made at first use: a first {@code list_replicas} took 60–80 ms,
 * then under 1 ms. Walked meanwhile, the client's first call takes ~25 ms when it comes right after the
 * handshake and ~11 ms when it comes a moment later, and the handshake is answered no later (measured).
 *
 * <p>It reads a tools/call request in and writes an answer of the shape the invoker makes with the
 * protocol's mapper at once, and builds the tool's input binding and output serializer ({@link
 * ToolInvoker#prepare}), while the core may still be starting; then calls {@link #TOOL}, which changes
 * nothing, through the same invoker (and so waits for the database like any call, and is counted as in
 * flight: shutdown waits for it), and writes its answer. Nothing reaches
 * the client; a failure is only logged at debug level (the client's own call reports it).
 */
final class FirstCallWarmUp {

    static final String TOOL = "list_replicas";

    private static final String EMPTY_PAGE = "{\"replicas\":[],\"total\":0,\"page\":1,\"limit\":20,\"total_pages\":0}";

    private FirstCallWarmUp() {}

    /** check: the one the stdio input checks each line with. */
    static void start(ToolCatalog catalog, ToolInvoker invoker, McpJsonMapper mapper, IncomingCheck check) {
        Optional<Operation<?, ?>> tool = catalog.initialSpecs().stream()
                .filter(spec -> spec.name().equals(TOOL) && spec.hints().readOnly())
                .findFirst();
        if (tool.isEmpty()) {
            return; // not offered from the start (--toolsets without replicas): nothing to warm
        }
        Thread thread = new Thread(() -> walk(invoker, mapper, check, tool.get()), "first-call-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void walk(ToolInvoker invoker, McpJsonMapper mapper, IncomingCheck check, Operation<?, ?> tool) {
        try {
            // First what needs no database, while the core is still starting (a client's first call often
            // comes before it has): reading a request, writing an answer.
            McpSchema.CallToolRequest request = read(mapper, check);
            WrittenJson empty = WrittenJson.of(EMPTY_PAGE.getBytes(StandardCharsets.UTF_8));
            answer(
                    mapper,
                    McpSchema.CallToolResult.builder()
                            .structuredContent(empty)
                            .addTextContent(empty.json())
                            .build());
            invoker.prepare(tool);
            // Then the call itself, which waits for the database like any call.
            answer(mapper, invoker.call(tool, request.arguments()));
        } catch (Exception | LinkageError e) {
            LoggerFactory.getLogger(FirstCallWarmUp.class).debug("First-call warm-up: {}", e.toString());
        }
    }

    /** As a stdio line is read: checked and parsed once, its values into a message, its params into a call. */
    private static McpSchema.CallToolRequest read(McpJsonMapper mapper, IncomingCheck check) throws Exception {
        String line = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"tools/call\",\"params\":{\"name\":\"" + TOOL
                + "\",\"arguments\":{}}}";
        JsonNode tree = check.read(line.getBytes(StandardCharsets.UTF_8)).message();
        McpSchema.JSONRPCRequest message =
                (McpSchema.JSONRPCRequest) StdioInput.message(mapper, TreeValues.message(tree));
        return mapper.convertValue(message.params(), new TypeRef<McpSchema.CallToolRequest>() {});
    }

    /** As the server answers: written out (the SDK checks no result the invoker wrote, see WrittenJson). */
    private static void answer(McpJsonMapper mapper, McpSchema.CallToolResult result) throws Exception {
        mapper.writeValueAsBytes(new McpSchema.JSONRPCResponse("2.0", 0, result, null));
    }
}
