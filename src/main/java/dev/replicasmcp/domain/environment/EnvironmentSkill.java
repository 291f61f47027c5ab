package dev.replicasmcp.domain.environment;

/** A catalog skill enabled on an environment; id is the membership id. */
public record EnvironmentSkill(
        String id,
        String organizationId,
        String environmentId,
        String name,
        String slug,
        String source,
        String createdAt,
        String updatedAt) {}
