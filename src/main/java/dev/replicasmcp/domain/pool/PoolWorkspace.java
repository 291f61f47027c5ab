package dev.replicasmcp.domain.pool;

/** One prepared (or preparing) workspace folder of a warm pool. */
public record PoolWorkspace(
        String id,
        String organizationId,
        String configId,
        String sandboxId,
        PoolStatus status,
        int generation,
        String path,
        String errorMessage,
        String createdAt,
        String updatedAt) {}
