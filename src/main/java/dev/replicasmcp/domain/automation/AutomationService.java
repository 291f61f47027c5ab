package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Paging;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.automation.TriggerConfig.CronConfig;
import dev.replicasmcp.domain.automation.TriggerConfig.GithubConfig;
import dev.replicasmcp.domain.environment.EnvironmentService;
import dev.replicasmcp.domain.repository.RepositoryService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Creates, reads, changes and deletes automations (spec §4.4, §7). Every rule is checked before anything
 * is written, and each change is one transaction. Firing them is the automation engine's job.
 */
public final class AutomationService {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 1_000;
    public static final int MAX_PROMPT = 100_000;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final AutomationStore store;
    private final EnvironmentService environments;
    private final RepositoryService repositories;
    private final Transactions tx;
    private final Clock clock;
    private final Ids ids;

    public AutomationService(
            AutomationStore store,
            EnvironmentService environments,
            RepositoryService repositories,
            Transactions tx,
            Clock clock,
            Ids ids) {
        this.store = store;
        this.environments = environments;
        this.repositories = repositories;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    /** Newest first. */
    public ListPage<Automation> list(Caller caller, Integer page, Integer limit) {
        Paging paging = Paging.of(page, limit, DEFAULT_LIMIT, MAX_LIMIT);
        return tx.inTransaction(() -> {
            int total = store.count(caller.organizationId());
            List<Automation> items = store.page(caller.organizationId(), paging.offset(), paging.limit());
            return new ListPage<>(
                    items, total, paging.page(), paging.limit(), Paging.totalPages(total, paging.limit()));
        });
    }

    public Automation get(Caller caller, String id) {
        Validation.uuid("automation_id", id == null ? null : id.trim());
        return store.find(caller.organizationId(), id.trim())
                .orElseThrow(() -> DomainException.notFound("No automation with id '" + id + "' (field "
                        + "'automation_id'). Call list_automations to see the ids."));
    }

    public Automation create(Caller caller, AutomationInput in) {
        if (!in.clear().isEmpty()) {
            throw DomainException.invalid("Field 'clear' is for update_automation only; leave it out here.");
        }
        String name = name(Validation.required("name", in.name()));
        String prompt = prompt(Validation.required("prompt", in.prompt()));
        Validation.required("environment_id", in.environmentId());
        Validation.limited("description", in.description(), MAX_DESCRIPTION);
        Instant now = clock.instant();
        AutomationSettings settings = AutomationSettings.of(in, null);
        return tx.inTransaction(() -> {
            // An unknown environment is named before any trigger problem: it is the likelier slip.
            String environmentId = environment(caller, in.environmentId());
            List<Trigger> triggers = TriggerRules.check(in.triggers(), now);
            repositoriesExist(caller, triggers);
            boolean enabled = in.enabled() == null || in.enabled();
            String stamp = Timestamps.format(now);
            Automation automation = derived(
                    new Automation(
                            ids.get(),
                            caller.organizationId(),
                            name,
                            Validation.optionalTrimmed(in.description()),
                            triggers,
                            prompt,
                            environmentId,
                            enabled,
                            null,
                            null,
                            null,
                            null,
                            caller.userId(),
                            settings.policy(),
                            settings.autoStopMinutes(),
                            settings.agent(),
                            settings.model(),
                            settings.thinking(),
                            0,
                            stamp,
                            stamp),
                    null,
                    now);
            store.insert(automation);
            return automation;
        });
    }

    public Automation update(Caller caller, String id, AutomationInput in) {
        in.clear().stream()
                .filter(f -> !AutomationInput.CLEARABLE.contains(f))
                .findFirst()
                .ifPresent(f -> {
                    throw DomainException.invalid("Field 'clear' lists '" + f + "', which cannot be cleared. "
                            + "Clearable: " + String.join(", ", new TreeSet<>(AutomationInput.CLEARABLE)) + ".");
                });
        String name = in.name() == null ? null : name(in.name());
        String prompt = in.prompt() == null ? null : prompt(in.prompt());
        Validation.limited("description", in.description(), MAX_DESCRIPTION);
        Instant now = clock.instant();
        List<Trigger> triggers = in.triggers() == null ? null : TriggerRules.check(in.triggers(), now);
        return tx.inTransaction(() -> {
            Automation current = get(caller, id);
            AutomationSettings settings = AutomationSettings.of(in, current);
            String environmentId =
                    in.environmentId() == null ? current.environmentId() : environment(caller, in.environmentId());
            if (triggers != null) {
                repositoriesExist(caller, triggers);
            }
            boolean enabled = in.enabled() == null ? current.enabled() : in.enabled();
            boolean reenabled = enabled && !current.enabled();
            Automation next = derived(
                    new Automation(
                            current.id(),
                            current.organizationId(),
                            name == null ? current.name() : name,
                            in.clears("description")
                                    ? null
                                    : in.description() == null
                                            ? current.description()
                                            : Validation.optionalTrimmed(in.description()),
                            triggers == null ? current.triggers() : triggers,
                            prompt == null ? current.prompt() : prompt,
                            environmentId,
                            enabled,
                            current.webhookToken(),
                            current.cronExpression(),
                            current.cronTimezone(),
                            reenabled ? null : current.cronNextFireAt(),
                            current.createdBy(),
                            settings.policy(),
                            settings.autoStopMinutes(),
                            settings.agent(),
                            settings.model(),
                            settings.thinking(),
                            reenabled ? 0 : current.consecutiveFailures(),
                            current.createdAt(),
                            Timestamps.format(now)),
                    current,
                    now);
            store.update(next);
            return next;
        });
    }

    /** Deletes the automation and its executions; the replicas it made stay. */
    public void delete(Caller caller, String id) {
        tx.run(() -> store.delete(caller.organizationId(), get(caller, id).id()));
    }

    /** Newest first. */
    public ListPage<Execution> listExecutions(Caller caller, String automationId, Integer page, Integer limit) {
        Paging paging = Paging.of(page, limit, DEFAULT_LIMIT, MAX_LIMIT);
        return tx.inTransaction(() -> {
            Automation automation = get(caller, automationId);
            int total = store.countExecutions(automation.id());
            List<Execution> items = store.pageExecutions(automation.id(), paging.offset(), paging.limit());
            return new ListPage<>(
                    items, total, paging.page(), paging.limit(), Paging.totalPages(total, paging.limit()));
        });
    }

    /**
     * The webhook token and cron fields the triggers imply. A token stays while a custom trigger remains
     * and is made when one is added; the next fire time stays while the schedule is unchanged and is
     * computed from now otherwise (a cleared one included: re-enabling starts afresh, with no missed run).
     */
    private static Automation derived(Automation a, Automation current, Instant now) {
        String token = a.has(TriggerType.CUSTOM)
                ? (a.webhookToken() != null ? a.webhookToken() : WebhookTokens.generate())
                : null;
        CronConfig cron = a.configs(CronConfig.class).stream().findFirst().orElse(null);
        String expression = cron == null ? null : cron.schedule();
        String zone = cron == null ? null : cron.timezone();
        String nextFire = null;
        if (cron != null) {
            boolean same = current != null
                    && Objects.equals(expression, current.cronExpression())
                    && Objects.equals(zone, current.cronTimezone())
                    && a.cronNextFireAt() != null;
            nextFire = same
                    ? a.cronNextFireAt()
                    : CronSchedule.parse("triggers.config", expression, zone)
                            .next(now)
                            .map(Timestamps::format)
                            .orElse(null);
        }
        return new Automation(
                a.id(),
                a.organizationId(),
                a.name(),
                a.description(),
                a.triggers(),
                a.prompt(),
                a.environmentId(),
                a.enabled(),
                token,
                expression,
                zone,
                nextFire,
                a.createdBy(),
                a.workspaceLifecyclePolicy(),
                a.workspaceAutoStopMinutes(),
                a.agentProvider(),
                a.model(),
                a.thinkingLevel(),
                a.consecutiveFailures(),
                a.createdAt(),
                a.updatedAt());
    }

    private String environment(Caller caller, String id) {
        return invalidIfMissing(
                () -> environments.get(caller, "environment_id", id).id());
    }

    /** A referenced environment or repository that does not exist is a bad field (400), not a missing path. */
    private static <T> T invalidIfMissing(java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw DomainException.invalid(e.getMessage());
            }
            throw e;
        }
    }

    /** repository_ids of GitHub triggers must be repositories of the organization. */
    private void repositoriesExist(Caller caller, List<Trigger> triggers) {
        for (int i = 0; i < triggers.size(); i++) {
            if (triggers.get(i).config() instanceof GithubConfig github) {
                for (int j = 0; j < github.repositoryIds().size(); j++) {
                    String field = "triggers[" + i + "].config.repository_ids[" + j + "]";
                    String repositoryId = github.repositoryIds().get(j);
                    invalidIfMissing(() -> repositories.get(caller, field, repositoryId));
                }
            }
        }
    }

    private static String name(String name) {
        String trimmed = Validation.limited("name", name, MAX_NAME).trim();
        if (trimmed.isEmpty()) {
            throw DomainException.invalid("Field 'name' must not be empty.");
        }
        return trimmed;
    }

    private static String prompt(String prompt) {
        if (prompt.isBlank()) {
            throw DomainException.invalid("Field 'prompt' must not be empty: it is what the agent is asked to do.");
        }
        return Validation.limited("prompt", prompt, MAX_PROMPT);
    }
}
