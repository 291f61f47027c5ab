package dev.replicasmcp.mcp;

import dev.replicasmcp.ops.Operation;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The path of a first tool call, walked once in the background as soon as the stdio server is built. A
 * fresh process runs its first call on code the JIT has not compiled and on Jackson serializers, an
 * output-schema validator and statements made at first use: a first {@code list_replicas} took 60–80 ms,
 * then under 1 ms. Walked meanwhile, the client's first call takes ~25 ms when it comes right after the
 * handshake and ~11 ms when it comes a moment later, and the handshake is answered no later (measured).
 *
 * <p>It calls {@link #TOOL}, which changes nothing, through the same invoker (and so waits for the
 * database like any call, and is counted as in flight: shutdown waits for it), validates the result
 * against the tool's output schema with the server's validator, and writes a JSON-RPC answer out and
 * reads a tools/call request in, with the protocol's mapper. Nothing reaches the client; a failure is
 * only logged at debug level (the client's own call reports it).
 */
final class FirstCallWarmUp {

    static final String TOOL = "list_replicas";

    private FirstCallWarmUp() {}

    static void start(ToolCatalog catalog, ToolInvoker invoker, McpJsonMapper mapper) {
        Optional<Operation<?, ?>> tool = catalog.initialSpecs().stream()
                .filter(spec -> spec.name().equals(TOOL) && spec.hints().readOnly())
                .findFirst();
        if (tool.isEmpty()) {
            return; // not offered from the start (--toolsets without replicas): nothing to warm
        }
        Thread thread = new Thread(() -> walk(catalog, invoker, mapper, tool.get()), "first-call-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void walk(ToolCatalog catalog, ToolInvoker invoker, McpJsonMapper mapper, Operation<?, ?> tool) {
        try {
            // As the SDK reads a request: the line into a message, its params into the request's type.
            McpSchema.JSONRPCRequest message = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(
                    mapper,
                    "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"tools/call\",\"params\":{\"name\":\"" + TOOL
                            + "\",\"arguments\":{}}}");
            McpSchema.CallToolRequest request = mapper.convertValue(message.params(), McpSchema.CallToolRequest.class);
            McpSchema.CallToolResult result = invoker.call(tool, request.arguments());
            McpSchema.Tool described = catalog.describe(tool);
            if (described.outputSchema() != null && result.structuredContent() != null) {
                McpServerFactory.OUTPUT_SCHEMAS.validate(described.outputSchema(), result.structuredContent());
            }
            mapper.writeValueAsString(new McpSchema.JSONRPCResponse("2.0", 0, result, null));
        } catch (Exception | LinkageError e) {
            LoggerFactory.getLogger(FirstCallWarmUp.class).debug("First-call warm-up: {}", e.toString());
        }
    }
}
