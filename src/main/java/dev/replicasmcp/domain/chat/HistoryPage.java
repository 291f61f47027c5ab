package dev.replicasmcp.domain.chat;

import dev.replicasmcp.domain.agent.CodingAgent;
import java.util.List;

/** A window of a chat's history counted from its newest event. */
public record HistoryPage(
        String threadId,
        List<HistoryEvent> events,
        long total,
        boolean hasMore,
        CodingAgent codingAgent,
        Boolean waking) {}
