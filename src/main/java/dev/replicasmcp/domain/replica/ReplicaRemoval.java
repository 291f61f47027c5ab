package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.audit.ChangeRecorder;
import dev.replicasmcp.domain.chat.Chat;
import dev.replicasmcp.domain.chat.ChatStore;
import dev.replicasmcp.domain.chat.TurnEngine;
import dev.replicasmcp.domain.event.EnginePayload;
import dev.replicasmcp.domain.event.EventLog;
import java.time.Clock;
import java.util.List;

/**
 * Deletes a replica (spec §4.2 delete): its running turns stop, its chats and queues go, the row is marked
 * deleted, event streams end, and its workspace's processes are killed and its folder removed.
 */
public final class ReplicaRemoval {

    private final ReplicaStore store;
    private final ChatStore chats;
    private final TurnEngine engine;
    private final EventLog events;
    private final Provisioner provisioner;
    private final Transactions tx;
    private final Clock clock;

    public ReplicaRemoval(
            ReplicaStore store,
            ChatStore chats,
            TurnEngine engine,
            EventLog events,
            Provisioner provisioner,
            Transactions tx,
            Clock clock) {
        this.store = store;
        this.chats = chats;
        this.engine = engine;
        this.events = events;
        this.provisioner = provisioner;
        this.tx = tx;
        this.clock = clock;
    }

    public void remove(Replica replica) {
        remove(replica, ChangeRecorder.none());
    }

    /** The recorder is called in the transaction that marks the row deleted. */
    public void remove(Replica replica, ChangeRecorder<? super Replica> changes) {
        List<Chat> all = chats.list(replica.id());
        all.forEach(chat -> engine.interrupt(chat.id()));
        tx.run(() -> {
            all.forEach(chat -> chats.delete(chat.id()));
            store.markDeleted(replica.id(), Timestamps.now(clock));
            // Event streams of the replica end with this event.
            events.append(replica.id(), new EnginePayload.ReplicaDeleted(replica.id()));
            changes.record(replica.id(), replica, null);
        });
        provisioner.remove(replica.id());
    }
}
