package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.agent.AgentService;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.TurnContext;
import dev.replicasmcp.domain.agent.TurnContexts;
import dev.replicasmcp.domain.environment.ConfigMerge;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.EnvironmentService;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A turn's context, read when it starts: the workspace provisioning gave the replica, Global's and its
 * environment's variables merged as for hooks, and the organization's credential for the chat's agent.
 */
public final class ReplicaTurnContexts implements TurnContexts {

    private final ReplicaStore replicas;
    private final ProvisioningStore provisioning;
    private final EnvironmentService environments;
    private final ConfigMerge merge;
    private final AgentService agents;

    public ReplicaTurnContexts(ReplicaStore replicas, ProvisioningStore provisioning, EnvironmentService environments,
                               ConfigMerge merge, AgentService agents) {
        this.replicas = replicas;
        this.provisioning = provisioning;
        this.environments = environments;
        this.merge = merge;
        this.agents = agents;
    }

    @Override
    public TurnContext forTurn(String replicaId, CodingAgent provider) {
        Optional<Replica> replica = replicas.findById(replicaId);
        if (replica.isEmpty()) {
            return TurnContext.NONE;
        }
        Path workspace = provisioning.find(replicaId).map(p -> Path.of(p.workspacePath())).orElse(null);
        String organization = replica.get().organizationId();
        return new TurnContext(workspace, variables(organization, replica.get().environmentId()),
                agents.credentialsFor(organization, provider));
    }

    private Map<String, String> variables(String organizationId, String environmentId) {
        Caller caller = new Caller(organizationId, null);
        Environment global = environments.global(caller);
        Environment environment = global;
        if (environmentId != null) {
            try {
                environment = environments.get(caller, "environment_id", environmentId);
            } catch (DomainException e) {
                // The environment was deleted after the replica was made: Global's variables still apply.
            }
        }
        return merge.merge(global, environment).variables();
    }
}
