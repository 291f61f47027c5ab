package dev.replicasmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.support.ToolCalls;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The packaged server jar as a real subprocess over stdio, driven by the MCP Java SDK's client, with
 * the JVM flags of scripts/lib.sh. Its stderr is kept and handed to {@link ServerLogs}.
 */
final class ServerProcess implements AutoCloseable {

    static final ObjectMapper JSON = ToolCalls.JSON;
    /** The JVM flags scripts/lib.sh gives a protocol process (the CDS archive is left out). */
    static final List<String> JVM_FLAGS =
            List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:TieredStopAtLevel=1");

    private static final AtomicInteger STARTED = new AtomicInteger();

    private final Path dataDir;
    private final StringBuffer stderr;
    private final McpSyncClient client;
    private final ProcessHandle process;

    private ServerProcess(Path dataDir, StringBuffer stderr, McpSyncClient client, ProcessHandle process) {
        this.dataDir = dataDir;
        this.stderr = stderr;
        this.client = client;
        this.process = process;
    }

    /** Starts the jar on the data folder and completes the MCP handshake. */
    static ServerProcess start(Path dataDir, long turnDelayMs, ServerLogs logs) {
        return start(dataDir, turnDelayMs, logs, new Options(List.of(), Map.of(), progress -> {}));
    }

    /**
     * Extra server options, extra environment variables for the server, where progress notifications go
     * and where the tool lists the client fetches after notifications/tools/list_changed go.
     */
    record Options(
            List<String> args,
            Map<String, String> env,
            Consumer<McpSchema.ProgressNotification> progress,
            Consumer<List<McpSchema.Tool>> toolsChanged) {

        Options(List<String> args, Map<String, String> env, Consumer<McpSchema.ProgressNotification> progress) {
            this(args, env, progress, tools -> {});
        }
    }

    static ServerProcess start(Path dataDir, long turnDelayMs, ServerLogs logs, Options options) {
        List<String> command = new ArrayList<>(baseCommand(dataDir, turnDelayMs));
        if (!options.args().contains("--agent-command")) {
            command.addAll(SCRIPTED_AGENTS);
        }
        if (!options.args().contains("--toolsets")) {
            command.addAll(ALL_TOOLSETS);
        }
        command.addAll(options.args());
        StringBuffer stderr = new StringBuffer();
        logs.track("server #" + STARTED.incrementAndGet() + " on " + dataDir, stderr::toString);
        StdioClientTransport transport = new StdioClientTransport(
                ServerParameters.builder(command.get(0))
                        .args(command.subList(1, command.size()))
                        .env(options.env())
                        .build(),
                new JacksonMcpJsonMapper(new ObjectMapper()));
        transport.setStdErrorHandler(line -> stderr.append(line).append('\n'));
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(90))
                // Successful results are then checked against the tool's outputSchema by the client.
                .enableCallToolSchemaCaching(true)
                .progressConsumer(options.progress())
                .toolsChangeConsumer(options.toolsChanged())
                .build();
        client.initialize();
        client.listTools(); // fills the client's output-schema cache, so results are validated
        return new ServerProcess(dataDir, stderr, client, findChild(dataDir));
    }

    /**
     * Pins the agents a test does not choose itself to the scripted one, so the suite never runs a real
     * Claude Code or Codex that happens to be installed on the machine.
     */
    static final List<String> SCRIPTED_AGENTS =
            List.of("--agent-command", "claude=scripted", "--agent-command", "codex=scripted");

    /**
     * Tests call tools of every toolset; only the toolset tests ({@link ToolsetFilterIT}) choose their own
     * with --toolsets and see the default.
     */
    static final List<String> ALL_TOOLSETS = List.of("--toolsets", "all");

    /** java, the flags, the jar and the server options (scripted agents, every toolset), as a command line. */
    static List<String> command(Path dataDir, long turnDelayMs) {
        List<String> command = new ArrayList<>(baseCommand(dataDir, turnDelayMs));
        command.addAll(SCRIPTED_AGENTS);
        command.addAll(ALL_TOOLSETS);
        return command;
    }

    /** The same without --toolsets: the server offers its default toolsets. */
    static List<String> defaultToolsetsCommand(Path dataDir, long turnDelayMs) {
        List<String> command = new ArrayList<>(baseCommand(dataDir, turnDelayMs));
        command.addAll(SCRIPTED_AGENTS);
        return command;
    }

    private static List<String> baseCommand(Path dataDir, long turnDelayMs) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of(
                "-jar",
                jar().toString(),
                "--data-dir",
                dataDir.toString(),
                "--turn-delay-ms",
                Long.toString(turnDelayMs)));
        return command;
    }

    static Path jar() {
        String property = System.getProperty("replicas.jar");
        Path jar = Path.of(property == null ? "target/replicas-mcp.jar" : property);
        assertThat(jar).as("the packaged server jar (run through mvn verify)").isRegularFile();
        return jar;
    }

    /** The java child of this JVM that serves the data folder (the SDK does not expose its Process). */
    private static ProcessHandle findChild(Path dataDir) {
        String dir = dataDir.toString();
        return ProcessHandle.current()
                .children()
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> Arrays.asList(a).contains(dir))
                        .orElse(false))
                .filter(ProcessHandle::isAlive)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no server process found for " + dir));
    }

    McpSyncClient client() {
        return client;
    }

    ProcessHandle process() {
        return process;
    }

    String stderr() {
        return stderr.toString();
    }

    CallToolResult call(String tool, Map<String, Object> arguments) {
        return ToolCalls.call(client, tool, arguments);
    }

    /** A successful call: structured content plus one text block holding the same JSON. */
    JsonNode ok(String tool, Map<String, Object> arguments) {
        return ToolCalls.ok(client, tool, arguments);
    }

    /** A failed call: a tool result with isError=true; answers its text. */
    String error(String tool, Map<String, Object> arguments) {
        return ToolCalls.error(client, tool, arguments);
    }

    static JsonNode parse(String json) {
        return ToolCalls.parse(json);
    }

    /** SIGKILL: the server gets no chance to clean up, like a crash or a power cut. */
    void kill() throws Exception {
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
        closeClient();
    }

    @Override
    public void close() {
        closeClient();
        try {
            process.onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private void closeClient() {
        try {
            client.closeGracefully();
        } catch (RuntimeException e) {
            // The process may already be gone; nothing left to close.
        }
    }

    /** A real git repository: `git init -b main` and one commit. */
    static Path gitRepository(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("README.md"), "# e2e fixture\n");
        git(dir, "init", "-q", "-b", "main");
        git(dir, "add", "README.md");
        git(
                dir,
                "-c",
                "user.name=e2e",
                "-c",
                "user.email=e2e@example.invalid",
                "-c",
                "commit.gpgsign=false",
                "commit",
                "-q",
                "-m",
                "Initial commit");
        return dir;
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(git.getInputStream().readAllBytes());
        assertThat(git.waitFor()).as("%s: %s", command, output).isZero();
    }
}
