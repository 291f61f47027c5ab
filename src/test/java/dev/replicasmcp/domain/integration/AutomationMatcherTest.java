package dev.replicasmcp.domain.integration;

import static dev.replicasmcp.domain.integration.EventsFixtures.automation;
import static dev.replicasmcp.domain.integration.EventsFixtures.gh;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.domain.automation.Automation;
import dev.replicasmcp.domain.automation.TriggerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each trigger filter of spec §7.2 admitting and refusing an event. */
class AutomationMatcherTest {

    private static final TriggerEvent OPENED = EventsFixtures.github("github-pull_request-opened.json");

    private static List<String> matched(TriggerEvent event, Map<String, String> repos, Automation... all) {
        return AutomationMatcher.match(List.of(all), event, repos).stream()
                .map(m -> m.automation().id())
                .toList();
    }

    @Test
    void eventTypeEventAndEnabledMustAgree() {
        assertThat(matched(
                        OPENED,
                        Map.of(),
                        automation("yes", true, gh("pull_request.opened", List.of(), false, List.of())),
                        automation("other-event", true, gh("pull_request.closed", List.of(), false, List.of())),
                        automation("disabled", false, gh("pull_request.opened", List.of(), false, List.of())),
                        automation("slack", true, new TriggerConfig.SlackConfig("message", List.of(), true))))
                .containsExactly("yes");
    }

    @Test
    void repositoryIdsMatchTheEventsRepositoryInHttpsOrSshForm() {
        Map<String, String> repos = Map.of(
                "r-https", "https://github.com/Acme/API",
                "r-ssh", "git@github.com:acme/api.git",
                "r-other", "https://github.com/acme/web.git");
        assertThat(matched(
                        OPENED,
                        repos,
                        automation("https", true, gh("pull_request.opened", List.of("r-https"), false, List.of())),
                        automation("ssh", true, gh("pull_request.opened", List.of("r-ssh"), false, List.of())),
                        automation("other", true, gh("pull_request.opened", List.of("r-other"), false, List.of())),
                        automation("gone", true, gh("pull_request.opened", List.of("r-deleted"), false, List.of()))))
                .containsExactly("https", "ssh");
    }

    @Test
    void excludedActorsAreCaseInsensitiveWithTheAtIgnored() {
        TriggerEvent merged = EventsFixtures.github("github-pull_request-merged.json"); // sender Dependabot[bot]
        assertThat(matched(
                        merged,
                        Map.of(),
                        automation(
                                "excludes",
                                true,
                                gh("pull_request.merged", List.of(), false, List.of("@dependabot[BOT]"))),
                        automation(
                                "others", true, gh("pull_request.merged", List.of(), false, List.of("renovate[bot]")))))
                .containsExactly("others");
    }

    @Test
    void slackChannelIds() {
        TriggerEvent message = EventsFixtures.slack("slack-message.json");
        assertThat(matched(
                        message,
                        Map.of(),
                        automation("all", true, new TriggerConfig.SlackConfig("message", List.of(), true)),
                        automation("this", true, new TriggerConfig.SlackConfig("message", List.of("C0LAN2Q65"), true)),
                        automation("that", true, new TriggerConfig.SlackConfig("message", List.of("C999"), true))))
                .containsExactly("all", "this");
    }

    @Test
    void sentryProjectSlugsAndMinLevelInclusive() {
        TriggerEvent error = SentryEvents.normalise("issue", EventsFixtures.payload("sentry-issue-created.json"))
                .orElseThrow(); // front-end, level error
        assertThat(matched(
                        error,
                        Map.of(),
                        automation("any", true, new TriggerConfig.SentryConfig("issue.created", List.of(), null)),
                        automation(
                                "project",
                                true,
                                new TriggerConfig.SentryConfig("issue.created", List.of("front-end"), null)),
                        automation(
                                "elsewhere",
                                true,
                                new TriggerConfig.SentryConfig("issue.created", List.of("api"), null)),
                        automation(
                                "error-up", true, new TriggerConfig.SentryConfig("issue.created", List.of(), "error")),
                        automation(
                                "warning-up",
                                true,
                                new TriggerConfig.SentryConfig("issue.created", List.of(), "warning")),
                        automation(
                                "fatal-only",
                                true,
                                new TriggerConfig.SentryConfig("issue.created", List.of(), "fatal"))))
                .containsExactly("any", "project", "error-up", "warning-up");
    }

    @Test
    void groupingAppliesToOpenedAndSynchronizeAndToThreadReplies() {
        AutomationMatcher.Match grouped = new AutomationMatcher.Match(
                automation("a", true), gh("pull_request.opened", List.of(), true, List.of()));
        assertThat(grouped.groups(OPENED)).isTrue();
        assertThat(grouped.groups(EventsFixtures.github("github-pull_request-merged.json")))
                .isFalse();
        AutomationMatcher.Match ungrouped = new AutomationMatcher.Match(
                automation("b", true), gh("pull_request.opened", List.of(), false, List.of()));
        assertThat(ungrouped.groups(OPENED)).isFalse();
        AutomationMatcher.Match thread = new AutomationMatcher.Match(
                automation("c", true), new TriggerConfig.SlackConfig("message", List.of(), true));
        assertThat(thread.groups(EventsFixtures.slack("slack-message-thread-reply.json")))
                .isTrue();
        assertThat(thread.groups(EventsFixtures.slack("slack-message.json"))).isFalse();
    }
}
