package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.audit.AuditLog;
import dev.replicasmcp.domain.chat.MessageText;
import dev.replicasmcp.domain.replica.CreateReplica;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.domain.replica.Source;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an automation once (spec §7.3): checks it is enabled and within the hourly limits, records the
 * execution {@code pending}, stores its replica (source {@code automation}) and records {@code creating} with
 * the replica's id — all before {@link #fire} returns; then, on the background executor, makes the workspace
 * ({@code running} once the prompt is delivered) and waits, without a thread, for the first turn's end
 * ({@code completed} or {@code failed}). Over a limit the execution is recorded failed and no replica is made.
 */
public final class ExecutionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRunner.class);
    private static final int NAME_PART = 60;

    /** What fired the run, for the log. */
    public enum Firing {
        CRON,
        MANUAL,
        WEBHOOK,
        EVENT
    }

    private final AutomationStore store;
    private final ReplicaService replicas;
    private final FirstTurns turns;
    private final CircuitBreaker breaker;
    private final ExecutionLimits limits;
    private final Transactions tx;
    private final Clock clock;
    private final Ids ids;
    private final Executor background;

    /** The services a run uses besides the automation store. */
    public record Parts(ReplicaService replicas, FirstTurns turns, AuditLog audit) {}

    public ExecutionRunner(
            AutomationStore store,
            Parts parts,
            ExecutionLimits limits,
            Transactions tx,
            Clock clock,
            Ids ids,
            Executor background) {
        this.store = store;
        this.replicas = parts.replicas();
        this.turns = parts.turns();
        this.breaker = new CircuitBreaker(store, parts.audit(), clock);
        this.limits = limits;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
        // After shutdown the pool refuses work: a turn that ends then is settled at the next start instead.
        this.background = task -> {
            try {
                background.execute(task);
            } catch (RejectedExecutionException e) {
                LOG.debug("Automation work refused during shutdown; the next start settles it");
            }
        };
    }

    /**
     * Starts a run and answers with its execution: {@code creating} with the workspace id, or {@code failed}
     * (over a limit, or the replica could not be made). A disabled automation is refused (400).
     */
    public Execution fire(Automation automation, Map<String, Object> payload, Firing firing) {
        Execution pending = tx.inTransaction(() -> record(automation, payload));
        if (pending.status() == ExecutionStatus.FAILED) {
            return pending;
        }
        LOG.info(
                "Automation {} fired ({}): execution {}",
                automation.id(),
                firing.name().toLowerCase(Locale.ROOT),
                pending.id());
        ReplicaService.Begun begun;
        try {
            String message = TriggerPrompt.of(automation.prompt(), pending.triggerPayload());
            checkLength(message);
            begun = replicas.begin(
                    new Caller(automation.organizationId(), automation.createdBy()),
                    command(automation, pending, message),
                    Source.AUTOMATION,
                    automation.workspaceAutoStopMinutes());
        } catch (DomainException e) {
            return settle(pending, false, "The replica could not be created: " + e.getMessage());
        }
        String replicaId = begun.replica().id();
        CompletableFuture<FirstTurns.Ended> firstTurn = turns.watch(replicaId, null);
        Execution creating = pending.with(ExecutionStatus.CREATING, replicaId, null, null);
        store.updateExecution(creating);
        CompletableFuture.supplyAsync(() -> provision(creating, begun), background)
                .thenAcceptBothAsync(
                        firstTurn,
                        (running, ended) -> {
                            if (running != null) {
                                settle(running, ended.completed(), ended.error());
                            }
                        },
                        background)
                .exceptionally(e -> {
                    LOG.error("Execution {} could not be settled", creating.id(), e);
                    return null;
                });
        return creating;
    }

    /** Within one transaction, so two fires at once cannot both pass the last free slot of a limit. */
    private Execution record(Automation given, Map<String, Object> payload) {
        Automation automation = store.findById(given.id())
                .orElseThrow(() -> DomainException.notFound("Automation " + given.id() + " was not found."));
        if (!automation.enabled()) {
            throw DomainException.invalid("Automation " + automation.id() + " is disabled; enable it with "
                    + "update_automation (enabled: true) first.");
        }
        String now = Timestamps.now(clock);
        Execution execution = new Execution(
                ids.get(),
                automation.id(),
                automation.organizationId(),
                null,
                now,
                payload == null ? Map.of() : payload,
                ExecutionStatus.PENDING,
                null,
                null);
        String refusal = overLimit(automation);
        if (refusal != null) {
            // Not counted by the circuit breaker: a burst of webhook calls must not disable the automation.
            Execution failed = execution.with(ExecutionStatus.FAILED, null, refusal, now);
            store.insertExecution(failed);
            LOG.info("Automation {} not run: {}", automation.id(), refusal);
            return failed;
        }
        store.insertExecution(execution);
        return execution;
    }

    private String overLimit(Automation automation) {
        String since = Timestamps.format(clock.instant().minus(Duration.ofHours(1)));
        Integer org = limits.organizationPerHour();
        if (org != null && store.countOrganizationExecutionsSince(automation.organizationId(), since) >= org) {
            return "Rate limit: the organization already started " + org + " automation executions in the last "
                    + "hour (--automation-org-executions-per-hour). No replica was created.";
        }
        Integer own = limits.automationPerHour();
        if (own != null && store.countAutomationExecutionsSince(automation.id(), since) >= own) {
            return "Rate limit: this automation already started " + own + " executions in the last hour "
                    + "(--automation-executions-per-hour). No replica was created.";
        }
        return null;
    }

    /** Makes the workspace; the running execution, or null when it failed (then already settled). */
    private Execution provision(Execution creating, ReplicaService.Begun begun) {
        try {
            begun.workspace().get();
        } catch (RuntimeException e) {
            turns.forget(creating.workspaceId());
            settle(
                    creating,
                    false,
                    e instanceof DomainException ? e.getMessage() : "Provisioning the workspace failed.");
            if (!(e instanceof DomainException)) {
                LOG.error("Execution {}: provisioning failed", creating.id(), e);
            }
            return null;
        }
        Execution running = creating.with(ExecutionStatus.RUNNING, creating.workspaceId(), null, null);
        store.updateExecution(running);
        return running;
    }

    private Execution settle(Execution execution, boolean completed, String error) {
        return tx.inTransaction(() -> {
            Execution done = execution.with(
                    completed ? ExecutionStatus.COMPLETED : ExecutionStatus.FAILED,
                    execution.workspaceId(),
                    completed ? null : error,
                    Timestamps.now(clock));
            store.updateExecution(done);
            if (completed) {
                breaker.succeeded(execution.automationId());
            } else {
                breaker.failed(execution.automationId());
            }
            return done;
        });
    }

    /** A replica name is one word of at most 100 characters: automation-<name>-<first 8 of the execution id>. */
    static String replicaName(String automationName, String executionId) {
        String slug = automationName
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        if (slug.length() > NAME_PART) {
            slug = slug.substring(0, NAME_PART).replaceAll("-$", "");
        }
        return "automation-" + (slug.isEmpty() ? "run" : slug) + "-" + executionId.substring(0, 8);
    }

    private static CreateReplica command(Automation automation, Execution execution, String message) {
        return new CreateReplica(
                replicaName(automation.name(), execution.id()),
                message,
                automation.environmentId(),
                null,
                null,
                automation.agentProvider() == null
                        ? null
                        : automation.agentProvider().wire(),
                automation.model(),
                null,
                automation.workspaceLifecyclePolicy() == null
                        ? null
                        : automation.workspaceLifecyclePolicy().wire(),
                automation.thinkingLevel() == null
                        ? null
                        : automation.thinkingLevel().wire(),
                null);
    }

    private static void checkLength(String message) {
        int length = message.codePointCount(0, message.length());
        if (length > MessageText.MAX_CHARS) {
            throw DomainException.invalid("the prompt with its trigger payload is " + length + " characters, and a "
                    + "first message holds at most " + MessageText.MAX_CHARS + "; send a smaller payload or shorten "
                    + "the prompt.");
        }
    }
}
