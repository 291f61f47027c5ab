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
import dev.replicasmcp.domain.workspace.RepositoryConfig;
import dev.replicasmcp.domain.workspace.RepositoryConfigs;
import dev.replicasmcp.domain.workspace.WorkspaceRepositories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    private final RepositoryConfigs configs;

    public ReplicaTurnContexts(
            ReplicaStore replicas,
            ProvisioningStore provisioning,
            EnvironmentService environments,
            ConfigMerge merge,
            AgentService agents,
            RepositoryConfigs configs) {
        this.configs = configs;
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
        Path workspace = provisioning
                .find(replicaId)
                .map(p -> Path.of(p.workspacePath()))
                .orElse(null);
        String organization = replica.get().organizationId();
        Caller caller = new Caller(organization, null);
        Environment global = environments.global(caller);
        Environment environment = environment(caller, global, replica.get().environmentId());
        return new TurnContext(
                workspace,
                merge.merge(global, environment).variables(),
                agents.credentialsFor(organization, provider),
                systemPrompt(replica.get(), environment, workspace));
    }

    private Environment environment(Caller caller, Environment global, String environmentId) {
        if (environmentId != null) {
            try {
                return environments.get(caller, "environment_id", environmentId);
            } catch (DomainException e) {
                // The environment was deleted after the replica was made: Global's variables still apply.
            }
        }
        return global;
    }

    /** Spec §8.2: the environment's system prompt, then each repository's `systemPrompt`, in binding order. */
    private String systemPrompt(Replica replica, Environment environment, Path workspace) {
        List<String> parts = new ArrayList<>();
        if (!environment.isGlobal()
                && environment.systemPrompt() != null
                && !environment.systemPrompt().isBlank()) {
            parts.add(environment.systemPrompt().strip());
        }
        if (workspace != null) {
            List<WorkspaceRepositories.Source> sources = replica.repositories().stream()
                    .map(r -> new WorkspaceRepositories.Source(r.name(), r.url(), r.defaultBranch()))
                    .toList();
            for (Path folder : WorkspaceRepositories.folders(workspace, sources)) {
                try {
                    configs.read(folder)
                            .map(RepositoryConfig::systemPrompt)
                            .filter(p -> p != null && !p.isBlank())
                            .ifPresent(p -> parts.add(p.strip()));
                } catch (RuntimeException e) {
                    // A broken config file is reported by its start hook entry; the turn still runs.
                }
            }
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }
}
