package dev.replicasmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.support.ToolCalls;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which tools the packaged server offers: the default toolsets within the size budget, --toolsets and
 * --read-only, and toolsets enabled mid-session with enable_toolset and tools/list_changed.
 */
class ToolsetFilterIT {

    static final int DEFAULT_BUDGET_BYTES = 32 * 1024;
    static final List<String> DYNAMIC = List.of("enable_toolset", "list_toolsets");
    static final List<String> REPLICAS_TOOLSET = List.of(
            "create_chat",
            "create_replica",
            "delete_chat",
            "delete_replica",
            "get_replica",
            "get_replica_hooks",
            "list_chats",
            "list_replicas",
            "read_replica_history",
            "send_replica_message");
    static final List<String> FIRST_SESSION = List.of(
            "add_repository",
            "create_environment",
            "list_environments",
            "get_environment",
            "create_replica",
            "send_replica_message",
            "read_replica_history",
            "get_replica",
            "list_replicas",
            "delete_replica",
            "list_chats",
            "create_chat");

    @RegisterExtension
    final ServerLogs logs = new ServerLogs();

    @TempDir
    Path tmp;

    /** The committed catalogue (tools.json, checked by ToolCatalogTest). */
    static JsonNode catalogue() throws Exception {
        return ServerProcess.parse(Files.readString(Path.of("tools.json")));
    }

    static Set<String> names(Predicate<JsonNode> which) throws Exception {
        Set<String> names = new TreeSet<>();
        catalogue().forEach(t -> {
            if (which.test(t)) {
                names.add(t.path("name").asText());
            }
        });
        return names;
    }

    static Set<String> listed(ServerProcess server) {
        Set<String> names = new TreeSet<>();
        server.client().listTools().tools().forEach(t -> names.add(t.name()));
        return names;
    }

    private ServerProcess start(String... args) {
        return start(tools -> {}, args);
    }

    private ServerProcess start(java.util.function.Consumer<List<McpSchema.Tool>> toolsChanged, String... args) {
        return ServerProcess.start(
                tmp.resolve("data"),
                0,
                logs,
                new ServerProcess.Options(List.of(args), Map.of(), p -> {}, toolsChanged));
    }

    @Test
    void withoutToolsetsTheAnswerFitsTheBudgetAndCarriesAFirstSession() throws Exception {
        Path stderr = tmp.resolve("stderr.log");
        Process process = new ProcessBuilder(ServerProcess.defaultToolsetsCommand(tmp.resolve("data"), 0))
                .redirectError(stderr.toFile())
                .start();
        logs.track("default toolsets server", () -> {
            try {
                return Files.readString(stderr);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        try (OutputStream in = process.getOutputStream();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"size\",\"version\":\"1\"}}}\n"
                            + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.flush();
            JsonNode init = ServerProcess.parse(out.readLine());
            assertThat(init.path("result")
                            .path("capabilities")
                            .path("tools")
                            .path("listChanged")
                            .asBoolean())
                    .as("tools.listChanged capability: %s", init)
                    .isTrue();
            JsonNode list = ServerProcess.parse(out.readLine());
            int bytes = ServerProcess.JSON.writeValueAsBytes(list.path("result")).length;
            Set<String> offered = new TreeSet<>();
            list.path("result")
                    .path("tools")
                    .forEach(t -> offered.add(t.path("name").asText()));
            assertThat(bytes)
                    .as(
                            "bytes of the default tools/list result (%d tools: %s); the budget is %d",
                            offered.size(), offered, DEFAULT_BUDGET_BYTES)
                    .isLessThanOrEqualTo(DEFAULT_BUDGET_BYTES);
            assertThat(offered)
                    .containsAll(FIRST_SESSION)
                    .containsAll(DYNAMIC)
                    .isEqualTo(names(t -> Set.of("replicas", "repositories", "environments", "dynamic")
                            .contains(t.path("toolset").asText())));
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void onlyTheReplicasToolsetIsOffered() throws Exception {
        Set<String> expected = names(t -> t.path("toolset").asText().equals("replicas"));
        assertThat(expected).containsExactlyElementsOf(REPLICAS_TOOLSET);
        expected.addAll(DYNAMIC);
        try (ServerProcess server = start("--toolsets", "replicas")) {
            assertThat(listed(server)).containsExactlyElementsOf(expected);
            // A tool of another toolset is not there to call.
            assertThatThrownBy(() -> server.call("list_repositories", Map.of())).isInstanceOf(McpError.class);
        }
    }

    @Test
    void twoToolsetsTogether() throws Exception {
        try (ServerProcess server = start("--toolsets", "repositories,environments")) {
            assertThat(listed(server))
                    .isEqualTo(names(t -> Set.of("repositories", "environments", "dynamic")
                            .contains(t.path("toolset").asText())))
                    .contains("add_repository", "create_environment")
                    .doesNotContain("save_warm_hook");
        }
    }

    @Test
    void allOffersEveryTool() throws Exception {
        try (ServerProcess server = start("--toolsets", "all")) {
            assertThat(listed(server)).isEqualTo(names(t -> true));
        }
    }

    @Test
    void readOnlyOffersOnlyToolsHintedReadOnly() throws Exception {
        Set<String> expected =
                names(t -> t.path("annotations").path("readOnlyHint").asBoolean());
        assertThat(expected)
                .contains("list_replicas", "get_environment", "search_skill_catalog", "list_toolsets", "enable_toolset")
                .doesNotContain("create_replica", "delete_environment", "test_warm_hook");
        try (ServerProcess server = start("--toolsets", "all", "--read-only")) {
            List<McpSchema.Tool> tools = server.client().listTools().tools();
            assertThat(tools)
                    .allSatisfy(t -> assertThat(t.annotations().readOnlyHint())
                            .as(t.name())
                            .isTrue());
            assertThat(listed(server)).containsExactlyElementsOf(expected);
            assertThat(server.ok("list_environments", Map.of())
                            .path("environments")
                            .size())
                    .isEqualTo(1);
        }
    }

    @Test
    void enableToolsetAddsItsToolsAndTellsTheClient() throws Exception {
        LinkedBlockingQueue<List<String>> changes = new LinkedBlockingQueue<>();
        try (ServerProcess server = start(
                tools -> changes.add(tools.stream().map(McpSchema.Tool::name).toList()), "--toolsets", "default")) {
            assertThat(listed(server)).doesNotContain("create_environment_variable");
            JsonNode toolsets = server.ok("list_toolsets", Map.of()).path("toolsets");
            JsonNode contents = find(toolsets, "environment_contents");
            assertThat(contents.path("enabled").asBoolean()).isFalse();
            assertThat(contents.path("tool_count").asInt()).isEqualTo(12);
            assertThat(find(toolsets, "replicas").path("enabled").asBoolean()).isTrue();

            JsonNode enabled = server.ok("enable_toolset", Map.of("name", "environment_contents"));
            assertThat(enabled.path("already_enabled").asBoolean()).isFalse();
            assertThat(enabled.path("tools").toString())
                    .contains("create_environment_variable", "list_environment_mcps");

            // The client got notifications/tools/list_changed and listed the tools again by itself.
            List<String> relisted = changes.poll(60, TimeUnit.SECONDS);
            assertThat(relisted)
                    .as("tools listed after tools/list_changed")
                    .isNotNull()
                    .contains("create_environment_variable", "create_replica");
            assertThat(listed(server)).contains("create_environment_variable", "delete_environment_file");
            assertThat(server.ok(
                                    "create_environment_variable",
                                    Map.of("environment_id", "global", "key", "TOOLSET_ON", "value", "1"))
                            .path("environment_variable")
                            .path("key")
                            .asText())
                    .isEqualTo("TOOLSET_ON");
            assertThat(find(server.ok("list_toolsets", Map.of()).path("toolsets"), "environment_contents")
                            .path("enabled")
                            .asBoolean())
                    .isTrue();
            assertThat(server.ok("enable_toolset", Map.of("name", "environment_contents"))
                            .path("already_enabled")
                            .asBoolean())
                    .isTrue();
        }
    }

    @Test
    void underReadOnlyEnableToolsetAddsOnlyReadOnlyTools() throws Exception {
        try (ServerProcess server = start("--toolsets", "default", "--read-only")) {
            JsonNode enabled = server.ok("enable_toolset", Map.of("name", "hooks"));
            assertThat(enabled.path("tools").toString())
                    .contains("get_start_hook")
                    .doesNotContain("save_start_hook");
            assertThat(listed(server)).contains("get_start_hook").doesNotContain("save_start_hook", "test_warm_hook");
        }
    }

    @Test
    void anUnknownToolsetIsAToolErrorNamingItAndTheKnownOnes() {
        try (ServerProcess server = start("--toolsets", "default")) {
            McpSchema.CallToolResult result = server.call("enable_toolset", Map.of("name", "teleport"));
            String text = ToolCalls.text(result);
            assertThat(result.isError()).as(text).isTrue();
            assertThat(text)
                    .contains(
                            "'teleport'",
                            "'name'",
                            "replicas, repositories, environments, "
                                    + "environment_contents, skills, hooks, warm_pools, agents");
        }
    }

    @Test
    void anUnknownToolsetEndsTheProcessNamingTheKnownOnes() throws Exception {
        List<String> command = new ArrayList<>(ServerProcess.command(tmp.resolve("data"), 0));
        command.addAll(List.of("--toolsets", "replicas,teleport"));
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("the process exits by itself")
                .isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code; stderr: %s", stderr).isNotZero();
        assertThat(stderr)
                .contains("teleport")
                .contains("replicas", "repositories", "environments", "hooks", "warm_pools");
        assertThat(stdout).as("nothing on the protocol channel").isEmpty();
    }

    private static JsonNode find(JsonNode toolsets, String name) {
        for (JsonNode toolset : toolsets) {
            if (toolset.path("name").asText().equals(name)) {
                return toolset;
            }
        }
        throw new AssertionError("no toolset " + name + " in " + toolsets);
    }
}
