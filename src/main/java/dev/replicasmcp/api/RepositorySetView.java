package dev.replicasmcp.api;

import dev.replicasmcp.domain.Nullable;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.domain.repository.RepositorySet;
import java.util.List;

/** A named group of repositories. */
public record RepositorySetView(
        @JsonPropertyDescription("Repository set id (UUID)") String id,
        String name,
        @Nullable String description,
        @JsonPropertyDescription("The member repositories, in order") List<RepositoryView> repositories) {

    public static RepositorySetView of(RepositorySet s) {
        return new RepositorySetView(s.id(), s.name(), s.description(),
                s.repositories().stream().map(RepositoryView::of).toList());
    }
}
