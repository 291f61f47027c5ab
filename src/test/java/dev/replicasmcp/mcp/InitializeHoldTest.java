package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The answer to initialize waits until the server is ready (StdioTransport's ready), and only that answer:
 * not written while the server is not ready, written once it is, or at once when getting ready failed.
 */
class InitializeHoldTest {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    private final StdioPipe pipe = new StdioPipe();
    private McpSyncServer server;

    /** A readiness the test releases; counts how often the transport waited for it. */
    static final class Held extends CompletableFuture<Object> {
        final CountDownLatch waiting = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);
        final AtomicInteger waits = new AtomicInteger();

        @Override
        public Object get(long timeout, TimeUnit unit) throws InterruptedException {
            waits.incrementAndGet();
            waiting.countDown();
            released.await(timeout, unit);
            return null;
        }
    }

    @AfterEach
    void close() throws IOException {
        pipe.client.close();
        if (server != null) {
            server.closeGracefully();
        }
    }

    private void start(Future<?> ready) throws IOException {
        ProtocolJsonMapper mapper = new ProtocolJsonMapper();
        StdioInput input = pipe.input(mapper, 1 << 16);
        server = McpServer.sync(new StdioTransport(mapper, input, pipe.out, input::answered, name -> false, ready))
                .serverInfo("test", "1")
                .jsonMapper(new ProtocolJsonMapper())
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .immediateExecution(true)
                .build();
    }

    @Test
    void theAnswerToInitializeIsWrittenOnlyOnceTheServerIsReady() throws Exception {
        Held ready = new Held();
        start(ready);
        pipe.send(INITIALIZE);

        assertThat(ready.waiting.await(20, TimeUnit.SECONDS))
                .as("the transport waits for the server")
                .isTrue();
        assertThat(pipe.out.lines()).as("nothing written while it waits").isEmpty();
        ready.released.countDown();

        JsonNode answer = pipe.awaitLines(1).get(0);
        assertThat(answer.get("id").asInt()).isZero();
        assertThat(answer.at("/result/serverInfo/name").asText()).isEqualTo("test");
    }

    @Test
    void onlyTheAnswerToInitializeWaits() throws Exception {
        Held ready = new Held();
        ready.released.countDown();
        start(ready);
        pipe.send(INITIALIZE);
        pipe.awaitLines(1);
        pipe.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        pipe.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        pipe.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");

        List<JsonNode> lines = pipe.awaitLines(3);
        assertThat(lines.get(1).get("id").asInt()).isEqualTo(1);
        assertThat(lines.get(2).get("id").asInt()).isEqualTo(2);
        assertThat(ready.waits).as("waited for, once").hasValue(1);
    }

    @Test
    void aServerThatFailedToGetReadyStillAnswersInitialize() throws Exception {
        start(CompletableFuture.failedFuture(new IllegalStateException("The database could not be opened")));
        pipe.send(INITIALIZE);

        assertThat(pipe.awaitLines(1).get(0).at("/result/protocolVersion").asText())
                .isEqualTo("2025-06-18");
    }
}
