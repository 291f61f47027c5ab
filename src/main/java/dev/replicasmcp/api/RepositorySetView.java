package dev.replicasmcp.api;

import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.repository.RepositorySet;
import java.util.List;

/** A named group of repositories. */
public record RepositorySetView(
        String id, String name, @Nullable String description, List<RepositoryView> repositories) {

    public static RepositorySetView of(RepositorySet s) {
        return new RepositorySetView(
                s.id(),
                s.name(),
                s.description(),
                s.repositories().stream().map(RepositoryView::of).toList());
    }
}
