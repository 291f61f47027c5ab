package dev.replicasmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.support.ToolCalls;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An environment configured completely over real stdio (variables, a file, an MCP server, a skill, a
 * start hook and a warm hook), a replica created from it, and what it shows. Secrets stay out of the
 * server's log, its error messages and its hooks' view of the server's own environment.
 */
class EnvironmentFlowIT {

    static final String VARIABLE_SECRET = "e2e-variable-secret-5b7c1d93";
    static final String FILE_SECRET = "e2e-file-secret-0e9f4a27";
    static final String HEADER_SECRET = "e2e-header-secret-8a2d6c51";
    static final String SERVER_KEY =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final ServerLogs logs = new ServerLogs();

    @TempDir
    Path tmp;

    ServerProcess start(List<McpSchema.ProgressNotification> progress) {
        return ServerProcess.start(
                tmp.resolve("data"),
                0,
                logs,
                new ServerProcess.Options(
                        List.of("--hook-timeout-seconds", "30"),
                        Map.of("REPLICAS_SECRET_KEY", SERVER_KEY, "REPLICAS_LOG_LEVEL", "DEBUG"),
                        progress::add));
    }

    @Test
    void aFullyConfiguredEnvironmentProvisionsAReplicaWithoutLeakingSecrets() throws Exception {
        Path repo = ServerProcess.gitRepository(tmp.resolve("env-repo"));
        String stderr;
        try (ServerProcess server = start(new CopyOnWriteArrayList<>())) {
            String repoId = server.ok("add_repository", Map.of("location", repo.toString()))
                    .path("repository")
                    .path("id")
                    .asText();
            String env = server.ok("create_environment", Map.of("name", "full", "repository_id", repoId))
                    .path("environment")
                    .path("id")
                    .asText();
            JsonNode variable = server.ok(
                            "create_environment_variable",
                            Map.of("environment_id", env, "key", "API_TOKEN", "value", VARIABLE_SECRET))
                    .path("environment_variable");
            assertThat(variable.path("value").asText())
                    .as("read back in plaintext")
                    .isEqualTo(VARIABLE_SECRET);
            server.ok(
                    "create_environment_variable",
                    Map.of(
                            "environment_id",
                            "global",
                            "key",
                            "GREETING",
                            "value",
                            "hiya")); // short: values of 5+ characters are redacted from hook output
            assertThat(server.ok(
                                    "create_environment_file",
                                    Map.of(
                                            "environment_id",
                                            env,
                                            "name",
                                            "credentials",
                                            "path",
                                            "~//.config/./app/credentials",
                                            "content",
                                            "token=" + FILE_SECRET + "\n"))
                            .path("environment_file")
                            .path("path")
                            .asText())
                    .isEqualTo("~/.config/app/credentials");
            server.ok(
                    "create_environment_mcp",
                    Map.of(
                            "environment_id",
                            env,
                            "name",
                            "tracker",
                            "transport",
                            "http",
                            "config",
                            Map.of(
                                    "url",
                                    "https://tracker.example/mcp",
                                    "headers",
                                    Map.of("Authorization", "Bearer " + HEADER_SECRET))));
            assertThat(server.ok("search_skill_catalog", Map.of())
                            .path("skills")
                            .path(0)
                            .path("slug")
                            .asText())
                    .isEqualTo("tdd");
            server.ok("enable_environment_skill", Map.of("environment_id", env, "slug", "tdd"));
            server.ok(
                    "save_warm_hook",
                    Map.of(
                            "environment_id",
                            env,
                            "content",
                            "echo warm-hook-output\ntest -f ~/.config/app/credentials && echo credentials-present"));
            assertThat(server.ok(
                                    "save_start_hook",
                                    Map.of("environment_id", env, "content", "echo \"start-hook-output $GREETING\""))
                            .path("start_hook")
                            .path("version")
                            .asInt())
                    .isEqualTo(1);

            // The server's own environment (its secret key included) is not visible to hook scripts.
            JsonNode probe = server.ok(
                            "test_start_hook",
                            Map.of(
                                    "environment_id",
                                    env,
                                    "content",
                                    "echo \"key=${REPLICAS_SECRET_KEY:-unset} log=${REPLICAS_LOG_LEVEL:-unset} greeting=$GREETING\"",
                                    "timeout_seconds",
                                    10))
                    .path("test");
            assertThat(probe.path("output").asText()).isEqualTo("key=unset log=unset greeting=hiya\n");

            JsonNode listed = server.ok("list_environments", Map.of()).path("environments");
            assertThat(listed.path(0).path("is_global").asBoolean()).isTrue();
            assertThat(listed.path(0).path("variable_count").asInt()).isEqualTo(1);
            JsonNode full = listed.path(1);
            assertThat(List.of(
                            full.path("variable_count").asInt(),
                            full.path("file_count").asInt(),
                            full.path("skill_count").asInt(),
                            full.path("mcp_count").asInt()))
                    .containsExactly(1, 1, 1, 1);

            JsonNode created =
                    server.ok("create_replica", Map.of("name", "configured", "message", "hi", "environment_id", env));
            assertThat(created.path("workspace").path("source").asText()).isEqualTo("cold");
            String replicaId = created.path("replica").path("id").asText();
            Path home = Path.of(created.path("workspace").path("path").asText());
            assertThat(home).startsWith(tmp.resolve("data"));
            assertThat(home.resolve(".config/app/credentials")).hasContent("token=" + FILE_SECRET + "\n");
            assertThat(ServerProcess.parse(Files.readString(home.resolve(".mcp.json")))
                            .path("mcpServers")
                            .path("tracker")
                            .path("headers")
                            .path("Authorization")
                            .asText())
                    .endsWith(HEADER_SECRET);
            assertThat(home.resolve(".claude/skills/tdd/SKILL.md")).exists();

            await().atMost(PATIENCE)
                    .until(() -> server.ok("get_replica_hooks", Map.of("replica_id", replicaId))
                                    .path("start_hooks")
                                    .path("logs")
                                    .size()
                            == 1);
            JsonNode hooks = server.ok("get_replica_hooks", Map.of("replica_id", replicaId));
            JsonNode start = hooks.path("start_hooks").path("logs").path(0);
            assertThat(start.path("output").asText()).isEqualTo("start-hook-output hiya\n");
            assertThat(start.path("exitCode").asInt()).isZero();
            assertThat(hooks.path("warm_hooks")
                            .path("logs")
                            .path(0)
                            .path("output")
                            .asText())
                    .isEqualTo("warm-hook-output\ncredentials-present\n");

            JsonNode applied = server.ok("get_replica", Map.of("replica_id", replicaId, "include", "environment"))
                    .path("replica")
                    .path("environment");
            assertThat(FullFlowIT.list(applied.path("files_uploaded")))
                    .extracting(JsonNode::asText)
                    .containsExactly("~/.config/app/credentials");
            assertThat(FullFlowIT.list(applied.path("env_vars_set")))
                    .extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("API_TOKEN", "GREETING");
            assertThat(FullFlowIT.list(applied.path("skills_installed")))
                    .extracting(JsonNode::asText)
                    .containsExactly("Test-driven development");
            assertThat(applied.toString()).doesNotContain(VARIABLE_SECRET, FILE_SECRET, HEADER_SECRET);

            assertErrorsDoNotEchoValues(server, env, variable.path("id").asText());
            stderr = server.stderr();
        }
        assertThat(stderr)
                .as("the server's log")
                .doesNotContain(VARIABLE_SECRET, FILE_SECRET, HEADER_SECRET, SERVER_KEY);
        StringBuilder database = new StringBuilder();
        for (String name : List.of("replicas.db", "replicas.db-wal")) {
            Path file = tmp.resolve("data").resolve(name);
            if (Files.exists(file)) {
                database.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(database.toString())
                .as("the database and its -wal file")
                .contains("v1:")
                .doesNotContain(VARIABLE_SECRET, FILE_SECRET, HEADER_SECRET);
        assertThat(tmp.resolve("data/secret.key"))
                .as("the key came from REPLICAS_SECRET_KEY")
                .doesNotExist();
    }

    /** Whatever is wrong with a call that carries a value, the error never repeats the value. */
    private static void assertErrorsDoNotEchoValues(ServerProcess server, String env, String variableId) {
        String nul = VARIABLE_SECRET + "\u0000tail";
        String huge = VARIABLE_SECRET + "x".repeat(70_000);
        List<Map<String, Object>> calls = List.of(
                Map.of("environment_id", env, "key", "API_TOKEN", "value", VARIABLE_SECRET),
                Map.of("environment_id", env, "key", "bad key", "value", VARIABLE_SECRET),
                Map.of("environment_id", env, "key", "NUL_VALUE", "value", nul),
                Map.of("environment_id", env, "key", "HUGE", "value", huge),
                Map.of("environment_id", env, "key", "OBJECT", "value", Map.of("v", VARIABLE_SECRET)),
                Map.of("environment_id", "00000000-0000-4000-8000-000000000001", "key", "K", "value", VARIABLE_SECRET));
        for (Map<String, Object> args : calls) {
            assertThat(server.error("create_environment_variable", args)).doesNotContain(VARIABLE_SECRET);
        }
        assertThat(server.error(
                        "update_environment_variable",
                        Map.of(
                                "environment_id",
                                env,
                                "variable_id",
                                "00000000-0000-4000-8000-000000000002",
                                "value",
                                VARIABLE_SECRET)))
                .doesNotContain(VARIABLE_SECRET);
        assertThat(server.error(
                        "update_environment_variable",
                        Map.of(
                                "environment_id",
                                env,
                                "variable_id",
                                variableId,
                                "key",
                                "9bad",
                                "value",
                                VARIABLE_SECRET)))
                .doesNotContain(VARIABLE_SECRET);
        assertThat(server.error(
                        "create_environment_file",
                        Map.of(
                                "environment_id",
                                env,
                                "name",
                                "f",
                                "path",
                                "/etc/" + FILE_SECRET,
                                "content",
                                FILE_SECRET + "x".repeat(70_000))))
                .doesNotContain(FILE_SECRET + "x");
        assertThat(server.error(
                        "create_environment_mcp",
                        Map.of(
                                "environment_id",
                                env,
                                "name",
                                "tracker",
                                "transport",
                                "http",
                                "config",
                                Map.of("url", "https://x.example", "headers", Map.of("Authorization", HEADER_SECRET)))))
                .doesNotContain(HEADER_SECRET);
    }

    @Test
    void aLongHookTestSendsProgressNotifications() throws Exception {
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        try (ServerProcess server = start(progress)) {
            McpSchema.CallToolResult result = server.client()
                    .callTool(new McpSchema.CallToolRequest(
                            "test_warm_hook",
                            Map.of(
                                    "environment_id",
                                    "global",
                                    "content",
                                    "echo first-step\nsleep 3\necho finished",
                                    "timeout_seconds",
                                    20),
                            Map.of("progressToken", "hook-progress-1")));
            assertThat(result.isError()).as(ToolCalls.text(result)).isNotEqualTo(Boolean.TRUE);
            JsonNode test =
                    ServerProcess.JSON.valueToTree(result.structuredContent()).path("test");
            assertThat(test.path("exit_code").asInt()).isZero();
            assertThat(test.path("output").asText()).isEqualTo("first-step\nfinished\n");
            assertThat(test.path("duration_ms").asLong()).isGreaterThanOrEqualTo(3_000);
            await().atMost(Duration.ofSeconds(5)).until(() -> !progress.isEmpty());
            assertThat(progress).allSatisfy(p -> {
                assertThat(p.progressToken()).isEqualTo("hook-progress-1");
                assertThat(p.total()).isEqualTo(20.0);
            });
            assertThat(progress).anySatisfy(p -> assertThat(p.message()).contains("first-step"));
            assertThat(progress)
                    .extracting(McpSchema.ProgressNotification::progress)
                    .isSortedAccordingTo(Double::compare);

            // Without a progress token the same call sends none.
            int before = progress.size();
            server.ok("test_start_hook", Map.of("environment_id", "global", "content", "sleep 1.5"));
            assertThat(progress).hasSize(before);
        }
    }
}
