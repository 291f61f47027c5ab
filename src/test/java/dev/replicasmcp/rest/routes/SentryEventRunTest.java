package dev.replicasmcp.rest.routes;

import static dev.replicasmcp.rest.routes.EventRuns.fixture;
import static dev.replicasmcp.rest.routes.EventRuns.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sentry issue.created deliveries start replicas through the real wiring, min_level inclusive (spec §7.2). */
class SentryEventRunTest {

    private static final String PROMPT = "Find the cause of this error.";

    @TempDir
    Path dir;

    @Test
    void anIssueAtOrAboveTheMinimumLevelRunsAndOneBelowDoesNot() throws Exception {
        try (EventRuns runs = new EventRuns(dir)) {
            String warnings = runs.automation(
                    "warnings",
                    PROMPT,
                    List.of(trigger("sentry", Map.of("event", "issue.created", "min_level", "warning"))));
            String witness =
                    runs.automation("witness", PROMPT, List.of(trigger("sentry", Map.of("event", "issue.created"))));
            String issue = fixture("sentry-issue-created.json");

            runs.sentry("issue", issue).expect(202);

            JsonNode execution = runs.ended(warnings, 1).get(0);
            assertThat(execution.path("status").asText()).isEqualTo("completed");
            String replicaId = execution.path("workspace_id").asText();
            assertThat(runs.replica(replicaId).path("source").asText()).isEqualTo("automation");
            assertThat(runs.userMessages(replicaId, 1).get(0))
                    .startsWith(PROMPT + "\n\n## Trigger Payload\n\n```json\n")
                    .contains("\"project\": \"front-end\"", "\"level\": \"error\"")
                    .contains("ReferenceError: blooopy is not defined")
                    .contains("https://sentry.io/organizations/acme/issues/1170820242/");
            runs.ended(witness, 1);

            runs.sentry("issue", issue.replace("\"level\": \"error\"", "\"level\": \"info\""))
                    .expect(202);
            runs.ended(witness, 2);
            assertThat(runs.executions(warnings)).as("info is below warning").hasSize(1);

            runs.sentry("issue", issue.replace("\"level\": \"error\"", "\"level\": \"warning\""))
                    .expect(202);
            assertThat(runs.ended(warnings, 2)
                            .get(0)
                            .path("trigger_payload")
                            .path("level")
                            .asText())
                    .as("the minimum level itself fires")
                    .isEqualTo("warning");
            runs.ended(witness, 3);
        }
    }
}
