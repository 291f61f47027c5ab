package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import java.util.List;

/**
 * A workspace in which coding agents work on the repositories of its environment. autoStopMinutes is its own
 * inactivity window (an automation's {@code workspace_auto_stop_minutes}); null means the server-wide one.
 */
public record Replica(
        String id,
        String organizationId,
        String name,
        ReplicaStatus status,
        Source source,
        String userId,
        String environmentId,
        CodingAgent codingAgent,
        String model,
        ThinkingLevel thinkingLevel,
        LifecyclePolicy lifecyclePolicy,
        Integer autoStopMinutes,
        boolean waking,
        String errorMessage,
        String createdAt,
        String lastActivityAt,
        List<ReplicaRepository> repositories,
        List<PullRequest> pullRequests) {

    /** The same replica with these repositories and pull requests (stored apart from its row). */
    public Replica withLinks(List<ReplicaRepository> repos, List<PullRequest> prs) {
        return new Replica(
                id,
                organizationId,
                name,
                status,
                source,
                userId,
                environmentId,
                codingAgent,
                model,
                thinkingLevel,
                lifecyclePolicy,
                autoStopMinutes,
                waking,
                errorMessage,
                createdAt,
                lastActivityAt,
                repos,
                prs);
    }

    public Replica withStatus(ReplicaStatus next) {
        return new Replica(
                id,
                organizationId,
                name,
                next,
                source,
                userId,
                environmentId,
                codingAgent,
                model,
                thinkingLevel,
                lifecyclePolicy,
                autoStopMinutes,
                waking,
                errorMessage,
                createdAt,
                lastActivityAt,
                repositories,
                pullRequests);
    }
}
