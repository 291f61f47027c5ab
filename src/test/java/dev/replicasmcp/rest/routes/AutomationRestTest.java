package dev.replicasmcp.rest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.support.HttpFixture;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /v1/automations: each endpoint's success and documented errors, every answer checked against the contract. */
class AutomationRestTest {

    @TempDir
    static Path dir;

    static HttpFixture http;
    static Environment env;

    @BeforeAll
    static void start() throws Exception {
        http = HttpFixture.start(dir);
        env = http.core.environment("automation-rest");
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    static Map<String, Object> nightly(String name) {
        return Map.of(
                "name",
                name,
                "prompt",
                "Update the dependencies",
                "environment_id",
                env.id(),
                "triggers",
                List.of(
                        Map.of("type", "cron", "config", Map.of("schedule", "0 2 * * *", "timezone", "Europe/Berlin")),
                        Map.of("type", "custom", "config", Map.of())));
    }

    @Test
    void automationsAreCreatedListedReadUpdatedAndDeletedWithTheirExecutions() throws Exception {
        JsonNode created =
                http.post("/v1/automations", nightly("nightly")).expect(201).path("automation");
        String id = created.path("id").asText();
        assertThat(created.path("cron_expression").asText()).isEqualTo("0 2 * * *");
        assertThat(created.path("cron_timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(created.path("cron_next_fire_at").asText()).endsWith("Z");
        String token = created.path("webhook_token").asText();
        assertThat(token).hasSize(43);
        assertThat(created.path("triggers").get(1).path("type").asText()).isEqualTo("custom");
        assertThat(created.path("enabled").asBoolean()).isTrue();
        assertThat(created.path("workspace_lifecycle_policy").asText()).isEqualTo("default");

        JsonNode list = http.get("/v1/automations?limit=5").expect(200);
        assertThat(list.path("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(list.path("limit").asInt()).isEqualTo(5);
        assertThat(list.path("totalPages").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(http.get("/v1/automations/" + id)
                        .expect(200)
                        .path("automation")
                        .path("webhook_token")
                        .asText())
                .isEqualTo(token);

        Map<String, Object> patch = new HashMap<>();
        patch.put("description", "nightly deps");
        patch.put("workspace_auto_stop_minutes", 30);
        JsonNode updated =
                http.patch("/v1/automations/" + id, patch).expect(200).path("automation");
        assertThat(updated.path("description").asText()).isEqualTo("nightly deps");
        assertThat(updated.path("webhook_token").asText()).isEqualTo(token);
        Map<String, Object> clear = new HashMap<>();
        clear.put("description", null);
        clear.put("workspace_auto_stop_minutes", null);
        JsonNode cleared =
                http.patch("/v1/automations/" + id, clear).expect(200).path("automation");
        assertThat(cleared.path("description").isNull()).isTrue();
        assertThat(cleared.path("workspace_auto_stop_minutes").isNull()).isTrue();
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        assertThat(http.patch("/v1/automations/" + id, nullName).error(400)).contains("'name'");

        // Executions are written by the automation engine; two rows stand in for it here.
        try (var db =
                DriverManager.getConnection("jdbc:sqlite:" + http.core.dataDir().resolve("replicas.db"))) {
            for (String at : List.of("2026-01-01T02:00:00.000Z", "2026-01-02T02:00:00.000Z")) {
                db.createStatement()
                        .executeUpdate("INSERT INTO automation_executions (id, automation_id, organization_id, "
                                + "triggered_at, trigger_payload_json, status) VALUES ('" + UUID.randomUUID() + "', '"
                                + id + "', '" + http.core.caller.organizationId() + "', '" + at
                                + "', '{\"manual\":true}', 'completed')");
            }
        }
        JsonNode executions = http.get("/v1/automations/" + id + "/executions").expect(200);
        assertThat(executions.path("total").asInt()).isEqualTo(2);
        assertThat(executions.path("limit").asInt()).isEqualTo(20);
        assertThat(executions.path("executions").get(0).path("triggered_at").asText())
                .as("newest first")
                .isEqualTo("2026-01-02T02:00:00.000Z");
        assertThat(executions
                        .path("executions")
                        .get(0)
                        .path("trigger_payload")
                        .path("manual")
                        .asBoolean())
                .isTrue();

        assertThat(http.delete("/v1/environments/" + env.id()).error(409)).contains("'nightly'");
        assertThat(http.delete("/v1/automations/" + id)
                        .expect(200)
                        .path("success")
                        .asBoolean())
                .isTrue();
        http.get("/v1/automations/" + id).expect(404);
        http.get("/v1/automations/" + id + "/executions").expect(404);
        try (var db = DriverManager.getConnection(
                        "jdbc:sqlite:" + http.core.dataDir().resolve("replicas.db"));
                var rows = db.createStatement()
                        .executeQuery(
                                "SELECT count(*) FROM automation_executions WHERE automation_id = '" + id + "'")) {
            assertThat(rows.getInt(1)).as("executions cascade").isZero();
        }
    }

    @Test
    void badBodiesAndUnknownIdsGetTheDocumentedErrors() {
        String unknown = UUID.randomUUID().toString();
        Map<String, Object> twoCrons = new HashMap<>(nightly("two"));
        twoCrons.put(
                "triggers",
                List.of(
                        Map.of("type", "cron", "config", Map.of("schedule", "0 2 * * *")),
                        Map.of("type", "cron", "config", Map.of("schedule", "0 3 * * *"))));
        assertThat(http.post("/v1/automations", twoCrons).error(400)).contains("triggers[1]");
        Map<String, Object> gitlab = new HashMap<>(nightly("gitlab"));
        gitlab.put("triggers", List.of(Map.of("type", "gitlab", "config", Map.of("event", "merge_request.opened"))));
        assertThat(http.post("/v1/automations", gitlab).error(400)).contains("gitlab", "not supported");
        assertThat(http.post("/v1/automations", Map.of("name", "x")).error(400)).contains("triggers");
        assertThat(http.get("/v1/automations?page=0").error(400)).contains("'page'");
        http.get("/v1/automations/" + unknown).expect(404);
        http.patch("/v1/automations/" + unknown, Map.of("name", "y")).expect(404);
        http.delete("/v1/automations/" + unknown).expect(404);
    }
}
