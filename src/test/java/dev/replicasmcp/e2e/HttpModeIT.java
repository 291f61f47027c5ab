package dev.replicasmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.support.OtherOrganization;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar in HTTP mode, its key file and `keys` commands, and REPLICAS_API_KEY over stdio. */
class HttpModeIT {

    private static final Pattern SERVING = Pattern.compile("serving HTTP on http://127\\.0\\.0\\.1:(\\d+)");

    @RegisterExtension
    final ServerLogs logs = new ServerLogs();

    @TempDir
    Path tmp;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void firstStartWritesAnOwnerOnlyKeyFileAndKeysAreManagedFromTheCommandLine() throws Exception {
        Path data = tmp.resolve("data");
        StringBuffer stderr = new StringBuffer();
        logs.track("http server", stderr::toString);
        Process server = java(data, "--http", "--port", "0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            int port = awaitPort(server, stderr);
            Path keyFile = data.resolve("api-key");
            String key = Files.readString(keyFile).trim();
            assertThat(key).startsWith("sk_replicas_");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                    .isEqualTo("rw-------");
            assertThat(stderr.toString()).contains(keyFile.toString()).doesNotContain(key);

            String base = "http://127.0.0.1:" + port;
            assertThat(get(base + "/v1/environments", key).statusCode()).isEqualTo(200);
            assertThat(get(base + "/v1/environments", null).statusCode()).isEqualTo(401);

            Result created = run(data, "keys", "create", "--name", "ci");
            assertThat(created.code()).isZero();
            String second = created.stdout().trim();
            assertThat(second).startsWith("sk_replicas_").isNotEqualTo(key);
            assertThat(get(base + "/v1/replica", second).statusCode()).isEqualTo(200);
            Result list = run(data, "keys", "list");
            assertThat(list.stdout())
                    .contains("ci", "first start", second.substring(0, 18))
                    .doesNotContain(second);
            assertThat(run(data, "keys", "revoke", second.substring(0, 18)).code())
                    .isZero();
            assertThat(get(base + "/v1/replica", second).statusCode()).isEqualTo(401);
            assertThat(run(data, "keys", "revoke", "no-such-key").code()).isEqualTo(1);
            String audit =
                    get(base + "/v1/audit-log?resource_type=api_key", key).body();
            assertThat(audit)
                    .as("the key commands are audited, without the keys")
                    .contains(
                            "\"api_key.revoked\"",
                            "\"api_key.created\"",
                            "\"keys command\"",
                            "\"first start\"",
                            "\"name\":\"ci\"")
                    .doesNotContain(second, key);
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS))
                    .as("stops on SIGTERM")
                    .isTrue();
        }
        String before = Files.readString(data.resolve("api-key"));
        Process again = java(data, "--http", "--port", "0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            awaitPort(again, new StringBuffer());
            assertThat(Files.readString(data.resolve("api-key")))
                    .as("an active key exists: no new one")
                    .isEqualTo(before);
        } finally {
            again.destroy();
            again.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void stdioActsAsTheOrganizationOfItsApiKeyAndRefusesAnInvalidOne() throws Exception {
        Path data = tmp.resolve("stdio-data");
        try (ServerProcess local = ServerProcess.start(data, 0, logs)) {
            local.ok("list_environments", Map.of());
        }
        String theirs = OtherOrganization.create(data.resolve("replicas.db"), "elsewhere");
        try (ServerProcess other = ServerProcess.start(
                data,
                0,
                logs,
                new ServerProcess.Options(List.of(), Map.of("REPLICAS_API_KEY", theirs), progress -> {}))) {
            other.ok("create_environment", Map.of("name", "theirs"));
        }
        try (ServerProcess local = ServerProcess.start(data, 0, logs)) {
            JsonNode mine = local.ok("list_environments", Map.of()).path("environments");
            assertThat(mine).extracting(e -> e.path("name").asText()).doesNotContain("theirs");
        }
        Result refused = run(Map.of("REPLICAS_API_KEY", "sk_replicas_not_a_key"), data);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.stderr()).contains("REPLICAS_API_KEY", "not an active API key");
    }

    private ProcessBuilder java(Path data, String... args) {
        List<String> command =
                new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(ServerProcess.JVM_FLAGS);
        command.addAll(List.of("-jar", ServerProcess.jar().toString(), "--data-dir", data.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Reads stderr until the server says where it listens. */
    private static int awaitPort(Process server, StringBuffer stderr) throws Exception {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        Thread pump = new Thread(
                () -> lines.lines().forEach(line -> stderr.append(line).append('\n')));
        pump.setDaemon(true);
        pump.start();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> SERVING.matcher(stderr).find() || !server.isAlive());
        Matcher matcher = SERVING.matcher(stderr);
        assertThat(matcher.find()).as("server started: %s", stderr).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private HttpResponse<String> get(String url, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    record Result(int code, String stdout, String stderr) {}

    private Result run(Path data, String... args) throws Exception {
        return finish(
                java(data, args).redirectInput(ProcessBuilder.Redirect.PIPE).start(), false);
    }

    private Result run(Map<String, String> env, Path data) throws Exception {
        ProcessBuilder builder = java(data);
        builder.environment().putAll(env);
        return finish(builder.start(), true);
    }

    private static Result finish(Process process, boolean closeStdin) throws Exception {
        if (closeStdin) {
            process.getOutputStream().close();
        }
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
