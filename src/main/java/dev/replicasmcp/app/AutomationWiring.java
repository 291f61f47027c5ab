package dev.replicasmcp.app;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.audit.AuditLog;
import dev.replicasmcp.domain.automation.AutomationRuns;
import dev.replicasmcp.domain.automation.AutomationService;
import dev.replicasmcp.domain.automation.CronScheduler;
import dev.replicasmcp.domain.automation.ExecutionRecovery;
import dev.replicasmcp.domain.automation.ExecutionRunner;
import dev.replicasmcp.domain.automation.FirstTurns;
import dev.replicasmcp.domain.automation.TriggerPrompt;
import dev.replicasmcp.domain.chat.MessageService;
import dev.replicasmcp.domain.chat.SendMessage;
import dev.replicasmcp.domain.environment.EnvironmentService;
import dev.replicasmcp.domain.event.EventLog;
import dev.replicasmcp.domain.integration.AutomationDispatch;
import dev.replicasmcp.domain.integration.EventReceiver;
import dev.replicasmcp.domain.integration.FollowUps;
import dev.replicasmcp.domain.integration.IntegrationService;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.domain.repository.RepositoryService;
import dev.replicasmcp.runtime.agent.JsonValues;
import dev.replicasmcp.storage.Database;
import dev.replicasmcp.storage.SecretCipher;
import dev.replicasmcp.storage.SqlAutomationStore;
import dev.replicasmcp.storage.SqlIntegrationStore;
import dev.replicasmcp.storage.SqlMessageStore;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The automations layer: their store and service, the runner that fires them (manually, by cron, by a
 * custom webhook, by a provider's event), and the integrations whose verified events reach that runner.
 */
final class AutomationWiring {

    /** What the rest of the wiring needs from this layer. */
    record Automations(
            AutomationService service,
            AutomationRuns runs,
            IntegrationService integrations,
            EventReceiver receiver,
            CronScheduler cron,
            ExecutionRecovery recovery) {}

    /** The core services the automations work with. */
    record Core(
            EnvironmentService environments,
            RepositoryService repositories,
            ReplicaService replicas,
            MessageService messages,
            EventLog events,
            AuditLog audit,
            Supplier<String> organization) {}

    private AutomationWiring() {}

    static Automations build(
            Core core, Database db, SecretCipher cipher, Settings settings, Threads threads, Clock clock, Ids ids) {
        SqlAutomationStore store = new SqlAutomationStore(db, cipher);
        ExecutionRunner runner = new ExecutionRunner(
                store,
                new ExecutionRunner.Parts(
                        core.replicas(), new FirstTurns(core.events(), new SqlMessageStore(db)), core.audit()),
                settings.automationLimits(),
                db,
                clock,
                ids,
                threads.background());
        AutomationRuns runs = new AutomationRuns(store, runner);
        SqlIntegrationStore integrations = new SqlIntegrationStore(db, cipher);
        AutomationDispatch dispatch = new AutomationDispatch(
                store::all,
                organization -> core.repositories().list(new Caller(organization, null)).stream()
                        .collect(Collectors.toMap(Repository::id, Repository::url)),
                integrations,
                (automation, payload) ->
                        Optional.ofNullable(runs.event(automation, payload).workspaceId()),
                followUps(core.messages()),
                summary -> TriggerPrompt.of("Another event of the same pull request or thread:", summary),
                clock);
        return new Automations(
                new AutomationService(store, core.environments(), core.repositories(), db, clock, ids),
                runs,
                new IntegrationService(integrations, db, clock, ids),
                new EventReceiver(
                        integrations, new JsonValues(), core.organization(), dispatch, threads.background(), clock),
                new CronScheduler(store, runner, clock),
                new ExecutionRecovery(store, db, clock));
    }

    /**
     * A later event goes to the replica its group started; false once that replica is gone, or in status
     * error (the only conflict a send has): it can take no message, so the event starts a new run instead
     * of being lost, and every later event of the group goes to that new replica.
     */
    private static FollowUps followUps(MessageService messages) {
        return (organization, replicaId, text) -> {
            try {
                messages.send(
                        new Caller(organization, null),
                        replicaId,
                        new SendMessage(text, null, null, null, null, null, null));
                return true;
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.CONFLICT) {
                    return false;
                }
                throw e;
            }
        };
    }
}
