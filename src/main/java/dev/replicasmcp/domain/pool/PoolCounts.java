package dev.replicasmcp.domain.pool;

/** Live counts of a pool's workspaces, computed from their rows. */
public record PoolCounts(int ready, int warming, int stale, int failed, int assigned, int expired) {}
