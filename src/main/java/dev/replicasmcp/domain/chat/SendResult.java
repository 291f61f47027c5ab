package dev.replicasmcp.domain.chat;

/** How a message was taken: sent (started now), queued (with its 1-based position) or waking. */
public record SendResult(Status status, String messageId, Integer position, String chatId) {

    public enum Status implements dev.replicasmcp.domain.WireName {
        SENT,
        QUEUED,
        WAKING
    }
}
