package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.chat.TurnEngine;
import dev.replicasmcp.domain.event.EnginePayload;
import dev.replicasmcp.domain.event.EventLog;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Moves replicas between statuses: activation, sleep, archive and wake (spec §3.2, §3.4). */
public final class ReplicaLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaLifecycle.class);
    public static final String ENGINE_VERSION = "v1";

    private final ReplicaStore store;
    private final EventLog events;
    private final TurnEngine engine;
    private final Transactions tx;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Duration wakeDelay;

    public ReplicaLifecycle(
            ReplicaStore store,
            EventLog events,
            TurnEngine engine,
            Transactions tx,
            Clock clock,
            ScheduledExecutorService scheduler,
            Duration wakeDelay) {
        this.store = store;
        this.events = events;
        this.engine = engine;
        this.tx = tx;
        this.clock = clock;
        this.scheduler = scheduler;
        this.wakeDelay = wakeDelay;
    }

    /**
     * The replica is ready: mark it active and start whatever its chats have waiting. Becoming active counts
     * as activity, so a replica woken after days asleep is not put back to sleep by the next idle check.
     */
    public void activate(String replicaId) {
        tx.run(() -> {
            String now = Timestamps.now(clock);
            store.updateStatus(replicaId, ReplicaStatus.ACTIVE, false, now);
            store.touch(replicaId, now);
            events.append(replicaId, new EnginePayload.EngineReady(ENGINE_VERSION));
        });
        engine.dispatchReplica(replicaId);
    }

    public void sleep(String replicaId) {
        tx.run(() -> store.updateStatus(replicaId, ReplicaStatus.SLEEPING, false, Timestamps.now(clock)));
        LOG.info("Replica {} is asleep", replicaId);
    }

    public void archive(String replicaId) {
        tx.run(() -> store.updateStatus(replicaId, ReplicaStatus.ARCHIVED, false, Timestamps.now(clock)));
        LOG.info("Replica {} is archived", replicaId);
    }

    /**
     * Starts waking a sleeping or archived replica and answers at once; true when this call (or an
     * earlier one still in progress) is waking it, which callers report as `waking: true`.
     */
    public boolean wakeIfAsleep(Replica replica) {
        if (replica.waking()) {
            return true;
        }
        if (replica.status() != ReplicaStatus.SLEEPING && replica.status() != ReplicaStatus.ARCHIVED) {
            return false;
        }
        boolean started = tx.inTransaction(() -> {
            Replica current = store.findById(replica.id()).orElse(null);
            if (current == null || current.waking()) {
                return false;
            }
            store.updateStatus(replica.id(), ReplicaStatus.PREPARING, true, Timestamps.now(clock));
            return true;
        });
        if (started) {
            LOG.info("Waking replica {}", replica.id());
            scheduler.schedule(() -> finishWake(replica.id()), wakeDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
        return true;
    }

    private void finishWake(String replicaId) {
        try {
            if (store.findById(replicaId).isPresent()) {
                activate(replicaId);
            }
        } catch (RuntimeException e) {
            LOG.error("Could not finish waking replica {}: {}", replicaId, e.toString());
        }
    }

    /**
     * Replicas left preparing by a stopped process: one that was waking (or whose workspace was complete) is
     * brought up again; one stopped half-way through its first provisioning (its clones may be partial) is
     * put in error.
     */
    public void recover(Predicate<String> provisioned) {
        for (Replica replica : store.inStatus(ReplicaStatus.PREPARING)) {
            if (replica.waking() || provisioned.test(replica.id())) {
                activate(replica.id());
            } else {
                store.markError(
                        replica.id(),
                        "The server stopped while this replica's workspace was being "
                                + "prepared. Delete it and create a new one.",
                        Timestamps.now(clock));
            }
        }
        engine.dispatchAll();
    }
}
