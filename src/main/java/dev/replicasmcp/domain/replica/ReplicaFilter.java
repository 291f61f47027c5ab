package dev.replicasmcp.domain.replica;

/** Optional filters of list_replicas; null means no filter. */
public record ReplicaFilter(String userId, Source source, ReplicaStatus status) {}
