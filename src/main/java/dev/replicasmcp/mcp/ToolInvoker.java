package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.ops.Invoker;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.OperationContext;
import dev.replicasmcp.ops.Outcome;
import dev.replicasmcp.ops.Progress;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The MCP door of the operation invoker: runs a tool call through {@link Invoker} and answers structured
 * content plus the same JSON as text, or an error result.
 *
 * <p>An error result carries its message as text only, never structured content: clients validate
 * structuredContent against the tool's outputSchema even on errors (the TypeScript SDK does), and an
 * {error, details} object would turn the message into a protocol error the model never sees.
 */
public final class ToolInvoker {

    private final ObjectMapper mapper;
    private final Supplier<Invoker> invoker;
    private final Supplier<OperationContext> context;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Set once the core has started, so a call no longer waits for it. */
    private volatile boolean started;

    /** Both suppliers may wait for the core to start: a stdio server answers the handshake before that. */
    public ToolInvoker(ObjectMapper mapper, Supplier<Invoker> invoker, Supplier<OperationContext> context) {
        this.mapper = mapper;
        this.invoker = invoker;
        this.context = context;
    }

    /**
     * Waits for the core to start (a warm-up's), then notes it as a call would: from then on a call may run
     * on the stdio reading thread ({@link QuickCalls}).
     */
    void awaitStart() {
        context.get();
        started = true;
    }

    /** Whether the core has started: a call now runs without waiting for it. */
    boolean started() {
        return started;
    }

    /** Calls still running; shutdown waits for them so no acknowledged work is cut short. */
    public int inFlight() {
        return inFlight.get();
    }

    public CallToolResult call(Operation<?, ?> op, Map<String, Object> arguments) {
        return call(op, arguments, Progress.NONE, null);
    }

    /** caller, when given, is who the transport authenticated (HTTP); else the context's own caller. */
    public CallToolResult call(Operation<?, ?> op, Map<String, Object> arguments, Progress progress, Caller caller) {
        inFlight.incrementAndGet();
        try {
            OperationContext base = context.get();
            if (!started) {
                started = true; // once: a volatile write on every call would be a needless cost
            }
            Outcome outcome = invoker.get()
                    .invoke(
                            op,
                            arguments,
                            new OperationContext(base.services(), caller != null ? caller : base.caller(), progress));
            if (!outcome.ok()) {
                return CallToolResult.builder()
                        .isError(true)
                        .addTextContent(errorText(
                                outcome.failure().message(), outcome.failure().details()))
                        .build();
            }
            // The result is written as JSON once, straight from its records; the text and structuredContent
            // are both that JSON (WrittenJson says why no tree of it is built).
            byte[] utf8 = mapper.writeValueAsBytes(outcome.result());
            if (utf8.length > 0 && utf8[0] == '{') {
                WrittenJson written = WrittenJson.of(utf8);
                return CallToolResult.builder()
                        .structuredContent(written)
                        .addTextContent(written.json())
                        .build();
            }
            // Not an object (no tool's result is one): as a tree, which the SDK checks like any other.
            return CallToolResult.builder()
                    .structuredContent(mapper.readTree(utf8))
                    .addTextContent(new String(utf8, StandardCharsets.UTF_8))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the result of " + op.name() + " as JSON", e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The message, then the details (when there are any) as a short JSON value on a line of their own. */
    private String errorText(String message, String details) {
        if (details == null || details.isBlank()) {
            return message;
        }
        String json;
        try {
            json = mapper.writeValueAsString(mapper.readTree(details)); // already JSON: compact it
        } catch (IOException | RuntimeException notJson) {
            json = TextNode.valueOf(details).toString();
        }
        return message + "\nDetails: " + json;
    }
}
