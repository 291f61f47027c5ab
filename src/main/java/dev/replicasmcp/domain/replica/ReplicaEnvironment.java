package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Nullable;
import java.util.List;
import java.util.Map;

/** What was applied to a replica's workspace (names only, never secret values). */
public record ReplicaEnvironment(
        String engineVersion,
        List<String> filesUploaded,
        List<String> envVarsSet,
        List<String> skillsInstalled,
        Map<String, Boolean> integrations,
        Map<String, AgentAvailability> codingAgents,
        Hooks hooks,
        String lastUpdatedAt) {

    /**
     * Whether an agent can run in the workspace, how it is authenticated (oauth, api_key, bedrock, none, or
     * scripted) and which runner answers it (claude-code, codex, scripted, none).
     */
    public record AgentAvailability(boolean available, String authMethod, String runner) {}

    /** Hook configuration and status. */
    public record Hooks(HookStatus globalWarmHook, List<RepositoryHooks> repositories) {}

    public record HookStatus(String status, @Nullable String details) {}

    public record RepositoryHooks(String repositoryName, String warmHook, String startHook) {}
}
