package dev.replicasmcp.domain.chat;

import dev.replicasmcp.domain.agent.CodingAgent;

/** A conversation inside a replica, bound to one agent, with its own queue and history. */
public record Chat(
        String id,
        String replicaId,
        CodingAgent provider,
        String title,
        boolean isDefault,
        String threadId,
        String createdAt,
        String updatedAt,
        boolean processing,
        int queuedMessages) {}
