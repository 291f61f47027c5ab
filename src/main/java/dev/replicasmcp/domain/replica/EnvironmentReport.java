package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.agent.AgentService;
import dev.replicasmcp.domain.agent.AgentStatus;
import dev.replicasmcp.domain.hook.HookLogStore;
import dev.replicasmcp.domain.hook.HookLogs;
import dev.replicasmcp.domain.hook.StartHookLog;
import dev.replicasmcp.domain.hook.WarmHookLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the `environment` block of get_replica: what provisioning applied to the workspace (names
 * only, never values), the hooks' outcome, and which agents can run there.
 */
public final class EnvironmentReport {

    private static final List<String> INTEGRATIONS = List.of("github", "gitlab", "linear", "slack", "google");

    private final AgentService agents;
    private final ProvisioningStore provisioning;
    private final HookLogStore hookLogs;

    public EnvironmentReport(AgentService agents, ProvisioningStore provisioning, HookLogStore hookLogs) {
        this.agents = agents;
        this.provisioning = provisioning;
        this.hookLogs = hookLogs;
    }

    public ReplicaEnvironment of(Replica replica) {
        Optional<Provisioning> applied = provisioning.find(replica.id());
        HookLogs logs = hookLogs.forReplica(replica.id());
        Map<String, Boolean> integrations = new LinkedHashMap<>();
        INTEGRATIONS.forEach(name -> integrations.put(name, false));
        Map<String, ReplicaEnvironment.AgentAvailability> codingAgents = new LinkedHashMap<>();
        for (AgentStatus status : agents.statuses(
                replica.organizationId(), applied.map(Provisioning::envVars).orElse(List.of()))) {
            codingAgents.put(
                    status.agent().wire(),
                    new ReplicaEnvironment.AgentAvailability(
                            status.available(),
                            status.authMethod(),
                            status.choice().runner()));
        }
        List<ReplicaEnvironment.RepositoryHooks> repositories = replica.repositories().stream()
                .map(r -> new ReplicaEnvironment.RepositoryHooks(
                        r.name(), repositoryWarm(r, logs), repositoryStart(r, logs)))
                .toList();
        return new ReplicaEnvironment(
                ReplicaLifecycle.ENGINE_VERSION,
                applied.map(Provisioning::files).orElse(List.of()),
                applied.map(Provisioning::envVars).orElse(List.of()),
                applied.map(Provisioning::skills).orElse(List.of()),
                integrations,
                codingAgents,
                new ReplicaEnvironment.Hooks(warmStatus(applied, logs), repositories),
                applied.map(Provisioning::updatedAt).orElse(replica.createdAt()));
    }

    /** The repository's own warm hook, as far as this replica ran it (a pool workspace ran it before). */
    private static String repositoryWarm(ReplicaRepository repository, HookLogs logs) {
        List<WarmHookLog> runs = logs.warmHooks().stream()
                .filter(l -> l.hookType().equals("repository") && l.hookName().equals(repository.name()))
                .toList();
        return runs.isEmpty()
                ? "not_configured"
                : runs.stream().allMatch(l -> l.exitCode() == 0 && !l.timedOut()) ? "succeeded" : "failed";
    }

    /** The environment start hook and the repository's own, which run before the repository counts as started. */
    private static String repositoryStart(ReplicaRepository repository, HookLogs logs) {
        List<StartHookLog> runs = logs.startHooks().stream()
                .filter(l -> l.hookType().equals("environment")
                        || (l.hookType().equals("repository") && l.hookName().equals(repository.name())))
                .toList();
        if (!repository.startHooksCompleted()) {
            return "running";
        }
        return runs.isEmpty()
                ? "not_configured"
                : runs.stream().allMatch(l -> l.exitCode() == 0 && !l.timedOut()) ? "succeeded" : "failed";
    }

    private static ReplicaEnvironment.HookStatus warmStatus(Optional<Provisioning> applied, HookLogs logs) {
        if (applied.isEmpty() || !applied.get().warmHooksConfigured()) {
            return new ReplicaEnvironment.HookStatus("not_configured", null);
        }
        if (applied.get().warmSource() != Provisioning.WarmSource.COLD) {
            return new ReplicaEnvironment.HookStatus(
                    "succeeded",
                    "ran while the warm pool prepared this workspace ("
                            + applied.get().warmSource().wire() + ")");
        }
        if (logs.warmHooks().isEmpty()) {
            return new ReplicaEnvironment.HookStatus("running", null);
        }
        Optional<WarmHookLog> failed = logs.warmHooks().stream()
                .filter(l -> l.exitCode() != 0 || l.timedOut())
                .findFirst();
        return failed.map(l -> new ReplicaEnvironment.HookStatus(
                        "failed", "'" + l.hookName() + "' " + (l.timedOut() ? "timed out" : "exited " + l.exitCode())))
                .orElseGet(() -> new ReplicaEnvironment.HookStatus("succeeded", null));
    }
}
