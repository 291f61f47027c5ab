package dev.replicasmcp.api;

import dev.replicasmcp.domain.Nullable;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.domain.environment.Environment;

/** An environment: what workspaces are created from (spec §2.6). */
public record EnvironmentView(
        @JsonPropertyDescription("Environment id (UUID)") String id,
        String organizationId,
        @Nullable @JsonPropertyDescription("Owner of a personal environment; always null here") String userId,
        String name,
        @Nullable String description,
        @JsonPropertyDescription("True for the organization's singleton Global environment") boolean isGlobal,
        @Nullable @JsonPropertyDescription("Bound repository id, exclusive with repository_set_id") String repositoryId,
        @Nullable @JsonPropertyDescription("Bound repository set id, exclusive with repository_id") String repositorySetId,
        @Nullable String systemPrompt,
        @JsonPropertyDescription("Mobile simulator access; not offered locally, always false") boolean mobileTestingEnabled,
        @Nullable @JsonPropertyDescription("Instructions of a personal environment; always null here")
        String personalPreferences,
        @Nullable @JsonPropertyDescription("Source of a personal environment; always null here")
        String sourceEnvironmentId,
        int variableCount,
        int fileCount,
        int skillCount,
        int mcpCount,
        String createdAt,
        String updatedAt) {

    public static EnvironmentView of(Environment e) {
        return new EnvironmentView(e.id(), e.organizationId(), null, e.name(), e.description(), e.isGlobal(),
                e.repositoryId(), e.repositorySetId(), e.systemPrompt(), false, null, null, e.variableCount(), e.fileCount(),
                e.skillCount(), e.mcpCount(), e.createdAt(), e.updatedAt());
    }
}
