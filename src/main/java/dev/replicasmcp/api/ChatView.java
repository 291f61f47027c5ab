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
        @JsonPropertyDescription("A turn is running") boolean processing) {

    public static ChatView of(Chat c) {
        return new ChatView(c.id(), c.provider().wire(), c.title(), c.createdAt(), c.updatedAt(), c.processing());
    }
}
