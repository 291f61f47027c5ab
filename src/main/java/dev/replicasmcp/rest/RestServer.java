package dev.replicasmcp.rest;

import dev.replicasmcp.api.HostPolicy;
import dev.replicasmcp.api.Services;
import dev.replicasmcp.api.SiteUrls;
import dev.replicasmcp.domain.account.ApiKeyService;
import dev.replicasmcp.ops.Invoker;
import dev.replicasmcp.ops.Operations;
import dev.replicasmcp.rest.oauth.OAuthRoutes;
import dev.replicasmcp.rest.oauth.OAuthSetup;
import dev.replicasmcp.rest.routes.EventRoutes;
import dev.replicasmcp.rest.routes.IntegrationRoutes;
import dev.replicasmcp.rest.routes.OperationRoutes;
import dev.replicasmcp.rest.routes.ReplicaRoutes;
import dev.replicasmcp.rest.routes.WebhookRoutes;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The HTTP front door: the REST API under /v1 (Javalin routes over the domain services), its event
 * streams, the web view at / (static files of the jar), and any servlet mounted beside it (the MCP
 * endpoint), on one Jetty server.
 */
public final class RestServer implements AutoCloseable {

    public static final long MAX_BODY_BYTES = 4L * 1024 * 1024;
    /** Longer than every heartbeat, so a quiet stream or MCP session is never cut for idleness. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Where to listen, whom to serve, how many event streams a key may hold, what else to mount, and the
     * OAuth endpoints of the MCP endpoint (null: none).
     */
    public record Config(
            String host,
            int port,
            HostPolicy hosts,
            Duration heartbeat,
            int maxStreamsPerKey,
            List<Mount> mounts,
            OAuthSetup oauth) {}

    /**
     * A servlet mounted at exact paths beside the REST API, behind its own filter (Javalin's do not see
     * it). It speaks JSON-RPC: errors Jetty makes on these paths are JSON-RPC error objects.
     */
    public record Mount(List<String> paths, Servlet servlet, Filter filter) {

        public Mount {
            paths = List.copyOf(paths);
        }
    }

    private final Javalin app;
    private final EventRoutes events;

    private RestServer(Javalin app, EventRoutes events) {
        this.app = app;
        this.events = events;
    }

    public static RestServer start(Config config, Services services, Invoker invoker, ApiKeyService keys) {
        Gate gate = new Gate(
                config.hosts(),
                keys,
                config.oauth() == null ? SiteUrls.of(null) : config.oauth().urls());
        EventRoutes events = new EventRoutes(services, config.heartbeat(), config.maxStreamsPerKey(), keys::active);
        Javalin app = Javalin.create(javalin -> {
            server(javalin, config);
            javalin.routes.before(gate::checkOrigin);
            javalin.routes.before("/v1/*", gate::authenticate);
            RestErrors.register(javalin.routes);
            WebView.register(javalin.routes);
            // Before the operation routes: /v1/automations/webhook/x must not be read as an automation id.
            WebhookRoutes.register(javalin.routes, services);
            OperationRoutes operations = new OperationRoutes(services, invoker);
            ReplicaRoutes.register(javalin.routes, services, operations, Operations.all());
            operations.register(javalin.routes, Operations.all(), ReplicaRoutes.CUSTOM);
            events.register(javalin.routes);
            IntegrationRoutes.register(javalin.routes, services.webhooks());
            if (config.oauth() != null) {
                OAuthRoutes.register(javalin.routes, config.oauth());
            }
        });
        app.start();
        return new RestServer(app, events);
    }

    private static void server(JavalinConfig javalin, Config config) {
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.http.maxRequestSize = MAX_BODY_BYTES;
        javalin.http.compressionStrategy = CompressionStrategy.NONE;
        javalin.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(config.host());
            connector.setPort(config.port());
            connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            return connector;
        });
        // Jetty's own errors (a bad request line or Host, headers too large, ...) are JSON like every other answer.
        JsonErrorHandler errors = new JsonErrorHandler(config.mounts().stream()
                .flatMap(mount -> mount.paths().stream())
                .toList());
        javalin.jetty.modifyServer(server -> server.setErrorHandler(errors));
        javalin.jetty.modifyServletContextHandler(handler -> {
            handler.setErrorHandler(errors);
            FilterHolder drain = new FilterHolder(new UnreadBodyDrain(MAX_BODY_BYTES));
            drain.setAsyncSupported(true);
            handler.addFilter(drain, "/*", EnumSet.of(DispatcherType.REQUEST));
            config.mounts().forEach(mount -> mount(handler, mount));
        });
    }

    private static void mount(ServletContextHandler handler, Mount mount) {
        ServletHolder servlet = new ServletHolder(mount.servlet());
        servlet.setAsyncSupported(true);
        FilterHolder filter = new FilterHolder(mount.filter());
        filter.setAsyncSupported(true);
        for (String path : mount.paths()) {
            handler.addServlet(servlet, path);
            handler.addFilter(filter, path, EnumSet.of(DispatcherType.REQUEST));
        }
    }

    /** The port it listens on (the one chosen when started on port 0). */
    public int port() {
        return app.port();
    }

    /** Ends the event streams, then stops the server. */
    @Override
    public void close() {
        events.closeAll();
        app.stop();
    }
}
