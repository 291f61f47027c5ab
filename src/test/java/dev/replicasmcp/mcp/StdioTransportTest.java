package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our stdio transport under the SDK's real server: answers sent from many threads at once each arrive whole,
 * on a line of their own, a call's progress before its answer; a line that is not a JSON-RPC message is
 * answered with an error and the next is still read; end of input ends the reading thread; a quick call
 * runs on the reading thread, any other on the pool.
 */
class StdioTransportTest {

    private static final int CALLS = 60;

    private final StdioPipe pipe = new StdioPipe();
    /** The thread each call ran on, by the call's n. */
    private final Map<Integer, String> ranOn = new ConcurrentHashMap<>();

    private McpSyncServer server;

    @AfterEach
    void close() throws IOException {
        pipe.client.close();
        if (server != null) {
            server.closeGracefully();
        }
    }

    private void start() throws IOException {
        start(name -> false);
    }

    /** The server as stdio runs it: the session runs what it is handed, the transport picks the thread. */
    private void start(Predicate<String> quick) throws IOException {
        McpSchema.Tool echo = McpSchema.Tool.builder()
                .name("echo")
                .inputSchema(new McpSchema.JsonSchema("object", Map.of(), List.of(), null, null, null))
                .build();
        McpServerFeatures.SyncToolSpecification spec = McpServerFeatures.SyncToolSpecification.builder()
                .tool(echo)
                .callHandler((exchange, request) -> {
                    ranOn.put(
                            ((Number) request.arguments().get("n")).intValue(),
                            Thread.currentThread().getName());
                    if (request.progressToken() != null) {
                        exchange.progressNotification(
                                new McpSchema.ProgressNotification(request.progressToken(), 1.0, null, null));
                    }
                    return McpSchema.CallToolResult.builder()
                            .addTextContent(String.valueOf(request.arguments().get("n")))
                            .build();
                })
                .build();
        ProtocolJsonMapper mapper = new ProtocolJsonMapper();
        StdioInput input = pipe.input(mapper, 1 << 20);
        McpServerFeatures.SyncToolSpecification look = McpServerFeatures.SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder()
                        .name("look")
                        .inputSchema(echo.inputSchema())
                        .build())
                .callHandler(spec.callHandler())
                .build();
        server = McpServer.sync(new StdioTransport(mapper, input, pipe.out, input::answered, quick))
                .serverInfo("test", "1")
                .jsonMapper(new ProtocolJsonMapper())
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(spec, look)
                .immediateExecution(true)
                .build();
    }

    private void initialize() throws Exception {
        pipe.send(
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        pipe.awaitLines(1);
        pipe.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    @Test
    void answersSentFromManyThreadsArriveWholeWithEachCallsProgressFirst() throws Exception {
        start();
        initialize();
        StringBuilder burst = new StringBuilder();
        for (int i = 1; i <= CALLS; i++) {
            burst.append("{\"jsonrpc\":\"2.0\",\"id\":")
                    .append(i)
                    .append(",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"n\":")
                    .append(i)
                    .append("},\"_meta\":{\"progressToken\":\"p")
                    .append(i)
                    .append("\"}}}\n");
        }
        pipe.client.write(burst.toString().getBytes(StandardCharsets.UTF_8));
        pipe.client.flush();

        List<JsonNode> lines = pipe.awaitLines(1 + 2 * CALLS);
        Map<String, Integer> progressAt = new HashMap<>();
        Map<Integer, Integer> answerAt = new HashMap<>();
        for (int at = 1; at < lines.size(); at++) {
            JsonNode message = lines.get(at);
            if (message.has("method")) {
                assertThat(message.get("method").asText()).isEqualTo("notifications/progress");
                progressAt.put(message.at("/params/progressToken").asText(), at);
            } else {
                int id = message.get("id").asInt();
                assertThat(message.at("/result/content/0/text").asText()).isEqualTo(String.valueOf(id));
                assertThat(answerAt.put(id, at)).as("answered once: %s", id).isNull();
            }
        }
        assertThat(answerAt).hasSize(CALLS);
        for (int id = 1; id <= CALLS; id++) {
            assertThat(progressAt.get("p" + id))
                    .as("progress of call %s before its answer", id)
                    .isLessThan(answerAt.get(id));
        }
        assertThat(pipe.out.mostAtOnce.get())
                .as("writes into stdout at the same time")
                .isEqualTo(1);
    }

    @Test
    void aQuickCallRunsOnTheReadingThreadAndEveryOtherCallOnThePool() throws Exception {
        start("look"::equals);
        initialize();
        pipe.send(call(1, "look"));
        pipe.awaitLines(2);
        pipe.send(call(2, "echo"));
        pipe.awaitLines(3);
        pipe.client.write((call(3, "look") + "\n" + call(4, "look") + "\n").getBytes(StandardCharsets.UTF_8));
        pipe.client.flush();
        List<JsonNode> lines = pipe.awaitLines(5);
        assertThat(ranOn.get(1)).as("a quick call").isEqualTo("stdio-reader");
        assertThat(ranOn.get(2)).as("a call that is not quick").startsWith("boundedElastic");
        assertThat(ranOn.get(3)).as("quick calls sent together").isEqualTo("stdio-reader");
        assertThat(ranOn.get(4)).as("quick calls sent together").isEqualTo("stdio-reader");
        assertThat(lines.subList(3, 5))
                .extracting(line -> line.get("id").asInt())
                .as("answered in the order read")
                .containsExactly(3, 4);
    }

    private static String call(int n, String tool) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + n + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":{\"n\":" + n + "}}}";
    }

    @Test
    void aLineThatIsNoMessageIsAnsweredWithAnErrorAndReadingGoesOn() throws Exception {
        start();
        initialize();
        pipe.send("{\"jsonrpc\":\"2.0\",\"id\":6}");
        pipe.send("not json");
        pipe.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}");
        List<JsonNode> lines = pipe.awaitLines(4);
        assertThat(lines.get(1).get("id").asInt()).isEqualTo(6);
        assertThat(lines.get(1).at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(lines.get(2).at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(lines.get(3).get("id").asInt()).isEqualTo(7);
        assertThat(lines.get(3).has("result")).isTrue();
    }

    @Test
    void endOfInputEndsTheReadingThread() throws Exception {
        Set<Thread> before = readers();
        start();
        initialize();
        Set<Thread> ours = readers();
        ours.removeAll(before);
        assertThat(ours).as("the transport's reading thread").hasSize(1);
        Thread reader = ours.iterator().next();
        pipe.client.close();
        reader.join(10_000);
        assertThat(reader.isAlive())
                .as("stdio-reader still running after end of input")
                .isFalse();
    }

    private static Set<Thread> readers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("stdio-reader") && t.isAlive())
                .collect(Collectors.toCollection(HashSet::new));
    }
}
