package dev.replicasmcp.rest.routes;

import dev.replicasmcp.domain.event.EventStream;
import dev.replicasmcp.domain.event.StreamEvent;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open event stream: its cursor, its response, and whether it can take more now. Its response is in
 * the servlet's non-blocking mode, so no write ever waits on the client: a frame the socket cannot take
 * stays with Jetty, the stream is not writable until Jetty calls {@link #onWritePossible}, and meanwhile
 * the events wait in the log after its cursor. A client that stops reading thus costs one frame of memory
 * and no thread; Jetty's idle timeout ends its connection ({@link #onError}).
 */
final class StreamSubscriber implements WriteListener {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSubscriber.class);
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.US_ASCII);

    final EventStream stream;
    final String key;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    /** Held by the writer delivering it; the stream's cursor is read by one thread at a time. */
    final AtomicBoolean busy = new AtomicBoolean();

    private final ServletOutputStream out;
    private final String replicaId;
    private final Consumer<StreamSubscriber> onFinish;
    private final SharedFrames frames;
    private final AtomicBoolean finished = new AtomicBoolean();
    /** A frame written to no socket yet, and whether a flush is still owed; guarded by this. */
    private byte[] pending;

    private boolean unflushed;
    /** False from a write Jetty could not finish at once until it calls onWritePossible. */
    private volatile boolean writable;
    /** Set once replica.deleted was handed to the socket: no more frames, end when it is flushed. */
    private volatile boolean ending;

    private volatile long lastWrite = System.nanoTime();

    StreamSubscriber(
            EventStream stream,
            String key,
            ServletOutputStream out,
            String replicaId,
            SharedFrames frames,
            Consumer<StreamSubscriber> onFinish) {
        this.stream = stream;
        this.key = key;
        this.out = out;
        this.replicaId = replicaId;
        this.frames = frames;
        this.onFinish = onFinish;
    }

    /** Puts the response in non-blocking mode; Jetty answers with a first onWritePossible. */
    void listen() {
        out.setWriteListener(this);
    }

    /** Whether a writer should look at it now: it can take a frame, and has news or a heartbeat is due. */
    boolean due(long now, Duration heartbeat) {
        return writable && !ending && !finished.get() && (stream.hasNews() || now - lastWrite >= heartbeat.toNanos());
    }

    /** Closed or gone; a stream that delivered replica.deleted ends itself once that frame is flushed. */
    boolean over() {
        return finished.get() || stream.closed();
    }

    /** On a writer: sends what is new, or a heartbeat after a quiet spell; ends after replica.deleted. */
    void deliver(Duration heartbeat) {
        try {
            List<StreamEvent> events = stream.poll();
            if (!events.isEmpty()) {
                send(frames.of(events));
            } else if (System.nanoTime() - lastWrite >= heartbeat.toNanos()) {
                send(PING);
            }
            if (stream.ended()) {
                endOnceFlushed();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Event stream of replica {} ended: {}", replicaId, e.toString());
            finish();
        } finally {
            busy.set(false);
        }
    }

    private synchronized void send(byte[] frame) throws IOException {
        if (finished.get()) {
            return;
        }
        pending = frame;
        lastWrite = System.nanoTime();
        pump();
    }

    /**
     * Writes the pending frame and flushes it as far as the socket takes them without waiting. Set
     * unwritable before asking isReady: when it says no, Jetty calls onWritePossible afterwards, which
     * sets it back, so the wake-up cannot be lost between the two.
     */
    private synchronized void pump() throws IOException {
        while (true) {
            writable = false;
            if (finished.get() || !out.isReady()) {
                return;
            }
            if (pending != null) {
                byte[] frame = pending;
                pending = null;
                unflushed = true;
                out.write(frame);
            } else if (unflushed) {
                unflushed = false;
                out.flush();
            } else {
                writable = true;
                return;
            }
        }
    }

    @Override
    public void onWritePossible() throws IOException {
        pump();
        if (ending && drained()) {
            finish();
        }
    }

    /**
     * The last frame (replica.deleted) may still wait for the socket: the stream ends when it is out, from
     * here or from onWritePossible, never before (the client would miss the deletion).
     */
    private void endOnceFlushed() {
        ending = true;
        if (drained()) {
            finish();
        }
    }

    private synchronized boolean drained() {
        return pending == null && !unflushed;
    }

    /** The client went away, or stopped reading for longer than the idle timeout. */
    @Override
    public void onError(Throwable failure) {
        LOG.debug("Event stream of replica {} ended: {}", replicaId, failure.toString());
        finish();
    }

    void finish() {
        if (finished.compareAndSet(false, true)) {
            onFinish.accept(this);
            stream.close();
            done.complete(null);
        }
    }
}
