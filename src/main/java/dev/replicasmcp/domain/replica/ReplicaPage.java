package dev.replicasmcp.domain.replica;

import java.util.List;

/** One page of replicas with the totals the list endpoint reports. */
public record ReplicaPage(List<Replica> replicas, int total, int page, int limit) {

    public int totalPages() {
        return dev.replicasmcp.domain.Paging.totalPages(total, limit);
    }
}
