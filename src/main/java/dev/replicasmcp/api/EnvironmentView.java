package dev.replicasmcp.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.environment.Environment;

/** An environment: what workspaces are created from (spec §2.6). */
public record EnvironmentView(
        String id,
        String organizationId,

        @Nullable @JsonPropertyDescription("Always null here")
        String userId,

        String name,
        @Nullable String description,

        @JsonPropertyDescription("The organization's Global environment")
        boolean isGlobal,

        @Nullable String repositoryId,
        @Nullable String repositorySetId,
        @Nullable String systemPrompt,
        @JsonPropertyDescription("Always false here") boolean mobileTestingEnabled,

        @Nullable @JsonPropertyDescription("Always null here")
        String personalPreferences,

        @Nullable @JsonPropertyDescription("Always null here")
        String sourceEnvironmentId,

        int variableCount,
        int fileCount,
        int skillCount,
        int mcpCount,
        String createdAt,
        String updatedAt) {

    public static EnvironmentView of(Environment e) {
        return new EnvironmentView(
                e.id(),
                e.organizationId(),
                null,
                e.name(),
                e.description(),
                e.isGlobal(),
                e.repositoryId(),
                e.repositorySetId(),
                e.systemPrompt(),
                false,
                null,
                null,
                e.variableCount(),
                e.fileCount(),
                e.skillCount(),
                e.mcpCount(),
                e.createdAt(),
                e.updatedAt());
    }
}
