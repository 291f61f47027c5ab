package dev.replicasmcp.domain.integration;

import static dev.replicasmcp.domain.integration.EventsFixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The providers' payloads (fixtures shaped like their documented examples) as trigger events. */
class NormalisersTest {

    @Test
    void aPullRequestOpenedCarriesItsSummaryFiltersAndGroup() {
        TriggerEvent e = EventsFixtures.github("github-pull_request-opened.json");
        assertThat(e.event()).isEqualTo("pull_request.opened");
        assertThat(e.groupKey()).isEqualTo("acme/api#42");
        assertThat(e.attributes().repositoryUrls())
                .contains("https://github.com/acme/api.git", "git@github.com:acme/api.git");
        assertThat(e.attributes().actor()).isEqualTo("octocat");
        assertThat(e.summary())
                .containsEntry("pr_number", 42)
                .containsEntry("title", "Bump jackson to 2.21.1")
                .containsEntry("url", "https://github.com/acme/api/pull/42")
                .containsEntry("author", "octocat")
                .containsEntry("branch", "deps/jackson");
    }

    @Test
    void closedWithMergedTrueIsMergedAndSynchronizeKeepsItsName() {
        assertThat(EventsFixtures.github("github-pull_request-merged.json").event())
                .isEqualTo("pull_request.merged");
        Map<String, Object> closed = payload("github-pull_request-merged.json");
        ((Map<String, Object>) closed.get("pull_request")).put("merged", false);
        assertThat(GithubEvents.normalise("pull_request", closed).orElseThrow().event())
                .isEqualTo("pull_request.closed");
        assertThat(EventsFixtures.github("github-pull_request-synchronize.json").event())
                .isEqualTo("pull_request.synchronize");
        assertThat(GithubEvents.normalise("push", payload("github-pull_request-opened.json")))
                .isEmpty();
    }

    @Test
    void slackMessagesRootsRepliesBotsAndEdits() {
        TriggerEvent root = EventsFixtures.slack("slack-message.json");
        assertThat(root.groupKey()).isEqualTo("C0LAN2Q65:1764410400.000100");
        assertThat(root.threadReply()).isFalse();
        assertThat(root.summary())
                .containsEntry("channel", "C0LAN2Q65")
                .containsEntry("user", "U061F7AUR")
                .containsEntry("text", "The nightly build of api is red again, can someone look?");
        TriggerEvent reply = EventsFixtures.slack("slack-message-thread-reply.json");
        assertThat(reply.groupKey()).isEqualTo(root.groupKey());
        assertThat(reply.threadReply()).isTrue();
        assertThat(SlackEvents.normalise(payload("slack-message-bot.json"))).isEmpty();
        assertThat(SlackEvents.normalise(payload("slack-message-changed.json"))).isEmpty();
    }

    @Test
    void sentryIssueErrorAndAlertNameTheirProjectAndLevel() {
        TriggerEvent issue = SentryEvents.normalise("issue", payload("sentry-issue-created.json"))
                .orElseThrow();
        assertThat(issue.event()).isEqualTo("issue.created");
        assertThat(issue.attributes().projectSlug()).isEqualTo("front-end");
        assertThat(issue.summary())
                .containsEntry("level", "error")
                .containsEntry("title", "ReferenceError: blooopy is not defined")
                .containsEntry("url", "https://sentry.io/organizations/acme/issues/1170820242/");
        TriggerEvent error = SentryEvents.normalise("error", payload("sentry-error-created.json"))
                .orElseThrow();
        assertThat(error.event()).isEqualTo("error.created");
        assertThat(error.attributes().projectSlug()).isEqualTo("front-end");
        assertThat(error.attributes().level()).isEqualTo("warning");
        TriggerEvent alert = SentryEvents.normalise("event_alert", payload("sentry-event_alert-triggered.json"))
                .orElseThrow();
        assertThat(alert.event()).isEqualTo("event_alert.triggered");
        assertThat(alert.attributes().level()).isEqualTo("fatal");
        assertThat(alert.summary()).containsEntry("rule", "Send a notification for new issues");
        assertThat(SentryEvents.normalise("metric_alert", payload("sentry-issue-created.json")))
                .isEmpty();
    }
}
