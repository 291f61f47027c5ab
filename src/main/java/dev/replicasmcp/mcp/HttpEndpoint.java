package dev.replicasmcp.mcp;

import dev.replicasmcp.api.BearerAuth;
import dev.replicasmcp.api.HostPolicy;
import dev.replicasmcp.domain.Caller;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The MCP server over Streamable HTTP: the same catalogue and invoker as stdio, on the SDK's servlet
 * transport, behind a guard filter. Mount {@link #servlet()} and {@link #filter()} at each of {@link #PATHS}.
 */
public final class HttpEndpoint implements AutoCloseable {

    public static final String PATH = "/mcp";
    /** /v1/mcp is where the hosted Replicas service serves MCP; its clients find the same endpoint there. */
    public static final List<String> PATHS = List.of(PATH, "/v1" + PATH);

    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

    private final HttpServletStreamableServerTransportProvider transport;
    private final HttpGuard guard;
    private final McpSyncServer server;
    private final OpenStreams streams;
    private final ScheduledExecutorService revocations;

    private HttpEndpoint(
            HttpServletStreamableServerTransportProvider transport,
            HttpGuard guard,
            McpSyncServer server,
            OpenStreams streams,
            ScheduledExecutorService revocations) {
        this.transport = transport;
        this.guard = guard;
        this.server = server;
        this.streams = streams;
        this.revocations = revocations;
    }

    /** How often open streams are checked against revocations made elsewhere (the keys and clients commands). */
    static final long REVOCATION_CHECK_MS = 1000;

    /**
     * keepAlive pings idle sessions; it must be shorter than the HTTP server's idle timeout so a listening
     * stream is never cut for silence. extras: features served next to the catalogue (the product passes
     * none; tests add fixtures). auth: API keys and OAuth access tokens.
     */
    public static HttpEndpoint create(
            ToolCatalog catalog,
            ToolInvoker invoker,
            String version,
            HostPolicy hosts,
            BearerAuth auth,
            Duration keepAlive,
            SessionLimits limits,
            McpExtras extras) {
        ProtocolJsonMapper mapper = new ProtocolJsonMapper();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mapper)
                .mcpEndpoint(PATH)
                .contextExtractor(request -> request.getAttribute(HttpGuard.CALLER) instanceof Caller caller
                        ? McpTransportContext.create(Map.of(McpServerFactory.CALLER, caller))
                        : McpTransportContext.EMPTY)
                .keepAliveInterval(keepAlive)
                // The SDK forgets sessions without requests (and without open streams) for a sweep
                // interval; the guard's registry has already refused them after the same limit.
                .sessionSweepInterval(limits.idle())
                // The guard checks first and answers in JSON-RPC; the SDK's own check stays as a second line.
                .httpHeaderValidator(DefaultServerTransportSecurityValidator.builder()
                        .allowedHosts(hosts.hostPatterns())
                        .allowedOrigins(hosts.originPatterns())
                        .build())
                .maxRequestSize(MAX_REQUEST_BYTES)
                .build();
        McpServerFactory.Single served = McpServerFactory.create(transport, mapper, catalog, invoker, version, extras);
        McpSyncServer server = served.server();
        OpenStreams streams = new OpenStreams();
        HttpGuard guard = new HttpGuard(
                hosts,
                auth,
                transport.protocolVersions(),
                MAX_REQUEST_BYTES,
                JsonMappers.protocol(),
                served.offers(),
                new SessionRegistry(limits, System::nanoTime),
                streams,
                new DirectCalls(catalog, served.offers(), invoker, mapper));
        ScheduledExecutorService revocations = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mcp-revocations");
            thread.setDaemon(true);
            return thread;
        });
        revocations.scheduleWithFixedDelay(
                () -> {
                    try {
                        streams.endInactive(auth::active);
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(HttpEndpoint.class)
                                .warn("Could not check open MCP streams for revocations: {}", e.toString());
                    }
                },
                REVOCATION_CHECK_MS,
                REVOCATION_CHECK_MS,
                TimeUnit.MILLISECONDS);
        return new HttpEndpoint(transport, guard, server, streams, revocations);
    }

    public Servlet servlet() {
        return transport;
    }

    public Filter filter() {
        return guard;
    }

    /** Ends the open streams of an owner revoked here (a grant revoked over HTTP), without waiting for the check. */
    public void endStreamsOf(String owner) {
        streams.end(owner);
    }

    @Override
    public void close() {
        revocations.shutdownNow();
        server.closeGracefully();
    }
}
