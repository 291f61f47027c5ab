package dev.replicasmcp.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.mcp.JsonMappers;
import dev.replicasmcp.mcp.McpExtras;
import dev.replicasmcp.mcp.StdioServer;
import dev.replicasmcp.mcp.ToolCatalog;
import dev.replicasmcp.mcp.ToolInvoker;
import dev.replicasmcp.runtime.process.MarkedProcesses;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: with no subcommand it serves MCP over stdio. */
@Command(
        name = "replicas-mcp",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        subcommands = {ToolsCommand.class, KeysCommand.class, ClientsCommand.class},
        description = {
            "A self-hosted Replicas platform: coding agents in workspaces, driven over MCP.",
            "With no command, serves MCP over stdio (stdout carries only JSON-RPC; logs go to stderr).",
            "With --http, serves the REST API (/v1), its event streams and MCP (/mcp) over HTTP."
        })
public final class Main implements Callable<Integer> {

    /** The version the server reports (serverInfo, --version). */
    public static final String VERSION = "0.1.0";

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data folder (SQLite database, keys). Default: $REPLICAS_HOME, else ~/.replicas-mcp.")
    Path dataDir;

    @Option(
            names = "--turn-delay-ms",
            paramLabel = "MS",
            defaultValue = "1500",
            description = "How long the built-in scripted agent works on each message. Default: ${DEFAULT-VALUE}.")
    long turnDelayMs;

    @Option(
            names = "--wake-delay-ms",
            paramLabel = "MS",
            defaultValue = "2000",
            description = "How long waking a sleeping replica takes. Default: ${DEFAULT-VALUE}.")
    long wakeDelayMs;

    @Option(
            names = "--hook-timeout-seconds",
            paramLabel = "S",
            defaultValue = "300",
            description = "Default time limit of one hook run (max 900). Default: ${DEFAULT-VALUE}.")
    long hookTimeoutSeconds;

    @Option(
            names = "--warm-pool-size",
            paramLabel = "N",
            defaultValue = "5",
            description = "How many ready workspaces an enabled warm pool keeps (1-20). Default: ${DEFAULT-VALUE}.")
    int warmPoolSize;

    @Option(
            names = "--idle-sleep-minutes",
            paramLabel = "M",
            defaultValue = "60",
            description = "Put an active replica to sleep after this many idle minutes (1-10080); under "
                    + "lifecycle_policy delete_after_inactivity it is deleted instead. Default: ${DEFAULT-VALUE}.")
    long idleSleepMinutes;

    @Option(
            names = "--toolsets",
            paramLabel = "LIST",
            split = ",",
            description = "Offer these toolsets from the start: replicas, repositories, environments, "
                    + "environment_contents, skills, hooks, warm_pools, agents, admin; 'all' for every one, 'default' for "
                    + "the first three. Others can be switched on mid-session with enable_toolset. Default: default.")
    java.util.Set<String> toolsets = java.util.Set.of();

    @Option(names = "--read-only", description = "Only offer tools that change nothing.")
    boolean readOnly;

    @Option(
            names = "--http",
            description = "Serve HTTP instead of stdio: REST under /v1 and MCP at /mcp, both "
                    + "behind API keys (Authorization: Bearer); MCP also takes OAuth tokens of clients you approve.")
    boolean http;

    @picocli.CommandLine.Mixin
    HttpFlags httpFlags = new HttpFlags();

    @picocli.CommandLine.Mixin
    AgentFlags agentFlags = new AgentFlags();

    @picocli.CommandLine.Mixin
    AutomationFlags automationFlags = new AutomationFlags();

    /** MCP features served next to the tool catalogue in HTTP mode; see {@link #run(String[], McpExtras)}. */
    private final McpExtras extras;

    private Main(McpExtras extras) {
        this.extras = extras;
    }

    public static void main(String[] args) {
        System.exit(run(args, McpExtras.NONE));
    }

    /**
     * Runs the command line and answers its exit code. In HTTP mode, extras are served next to the tool
     * catalogue: the product passes none; a launcher in the test sources passes fixtures, so that they are
     * served by the very server the product starts (same keys, same Host and Origin checks).
     */
    public static int run(String[] args, McpExtras extras) {
        // jOOQ prints a banner on first use; it has no place on a protocol process.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        return new CommandLine(new Main(extras))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Logger log = LoggerFactory.getLogger(Main.class);
        Settings settings;
        HttpApp.Options httpOptions;
        try {
            settings = settings();
            httpOptions = httpFlags.options();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        ObjectMapper toolMapper = JsonMappers.tools();
        ToolCatalog catalog = catalog(toolMapper);
        if (http) {
            return HttpMode.run(settings, catalog, toolMapper, httpOptions, extras);
        }
        try (DataDirLock ignored = DataDirLock.acquire(settings.dataDir())) {
            // A client usually closes stdin and then sends SIGTERM at once, before close() below can run:
            // the hooks and agents this server started end with it either way.
            MarkedProcesses children = Wiring.childProcesses(settings.dataDir());
            Runtime.getRuntime().addShutdownHook(new Thread(children::killAll, "end-child-processes"));
            // The database opens while the MCP handshake runs; the first tool call waits for it.
            CompletableFuture<Core> core =
                    CompletableFuture.supplyAsync(() -> Core.start(settings, Clock.systemUTC(), Ids.random()));
            String apiKey = System.getenv(API_KEY_ENV);
            Caller caller = apiKey == null || apiKey.isBlank() ? null : keyCaller(core, settings, apiKey.trim());
            ToolInvoker invoker = Wiring.tools(
                    toolMapper,
                    () -> started(core, settings),
                    services -> caller != null ? caller : services.localCaller());
            StdioServer.serve(new JacksonMcpJsonMapper(JsonMappers.protocol()), catalog, invoker, VERSION);
            if (core.isDone() && !core.isCompletedExceptionally()) {
                core.join().close();
            }
        } catch (IllegalStateException e) {
            log.error(e.getMessage());
            return 1;
        }
        return 0;
    }

    /** The environment variable that makes a stdio session act as a key's organization. */
    static final String API_KEY_ENV = "REPLICAS_API_KEY";

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

    private ToolCatalog catalog(ObjectMapper toolMapper) {
        try {
            return Wiring.catalog(toolMapper, toolsets, readOnly);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
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

    /** The settings the flags describe; an IllegalArgumentException names the flag that is wrong. */
    Settings settings() {
        if (turnDelayMs < 0 || wakeDelayMs < 0) {
            throw new IllegalArgumentException("Delays must be 0 or more milliseconds.");
        }
        FlagRange.within("--hook-timeout-seconds", hookTimeoutSeconds, 1, Settings.MAX_HOOK_TIMEOUT.toSeconds());
        FlagRange.within("--warm-pool-size", warmPoolSize, 1, 20);
        return new Settings(
                resolveDataDir(dataDir),
                Duration.ofMillis(turnDelayMs),
                Duration.ofMillis(wakeDelayMs),
                Duration.ofSeconds(hookTimeoutSeconds),
                warmPoolSize,
                null,
                agentFlags.config(),
                FlagRange.minutes("--idle-sleep-minutes", idleSleepMinutes),
                automationFlags.limits());
    }

    static Path resolveDataDir(Path option) {
        if (option != null) {
            return option.toAbsolutePath();
        }
        String home = System.getenv("REPLICAS_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".replicas-mcp");
    }

    /** Prints the version for --version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"replicas-mcp " + VERSION};
        }
    }
}
