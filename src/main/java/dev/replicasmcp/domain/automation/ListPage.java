package dev.replicasmcp.domain.automation;

import java.util.List;

/** One page of a list, with the counts the wire wrapper carries ({items, total, page, limit, totalPages}). */
public record ListPage<T>(List<T> items, int total, int page, int limit, int totalPages) {

    public ListPage {
        items = List.copyOf(items);
    }
}
