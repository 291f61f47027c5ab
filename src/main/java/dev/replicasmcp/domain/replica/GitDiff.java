package dev.replicasmcp.domain.replica;

/** Lines added and removed against the base branch; fullDiff is empty unless diffs were asked for. */
public record GitDiff(int added, int removed, String fullDiff) {}
