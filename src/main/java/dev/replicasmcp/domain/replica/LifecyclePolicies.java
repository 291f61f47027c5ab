package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.chat.Chat;
import dev.replicasmcp.domain.chat.ChatStore;
import dev.replicasmcp.domain.chat.MessageState;
import dev.replicasmcp.domain.chat.MessageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the timers and `lifecycle_policy` of spec §3.2–3.3. A periodic {@link #pass()}: an active replica
 * idle for the idle window (no activity, no chat processing or holding queued messages) sleeps — or is
 * deleted under `delete_after_inactivity`; a replica asleep for 7 days is archived. After each finished turn,
 * once no chat of the replica is busy: `delete_when_done` deletes it, `sleep_when_done` puts it to sleep,
 * `archive_when_done` archives it. An automation's replica is archived instead of deleted. The idle window is
 * the replica's own when it has one (an automation's `workspace_auto_stop_minutes`), else the server-wide one.
 * Time comes from the injected clock, so tests move it instead of waiting.
 */
public final class LifecyclePolicies {

    private static final Logger LOG = LoggerFactory.getLogger(LifecyclePolicies.class);
    public static final Duration ARCHIVE_AFTER = Duration.ofDays(7);
    /** The shortest window a replica can have of its own (workspace_auto_stop_minutes is 3–1440). */
    public static final Duration SHORTEST_WINDOW = Duration.ofMinutes(3);

    private final ReplicaStore replicas;
    private final ChatStore chats;
    private final MessageStore messages;
    private final ReplicaLifecycle lifecycle;
    private final ReplicaRemoval removal;
    private final Transactions tx;
    private final Clock clock;
    private final Duration idleSleep;
    private final Executor executor;

    /** The stores the policies read. */
    public record Stores(ReplicaStore replicas, ChatStore chats, MessageStore messages) {}

    public LifecyclePolicies(
            Stores stores,
            ReplicaLifecycle lifecycle,
            ReplicaRemoval removal,
            Transactions tx,
            Clock clock,
            Duration idleSleep,
            Executor executor) {
        this.replicas = stores.replicas();
        this.chats = stores.chats();
        this.messages = stores.messages();
        this.lifecycle = lifecycle;
        this.removal = removal;
        this.tx = tx;
        this.clock = clock;
        this.idleSleep = idleSleep;
        this.executor = executor;
    }

    /** One sweep over every organization's replicas; safe to call at any time (tests call it directly). */
    public synchronized void pass() {
        try {
            Instant now = clock.instant();
            String defaultBefore = Timestamps.format(now.minus(idleSleep));
            String shortestBefore = Timestamps.format(
                    now.minus(SHORTEST_WINDOW.compareTo(idleSleep) < 0 ? SHORTEST_WINDOW : idleSleep));
            for (Replica replica : replicas.idleActive(defaultBefore, shortestBefore)) {
                String idleBefore = Timestamps.format(now.minus(windowOf(replica)));
                if (!idleSince(replica, idleBefore)) {
                    continue;
                }
                if (replica.lifecyclePolicy() == LifecyclePolicy.DELETE_AFTER_INACTIVITY) {
                    removeOrArchiveIf(replica, idleBefore);
                } else {
                    moveIf(replica, ReplicaStatus.SLEEPING, idleBefore);
                }
            }
            String asleepBefore = Timestamps.format(clock.instant().minus(ARCHIVE_AFTER));
            for (String id : replicas.sleepingBefore(asleepBefore)) {
                lifecycle.archive(id);
            }
        } catch (RuntimeException e) {
            LOG.error("Lifecycle pass failed: {}", e.toString());
        }
    }

    /** A replica's own window (an automation's workspace_auto_stop_minutes), else the server-wide one. */
    private Duration windowOf(Replica replica) {
        return replica.autoStopMinutes() == null ? idleSleep : Duration.ofMinutes(replica.autoStopMinutes());
    }

    private static boolean idleSince(Replica replica, String idleBefore) {
        String last = replica.lastActivityAt() == null ? replica.createdAt() : replica.lastActivityAt();
        return last.compareTo(idleBefore) < 0;
    }

    /** Called by the turn engine when a turn has finished; the policy is applied off the turn's thread. */
    public void turnFinished(String replicaId) {
        executor.execute(() -> whenDone(replicaId));
    }

    synchronized void whenDone(String replicaId) {
        try {
            Replica replica = replicas.findById(replicaId).orElse(null);
            if (replica == null) {
                return;
            }
            switch (replica.lifecyclePolicy()) {
                case DELETE_WHEN_DONE -> removeOrArchiveIf(replica, null);
                case SLEEP_WHEN_DONE -> moveIf(replica, ReplicaStatus.SLEEPING, null);
                case ARCHIVE_WHEN_DONE -> moveIf(replica, ReplicaStatus.ARCHIVED, null);
                default -> {}
            }
        } catch (RuntimeException e) {
            LOG.error("Lifecycle policy of replica {} failed: {}", replicaId, e.toString());
        }
    }

    /** Checks and moves in one transaction, so a message accepted meanwhile keeps the replica awake. */
    private void moveIf(Replica replica, ReplicaStatus target, String idleBefore) {
        boolean moved = tx.inTransaction(() -> {
            if (!stillDone(replica.id(), idleBefore)) {
                return false;
            }
            replicas.updateStatus(replica.id(), target, false, Timestamps.now(clock));
            return true;
        });
        if (moved) {
            LOG.info(
                    "Replica {} is now {} ({})",
                    replica.id(),
                    target.wire(),
                    replica.lifecyclePolicy().wire());
        }
    }

    /**
     * An automation's workspace is archived where another would be deleted (changelog 2026-07-12): its
     * execution points at it, and what the agent did stays there to read.
     */
    private void removeOrArchiveIf(Replica replica, String idleBefore) {
        if (replica.source() == Source.AUTOMATION) {
            moveIf(replica, ReplicaStatus.ARCHIVED, idleBefore);
        } else {
            removeIf(replica, idleBefore);
        }
    }

    private void removeIf(Replica replica, String idleBefore) {
        if (tx.inTransaction(() -> stillDone(replica.id(), idleBefore))) {
            LOG.info(
                    "Deleting replica {} ({})",
                    replica.id(),
                    replica.lifecyclePolicy().wire());
            removal.remove(replica);
        }
    }

    /** Active, not waking, no chat busy, and (for the idle timers) no activity since idleBefore. */
    private boolean stillDone(String replicaId, String idleBefore) {
        Replica current = replicas.findById(replicaId).orElse(null);
        if (current == null || current.status() != ReplicaStatus.ACTIVE || current.waking()) {
            return false;
        }
        if (idleBefore != null
                && current.lastActivityAt() != null
                && current.lastActivityAt().compareTo(idleBefore) >= 0) {
            return false;
        }
        for (Chat chat : chats.list(replicaId)) {
            if (messages.countInState(chat.id(), MessageState.PROCESSING) > 0
                    || messages.countInState(chat.id(), MessageState.QUEUED) > 0) {
                return false;
            }
        }
        return true;
    }
}
