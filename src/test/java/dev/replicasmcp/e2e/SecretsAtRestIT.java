package dev.replicasmcp.e2e;

import static dev.replicasmcp.e2e.Flows.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.support.FakeAgentCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full run in which hooks and the agent print every secret they were given (variable values of the
 * environment and of Global, and the agent credential), as they are and JSON-escaped: what is stored
 * shows [redacted], and no file of the data folder holds a secret in plaintext, except the one the user
 * asked to have written into the workspace.
 */
class SecretsAtRestIT {

    static final String KEY = "sk-ant-api03-atrest-7e6d5c4b3a29-KEY";
    static final String TOKEN = "tok-9f8e7d6c5b4a-ENVVAR";
    static final String GLOBAL = "glob-1a2b3c4d5e6f-GLOBALVAR";
    static final String FILE_SECRET = "file-0f1e2d3c4b5a-ONPURPOSE";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final ServerLogs logs = new ServerLogs();

    @TempDir
    Path tmp;

    @Test
    void noSecretPrintedByHooksOrTheAgentIsStoredInPlaintext() throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(tmp.resolve("fakes"), "claude");
        Path repo = ServerProcess.gitRepository(tmp.resolve("secret-repo"));
        Path data = tmp.resolve("data");
        ServerProcess.Options options = new ServerProcess.Options(
                List.of("--agent-command", "codex=scripted"), Map.of("PATH", fakes.path()), progress -> {});
        String printAll = "for v in \"$DEPLOY_TOKEN\" \"$GLOBAL_TOKEN\"; do echo \"raw $v\"; "
                + "echo \"escaped ${v//-/\\\\u002d}\"; echo \"stderr $v\" >&2; done";
        String replicaId;
        try (ServerProcess server = ServerProcess.start(data, 0, logs, options)) {
            server.ok("set_agent_credential", Map.of("kind", "anthropic_api_key", "value", KEY));
            String repoId = server.ok("add_repository", Map.of("location", repo.toString()))
                    .path("repository")
                    .path("id")
                    .asText();
            String env = server.ok("create_environment", Map.of("name", "secrets", "repository_id", repoId))
                    .path("environment")
                    .path("id")
                    .asText();
            server.ok(
                    "create_environment_variable",
                    Map.of("environment_id", env, "key", "DEPLOY_TOKEN", "value", TOKEN));
            server.ok(
                    "create_environment_variable",
                    Map.of("environment_id", "global", "key", "GLOBAL_TOKEN", "value", GLOBAL));
            server.ok("create_environment_variable", Map.of("environment_id", env, "key", "SHORT", "value", "true"));
            // The user puts this one into a workspace file on purpose; only that file may hold it.
            server.ok(
                    "create_environment_file",
                    Map.of(
                            "environment_id",
                            env,
                            "name",
                            "npmrc",
                            "path",
                            "~/.npmrc",
                            "content",
                            "token=" + FILE_SECRET + "\n"));
            server.ok("save_warm_hook", Map.of("environment_id", env, "content", printAll));
            server.ok("save_start_hook", Map.of("environment_id", env, "content", printAll + "; echo short=$SHORT"));

            replicaId = server.ok(
                            "create_replica",
                            Map.of("name", "leaky", "message", "leak everything", "environment_id", env))
                    .path("replica")
                    .path("id")
                    .asText();
            await().atMost(PATIENCE)
                    .until(() -> Flows.results(history(server, replicaId, null)).size() == 1
                            && server.ok("get_replica_hooks", Map.of("replica_id", replicaId))
                                            .path("start_hooks")
                                            .path("logs")
                                            .size()
                                    == 1);

            JsonNode hooks = server.ok("get_replica_hooks", Map.of("replica_id", replicaId));
            String start = hooks.path("start_hooks")
                    .path("logs")
                    .path(0)
                    .path("output")
                    .asText();
            assertThat(start)
                    .contains("raw [redacted]", "stderr [redacted]", "short=true")
                    .doesNotContain(TOKEN, GLOBAL);
            assertThat(hooks.path("warm_hooks")
                            .path("logs")
                            .path(0)
                            .path("output")
                            .asText())
                    .contains("raw [redacted]")
                    .doesNotContain(TOKEN, GLOBAL);
            String stored = history(server, replicaId, null).toString();
            assertThat(stored)
                    .contains("raw [redacted]", "escaped [redacted]", "leaked [redacted]")
                    .doesNotContain(KEY, TOKEN, "\\\\u002d");
            // Rows are in the database and its WAL now, while the server runs.
            assertThat(plaintextIn(data)).isEmpty();
        }
        assertThat(plaintextIn(data)).isEmpty();
    }

    /** Every file of the folder holding a secret in plaintext (bytes, so the database and WAL count). */
    private static List<String> plaintextIn(Path data) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : List.of(KEY, TOKEN, GLOBAL, FILE_SECRET)) {
                    boolean onPurpose = secret.equals(FILE_SECRET)
                            && file.getFileName().toString().equals(".npmrc");
                    if (content.contains(secret) && !onPurpose) {
                        found.add(data.relativize(file) + " holds " + secret);
                    }
                }
            }
        }
        return found;
    }
}
