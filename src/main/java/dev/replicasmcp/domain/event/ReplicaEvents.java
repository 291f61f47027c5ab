package dev.replicasmcp.domain.event;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.chat.Chat;
import dev.replicasmcp.domain.chat.ChatStore;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaLifecycle;
import dev.replicasmcp.domain.replica.ReplicaLookup;
import dev.replicasmcp.domain.replica.ReplicaRepository;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Opens event streams of replicas (spec §4.2 Stream Events, §6.1). */
public final class ReplicaEvents {

    /** Logged when a replica is deleted; streams end after it. */
    public static final String DELETED = "replica.deleted";

    private final ReplicaLookup replicas;
    private final ReplicaLifecycle lifecycle;
    private final ChatStore chats;
    private final EventLog log;
    private final Clock clock;
    private final Map<String, AtomicInteger> clients = new ConcurrentHashMap<>();
    private final SharedReads reads;

    public ReplicaEvents(
            ReplicaLookup replicas, ReplicaLifecycle lifecycle, ChatStore chats, EventLog log, Clock clock) {
        this.replicas = replicas;
        this.lifecycle = lifecycle;
        this.chats = chats;
        this.log = log;
        this.clock = clock;
        this.reads = new SharedReads(log, EventStream.PAGE);
    }

    /**
     * Opens a stream of the caller's replica. Without lastEventId it starts with a snapshot
     * (engine.status.changed and hooks.status) and goes on with the events logged after it; with one it
     * replays the events logged after that id first. Only an active replica streams: a sleeping one is
     * woken and, like one still starting, answered as unavailable for now.
     */
    public EventStream open(Caller caller, String replicaId, String lastEventId) {
        Long resumeAfter = parseCursor(lastEventId);
        Replica replica = replicas.require(caller, replicaId);
        if (replica.status() != ReplicaStatus.ACTIVE) {
            throw unavailable(replica);
        }
        AtomicInteger count = clients.computeIfAbsent(replica.id(), id -> new AtomicInteger());
        count.incrementAndGet();
        Runnable release = count::decrementAndGet;
        long at = log.latestId(replica.id());
        if (resumeAfter != null) {
            // A cursor past the end (made up, or from another data folder) resumes at the end: it replays
            // nothing and skips nothing logged from now on.
            return new EventStream(log, reads, replica.id(), Math.min(resumeAfter, at), List.of(), release);
        }
        return new EventStream(log, reads, replica.id(), at, snapshot(replica, at, count.get()), release);
    }

    private List<StreamEvent> snapshot(Replica replica, long at, int streams) {
        List<Chat> all = chats.list(replica.id());
        String now = Timestamps.now(clock);
        EnginePayload status = new EnginePayload.StatusChanged(
                Math.max(
                        0,
                        Duration.between(Timestamps.parse(replica.createdAt()), clock.instant())
                                .toSeconds()),
                streams,
                all.size(),
                all.stream().filter(Chat::processing).count(),
                replica.repositories().size());
        EnginePayload hooks = new EnginePayload.HooksStatus(
                replica.repositories().stream().allMatch(ReplicaRepository::startHooksCompleted));
        return List.of(
                new StreamEvent("snapshot-" + at + "-status", at, now, status.type(), status.fields()),
                new StreamEvent("snapshot-" + at + "-hooks", at, now, hooks.type(), hooks.fields()));
    }

    private DomainException unavailable(Replica replica) {
        String message = switch (replica.status()) {
            case SLEEPING, ARCHIVED -> {
                lifecycle.wakeIfAsleep(replica);
                yield "Replica " + replica.id() + " was " + replica.status().wire() + " and is waking; reconnect "
                        + "in a few seconds.";
            }
            case PREPARING -> "Replica " + replica.id() + " is still starting; reconnect in a few seconds.";
            default ->
                "Replica " + replica.id() + " is in status '" + replica.status().wire() + "' and streams no "
                        + "events; delete it and create a new one.";
        };
        return new DomainException(DomainException.Kind.UNAVAILABLE, message, null);
    }

    private static Long parseCursor(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(lastEventId.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw DomainException.invalid("Header 'Last-Event-ID' must be the id of an event this stream sent (a "
                + "number); got '" + Validation.abbreviate(lastEventId, 40) + "'. Reconnect without it to start over.");
    }
}
