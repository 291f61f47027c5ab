package dev.replicasmcp.rest.routes;

import dev.replicasmcp.domain.event.EventStream;
import jakarta.servlet.ServletOutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every open event stream without a thread per stream: one ticker looks at all of them and
 * hands the ones with news (or a heartbeat due) to a few writers. A waiting stream holds no thread;
 * its request is asynchronous and ends when its future completes, and its writes do not block, so a
 * client that stops reading delays no other stream ({@link StreamSubscriber}). The ticker also ends the streams
 * of revoked keys (checked in the database, so a revocation by another process counts too).
 */
final class StreamHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);
    private static final long TICK_MILLIS = 50;
    private static final long KEY_CHECK_MILLIS = 400;
    /** Writers read the log and hand frames to Jetty, never waiting on a client (non-blocking writes). */
    private static final int WRITERS = 4;

    private final Duration heartbeat;
    private final int maxPerKey;
    private final Predicate<String> keyActive;
    private final Set<StreamSubscriber> open = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> perKey = new ConcurrentHashMap<>();
    private final SharedFrames frames = new SharedFrames();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("event-streams"));
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, daemon("event-stream-writer"));
    private long lastKeyCheck = System.nanoTime();

    StreamHub(Duration heartbeat, int maxPerKey, Predicate<String> keyActive) {
        this.heartbeat = heartbeat;
        this.maxPerKey = maxPerKey;
        this.keyActive = keyActive;
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Takes a stream slot of the key; false when it has {@code maxPerKey} open already. */
    boolean reserve(String key) {
        AtomicInteger count = perKey.computeIfAbsent(key, k -> new AtomicInteger());
        if (count.incrementAndGet() > maxPerKey) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Gives back a slot taken by {@link #reserve} for a stream that did not start. */
    void release(String key) {
        AtomicInteger count = perKey.get(key);
        if (count != null) {
            count.decrementAndGet();
        }
    }

    int maxPerKey() {
        return maxPerKey;
    }

    /**
     * Starts delivering a stream whose response is open (headers and opening sent) and asynchronous; the
     * future ends it.
     */
    CompletableFuture<Void> add(EventStream stream, String key, ServletOutputStream out, String replicaId) {
        StreamSubscriber subscriber = new StreamSubscriber(stream, key, out, replicaId, frames, this::forget);
        open.add(subscriber);
        try {
            subscriber.listen();
        } catch (RuntimeException e) {
            LOG.debug("Event stream of replica {} could not start: {}", replicaId, e.toString());
            subscriber.finish();
        }
        return subscriber.done;
    }

    private void forget(StreamSubscriber subscriber) {
        if (open.remove(subscriber)) {
            release(subscriber.key);
        }
    }

    /** Ends every open stream and waits briefly for their last writes, so clients see a clean end. */
    @Override
    public void close() {
        ticker.shutdownNow();
        open.forEach(StreamSubscriber::finish);
        writers.shutdown();
        try {
            writers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writers.shutdownNow();
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            if (now - lastKeyCheck >= TimeUnit.MILLISECONDS.toNanos(KEY_CHECK_MILLIS)) {
                lastKeyCheck = now;
                endRevoked();
            }
            for (StreamSubscriber s : open) {
                if (s.over()) {
                    s.finish();
                } else if (s.due(now, heartbeat) && s.busy.compareAndSet(false, true)) {
                    writers.execute(() -> s.deliver(heartbeat));
                }
            }
        } catch (RuntimeException e) {
            // One bad round must not stop every stream; the next tick tries again.
            LOG.warn("Event stream delivery round failed: {}", e.toString());
        }
    }

    private void endRevoked() {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        open.forEach(s -> keys.add(s.key));
        for (String key : keys) {
            if (!keyActive.test(key)) {
                open.stream().filter(s -> s.key.equals(key)).forEach(StreamSubscriber::finish);
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
