package dev.replicasmcp.domain.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A subscriber's view of one replica's event log. It reads the persisted log after its cursor, so
 * the order is the log's order and nothing is skipped or repeated; live appends only wake it up.
 * The stream ends after the replica's deletion event.
 */
public final class EventStream implements AutoCloseable {

    private static final int PAGE = 500;

    private final EventLog log;
    private final String replicaId;
    private final List<StreamEvent> opening;
    private final Runnable onClose;
    private final Semaphore appended = new Semaphore(0);
    private final Consumer<EngineEvent> listener;
    private long cursor;
    private volatile boolean ended;
    private volatile boolean closed;

    EventStream(EventLog log, String replicaId, long cursor, List<StreamEvent> opening, Runnable onClose) {
        this.log = log;
        this.replicaId = replicaId;
        this.cursor = cursor;
        this.opening = opening;
        this.onClose = onClose;
        // Appends may run inside a transaction holding the database: the listener only signals.
        this.listener = event -> {
            if (event.replicaId().equals(replicaId)) {
                appended.release();
            }
        };
        log.subscribe(listener);
    }

    /** What to send first: the snapshot of a new subscriber (empty when resuming). */
    public List<StreamEvent> opening() {
        return opening;
    }

    /** The events after the cursor, waiting up to {@code wait} for one; empty after a quiet wait. */
    public List<StreamEvent> next(Duration wait) throws InterruptedException {
        if (ended || closed) {
            return List.of();
        }
        appended.drainPermits();
        List<EngineEvent> events = log.after(replicaId, cursor, PAGE);
        if (events.isEmpty() && appended.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            events = log.after(replicaId, cursor, PAGE);
        }
        List<StreamEvent> out = new ArrayList<>(events.size());
        for (EngineEvent event : events) {
            out.add(StreamEvent.of(event));
            cursor = event.id();
            if (ReplicaEvents.DELETED.equals(event.type())) {
                ended = true;
                break;
            }
        }
        return out;
    }

    /** True once the replica's deletion was delivered: nothing follows it. */
    public boolean ended() {
        return ended;
    }

    /** True once closed, by its reader or by a server shutting down. */
    public boolean closed() {
        return closed;
    }

    /** Stops the stream; a reader waiting in {@link #next} returns at once. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            log.unsubscribe(listener);
            appended.release();
            onClose.run();
        }
    }
}
