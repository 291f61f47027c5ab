package dev.replicasmcp.rest.routes;

import static dev.replicasmcp.rest.routes.EventRuns.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A custom webhook's posted JSON reaches the agent, in the first message's Trigger Payload (spec §7.4). */
class CustomWebhookRunTest {

    @TempDir
    Path dir;

    @Test
    void thePostedJsonIsInTheFirstMessageAndTheRunCompletes() throws Exception {
        try (EventRuns runs = new EventRuns(dir)) {
            String automation = runs.automation("ci", "Look at the build.", List.of(trigger("custom", Map.of())));
            String token = runs.http
                    .get("/v1/automations/" + automation)
                    .expect(200)
                    .path("automation")
                    .path("webhook_token")
                    .asText();

            JsonNode accepted = runs.http
                    .send(
                            "POST",
                            "/v1/automations/webhook/" + token,
                            "{\"build\": 42, \"branch\": \"main\", \"failed\": [\"unit\"]}",
                            null)
                    .expect(202);

            JsonNode execution = runs.ended(automation, 1).get(0);
            assertThat(execution.path("id").asText())
                    .isEqualTo(accepted.path("execution_id").asText());
            assertThat(execution.path("status").asText()).isEqualTo("completed");
            assertThat(runs.userMessages(execution.path("workspace_id").asText(), 1))
                    .singleElement()
                    .isEqualTo("Look at the build.\n\n## Trigger Payload\n\n```json\n{\n  \"build\": 42,\n"
                            + "  \"branch\": \"main\",\n  \"failed\": [\n    \"unit\"\n  ]\n}\n```");
        }
    }
}
