package dev.replicasmcp.domain.pool;

/** An environment's warm pool: whether it is on, how many ready workspaces it keeps, and its health. */
public record WarmPoolConfig(
        String id,
        String organizationId,
        String environmentId,
        boolean enabled,
        int targetSize,
        int generation,
        int errorCount,
        String lastFailureAt,
        String lastFailureReason,
        String nextRetryAt,
        String updatedAt) {}
