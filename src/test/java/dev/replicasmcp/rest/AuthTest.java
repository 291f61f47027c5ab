package dev.replicasmcp.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.OtherOrganization;
import dev.replicasmcp.support.SseReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every /v1 route and /mcp need a valid key, and a key only ever reaches its own organization's data. */
class AuthTest {

    @TempDir
    static Path dir;

    static HttpFixture http;
    static String replicaId;
    static Environment environment;
    static String variableId;
    static String otherKey;

    @BeforeAll
    static void start() throws Exception {
        http = HttpFixture.start(dir);
        environment = http.core.environment("auth-env");
        replicaId = http.core
                .services
                .replicas()
                .create(
                        http.core.caller,
                        dev.replicasmcp.support.TestCore.create("auth-replica", "hi", environment.id()))
                .replica()
                .id();
        variableId = http.post(
                        "/v1/environments/" + environment.id() + "/variables",
                        Map.of("key", "SECRET", "value", "s3cret"))
                .expect(201)
                .path("environment_variable")
                .path("id")
                .asText();
        otherKey = OtherOrganization.create(http.core.dataDir().resolve("replicas.db"), "other");
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void aMissingWrongOrRevokedKeyIsRefusedWith401() {
        HttpFixture.Reply none = http.send("GET", "/v1/replica", null, null);
        assertThat(none.error(401)).contains("Missing API key");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(http.send("GET", "/v1/environments", null, "sk_replicas_wrong")
                        .error(401))
                .contains("Invalid");
        assertThat(http.send("GET", "/v1/environments", null, "not-even-a-key").error(401))
                .contains("Invalid");
        http.send("POST", "/v1/replica", Map.of("name", "x", "message", "m"), null)
                .expect(401);
        http.send("GET", "/v1/no-such-route", null, null).expect(401);

        var made = http.core.core.keys().create(http.core.core.account().organizationId(), null, "short-lived");
        http.send("GET", "/v1/replica", null, made.plaintext()).expect(200);
        http.core.core.keys().revoke(made.key().keyPrefix());
        http.send("GET", "/v1/replica", null, made.plaintext()).expect(401);
    }

    @Test
    void anotherOrganizationSeesNoneOfThisOnesData() {
        assertThat(http.send("GET", "/v1/replica", null, otherKey).expect(200).path("replicas"))
                .isEmpty();
        JsonNode environments =
                http.send("GET", "/v1/environments", null, otherKey).expect(200).path("environments");
        assertThat(environments).extracting(e -> e.path("id").asText()).doesNotContain(environment.id());
        assertThat(environments).extracting(e -> e.path("name").asText()).containsExactly("Global");
        assertThat(http.send("GET", "/v1/replica/repositories", null, otherKey)
                        .expect(200)
                        .path("repositories"))
                .isEmpty();

        String replica = "/v1/replica/" + replicaId;
        http.send("GET", replica, null, otherKey).expect(404);
        http.send("DELETE", replica, null, otherKey).expect(404);
        http.send("POST", replica + "/messages", Map.of("message", "hi"), otherKey)
                .expect(404);
        http.send("GET", replica + "/chats", null, otherKey).expect(404);
        http.send("POST", replica + "/chats", Map.of("provider", "claude"), otherKey)
                .expect(404);
        http.send("GET", replica + "/history", null, otherKey).expect(404);
        http.send("GET", replica + "/hooks", null, otherKey).expect(404);

        String env = "/v1/environments/" + environment.id();
        http.send("GET", env, null, otherKey).expect(404);
        http.send("PATCH", env, Map.of("name", "stolen"), otherKey).expect(404);
        http.send("DELETE", env, null, otherKey).expect(404);
        http.send("GET", env + "/variables", null, otherKey).expect(404);
        http.send("PATCH", env + "/variables/" + variableId, Map.of("value", "x"), otherKey)
                .expect(404);
        http.send("DELETE", env + "/variables/" + variableId, null, otherKey).expect(404);
        http.send("POST", env + "/files", Map.of("name", "f", "path", "~/f", "content", "x"), otherKey)
                .expect(404);
        http.send("PUT", env + "/warm-pools", Map.of("enabled", true), otherKey).expect(404);
        http.send("POST", env + "/warm-hooks/test", Map.of("content", "echo"), otherKey)
                .expect(404);

        // Nothing changed for the owner.
        assertThat(http.get(replica).expect(200).path("replica").path("name").asText())
                .isEqualTo("auth-replica");
        assertThat(http.get(env + "/variables")
                        .expect(200)
                        .path("environment_variables")
                        .get(0)
                        .path("value")
                        .asText())
                .isEqualTo("s3cret");
        assertThat(http.get(env).expect(200).path("environment").path("name").asText())
                .isEqualTo("auth-env");
    }

    @Test
    void eachOrganizationHasItsOwnGlobalEnvironment() {
        String mine = http.get("/v1/environments/global")
                .expect(200)
                .path("environment")
                .path("id")
                .asText();
        String theirs = http.send("GET", "/v1/environments/global", null, otherKey)
                .expect(200)
                .path("environment")
                .path("id")
                .asText();
        assertThat(theirs).isNotEqualTo(mine);
        http.send("POST", "/v1/environments/global/variables", Map.of("key", "THEIRS", "value", "1"), otherKey)
                .expect(201);
        assertThat(http.get("/v1/environments/global/variables").expect(200).path("environment_variables"))
                .extracting(v -> v.path("key").asText())
                .doesNotContain("THEIRS");
    }

    @Test
    void eventStreamsNeedAKeyOfTheReplicasOrganization() throws Exception {
        try (SseReader none =
                SseReader.open(http.client, http.base + "/v1/replica/" + replicaId + "/events", null, null)) {
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.errorBody().path("error").asText()).contains("Missing API key");
        }
        try (SseReader other =
                SseReader.open(http.client, http.base + "/v1/replica/" + replicaId + "/events", otherKey, null)) {
            assertThat(other.status()).isEqualTo(404);
        }
    }
}
