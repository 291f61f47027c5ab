package dev.replicasmcp.domain.replica;

import java.util.List;

/** Per-repository engine state of a replica (spec §2.14). gitDiff is null until a workspace reports one. */
public record RepositoryStatus(
        String repository,
        String branch,
        String defaultBranch,
        List<String> prUrls,
        boolean startHooksCompleted,
        GitDiff gitDiff) {}
