package dev.replicasmcp.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.mcp.McpExtras;
import dev.replicasmcp.mcp.ToolCatalog;
import dev.replicasmcp.rest.WebView;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** `--http`: starts the core and the HTTP server, and runs until the process is stopped. */
final class HttpMode {

    private static final Logger LOG = LoggerFactory.getLogger(HttpMode.class);

    private HttpMode() {}

    static int run(
            Settings settings,
            ToolCatalog catalog,
            ObjectMapper toolMapper,
            HttpApp.Options options,
            McpExtras extras) {
        DataDirLock lock;
        Core core;
        HttpApp app;
        try {
            lock = DataDirLock.acquire(settings.dataDir());
        } catch (Exception e) {
            LOG.error(e.getMessage());
            return 1;
        }
        try {
            core = Core.start(settings, Clock.systemUTC(), Ids.random());
        } catch (RuntimeException e) {
            LOG.error("The server could not open its database at {}: {}", settings.databaseFile(), e.getMessage());
            release(lock);
            return 1;
        }
        boolean firstKey;
        try {
            firstKey = ApiKeyFile.ensure(
                            core.keys(), core.account(), core.services().audit(), settings.dataDir())
                    .isPresent();
            app = HttpApp.start(core, catalog, toolMapper, options, extras);
        } catch (RuntimeException e) {
            LOG.error("The HTTP server could not start on {}:{}: {}", options.host(), options.port(), e.getMessage());
            core.close();
            release(lock);
            return 1;
        }
        String base = "http://" + (options.host().contains(":") ? "[" + options.host() + "]" : options.host()) + ":"
                + app.port();
        LOG.info(
                "replicas-mcp {} serving HTTP on {}: REST API under {}/v1, MCP at {}/mcp",
                Main.VERSION,
                base,
                base,
                base);
        String site = options.urls().publicUrl().map(Object::toString).orElse(base);
        String forClients = site + "/mcp";
        LOG.info(
                "Give MCP clients {} : with 'Authorization: Bearer <API key>', or let them sign in with OAuth "
                        + "(you approve each in the browser with an API key){}",
                forClients,
                options.urls().publicUrl().isPresent()
                        ? ""
                        : ". Behind a tunnel, start with --public-url https://<tunnel host>");
        LOG.info("Web view: open {}{} in a browser and paste the API key", site, WebView.PATH);
        if (firstKey) {
            LOG.info(
                    "One-time setup code for approving an OAuth client on the consent page: {} (or paste the API key)",
                    app.issueSetupCode());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("Stopping the HTTP server");
                            app.close();
                            core.close();
                            release(lock);
                            stopped.countDown();
                        },
                        "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void release(DataDirLock lock) {
        try {
            lock.close();
        } catch (Exception e) {
            LOG.debug("Could not release the data folder lock: {}", e.toString());
        }
    }
}
