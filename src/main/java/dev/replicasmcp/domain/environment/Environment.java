package dev.replicasmcp.domain.environment;

/**
 * The bundle a workspace is created from. The Global environment (isGlobal) has no repository binding;
 * any other is bound to one repository, one repository set, or nothing (unbound).
 */
public record Environment(
        String id,
        String organizationId,
        String name,
        String description,
        boolean isGlobal,
        String repositoryId,
        String repositorySetId,
        String systemPrompt,
        int variableCount,
        int fileCount,
        int skillCount,
        int mcpCount,
        String createdAt,
        String updatedAt) {

    public boolean isUnbound() {
        return repositoryId == null && repositorySetId == null;
    }
}
