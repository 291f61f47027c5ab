package dev.replicasmcp.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.domain.repository.Repository;

/** A registered repository, as list_repositories returns it. */
public record RepositoryView(
        @JsonPropertyDescription("Repository id (UUID)") String id,
        @JsonPropertyDescription("Repository name, e.g. owner/repo") String name,
        @JsonPropertyDescription("Where it lives: a file: URL for a local path, or the git URL") String url,
        @JsonPropertyDescription("Branch replicas branch from") String defaultBranch) {

    public static RepositoryView of(Repository r) {
        return new RepositoryView(r.id(), r.name(), r.url(), r.defaultBranch());
    }
}
