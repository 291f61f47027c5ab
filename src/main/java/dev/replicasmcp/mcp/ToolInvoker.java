package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.replicasmcp.api.WireJson;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tool call: parses the arguments into the tool's input record, calls the handler, and
 * answers structured content plus the same JSON as text. Errors the caller can fix come back as a
 * result with isError and a message naming the field; bugs are logged and answered without a trace.
 *
 * <p>An error result carries its message as text only, never structured content: clients validate
 * structuredContent against the tool's outputSchema even on errors (the TypeScript SDK does), and an
 * {error, details} object would turn the message into a protocol error the model never sees.
 */
public final class ToolInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(ToolInvoker.class);

    private final ObjectMapper mapper;
    private final Supplier<ToolContext> context;
    private final AtomicInteger inFlight = new AtomicInteger();

    public ToolInvoker(ObjectMapper mapper, Supplier<ToolContext> context) {
        this.mapper = mapper;
        this.context = context;
    }

    /** Calls still running; shutdown waits for them so no acknowledged work is cut short. */
    public int inFlight() {
        return inFlight.get();
    }

    public <I, O> CallToolResult call(ToolSpec<I, O> spec, Map<String, Object> arguments) {
        return call(spec, arguments, ToolProgress.NONE);
    }

    public <I, O> CallToolResult call(ToolSpec<I, O> spec, Map<String, Object> arguments, ToolProgress progress) {
        return call(spec, arguments, progress, null);
    }

    /** caller, when given, is who the transport authenticated (HTTP); else the context's own caller. */
    public <I, O> CallToolResult call(ToolSpec<I, O> spec, Map<String, Object> arguments, ToolProgress progress,
                                      Caller caller) {
        inFlight.incrementAndGet();
        try {
            I input = parse(spec.input(), arguments == null ? Map.of() : arguments);
            ToolContext base = context.get();
            ToolContext ctx = new ToolContext(base.services(), caller != null ? caller : base.caller(), progress);
            O output = spec.handler().handle(ctx, input);
            @SuppressWarnings("unchecked")
            Map<String, Object> structured = mapper.convertValue(output, Map.class);
            return CallToolResult.builder().structuredContent(structured)
                    .addTextContent(mapper.writeValueAsString(output)).build();
        } catch (DomainException e) {
            return error(e.getMessage(), e.details());
        } catch (Exception e) {
            LOG.error("Tool {} failed unexpectedly", spec.name(), e);
            return error("Tool " + spec.name() + " failed unexpectedly. The server logged the details and is "
                    + "still running; try again or report it.", null);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private CallToolResult error(String message, String details) {
        return CallToolResult.builder().isError(true).addTextContent(errorText(message, details)).build();
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

    <I> I parse(Class<I> type, Map<String, Object> arguments) {
        return WireJson.parse(mapper, type, arguments, "tool's input schema");
    }
}
