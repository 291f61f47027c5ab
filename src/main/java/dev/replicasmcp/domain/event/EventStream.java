package dev.replicasmcp.domain.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A subscriber's view of one replica's event log. It reads the persisted log after its cursor, so
 * the order is the log's order and nothing is skipped or repeated; live appends only wake it up.
 * The stream ends after the replica's deletion event.
 */
public final class EventStream implements AutoCloseable {

    static final int PAGE = 500;

    private final EventLog log;
    private final SharedReads reads;
    private final String replicaId;
    private final List<StreamEvent> opening;
    private final Runnable onClose;
    private final Semaphore appended = new Semaphore(0);
    /** Set by every append to this replica (and at first, for a replay): {@link #poll} has something to read. */
    private final AtomicBoolean news = new AtomicBoolean(true);

    private final Consumer<EngineEvent> listener;
    /** The highest event id appended for this replica that this stream was told of. */
    private volatile long signalled;
    /**
     * How often a read that stops short of the last signalled event is retried: the append is signalled
     * inside its transaction, before it commits, and a transaction that rolled back never shows up.
     */
    private static final int EMPTY_RETRIES = 40;

    private long cursor;
    private int shortReads;
    private volatile boolean fresh;
    private volatile boolean ended;
    private volatile boolean closed;

    EventStream(
            EventLog log,
            SharedReads reads,
            String replicaId,
            long cursor,
            List<StreamEvent> opening,
            Runnable onClose) {
        this.log = log;
        this.reads = reads;
        this.replicaId = replicaId;
        this.cursor = cursor;
        this.opening = opening;
        this.onClose = onClose;
        // Appends may run inside a transaction holding the database: the listener only signals.
        this.listener = event -> {
            if (event.replicaId().equals(replicaId)) {
                signalled = Math.max(signalled, event.id());
                fresh = true;
                news.set(true);
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
        return advance(events);
    }

    private List<StreamEvent> advance(List<EngineEvent> events) {
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

    /** Whether {@link #poll} may have events to return: something was appended since it last read. */
    public boolean hasNews() {
        return news.get() && !ended && !closed;
    }

    /**
     * The events after the cursor, without waiting: empty when nothing was appended since the last
     * call. For a deliverer that checks many streams from one thread; call it from one thread at a time.
     */
    public List<StreamEvent> poll() {
        if (ended || closed || !news.getAndSet(false)) {
            return List.of();
        }
        if (fresh) {
            fresh = false;
            shortReads = 0;
        }
        List<EngineEvent> events = reads.after(replicaId, cursor);
        List<StreamEvent> out = advance(events);
        if (!events.isEmpty()) {
            shortReads = 0; // progress: the budget is for reads that find nothing new
        }
        if (events.size() == PAGE) {
            news.set(true); // a full page: more may follow it
        } else if (cursor < signalled && ++shortReads <= EMPTY_RETRIES) {
            // Short of the last append signalled: it may not have committed yet (or the read was shared
            // before it did). Read again soon.
            news.set(true);
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
