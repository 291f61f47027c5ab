package dev.replicasmcp.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.mcp.JsonMappers;
import dev.replicasmcp.mcp.McpExtras;
import dev.replicasmcp.mcp.ToolCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
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
            description = "How long the built-in scripted agent works on each message. Default: ${DEFAULT-VALUE}.")
    long turnDelayMs = 1500;

    @Option(
            names = "--wake-delay-ms",
            paramLabel = "MS",
            description = "How long waking a sleeping replica takes. Default: ${DEFAULT-VALUE}.")
    long wakeDelayMs = 2000;

    @Option(
            names = "--hook-timeout-seconds",
            paramLabel = "S",
            description = "Default time limit of one hook run (max 900). Default: ${DEFAULT-VALUE}.")
    long hookTimeoutSeconds = 300;

    @Option(
            names = "--warm-pool-size",
            paramLabel = "N",
            description = "How many ready workspaces an enabled warm pool keeps (1-20). Default: ${DEFAULT-VALUE}.")
    int warmPoolSize = 5;

    @Option(
            names = "--idle-sleep-minutes",
            paramLabel = "M",
            description = "Put an active replica to sleep after this many idle minutes (1-10080); under "
                    + "lifecycle_policy delete_after_inactivity it is deleted instead. Default: ${DEFAULT-VALUE}.")
    long idleSleepMinutes = 60;

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

    Main(McpExtras extras) {
        this.extras = extras;
    }

    /** The logging level of our own loggers (slf4j-simple; the rest is in simplelogger.properties). */
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.dev.replicasmcp";

    static {
        // Before any logger exists: slf4j-simple reads the levels once, when the first logger is made.
        String level = System.getenv("REPLICAS_LOG_LEVEL");
        if (level != null && !level.isBlank() && System.getProperty(LEVEL_PROPERTY) == null) {
            System.setProperty(LEVEL_PROPERTY, level.trim().toLowerCase(Locale.ROOT));
        }
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
        Main main = new Main(extras);
        if (args.length == 0) {
            // How MCP clients start the server, and they wait for it: picocli would spend a quarter of a
            // second reading the annotations (its Java 5 class files are beyond any start-up cache) only to
            // find every field at its initial value, which is each flag's default.
            return main.withoutParser();
        }
        return new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public Integer call() {
        Prepared prepared;
        try {
            prepared = prepare();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        return serve(prepared);
    }

    /** {@link #call()} for an empty command line, which picocli never sees. */
    private int withoutParser() {
        Settings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            LoggerFactory.getLogger(Main.class).error(e.getMessage());
            return 2; // picocli's code for a bad command line
        }
        // No flags, so the default catalogue, which cannot be wrong: it is built while the core starts (the
        // first tool call waits for the core, and its start was the longest path to that call).
        return StdioMode.run(settings, () -> {
            ObjectMapper toolMapper = JsonMappers.tools();
            return new StdioMode.Tools(toolMapper, Wiring.catalog(toolsets, readOnly));
        });
    }

    /** What the flags resolve to before anything starts; an IllegalArgumentException names a wrong flag. */
    private record Prepared(
            Settings settings, HttpApp.Options httpOptions, ObjectMapper toolMapper, ToolCatalog catalog) {}

    private Prepared prepare() {
        Settings settings = settings();
        HttpApp.Options httpOptions = httpFlags.options();
        ObjectMapper toolMapper = JsonMappers.tools();
        return new Prepared(settings, httpOptions, toolMapper, Wiring.catalog(toolsets, readOnly));
    }

    private int serve(Prepared prepared) {
        if (http) {
            return HttpMode.run(
                    prepared.settings(), prepared.catalog(), prepared.toolMapper(), prepared.httpOptions(), extras);
        }
        return StdioMode.run(prepared.settings(), () -> new StdioMode.Tools(prepared.toolMapper(), prepared.catalog()));
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
