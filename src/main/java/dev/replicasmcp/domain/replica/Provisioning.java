package dev.replicasmcp.domain.replica;

import java.util.List;

/**
 * What provisioning applied to a replica's workspace: its folder, whether it came from the warm pool,
 * and the names (never values) of the files, variables, skills and MCP servers put there.
 */
public record Provisioning(
        String replicaId,
        String workspacePath,
        WarmSource warmSource,
        List<String> files,
        List<String> envVars,
        List<String> skills,
        List<String> mcps,
        boolean warmHooksConfigured,
        String updatedAt) {

    /** Where the workspace came from. */
    public enum WarmSource implements dev.replicasmcp.domain.WireName {
        WARM_POOL,
        STALE_WARM_POOL,
        COLD
    }
}
