package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.event.EngineEvent;
import dev.replicasmcp.domain.event.EventLog;
import dev.replicasmcp.domain.event.ReplicaEvents;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells when the first turn of a replica's chat has ended, from the event log's live appends (no polling):
 * its {@code chat.turn.completed} event says whether the turn completed; a {@code replica.deleted} first means
 * it never will. The log calls listeners inside the appending transaction, so this only completes a future;
 * whoever waits on it must continue on a thread of its own.
 */
public final class FirstTurns {

    /** How the watched turn ended: completed, or not with the reason. */
    public record Ended(boolean completed, String error) {}

    private record Watch(String chatId, CompletableFuture<Ended> ended) {}

    private final Map<String, Watch> watched = new ConcurrentHashMap<>();

    public FirstTurns(EventLog events) {
        events.subscribe(this::heard);
    }

    /**
     * Watch before the turn can start (before the workspace is active), so its end cannot be missed. chatId
     * null: the first turn of any chat (a new replica has only its default chat).
     */
    public CompletableFuture<Ended> watch(String replicaId, String chatId) {
        Watch watch = new Watch(chatId, new CompletableFuture<>());
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
        if ("chat.turn.completed".equals(event.type())
                && (watch.chatId() == null
                        || watch.chatId().equals(event.payload().get("chatId")))) {
            boolean completed = Boolean.TRUE.equals(event.payload().get("isComplete"));
            end(
                    event.replicaId(),
                    watch,
                    new Ended(
                            completed,
                            completed
                                    ? null
                                    : "The agent's first turn did not complete; its replica's history "
                                            + "(read_replica_history) shows the error."));
        } else if (ReplicaEvents.DELETED.equals(event.type())) {
            end(event.replicaId(), watch, new Ended(false, "The replica was deleted before its first turn finished."));
        }
    }

    private void end(String replicaId, Watch watch, Ended ended) {
        watched.remove(replicaId, watch);
        watch.ended().complete(ended);
    }
}
