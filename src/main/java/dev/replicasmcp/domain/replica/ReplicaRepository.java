package dev.replicasmcp.domain.replica;

/** A repository as the replica got it at creation, with the branch the replica works on. */
public record ReplicaRepository(
        String repositoryId,
        String name,
        String url,
        String defaultBranch,
        String branch,
        boolean startHooksCompleted) {}
