package dev.replicasmcp.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.api.BearerAuth;
import dev.replicasmcp.api.HostPolicy;
import dev.replicasmcp.api.SetupCode;
import dev.replicasmcp.api.SiteUrls;
import dev.replicasmcp.mcp.HttpEndpoint;
import dev.replicasmcp.mcp.McpExtras;
import dev.replicasmcp.mcp.SessionLimits;
import dev.replicasmcp.mcp.ToolCatalog;
import dev.replicasmcp.mcp.ToolInvoker;
import dev.replicasmcp.rest.RestServer;
import dev.replicasmcp.rest.oauth.OAuthSetup;
import dev.replicasmcp.rest.routes.EventRoutes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * HTTP mode: one server with the REST API under /v1, its event streams, MCP at /mcp (and at /v1/mcp,
 * where the hosted service has it) and the OAuth sign-in of remote MCP clients, on one core.
 */
public final class HttpApp implements AutoCloseable {

    /** Event streams send `: ping` after this long without an event (spec §4.2). */
    public static final Duration SSE_HEARTBEAT = Duration.ofSeconds(15);
    /** MCP sessions are pinged this often, well inside the server's idle timeout. */
    public static final Duration MCP_KEEP_ALIVE = Duration.ofSeconds(20);

    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "");

    /**
     * How long an MCP session may go without requests, how many sessions and event streams one key may
     * hold, and how often the MCP transport pings a session's listening stream.
     */
    public record Limits(Duration sessionIdle, int maxSessionsPerKey, int maxStreamsPerKey, Duration mcpKeepAlive) {

        public static final Limits DEFAULT = new Limits(
                SessionLimits.DEFAULT.idle(),
                SessionLimits.DEFAULT.maxPerKey(),
                EventRoutes.DEFAULT_MAX_STREAMS_PER_KEY,
                MCP_KEEP_ALIVE);

        public Limits(Duration sessionIdle, int maxSessionsPerKey, int maxStreamsPerKey) {
            this(sessionIdle, maxSessionsPerKey, maxStreamsPerKey, MCP_KEEP_ALIVE);
        }
    }

    /**
     * Where to listen, which extra names (beyond loopback) may reach the server, how often streams ping,
     * and the per-key limits.
     */
    public record Options(
            String host,
            int port,
            List<String> allowedHosts,
            List<String> allowedOrigins,
            Duration sseHeartbeat,
            Limits limits,
            SiteUrls urls) {

        public Options(
                String host,
                int port,
                List<String> allowedHosts,
                List<String> allowedOrigins,
                Duration sseHeartbeat,
                Limits limits) {
            this(host, port, allowedHosts, allowedOrigins, sseHeartbeat, limits, SiteUrls.of(null));
        }

        public Options(String host, int port, List<String> allowedHosts, List<String> allowedOrigins) {
            this(host, port, allowedHosts, allowedOrigins, SSE_HEARTBEAT, Limits.DEFAULT);
        }

        public Options(
                String host, int port, List<String> allowedHosts, List<String> allowedOrigins, Duration sseHeartbeat) {
            this(host, port, allowedHosts, allowedOrigins, sseHeartbeat, Limits.DEFAULT);
        }

        /** Loopback, the listening address, --allowed-host names and the host of --public-url. */
        HostPolicy hostPolicy() {
            List<String> hosts = new ArrayList<>(allowedHosts);
            if (!WILDCARDS.contains(host.trim())) {
                hosts.add(host.trim());
            }
            urls.publicHost().ifPresent(hosts::add);
            return HostPolicy.of(hosts, allowedOrigins);
        }
    }

    private final HttpEndpoint mcp;
    private final RestServer rest;
    private final SetupCode setupCode;

    private HttpApp(HttpEndpoint mcp, RestServer rest, SetupCode setupCode) {
        this.mcp = mcp;
        this.rest = rest;
        this.setupCode = setupCode;
    }

    public static HttpApp start(Core core, ToolCatalog catalog, ObjectMapper toolMapper, Options options) {
        return start(core, catalog, toolMapper, options, McpExtras.NONE);
    }

    /** extras: MCP features served next to the catalogue (the product serves none; tests add fixtures). */
    public static HttpApp start(
            Core core, ToolCatalog catalog, ObjectMapper toolMapper, Options options, McpExtras extras) {
        HostPolicy hosts = options.hostPolicy();
        // Every HTTP call carries the caller its key authenticated; the local caller is never used here.
        ToolInvoker invoker = Wiring.tools(toolMapper, () -> core, services -> null);
        HttpEndpoint mcp = HttpEndpoint.create(
                catalog,
                invoker,
                Main.VERSION,
                hosts,
                new BearerAuth(core.keys(), core.oauth(), options.urls()),
                options.limits().mcpKeepAlive(),
                new SessionLimits(
                        options.limits().sessionIdle(), options.limits().maxSessionsPerKey()),
                extras);
        SetupCode setupCode = new SetupCode();
        OAuthSetup oauth = new OAuthSetup(
                core.oauth(),
                core.keys(),
                setupCode,
                core.account().organizationId(),
                options.urls(),
                core.services().audit(),
                mcp::endStreamsOf);
        try {
            RestServer rest = RestServer.start(
                    new RestServer.Config(
                            options.host(),
                            options.port(),
                            hosts,
                            options.sseHeartbeat(),
                            options.limits().maxStreamsPerKey(),
                            List.of(new RestServer.Mount(HttpEndpoint.PATHS, mcp.servlet(), mcp.filter())),
                            oauth),
                    core.services(),
                    core.invoker(),
                    core.keys());
            return new HttpApp(mcp, rest, setupCode);
        } catch (RuntimeException e) {
            mcp.close();
            throw e;
        }
    }

    public int port() {
        return rest.port();
    }

    /**
     * A new one-time code that approves one OAuth sign-in on the consent page instead of an API key
     * (printed at start when the server made its first key, so the owner need not open the key file).
     */
    public String issueSetupCode() {
        return setupCode.issue();
    }

    @Override
    public void close() {
        rest.close();
        mcp.close();
    }
}
