package dev.replicasmcp.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.mcp.FirstCallWarmUp;
import dev.replicasmcp.mcp.ProtocolJsonMapper;
import dev.replicasmcp.mcp.StdioServer;
import dev.replicasmcp.mcp.ToolCatalog;
import dev.replicasmcp.mcp.ToolInvoker;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default mode: MCP over stdin/stdout until stdin closes, on the data folder's database. */
final class StdioMode {

    private static final Logger LOG = LoggerFactory.getLogger(StdioMode.class);

    /** The environment variable that makes a stdio session act as a key's organization. */
    static final String API_KEY_ENV = "REPLICAS_API_KEY";

    private StdioMode() {}

    /** The tools' JSON mapper and catalogue. */
    record Tools(ObjectMapper mapper, ToolCatalog catalog) {}

    /** tools: built after the core has begun to start, on this thread, while the core starts on another. */
    static int run(Settings settings, Supplier<Tools> tools) {
        try (DataDirLock ignored = DataDirLock.acquire(settings.dataDir())) {
            // A client usually closes stdin and then sends SIGTERM at once, before close() below can run:
            // the hooks and agents this server started end with it either way. Their marker is made when
            // the process ends: it is a SHA-256, and the first one of a process initialises the security
            // providers, which the handshake's answer has no need to wait for.
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> Wiring.childProcesses(settings.dataDir()).killAll(), "end-child-processes"));
            // A client's first tool call comes right after the handshake: what it needs beside the database is
            // built meanwhile (FirstCallWarmUp says what and why).
            FirstCallWarmUp.begin();
            // The database opens while the MCP handshake runs; the first tool call waits for it.
            CompletableFuture<Core> core =
                    CompletableFuture.supplyAsync(() -> Core.start(settings, Clock.systemUTC(), Ids.random()));
            Tools built = tools.get();
            ObjectMapper toolMapper = built.mapper();
            ToolCatalog catalog = built.catalog();
            String apiKey = System.getenv(API_KEY_ENV);
            Caller caller = apiKey == null || apiKey.isBlank() ? null : keyCaller(core, settings, apiKey.trim());
            ToolInvoker invoker = Wiring.tools(
                    toolMapper,
                    () -> started(core, settings),
                    services -> caller != null ? caller : services.localCaller());
            StdioServer.serve(new ProtocolJsonMapper(), catalog, invoker, Main.VERSION);
            if (core.isDone() && !core.isCompletedExceptionally()) {
                core.join().close();
            }
        } catch (IllegalStateException e) {
            LOG.error(e.getMessage());
            return 1;
        } catch (IOException e) {
            LOG.error("The data folder {} cannot be used: {}", settings.dataDir(), e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return 0;
    }

    /** The organization REPLICAS_API_KEY acts as; an invalid key stops the server before it serves. */
    private static Caller keyCaller(CompletableFuture<Core> core, Settings settings, String apiKey) {
        Core started = started(core, settings);
        return started.keys().authenticate(apiKey).orElseThrow(() -> {
            started.close();
            return new IllegalStateException(API_KEY_ENV + " is set but is not an active API key of the server in "
                    + settings.dataDir() + " (unknown, mistyped or revoked). `keys list` shows the keys; unset "
                    + API_KEY_ENV + " to act as the local organization.");
        });
    }

    private static Core started(CompletableFuture<Core> core, Settings settings) {
        try {
            return core.join();
        } catch (CompletionException e) {
            throw new IllegalStateException(
                    "The server could not open its database at " + settings.databaseFile() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
