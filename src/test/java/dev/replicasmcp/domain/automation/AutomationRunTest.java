package dev.replicasmcp.domain.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.audit.AuditEntry;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.domain.replica.Source;
import dev.replicasmcp.support.MutableClock;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Automation runs end to end on the real core: cron on a moved clock, manual triggers, limits, breaker, restart. */
class AutomationRunTest {

    @TempDir
    Path dir;

    /** A Friday noon before Berlin's 2026 switch to summer time (Sunday 29 March, 02:00 → 03:00). */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T12:00:00Z"));

    static AutomationInput cron(String name, String environmentId, String schedule, String zone) {
        return input(name, environmentId, new Triggers.Spec("cron", Map.of("schedule", schedule, "timezone", zone)));
    }

    static AutomationInput input(String name, String environmentId, Triggers.Spec... triggers) {
        return new AutomationInput(
                name,
                null,
                List.of(triggers),
                "Update the dependencies.",
                environmentId,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static List<Execution> executions(TestCore t, String automationId) {
        return t.services
                .automations()
                .listExecutions(t.caller, automationId, 1, 100)
                .items();
    }

    private static Execution settled(TestCore t, String automationId, String executionId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> executions(t, automationId).stream()
                                .filter(e -> e.id().equals(executionId))
                                .findFirst()
                                .orElseThrow(),
                        e -> e.status().terminal());
    }

    @Test
    void aCronAutomationRunsOnItsScheduleAcrossDaysAndASummerTimeChangeAndAMissedSlotFiresOnce() throws Exception {
        try (TestCore t = new TestCore(dir, Duration.ZERO, clock)) {
            Environment environment = t.environment("api");
            Automation automation = t.services
                    .automations()
                    .create(t.caller, cron("nightly deps", environment.id(), "0 4 * * *", "Europe/Berlin"));
            assertThat(automation.cronNextFireAt()).startsWith("2026-03-28T03:00:00");

            t.core.cron().pass();
            assertThat(executions(t, automation.id())).isEmpty();

            clock.advance(Duration.ofHours(15).plusSeconds(30)); // Saturday 04:00:30 in Berlin (CET)
            t.core.cron().pass();
            List<Execution> first = executions(t, automation.id());
            assertThat(first).hasSize(1);
            Execution done = settled(t, automation.id(), first.get(0).id());
            assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(done.error()).isNull();
            assertThat(done.completedAt()).isNotNull();
            assertThat(done.triggerPayload())
                    .containsEntry("type", "cron")
                    .containsEntry("schedule", "0 4 * * *")
                    .containsEntry("timezone", "Europe/Berlin");
            Replica replica = t.services.replicas().find(t.caller, done.workspaceId());
            assertThat(replica.source()).isEqualTo(Source.AUTOMATION);
            assertThat(replica.environmentId()).isEqualTo(environment.id());
            assertThat(replica.name()).startsWith("automation-nightly-deps-");
            // Summer time from Sunday: 04:00 in Berlin is 02:00 UTC.
            assertThat(t.services.automations().get(t.caller, automation.id()).cronNextFireAt())
                    .startsWith("2026-03-29T02:00:00");

            clock.advance(Duration.ofHours(23)); // Sunday 04:00:30 CEST
            t.core.cron().pass();
            assertThat(executions(t, automation.id())).hasSize(2);

            clock.advance(Duration.ofDays(3)); // Three nightly slots missed, as if the server was down
            t.core.cron().pass();
            t.core.cron().pass();
            List<Execution> all = executions(t, automation.id());
            assertThat(all).hasSize(3);
            assertThat(t.services.automations().get(t.caller, automation.id()).cronNextFireAt())
                    .startsWith("2026-04-02T02:00:00");
            all.forEach(e ->
                    assertThat(settled(t, automation.id(), e.id()).status()).isEqualTo(ExecutionStatus.COMPLETED));
        }
    }

    @Test
    void aManualTriggerAnswersWithTheReplicaAndMarksThePayloadManual() throws Exception {
        try (TestCore t = new TestCore(dir, Duration.ZERO, clock)) {
            Environment environment = t.environment("api");
            Automation automation =
                    t.services.automations().create(t.caller, cron("deps", environment.id(), "0 4 * * *", "UTC"));

            Execution started = t.services.runs().trigger(t.caller, automation.id(), Map.of("reason", "now"));

            assertThat(started.status()).isEqualTo(ExecutionStatus.CREATING);
            assertThat(started.workspaceId()).isNotNull();
            assertThat(started.triggerPayload()).containsExactly(Map.entry("reason", "now"), Map.entry("manual", true));
            Execution done = settled(t, automation.id(), started.id());
            assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(done.workspaceId()).isEqualTo(started.workspaceId());
        }
    }

    @Test
    void onlyEnabledCronAutomationsCanBeTriggered() throws Exception {
        try (TestCore t = new TestCore(dir, Duration.ZERO, clock)) {
            Environment environment = t.environment("api");
            Automation hook = t.services
                    .automations()
                    .create(t.caller, input("hook", environment.id(), new Triggers.Spec("custom", Map.of())));
            assertThatThrownBy(() -> t.services.runs().trigger(t.caller, hook.id(), null))
                    .isInstanceOf(DomainException.class)
                    .hasMessageContaining("only automations with a cron trigger can be triggered manually");

            Automation off = t.services
                    .automations()
                    .create(
                            t.caller,
                            new AutomationInput(
                                    "off",
                                    null,
                                    List.of(new Triggers.Spec("cron", Map.of("schedule", "0 4 * * *"))),
                                    "p",
                                    environment.id(),
                                    false,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null));
            assertThatThrownBy(() -> t.services.runs().trigger(t.caller, off.id(), null))
                    .isInstanceOf(DomainException.class)
                    .hasMessageContaining("is disabled");
            assertThat(executions(t, off.id())).isEmpty();
        }
    }

    @Test
    void anExecutionOverTheHourlyLimitIsRecordedFailedWithoutAReplica() throws Exception {
        try (TestCore t = new TestCore(dir, Duration.ZERO, clock, new ExecutionLimits(null, 1))) {
            Environment environment = t.environment("api");
            Automation automation =
                    t.services.automations().create(t.caller, cron("deps", environment.id(), "0 4 * * *", "UTC"));
            Execution first = t.services.runs().trigger(t.caller, automation.id(), null);
            settled(t, automation.id(), first.id());

            Execution second = t.services.runs().trigger(t.caller, automation.id(), null);

            assertThat(second.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(second.workspaceId()).isNull();
            assertThat(second.completedAt()).isNotNull();
            assertThat(second.error()).contains("Rate limit", "--automation-executions-per-hour");
            assertThat(t.services
                            .replicas()
                            .list(t.caller, 1, 100, null, null, null)
                            .total())
                    .isEqualTo(1);

            clock.advance(Duration.ofMinutes(61));
            assertThat(t.services
                            .runs()
                            .trigger(t.caller, automation.id(), null)
                            .status())
                    .isEqualTo(ExecutionStatus.CREATING);
        }
    }

    @Test
    void fiveFailedExecutionsInARowDisableTheAutomationOnRecord() throws Exception {
        try (TestCore t = new TestCore(dir, Duration.ZERO, clock)) {
            Environment environment = t.environment("api");
            Automation automation =
                    t.services.automations().create(t.caller, cron("deps", environment.id(), "0 4 * * *", "UTC"));
            // The repository is gone: every workspace fails to clone.
            try (var files = java.nio.file.Files.walk(t.source("api-repo"))) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }

            for (int i = 0; i < 5; i++) {
                Execution run = t.services.runs().trigger(t.caller, automation.id(), null);
                Execution failed = settled(t, automation.id(), run.id());
                assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(failed.error()).contains("Provisioning the workspace failed");
                assertThat(failed.completedAt()).isNotNull();
                assertThat(t.services
                                .replicas()
                                .find(t.caller, failed.workspaceId())
                                .status())
                        .isEqualTo(ReplicaStatus.ERROR);
            }

            Automation disabled = t.services.automations().get(t.caller, automation.id());
            assertThat(disabled.enabled()).isFalse();
            assertThat(disabled.consecutiveFailures()).isEqualTo(5);
            List<AuditEntry> entries = t.services
                    .audit()
                    .list(t.caller, "automation.auto_disabled", null, null, null, null, null, null)
                    .entries();
            assertThat(entries).singleElement().satisfies(e -> {
                assertThat(e.actorType()).isEqualTo("system");
                assertThat(e.resourceId()).isEqualTo(automation.id());
            });
            assertThatThrownBy(() -> t.services.runs().trigger(t.caller, automation.id(), null))
                    .hasMessageContaining("is disabled");
        }
    }

    @Test
    void aRestartFailsTheExecutionsItInterruptedWithTheReason() throws Exception {
        String automationId;
        String executionId;
        // A turn that outlasts the test: the server stops while the execution is running.
        try (TestCore t = new TestCore(dir, Duration.ofMinutes(10), clock)) {
            Environment environment = t.environment("api");
            automationId = t.services
                    .automations()
                    .create(t.caller, cron("deps", environment.id(), "0 4 * * *", "UTC"))
                    .id();
            executionId =
                    t.services.runs().trigger(t.caller, automationId, null).id();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> executions(t, automationId).get(0).status() == ExecutionStatus.RUNNING);
        }
        try (TestCore t = new TestCore(dir, Duration.ZERO, clock)) {
            Execution after = executions(t, automationId).get(0);
            assertThat(after.id()).isEqualTo(executionId);
            assertThat(after.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(after.error()).startsWith("The server restarted while the agent's first turn was running");
            assertThat(after.completedAt()).isNotNull();
        }
    }
}
