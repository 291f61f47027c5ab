package dev.replicasmcp.domain.environment;

/** A file written into an environment's workspaces at `path` (under `~/`). */
public record EnvironmentFile(
        String id,
        String organizationId,
        String environmentId,
        String name,
        String path,
        String content,
        String createdAt,
        String updatedAt) {}
