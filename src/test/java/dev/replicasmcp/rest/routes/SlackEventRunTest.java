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

/**
 * Slack message events start replicas through the real wiring (spec §7.2, §9): a channel message runs the
 * automation, a reply in its thread is a follow-up in the same replica (group_thread_replies defaults to
 * true) or a run of its own when grouping is off, and channel_ids keeps other channels out.
 */
class SlackEventRunTest {

    private static final String PROMPT = "Triage this report.";
    private static final String CHANNEL = "C0LAN2Q65";

    @TempDir
    Path dir;

    @Test
    void aChannelMessageRunsAndItsThreadRepliesFollowUpInTheSameReplica() throws Exception {
        try (EventRuns runs = new EventRuns(dir)) {
            String triage = runs.automation(
                    "triage",
                    PROMPT,
                    List.of(trigger("slack", Map.of("event", "message", "channel_ids", List.of(CHANNEL)))));
            String ungrouped = runs.automation(
                    "ungrouped",
                    PROMPT,
                    List.of(trigger("slack", Map.of("event", "message", "group_thread_replies", false))));

            runs.slack(fixture("slack-message.json")).expect(202);

            JsonNode execution = runs.ended(triage, 1).get(0);
            assertThat(execution.path("status").asText()).isEqualTo("completed");
            String replicaId = execution.path("workspace_id").asText();
            assertThat(runs.replica(replicaId).path("source").asText()).isEqualTo("automation");
            assertThat(runs.userMessages(replicaId, 1).get(0))
                    .startsWith(PROMPT + "\n\n## Trigger Payload\n\n```json\n")
                    .contains("\"channel\": \"" + CHANNEL + "\"", "\"user\": \"U061F7AUR\"")
                    .contains("The nightly build of api is red again, can someone look?");
            runs.ended(ungrouped, 1);

            runs.slack(fixture("slack-message-thread-reply.json")).expect(202);

            assertThat(runs.userMessages(replicaId, 2))
                    .hasSize(2)
                    .last()
                    .asString()
                    .contains("## Trigger Payload", "Looking at it now", "\"thread_ts\": \"1764410400.000100\"");
            assertThat(runs.executions(triage))
                    .as("the reply went to the thread's replica")
                    .hasSize(1);
            List<JsonNode> own = runs.ended(ungrouped, 2);
            assertThat(own).extracting(e -> e.path("status").asText()).containsOnly("completed");
            assertThat(own.get(0).path("workspace_id").asText())
                    .as("without grouping a reply starts its own replica")
                    .isNotEqualTo(own.get(1).path("workspace_id").asText());
        }
    }

    @Test
    void aMessageInAnotherChannelFiresOnlyTheUnfilteredAutomation() throws Exception {
        try (EventRuns runs = new EventRuns(dir)) {
            String triage = runs.automation(
                    "triage",
                    PROMPT,
                    List.of(trigger("slack", Map.of("event", "message", "channel_ids", List.of(CHANNEL)))));
            String witness = runs.automation("witness", PROMPT, List.of(trigger("slack", Map.of("event", "message"))));

            runs.slack(fixture("slack-message.json").replace(CHANNEL, "C0OTHER99"))
                    .expect(202);

            assertThat(runs.ended(witness, 1))
                    .singleElement()
                    .satisfies(e -> assertThat(
                                    e.path("trigger_payload").path("channel").asText())
                            .isEqualTo("C0OTHER99"));
            assertThat(runs.executions(triage)).isEmpty();
        }
    }
}
