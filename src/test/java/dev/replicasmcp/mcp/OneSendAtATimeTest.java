package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The SDK's stdio transport drops a message when another thread has been queueing one for more than
 * 100 ms. The wrapper must therefore never let two sends into the transport at once, however slow one is.
 */
class OneSendAtATimeTest {

    /** An SDK transport that takes its time queueing each message and records how many were queueing at once. */
    static final class SlowTransport implements McpServerTransport {
        final AtomicInteger queueing = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final List<McpSchema.JSONRPCMessage> sent = new CopyOnWriteArrayList<>();

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> {
                mostAtOnce.accumulateAndGet(queueing.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(150); // a sender paused longer than the SDK's 100 ms of retrying
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sent.add(message);
                queueing.decrementAndGet();
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return null;
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }

    /** Hands the transport to the session factory, as the SDK's stdio provider does when it starts. */
    static McpServerTransport sessionTransport(McpServerTransport transport) {
        AtomicReference<McpServerTransport> given = new AtomicReference<>();
        new OneSendAtATime(new McpServerTransportProvider() {
                    @Override
                    public void setSessionFactory(McpServerSession.Factory factory) {
                        factory.create(transport);
                    }

                    @Override
                    public Mono<Void> notifyClients(String method, Object params) {
                        return Mono.empty();
                    }

                    @Override
                    public Mono<Void> closeGracefully() {
                        return Mono.empty();
                    }
                })
                .setSessionFactory(t -> {
                    given.set(t);
                    return null;
                });
        return given.get();
    }

    @Test
    void concurrentSendsReachTheTransportOneAtATimeAndAllArrive() throws Exception {
        SlowTransport slow = new SlowTransport();
        McpServerTransport wrapped = sessionTransport(slow);
        assertThat(wrapped).isNotSameAs(slow);
        ExecutorService senders = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                McpSchema.JSONRPCMessage message = new McpSchema.JSONRPCNotification("2.0", "n" + i, null);
                sends.add(senders.submit(() -> wrapped.sendMessage(message).block(Duration.ofSeconds(10))));
            }
            for (Future<?> send : sends) {
                send.get(20, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(slow.sent).hasSize(6);
        assertThat(slow.mostAtOnce.get())
                .as("sends inside the transport at the same time")
                .isEqualTo(1);
    }

    @Test
    void withoutTheWrapperTheSameSendsOverlap() throws Exception {
        SlowTransport slow = new SlowTransport();
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sends.add(senders.submit(() -> slow.sendMessage(new McpSchema.JSONRPCNotification("2.0", "n", null))
                        .block(Duration.ofSeconds(10))));
            }
            for (Future<?> send : sends) {
                send.get(20, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(slow.mostAtOnce.get()).as("the probe can see overlap").isGreaterThan(1);
    }
}
