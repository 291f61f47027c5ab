package dev.replicasmcp.rest.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.domain.automation.Execution;
import dev.replicasmcp.domain.automation.ExecutionStatus;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.support.HttpFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custom webhook and the manual trigger over real HTTP (spec §4.4, §7.5). */
class WebhookRestTest {

    @TempDir
    Path dir;

    private static JsonNode create(HttpFixture http, String environmentId, String type, Map<String, Object> config) {
        return http.post(
                        "/v1/automations",
                        Map.of(
                                "name",
                                "ci",
                                "prompt",
                                "Look at the build.",
                                "environment_id",
                                environmentId,
                                "triggers",
                                List.of(Map.of("type", type, "config", config))))
                .expect(201)
                .path("automation");
    }

    /** Read through the service: this test is about the webhook, not the executions route. */
    private static Execution execution(HttpFixture http, String automationId, String executionId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http
                                .core
                                .services
                                .automations()
                                .listExecutions(http.core.caller, automationId, 1, 100)
                                .items()
                                .stream()
                                .filter(e -> e.id().equals(executionId))
                                .findFirst()
                                .orElseThrow(),
                        e -> e.status().terminal());
    }

    @Test
    void aPostToTheWebhookUrlWithoutAKeyStartsARunWithTheBodyAsPayload() throws Exception {
        try (HttpFixture http = HttpFixture.start(dir)) {
            Environment environment = http.core.environment("api");
            JsonNode automation = create(http, environment.id(), "custom", Map.of());
            String id = automation.path("id").asText();
            String url = "/v1/automations/webhook/"
                    + automation.path("webhook_token").asText();

            JsonNode accepted = http.send("POST", url, Map.of("build", 42, "ok", false), null)
                    .expect(202);

            assertThat(accepted.path("accepted").asBoolean()).isTrue();
            Execution done = execution(http, id, accepted.path("execution_id").asText());
            assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(done.triggerPayload()).isEqualTo(Map.of("build", 42, "ok", false));
            String replicaId = done.workspaceId();
            assertThat(http.get("/v1/replica/" + replicaId)
                            .expect(200)
                            .path("replica")
                            .path("source")
                            .asText())
                    .isEqualTo("automation");

            JsonNode raw = http.send("POST", url, "not json {", null, Map.of("Content-Type", "text/plain"))
                    .expect(202);
            assertThat(execution(http, id, raw.path("execution_id").asText()).triggerPayload())
                    .isEqualTo(Map.of("raw", "not json {"));
            JsonNode empty = http.send("POST", url, null, null).expect(202);
            assertThat(execution(http, id, empty.path("execution_id").asText()).triggerPayload())
                    .isEmpty();
        }
    }

    @Test
    void anUnknownTokenADisabledAutomationAndAMissingTriggerGetTheSame404() throws Exception {
        try (HttpFixture http = HttpFixture.start(dir)) {
            Environment environment = http.core.environment("api");
            JsonNode automation = create(http, environment.id(), "custom", Map.of());
            String token = automation.path("webhook_token").asText();

            String unknown = http.send("POST", "/v1/automations/webhook/" + "x".repeat(43), Map.of(), null)
                    .error(404);
            http.patch("/v1/automations/" + automation.path("id").asText(), Map.of("enabled", false))
                    .expect(200);
            String disabled = http.send("POST", "/v1/automations/webhook/" + token, Map.of(), null)
                    .error(404);

            assertThat(disabled).isEqualTo(unknown).isEqualTo("No automation webhook at this URL.");
            assertThat(http.core
                            .services
                            .automations()
                            .listExecutions(
                                    http.core.caller, automation.path("id").asText(), 1, 10)
                            .total())
                    .isZero();
        }
    }

    @Test
    void aBodyOver256KbIs413() throws Exception {
        try (HttpFixture http = HttpFixture.start(dir)) {
            Environment environment = http.core.environment("api");
            JsonNode automation = create(http, environment.id(), "custom", Map.of());
            String url = http.base + "/v1/automations/webhook/"
                    + automation.path("webhook_token").asText();

            HttpResponse<String> response = http.client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .POST(HttpRequest.BodyPublishers.ofString("a".repeat(262_145)))
                            .header("Content-Type", "text/plain")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("262144 bytes");
            assertThat(http.send(
                                    "POST",
                                    "/v1/automations/webhook/"
                                            + automation.path("webhook_token").asText(),
                                    "a".repeat(262_144),
                                    null,
                                    Map.of("Content-Type", "text/plain"))
                            .status())
                    .isEqualTo(202);
        }
    }

    @Test
    void theTriggerRouteAnswersTheExecutionAndTheReplicaAndIsAudited() throws Exception {
        try (HttpFixture http = HttpFixture.start(dir)) {
            Environment environment = http.core.environment("api");
            JsonNode cron = create(http, environment.id(), "cron", Map.of("schedule", "0 2 * * *"));
            JsonNode hook = create(http, environment.id(), "custom", Map.of());

            JsonNode triggered = http.post(
                            "/v1/automations/" + cron.path("id").asText() + "/trigger",
                            Map.of("payload", Map.of("why", "test")))
                    .expect(200);

            assertThat(triggered.path("workspace_id").asText()).isNotEmpty();
            Execution done = execution(
                    http,
                    cron.path("id").asText(),
                    triggered.path("execution_id").asText());
            assertThat(done.workspaceId())
                    .isEqualTo(triggered.path("workspace_id").asText());
            assertThat(done.triggerPayload()).containsEntry("manual", true).containsEntry("why", "test");
            assertThat(http.post("/v1/automations/" + hook.path("id").asText() + "/trigger", Map.of())
                            .error(400))
                    .contains("only automations with a cron trigger");
            assertThat(http.core
                            .services
                            .audit()
                            .list(http.core.caller, "automation.triggered", null, null, null, null, null, null)
                            .entries())
                    .singleElement()
                    .satisfies(e ->
                            assertThat(e.resourceId()).isEqualTo(cron.path("id").asText()));
        }
    }
}
