package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.agent.CodingAgent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the `environment` block of get_replica: what was applied to the workspace and which agents
 * can run there. Nothing beyond the repositories is applied yet, so the applied lists are empty.
 */
public final class EnvironmentReport {

    private static final List<String> INTEGRATIONS = List.of("github", "gitlab", "linear", "slack", "google");

    private final Map<CodingAgent, ReplicaEnvironment.AgentAvailability> agents;

    public EnvironmentReport(Map<CodingAgent, ReplicaEnvironment.AgentAvailability> agents) {
        this.agents = Map.copyOf(agents);
    }

    public ReplicaEnvironment of(Replica replica) {
        Map<String, Boolean> integrations = new LinkedHashMap<>();
        INTEGRATIONS.forEach(name -> integrations.put(name, false));
        Map<String, ReplicaEnvironment.AgentAvailability> codingAgents = new LinkedHashMap<>();
        for (CodingAgent agent : CodingAgent.values()) {
            codingAgents.put(agent.wire(), agents.getOrDefault(agent,
                    new ReplicaEnvironment.AgentAvailability(false, "none")));
        }
        List<ReplicaEnvironment.RepositoryHooks> hooks = replica.repositories().stream()
                .map(r -> new ReplicaEnvironment.RepositoryHooks(r.name(), "not_configured", "not_configured"))
                .toList();
        return new ReplicaEnvironment(ReplicaLifecycle.ENGINE_VERSION, List.of(), List.of(), List.of(), integrations,
                codingAgents, new ReplicaEnvironment.Hooks(
                        new ReplicaEnvironment.HookStatus("not_configured", null), hooks),
                replica.lastActivityAt() == null ? replica.createdAt() : replica.lastActivityAt());
    }
}
