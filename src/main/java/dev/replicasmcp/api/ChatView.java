package dev.replicasmcp.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.chat.Chat;

/** A chat of a replica (spec ReplicaChat). */
public record ChatView(
        String id,
        @AllowedValues(CodingAgent.class) String provider,
        String title,
        String createdAt,
        String updatedAt,
        @JsonPropertyDescription("A turn is running") boolean processing,

        @JsonPropertyDescription("Messages waiting in this chat's queue")
        int queuedMessages) {

    public static ChatView of(Chat c) {
        return new ChatView(
                c.id(),
                c.provider().wire(),
                c.title(),
                c.createdAt(),
                c.updatedAt(),
                c.processing(),
                c.queuedMessages());
    }
}
