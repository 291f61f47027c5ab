package dev.replicasmcp.domain.environment;

/** One saved version of an environment's warm or start hook; the newest is the active one. */
public record HookScript(
        String id,
        String organizationId,
        String environmentId,
        HookKind kind,
        int version,
        String content,
        boolean isActive,
        String createdAt) {}
