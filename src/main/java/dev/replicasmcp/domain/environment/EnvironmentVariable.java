package dev.replicasmcp.domain.environment;

/** A variable (secret) exported to the hooks and agents of an environment's workspaces. */
public record EnvironmentVariable(
        String id,
        String organizationId,
        String environmentId,
        String key,
        String value,
        String createdAt,
        String updatedAt) {}
