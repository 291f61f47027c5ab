package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.chat.MessageStore;
import dev.replicasmcp.domain.event.EngineEvent;
import dev.replicasmcp.domain.event.EventLog;
import dev.replicasmcp.domain.event.ReplicaEvents;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells when the first turn of a replica's chat has ended, from the event log's live appends (no polling):
 * its {@code chat.turn.completed} event says whether the turn completed; a {@code replica.deleted} first means
 * it never will. A failed turn's reason is the agent's own error, as the turn engine stored it on the turn's
 * message (already redacted like all agent output). The log calls listeners inside the appending transaction,
 * so this only reads that one row and completes a future; whoever waits on it continues on a thread of its own.
 */
public final class FirstTurns {

    /** How long the agent's error may be in an execution's error; the history keeps the whole turn. */
    static final int MAX_AGENT_ERROR = 500;

    /** How the watched turn ended: completed, or not with the reason. */
    public record Ended(boolean completed, String error) {}

    /** The chat watched (null: any) and the message of its first turn once that turn has started. */
    private record Watch(String chatId, AtomicReference<String> messageId, CompletableFuture<Ended> ended) {

        boolean covers(EngineEvent event) {
            return chatId == null || chatId.equals(event.payload().get("chatId"));
        }
    }

    private final Map<String, Watch> watched = new ConcurrentHashMap<>();
    private final MessageStore messages;

    public FirstTurns(EventLog events, MessageStore messages) {
        this.messages = messages;
        events.subscribe(this::heard);
    }

    /**
     * Watch before the turn can start (before the workspace is active), so its end cannot be missed. chatId
     * null: the first turn of any chat (a new replica has only its default chat).
     */
    public CompletableFuture<Ended> watch(String replicaId, String chatId) {
        Watch watch = new Watch(chatId, new AtomicReference<>(), new CompletableFuture<>());
        watched.put(replicaId, watch);
        return watch.ended();
    }

    /** Stops watching (the run ended another way, e.g. its workspace failed). */
    public void forget(String replicaId) {
        watched.remove(replicaId);
    }

    private void heard(EngineEvent event) {
        Watch watch = watched.get(event.replicaId());
        if (watch == null) {
            return;
        }
        if ("chat.turn.started".equals(event.type()) && watch.covers(event)) {
            watch.messageId().compareAndSet(null, String.valueOf(event.payload().get("messageId")));
        } else if ("chat.turn.completed".equals(event.type()) && watch.covers(event)) {
            boolean completed = Boolean.TRUE.equals(event.payload().get("isComplete"));
            end(event.replicaId(), watch, new Ended(completed, completed ? null : failure(watch)));
        } else if (ReplicaEvents.DELETED.equals(event.type())) {
            end(event.replicaId(), watch, new Ended(false, "The replica was deleted before its first turn finished."));
        }
    }

    private String failure(Watch watch) {
        String messageId = watch.messageId().get();
        return reason(messageId == null ? null : messages.error(messageId).orElse(null));
    }

    /** The execution's error for a first turn that did not complete, carrying the agent's error when known. */
    static String reason(String agentError) {
        if (agentError == null || agentError.isBlank()) {
            return "The agent's first turn did not complete; its replica's history (read_replica_history) shows "
                    + "why.";
        }
        String text = agentError.strip();
        if (text.codePointCount(0, text.length()) > MAX_AGENT_ERROR) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_AGENT_ERROR - 1)) + "…";
        }
        return "The agent's first turn failed: " + text;
    }

    private void end(String replicaId, Watch watch, Ended ended) {
        watched.remove(replicaId, watch);
        watch.ended().complete(ended);
    }
}
