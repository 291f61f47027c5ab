package dev.replicasmcp.domain.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.replica.LifecyclePolicy;
import dev.replicasmcp.support.Fails;
import dev.replicasmcp.support.MutableClock;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of automations on a real SQLite core: each broken once, and what create and update derive. */
class AutomationRulesTest {

    @TempDir
    Path dir;

    TestCore t;
    MutableClock clock;
    AutomationService automations;
    Environment env;

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-03-28T12:00:00Z"));
        t = new TestCore(dir, Duration.ZERO, clock);
        automations = t.services.automations();
        env = t.environment("api");
    }

    @AfterEach
    void stop() {
        t.close();
    }

    static Map<String, Object> m(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static Triggers.Spec cron(String schedule, String zone) {
        return new Triggers.Spec(
                "cron", zone == null ? m("schedule", schedule) : m("schedule", schedule, "timezone", zone));
    }

    static final Triggers.Spec CUSTOM = new Triggers.Spec("custom", m());

    static Triggers.Spec github(String event) {
        return new Triggers.Spec("github", m("event", event));
    }

    AutomationInput create(List<Triggers.Spec> triggers) {
        return new AutomationInput(
                "nightly",
                null,
                triggers,
                "Update the dependencies",
                env.id(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static AutomationInput change() {
        return new AutomationInput(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static AutomationInput triggers(List<Triggers.Spec> triggers) {
        return new AutomationInput(null, null, triggers, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aCronAutomationGetsItsScheduleFieldsAndNextRunInItsZone() {
        Automation a = automations.create(t.caller, create(List.of(cron("0 2 * * *", "Europe/Berlin"))));
        assertThat(a.cronExpression()).isEqualTo("0 2 * * *");
        assertThat(a.cronTimezone()).isEqualTo("Europe/Berlin");
        // 29 March 2026 is the spring-forward night: 02:00 does not exist and the run is at 03:00 CEST.
        assertThat(a.cronNextFireAt()).isEqualTo("2026-03-29T01:00:00.000Z");
        assertThat(a.enabled()).isTrue();
        assertThat(a.webhookToken()).isNull();
        assertThat(a.workspaceLifecyclePolicy()).isEqualTo(LifecyclePolicy.DEFAULT);
        assertThat(a.createdBy()).isEqualTo(t.caller.userId());
        assertThat(automations.get(t.caller, a.id())).isEqualTo(a);

        Automation utc = automations.create(t.caller, create(List.of(cron("0 9 * * 1-5", null))));
        assertThat(utc.cronTimezone()).isEqualTo("UTC");
        assertThat(utc.cronNextFireAt()).isEqualTo("2026-03-30T09:00:00.000Z"); // Saturday → Monday
    }

    @Test
    void everyRuleIsCheckedWithAMessageNamingTheField() {
        String unknown = UUID.randomUUID().toString();
        record Bad(AutomationInput input, String... mentions) {}
        List<Bad> bad = new ArrayList<>(List.of(
                new Bad(
                        new AutomationInput(
                                null, null, List.of(CUSTOM), "p", env.id(), null, null, null, null, null, null, null),
                        "'name'"),
                new Bad(
                        new AutomationInput(
                                "n", null, List.of(CUSTOM), " ", env.id(), null, null, null, null, null, null, null),
                        "'prompt'"),
                new Bad(
                        new AutomationInput(
                                "n", null, List.of(CUSTOM), "p", null, null, null, null, null, null, null, null),
                        "'environment_id'"),
                new Bad(
                        new AutomationInput(
                                "n", null, List.of(CUSTOM), "p", unknown, null, null, null, null, null, null, null),
                        "environment",
                        unknown),
                new Bad(create(null), "'triggers'", "at least one"),
                new Bad(create(List.of()), "'triggers'", "at least one"),
                new Bad(create(List.of(new Triggers.Spec("webhook", m()))), "triggers[0].type", "webhook"),
                new Bad(
                        create(List.of(new Triggers.Spec("gitlab", m("event", "merge_request.opened")))),
                        "triggers[0].type",
                        "gitlab",
                        "not supported",
                        "cron, github, slack, sentry, custom"),
                new Bad(create(List.of(CUSTOM, new Triggers.Spec("cron", null))), "triggers[1].config", "required"),
                new Bad(create(List.of(github("push"))), "triggers[0].config.event", "pull_request.opened"),
                new Bad(create(List.of(new Triggers.Spec("slack", m()))), "triggers[0].config.event", "message"),
                new Bad(
                        create(List.of(new Triggers.Spec("cron", m("schedule", "0 2 * * *", "event", "x")))),
                        "triggers[0].config.event",
                        "not part of a cron"),
                new Bad(
                        create(List.of(new Triggers.Spec("custom", m("schedule", "0 2 * * *")))),
                        "triggers[0].config.schedule",
                        "empty"),
                new Bad(
                        create(List.of(
                                new Triggers.Spec("sentry", m("event", "issue.created", "min_level", "critical")))),
                        "triggers[0].config.min_level",
                        "fatal"),
                new Bad(
                        create(List.of(new Triggers.Spec(
                                "github", m("event", "pull_request.opened", "repository_ids", List.of("nope"))))),
                        "triggers[0].config.repository_ids[0]"),
                new Bad(
                        create(List.of(new Triggers.Spec(
                                "github", m("event", "pull_request.opened", "repository_ids", List.of(unknown))))),
                        "triggers[0].config.repository_ids[0]",
                        unknown),
                new Bad(
                        create(List.of(new Triggers.Spec(
                                "github", m("event", "pull_request.opened", "group_pr_events", "yes")))),
                        "triggers[0].config.group_pr_events",
                        "true or false"),
                new Bad(
                        create(List.of(cron("0 2 * * *", null), cron("0 3 * * *", null))),
                        "triggers[1]",
                        "second cron"),
                new Bad(
                        create(List.of(
                                github("pull_request.opened"),
                                github("pull_request.closed"),
                                github("pull_request.opened"))),
                        "triggers[2]",
                        "pull_request.opened",
                        "triggers[0]"),
                new Bad(create(List.of(CUSTOM, CUSTOM)), "triggers[1]", "second custom"),
                new Bad(create(List.of(cron("61 * * * *", null))), "triggers[0].config.schedule"),
                new Bad(create(List.of(cron("0 2 * *", null))), "triggers[0].config.schedule", "5-field"),
                new Bad(
                        create(List.of(cron("*/30 * * * *", "UTC"))),
                        "triggers[0].config.schedule",
                        "60 minutes",
                        "12:00",
                        "12:30"),
                new Bad(
                        create(List.of(cron("0 2 * * *", "Mars/Olympus"))),
                        "triggers[0].config.timezone",
                        "Europe/Berlin"),
                new Bad(
                        settings("delete_when_done", null, null, null, null),
                        "workspace_lifecycle_policy",
                        "archive_when_done"),
                new Bad(settings("forever", null, null, null, null), "workspace_lifecycle_policy", "forever"),
                new Bad(settings(null, 2, null, null, null), "workspace_auto_stop_minutes", "3", "1440"),
                new Bad(settings(null, 1441, null, null, null), "workspace_auto_stop_minutes", "1441"),
                new Bad(settings(null, null, null, "sonnet", null), "'model'", "agent_provider"),
                new Bad(settings(null, null, "gpt", null, null), "agent_provider", "gpt"),
                new Bad(settings(null, null, null, null, "extreme"), "thinking_level", "extreme"),
                new Bad(settings(null, null, null, "-rf", null), "'model'")));
        for (Bad b : bad) {
            Fails.invalid(() -> automations.create(t.caller, b.input()), b.mentions());
        }
        assertThat(automations.list(t.caller, null, null).total()).isZero();
    }

    AutomationInput settings(String policy, Integer autoStop, String agent, String model, String thinking) {
        return new AutomationInput(
                "n", null, List.of(CUSTOM), "p", env.id(), null, policy, autoStop, agent, model, thinking, null);
    }

    @Test
    void theWebhookTokenIsKeptWhileACustomTriggerRemainsAndRemadeWhenOneIsAddedAgain() {
        Automation a = automations.create(t.caller, create(List.of(CUSTOM)));
        String token = a.webhookToken();
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        Automation renamed = automations.update(
                t.caller,
                a.id(),
                new AutomationInput("renamed", null, null, null, null, null, null, null, null, null, null, null));
        assertThat(renamed.webhookToken()).isEqualTo(token);
        Automation both = automations.update(t.caller, a.id(), triggers(List.of(cron("0 2 * * *", null), CUSTOM)));
        assertThat(both.webhookToken()).isEqualTo(token);
        assertThat(both.cronNextFireAt()).isEqualTo("2026-03-29T02:00:00.000Z");
        Automation cronOnly = automations.update(t.caller, a.id(), triggers(List.of(cron("0 2 * * *", null))));
        assertThat(cronOnly.webhookToken()).isNull();
        Automation again = automations.update(t.caller, a.id(), triggers(List.of(CUSTOM)));
        assertThat(again.webhookToken()).isNotNull().isNotEqualTo(token);
        assertThat(again.cronExpression()).isNull();
        assertThat(again.cronNextFireAt()).isNull();
        assertThat(automations.get(t.caller, a.id()).webhookToken()).isEqualTo(again.webhookToken());
    }

    @Test
    void anUpdateChangesOnlyTheFieldsGivenClearsNullableOnesAndReenablingResetsTheFailureCount() throws Exception {
        Automation a = automations.create(
                t.caller,
                new AutomationInput(
                        "n",
                        "about",
                        List.of(cron("0 2 * * *", null)),
                        "p",
                        env.id(),
                        null,
                        "archive_when_done",
                        30,
                        "claude",
                        "sonnet",
                        "high",
                        null));
        Automation same = automations.update(t.caller, a.id(), change());
        assertThat(same).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(a);
        Fails.invalid(
                () -> automations.update(
                        t.caller,
                        a.id(),
                        new AutomationInput(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                Set.of("agent_provider"))),
                "'model'",
                "agent_provider");
        Fails.invalid(
                () -> automations.update(
                        t.caller,
                        a.id(),
                        new AutomationInput(
                                null, null, null, null, null, null, null, null, null, null, null, Set.of("name"))),
                "'clear'",
                "name");
        Automation cleared = automations.update(
                t.caller,
                a.id(),
                new AutomationInput(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Set.of("description", "model", "agent_provider", "workspace_auto_stop_minutes")));
        assertThat(cleared.description()).isNull();
        assertThat(cleared.model()).isNull();
        assertThat(cleared.agentProvider()).isNull();
        assertThat(cleared.workspaceAutoStopMinutes()).isNull();
        assertThat(cleared.thinkingLevel()).isNotNull();
        assertThat(cleared.workspaceLifecyclePolicy()).isEqualTo(LifecyclePolicy.ARCHIVE_WHEN_DONE);

        try (var db = DriverManager.getConnection("jdbc:sqlite:" + t.dataDir().resolve("replicas.db"))) {
            db.createStatement()
                    .executeUpdate("UPDATE automations SET enabled = 0, consecutive_failures = 5, "
                            + "cron_next_fire_at = '2026-03-01T00:00:00.000Z'");
        }
        clock.advance(Duration.ofDays(3));
        Automation enabled = automations.update(
                t.caller,
                a.id(),
                new AutomationInput(null, null, null, null, null, true, null, null, null, null, null, null));
        assertThat(enabled.consecutiveFailures()).isZero();
        assertThat(enabled.enabled()).isTrue();
        // No run is owed for the time it was off: the next one is the next 02:00 from now.
        assertThat(enabled.cronNextFireAt()).isEqualTo("2026-04-01T02:00:00.000Z");
    }

    @Test
    void listsArePagedNewestFirstAndBadPagesAreRefused() {
        for (int i = 0; i < 3; i++) {
            automations.create(t.caller, create(List.of(CUSTOM)));
            clock.advance(Duration.ofSeconds(1));
        }
        ListPage<Automation> page = automations.list(t.caller, 1, 2);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.totalPages()).isEqualTo(2);
        assertThat(page.items()).hasSize(2);
        assertThat(page.items().get(0).createdAt())
                .isGreaterThan(page.items().get(1).createdAt());
        assertThat(automations.list(t.caller, null, null).limit()).isEqualTo(20);
        Fails.invalid(() -> automations.list(t.caller, 0, null), "'page'");
        Fails.invalid(() -> automations.list(t.caller, null, 101), "'limit'", "100");
        Fails.notFound(() -> automations.get(t.caller, UUID.randomUUID().toString()), "list_automations");
        Fails.invalid(() -> automations.get(t.caller, "x"), "automation_id", "UUID");
    }

    @Test
    void anEnvironmentUsedByAnAutomationCannotBeDeletedAndDeletingTheAutomationFreesIt() {
        Automation a = automations.create(t.caller, create(List.of(CUSTOM)));
        DomainException e =
                Fails.conflict(() -> t.services.environments().delete(t.caller, env.id()), "'nightly'", "automation");
        assertThat(e.getMessage()).contains("update_automation");
        automations.delete(t.caller, a.id());
        Fails.notFound(() -> automations.delete(t.caller, a.id()), "automation");
        t.services.environments().delete(t.caller, env.id());
    }
}
