package dev.replicasmcp.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.replica.GitDiff;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaDetails;
import dev.replicasmcp.domain.replica.ReplicaEnvironment;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.domain.replica.RepositoryStatus;
import dev.replicasmcp.domain.replica.Source;
import java.util.List;

/** A replica with its engine state (spec ReplicaDetails = ReplicaListItem + details). */
public record ReplicaDetailsView(
        String id,
        String name,
        @AllowedValues(ReplicaStatus.class) String status,
        @AllowedValues(Source.class) String source,
        String createdAt,
        @Nullable String lastActivityAt,
        List<ReplicaListItem.RepositoryReference> repositories,
        List<ReplicaListItem.PullRequestView> pullRequests,

        @Nullable @AllowedValues(CodingAgent.class) @JsonPropertyDescription("Agent of the most recent turn")
        String codingAgent,

        List<RepositoryStatusView> repositoryStatuses,

        @Nullable @JsonPropertyDescription("This read started waking the replica; retry soon")
        Boolean waking,

        List<ChatView> chats,

        @Nullable @JsonPropertyDescription("Only with include=environment")
        ReplicaEnvironment environment) {

    /** Engine state of one repository. */
    public record RepositoryStatusView(
            String repository,
            String branch,
            String defaultBranch,
            List<String> prUrls,
            boolean startHooksCompleted,
            @Nullable GitDiffView gitDiff) {}

    /** Lines added and removed; full_diff is filled only with include=diffs. */
    public record GitDiffView(int added, int removed, String fullDiff) {}

    public static ReplicaDetailsView of(ReplicaDetails d, boolean withDiffs) {
        Replica r = d.replica();
        ReplicaListItem item = ReplicaListItem.of(r);
        return new ReplicaDetailsView(
                item.id(),
                item.name(),
                item.status(),
                item.source(),
                item.createdAt(),
                item.lastActivityAt(),
                item.repositories(),
                item.pullRequests(),
                r.codingAgent() == null ? null : r.codingAgent().wire(),
                d.repositoryStatuses().stream().map(s -> status(s, withDiffs)).toList(),
                d.waking(),
                d.chats().stream().map(ChatView::of).toList(),
                d.environment());
    }

    private static RepositoryStatusView status(RepositoryStatus s, boolean withDiffs) {
        GitDiff diff = s.gitDiff();
        GitDiffView view =
                diff == null ? null : new GitDiffView(diff.added(), diff.removed(), withDiffs ? diff.fullDiff() : "");
        return new RepositoryStatusView(
                s.repository(), s.branch(), s.defaultBranch(), s.prUrls(), s.startHooksCompleted(), view);
    }
}
