package dev.replicasmcp.domain.chat;

import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.WireName;

/** Where a message is in its chat's queue. */
public enum MessageState implements WireName {
    QUEUED,
    PROCESSING,
    DONE,
    FAILED,
    INTERRUPTED;

    /** Parses a wire name; null stays null, anything unknown is an error naming the field. */
    public static MessageState parse(String field, String value) {
        return Validation.enumValue(field, value, MessageState.class);
    }
}
