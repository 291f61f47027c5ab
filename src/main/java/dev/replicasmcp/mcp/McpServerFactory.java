package dev.replicasmcp.mcp;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.Progress;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Builds the MCP server over any transport from the tool catalogue. */
public final class McpServerFactory {

    public static final String INSTRUCTIONS = """
            replicas-mcp runs coding agents in replicas (workspaces) on this machine.
            Workflow: add_repository (a local git path or URL) -> create_environment bound to it -> \
            create_replica with environment_id and a first message -> read_replica_history until the agent's \
            reply (claude-result / codex-assistant) arrives -> send_replica_message to continue (answers sent, \
            queued with a position, or waking) -> delete_replica when done.
            A replica can hold several chats (create_chat, list_chats); pass chat_id to target one.
            Lists are paged; history reads from the newest end (offset += limit to go back).
            Every field of a tool result is present (null only where its schema allows).
            More tools (environment variables, files and MCP servers, skills, hooks, warm pools, agent \
            credentials) come in toolsets: list_toolsets shows them, enable_toolset switches one on.""";

    /** Checks structured results against the tools' output schemas; one for the process (its cache too). */
    static final SchemaByIdentity OUTPUT_SCHEMAS = new SchemaByIdentity();

    private McpServerFactory() {}

    /** Progress goes to the client only when it sent a token; a failed notification never fails the call. */
    static Progress progress(McpSyncServerExchange exchange, Object token) {
        if (token == null) {
            return Progress.NONE;
        }
        return (progress, total, message) -> {
            try {
                exchange.progressNotification(new McpSchema.ProgressNotification(token, progress, total, message));
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(McpServerFactory.class).debug("Progress not delivered: {}", e.toString());
            }
        };
    }

    /** The key under which an HTTP transport puts the authenticated caller in the transport context. */
    public static final String CALLER = "replicas.caller";

    /** A server, and whether it offers a tool of a name (asked at every call, so not by listing its tools). */
    public record Single(McpSyncServer server, Predicate<String> offers) {}

    /** A server on a single-session transport (stdio); order keeps its sends in the order they were read. */
    static Single create(
            McpServerTransportProvider transport,
            McpJsonMapper protocolMapper,
            ToolCatalog catalog,
            ToolInvoker invoker,
            String version,
            ArrivalOrder order) {
        ListChangedGate gate = new ListChangedGate();
        DynamicToolsets toolsets =
                new DynamicToolsets(catalog, tool -> registration(catalog, invoker, tool, order), gate);
        McpSyncServer server = configure(
                        McpServer.sync(gate.wrap(transport)), protocolMapper, toolsets, version, McpExtras.NONE)
                // The stdio transport picks each call's thread itself (see StdioTransport).
                .immediateExecution(true)
                .build();
        toolsets.attach(server);
        return new Single(server, toolsets::offers);
    }

    /**
     * A server on Streamable HTTP, with every client's sessions; offers (asked at every call) covers the
     * catalogue's tools on offer and the extras' tools.
     */
    public static Single create(
            McpStreamableServerTransportProvider transport,
            McpJsonMapper protocolMapper,
            ToolCatalog catalog,
            ToolInvoker invoker,
            String version,
            McpExtras extras) {
        ListChangedGate gate = new ListChangedGate();
        DynamicToolsets toolsets =
                new DynamicToolsets(catalog, tool -> registration(catalog, invoker, tool, ArrivalOrder.NONE), gate);
        McpSyncServer server = configure(
                        McpServer.sync(gate.wrap(transport)), protocolMapper, toolsets, version, extras)
                // A tool runs on the request's own thread: the SDK's servlet blocks that thread until the answer
                // anyway, and handing the call to Reactor's pool and back cost a wake-up each way (measured:
                // 32 sessions, ~2,000 -> ~2,400 calls/s).
                .immediateExecution(true)
                .build();
        toolsets.attach(server);
        Set<String> extraTools =
                extras.tools().stream().map(tool -> tool.tool().name()).collect(Collectors.toUnmodifiableSet());
        return new Single(server, name -> toolsets.offers(name) || extraTools.contains(name));
    }

    /** The SDK's form of one tool: its description, and a handler that runs it through the invoker. */
    private static McpServerFeatures.SyncToolSpecification registration(
            ToolCatalog catalog, ToolInvoker invoker, Operation<?, ?> tool, ArrivalOrder order) {
        return new McpServerFeatures.SyncToolSpecification(
                catalog.describe(tool),
                (exchange, request) -> order.inTurn(
                        request.meta(),
                        () -> invoker.call(
                                tool, request.arguments(), progress(exchange, request.progressToken()), (Caller)
                                        exchange.transportContext().get(CALLER))));
    }

    private static <S extends McpServer.SyncSpecification<S>> S configure(
            S spec, McpJsonMapper protocolMapper, DynamicToolsets toolsets, String version, McpExtras extras) {
        spec.serverInfo("replicas-mcp", version)
                .instructions(INSTRUCTIONS)
                .jsonMapper(protocolMapper)
                .validateToolInputs(false)
                .jsonSchemaValidator(OUTPUT_SCHEMAS)
                .capabilities(extras.capabilities())
                .tools(toolsets.initialTools());
        if (extras != McpExtras.NONE) {
            spec.tools(extras.tools())
                    .resources(extras.resources())
                    .resourceTemplates(extras.resourceTemplates())
                    .prompts(extras.prompts())
                    .completions(extras.completions());
        }
        return spec;
    }
}
