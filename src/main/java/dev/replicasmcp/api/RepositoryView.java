package dev.replicasmcp.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.domain.repository.Repository;

/** A registered repository, as list_repositories returns it. */
public record RepositoryView(
        String id,
        String name,

        @JsonPropertyDescription("file: URL of a local path, or the git URL")
        String url,

        String defaultBranch) {

    public static RepositoryView of(Repository r) {
        return new RepositoryView(r.id(), r.name(), r.url(), r.defaultBranch());
    }
}
