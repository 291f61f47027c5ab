package dev.replicasmcp.rest.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.replicasmcp.domain.chat.SendMessage;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.support.TestCore;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery to clients that stop reading, on the real event log. A raw socket cannot show it on loopback:
 * the kernel takes megabytes before a write would wait (the send buffer grows to 4 MiB), so the clients
 * here are responses in the servlet's non-blocking mode whose socket is full after the first frame, as
 * Jetty's are, and which fail any write made while not ready, as Jetty's do.
 */
class StreamHubTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void clientsThatStopReadingHoldUpNoOtherStream() throws Exception {
        try (TestCore t = new TestCore(dir, Duration.ZERO);
                StreamHub hub = new StreamHub(Duration.ofSeconds(15), 100, key -> true)) {
            Replica replica = t.replica("busy", "warm up");
            List<Client> stalled = new ArrayList<>();
            List<Client> reading = new ArrayList<>();
            List<CompletableFuture<Void>> ends = new ArrayList<>();
            // More stalled clients than the hub has writers: blocking writes would stop every stream.
            for (int i = 0; i < 10; i++) {
                Client client = new Client(false);
                stalled.add(client);
                ends.add(hub.add(t.services.events().open(t.caller, replica.id(), null), "key", client, replica.id()));
            }
            for (int i = 0; i < 3; i++) {
                Client client = new Client(true);
                reading.add(client);
                ends.add(hub.add(t.services.events().open(t.caller, replica.id(), null), "key", client, replica.id()));
            }
            // Each stalled client takes its one frame (the replica's first events) before the messages go
            // out: sent faster than the hub's first delivery, they would all fit in that one frame.
            for (Client client : stalled) {
                await().atMost(WAIT).until(() -> client.writes() > 0);
            }
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(t.services
                        .messages()
                        .send(
                                t.caller,
                                replica.id(),
                                new SendMessage("message " + i, null, null, null, null, null, null))
                        .messageId());
            }

            for (Client client : reading) {
                await().atMost(WAIT).until(() -> sent.stream().allMatch(client.text()::contains));
            }
            for (Client client : stalled) {
                assertThat(client.writes())
                        .as("a stalled client takes one frame, then nothing")
                        .isEqualTo(1);
                assertThat(client.text()).doesNotContain(sent.get(sent.size() - 1));
            }
            assertThat(stalled).noneMatch(Client::misused);
            assertThat(reading).noneMatch(Client::misused);
            hub.close();
            assertThat(ends).allMatch(CompletableFuture::isDone);
        }
    }

    /**
     * The deletion is polled (the stream is then over) before its frame is out: a socket that is full at
     * that moment must not end the stream, or the client never learns the replica is gone.
     */
    @Test
    void theDeletionIsFlushedBeforeTheStreamEnds() throws Exception {
        try (TestCore t = new TestCore(dir, Duration.ZERO)) {
            Replica replica = t.replica("doomed", "hello");
            Client slow = new Client(false);
            var stream = t.services.events().open(t.caller, replica.id(), null);
            StreamSubscriber subscriber =
                    new StreamSubscriber(stream, "key", slow, replica.id(), new SharedFrames(), s -> {});
            subscriber.listen();
            // An append is signalled before it commits: a poll may come first and find nothing yet (the
            // server's deliverer polls again), so deliver until the socket has taken a frame and is full.
            await().atMost(WAIT).until(() -> {
                subscriber.deliver(Duration.ofSeconds(15));
                return slow.writes() == 1;
            });
            t.services.replicas().delete(t.caller, replica.id());
            // Until replica.deleted is polled; the socket is still full, so its frame waits.
            await().atMost(WAIT).until(() -> {
                subscriber.deliver(Duration.ofSeconds(15));
                return stream.ended();
            });
            assertThat(slow.writes()).isEqualTo(1);
            assertThat(subscriber.over())
                    .as("not over while replica.deleted waits")
                    .isFalse();
            assertThat(subscriber.done).isNotDone();
            await().atMost(WAIT).until(() -> {
                slow.drain();
                return subscriber.done.isDone();
            });
            assertThat(slow.text()).contains("replica.deleted");
            assertThat(slow.misused()).isFalse();
        }
    }

    /** A response in non-blocking mode; a stalled one is full after each write until it is drained. */
    private static final class Client extends ServletOutputStream {

        private final boolean reads;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private int writes;
        private boolean full;
        private boolean misused;
        private WriteListener listener;

        Client(boolean reads) {
            this.reads = reads;
        }

        synchronized String text() {
            return received.toString(StandardCharsets.UTF_8);
        }

        synchronized int writes() {
            return writes;
        }

        synchronized boolean misused() {
            return misused;
        }

        @Override
        public synchronized boolean isReady() {
            return !full;
        }

        /** The client reads what the socket holds: room for one more frame, and Jetty says so. */
        void drain() throws java.io.IOException {
            WriteListener toCall;
            synchronized (this) {
                if (!full) {
                    return;
                }
                full = false;
                toCall = listener;
            }
            toCall.onWritePossible();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            synchronized (this) {
                this.listener = listener;
            }
            try {
                listener.onWritePossible();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            if (full) {
                misused = true; // Jetty throws here: a write while not ready
                throw new IllegalStateException("not ready");
            }
            received.write(bytes, offset, length);
            writes++;
            full = !reads;
        }

        @Override
        public synchronized void flush() {
            if (full) {
                misused = true; // Jetty throws here too
                throw new IllegalStateException("not ready");
            }
        }
    }
}
