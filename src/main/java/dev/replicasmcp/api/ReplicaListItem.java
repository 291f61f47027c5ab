package dev.replicasmcp.api;

import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.domain.replica.Source;
import java.util.List;

/** A replica in list responses (spec ReplicaListItem). */
public record ReplicaListItem(
        String id,
        String name,
        @AllowedValues(ReplicaStatus.class) String status,
        @AllowedValues(Source.class) String source,
        String createdAt,
        @Nullable String lastActivityAt,
        List<RepositoryReference> repositories,
        List<PullRequestView> pullRequests) {

    /** A repository of a replica. */
    public record RepositoryReference(String id, String name, String url) {}

    /** A pull request the agent opened. */
    public record PullRequestView(String repository, int number, String url) {}

    public static ReplicaListItem of(Replica r) {
        return new ReplicaListItem(
                r.id(),
                r.name(),
                r.status().wire(),
                r.source().wire(),
                r.createdAt(),
                r.lastActivityAt(),
                r.repositories().stream()
                        .map(x -> new RepositoryReference(x.repositoryId(), x.name(), x.url()))
                        .toList(),
                r.pullRequests().stream()
                        .map(p -> new PullRequestView(p.repository(), p.number(), p.url()))
                        .toList());
    }
}
