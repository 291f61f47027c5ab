package dev.replicasmcp.domain.replica;

/** A pull request an agent opened from the replica. */
public record PullRequest(String repository, int number, String url) {}
