package dev.replicasmcp.rest.routes;

import static dev.replicasmcp.rest.routes.EventRuns.fixture;
import static dev.replicasmcp.rest.routes.EventRuns.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub pull_request deliveries start replicas through the real wiring (spec §7.2, §7.3, §9): a signed
 * opened event runs the automation, a synchronize of the same PR is a follow-up in that replica when
 * group_pr_events is on, and the repository and actor filters keep other deliveries from firing.
 */
class GithubEventRunTest {

    private static final String PROMPT = "Review this pull request.";

    @TempDir
    Path dir;

    @Test
    void anOpenedPullRequestStartsAReplicaAndASynchronizeFollowsUpInIt() throws Exception {
        try (EventRuns runs = new EventRuns(dir)) {
            String automation = runs.automation(
                    "pr-review",
                    PROMPT,
                    List.of(
                            trigger("github", Map.of("event", "pull_request.opened", "group_pr_events", true)),
                            trigger("github", Map.of("event", "pull_request.synchronize", "group_pr_events", true))));

            JsonNode accepted =
                    runs.github(fixture("github-pull_request-opened.json")).expect(202);
            assertThat(accepted.path("event").asText()).isEqualTo("pull_request.opened");

            JsonNode execution = runs.ended(automation, 1).get(0);
            assertThat(execution.path("status").asText()).isEqualTo("completed");
            String replicaId = execution.path("workspace_id").asText();
            assertThat(runs.replica(replicaId).path("source").asText()).isEqualTo("automation");
            String first = runs.userMessages(replicaId, 1).get(0);
            assertThat(first)
                    .contains(PROMPT, "## Trigger Payload", "42", "Bump jackson to 2.21.1")
                    .contains("https://github.com/acme/api/pull/42");

            runs.github(fixture("github-pull_request-synchronize.json")).expect(202);

            assertThat(runs.userMessages(replicaId, 2))
                    .hasSize(2)
                    .last()
                    .asString()
                    .contains("## Trigger Payload", "pull_request.synchronize", "\"pr_number\": 42")
                    .doesNotContain(PROMPT);
            assertThat(runs.executions(automation))
                    .as("no second run for the same PR")
                    .hasSize(1);
        }
    }

    @Test
    void anArchivedReplicaIsWokenForTheFollowUpAndADeletedOneGetsANewRun() throws Exception {
        try (EventRuns runs = new EventRuns(dir)) {
            String automation = runs.http
                    .post(
                            "/v1/automations",
                            Map.of(
                                    "name",
                                    "pr-archive",
                                    "prompt",
                                    PROMPT,
                                    "environment_id",
                                    runs.environmentId,
                                    "workspace_lifecycle_policy",
                                    "archive_when_done",
                                    "triggers",
                                    List.of(
                                            trigger(
                                                    "github",
                                                    Map.of("event", "pull_request.opened", "group_pr_events", true)),
                                            trigger(
                                                    "github",
                                                    Map.of(
                                                            "event",
                                                            "pull_request.synchronize",
                                                            "group_pr_events",
                                                            true)))))
                    .expect(201)
                    .path("automation")
                    .path("id")
                    .asText();
            runs.watch(automation);
            runs.github(fixture("github-pull_request-opened.json")).expect(202);
            String replicaId =
                    runs.ended(automation, 1).get(0).path("workspace_id").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> runs.status(replicaId), "archived"::equals);

            runs.github(fixture("github-pull_request-synchronize.json")).expect(202);

            assertThat(runs.userMessages(replicaId, 2)).hasSize(2);
            assertThat(runs.executions(automation)).hasSize(1);
            // Archived again after the follow-up, or woken once more by the history read (spec §3.4): deleted
            // when neither wake nor turn is under way.
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> runs.status(replicaId),
                            status -> List.of("active", "archived").contains(status));

            runs.http.delete("/v1/replica/" + replicaId).expect(200);
            runs.github(fixture("github-pull_request-synchronize.json")).expect(202);

            List<JsonNode> two = runs.ended(automation, 2);
            assertThat(two.get(0).path("status").asText()).isEqualTo("completed");
            assertThat(two.get(0).path("workspace_id").asText()).isNotEqualTo(replicaId);
            assertThat(two.get(0).path("trigger_payload").path("event").asText())
                    .isEqualTo("pull_request.synchronize");
        }
    }

    @Test
    void aReplicaInErrorCannotTakeTheFollowUpSoTheEventStartsANewRun() throws Exception {
        try (EventRuns runs = new EventRuns(dir)) {
            String automation = runs.automation(
                    "pr-broken",
                    PROMPT,
                    List.of(
                            trigger("github", Map.of("event", "pull_request.opened", "group_pr_events", true)),
                            trigger("github", Map.of("event", "pull_request.synchronize", "group_pr_events", true))));
            // The environment's repository disappears: the workspace cannot be cloned, the replica ends in error.
            dev.replicasmcp.runtime.workspace.WorkspaceFiles.deleteQuietly(runs.http.core.source("api-repo"));

            runs.github(fixture("github-pull_request-opened.json")).expect(202);
            JsonNode failed = runs.ended(automation, 1).get(0);
            assertThat(failed.path("status").asText()).isEqualTo("failed");
            String broken = failed.path("workspace_id").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> runs.status(broken), "error"::equals);

            runs.github(fixture("github-pull_request-synchronize.json")).expect(202);

            List<JsonNode> two = runs.ended(automation, 2);
            assertThat(two.get(0).path("trigger_payload").path("event").asText())
                    .as("not lost on the broken replica")
                    .isEqualTo("pull_request.synchronize");
            assertThat(two.get(0).path("workspace_id").asText()).isNotEqualTo(broken);
        }
    }

    @Test
    void withoutGroupingEverySynchronizeStartsItsOwnReplica() throws Exception {
        try (EventRuns runs = new EventRuns(dir)) {
            String automation = runs.automation(
                    "pr-check",
                    PROMPT,
                    List.of(
                            trigger("github", Map.of("event", "pull_request.opened")),
                            trigger("github", Map.of("event", "pull_request.synchronize"))));

            runs.github(fixture("github-pull_request-opened.json")).expect(202);
            runs.ended(automation, 1);
            runs.github(fixture("github-pull_request-synchronize.json")).expect(202);

            List<JsonNode> two = runs.ended(automation, 2);
            assertThat(two).extracting(e -> e.path("status").asText()).containsOnly("completed");
            assertThat(two.get(0).path("workspace_id").asText())
                    .isNotEqualTo(two.get(1).path("workspace_id").asText());
        }
    }

    @Test
    void anotherRepositoryOrAnExcludedActorFiresNothing() throws Exception {
        try (EventRuns runs = new EventRuns(dir)) {
            String api = runs.http
                    .core
                    .services
                    .repositories()
                    .add(runs.http.core.caller, "https://github.com/acme/api.git", null, null)
                    .id();
            String onlyApi = runs.automation(
                    "only-api",
                    PROMPT,
                    List.of(trigger("github", Map.of("event", "pull_request.opened", "repository_ids", List.of(api)))));
            String noBots = runs.automation(
                    "no-bots",
                    PROMPT,
                    List.of(trigger(
                            "github",
                            Map.of("event", "pull_request.opened", "excluded_actors", List.of("@Dependabot[bot]")))));
            String witness = runs.automation(
                    "witness", PROMPT, List.of(trigger("github", Map.of("event", "pull_request.opened"))));
            String opened = fixture("github-pull_request-opened.json");

            runs.github(opened.replace("acme/api", "acme/web")).expect(202);
            runs.ended(witness, 1);
            runs.ended(noBots, 1);
            assertThat(runs.executions(onlyApi))
                    .as("acme/web is not the filtered repository")
                    .isEmpty();

            runs.github(opened.replace(
                            "\"sender\": {\"login\": \"octocat\"", "\"sender\": {\"login\": \"dependabot[bot]\""))
                    .expect(202);
            runs.ended(witness, 2);
            assertThat(runs.ended(onlyApi, 1))
                    .singleElement()
                    .satisfies(e -> assertThat(
                                    e.path("trigger_payload").path("repository").asText())
                            .isEqualTo("acme/api"));
            assertThat(runs.executions(noBots))
                    .as("dependabot[bot] is excluded")
                    .hasSize(1);
        }
    }
}
