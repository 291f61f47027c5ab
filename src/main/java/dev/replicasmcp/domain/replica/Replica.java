package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import java.util.List;

/** A workspace in which coding agents work on the repositories of its environment. */
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
        boolean waking,
        String errorMessage,
        String createdAt,
        String lastActivityAt,
        List<ReplicaRepository> repositories,
        List<PullRequest> pullRequests) {

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
                waking,
                errorMessage,
                createdAt,
                lastActivityAt,
                repositories,
                pullRequests);
    }
}
