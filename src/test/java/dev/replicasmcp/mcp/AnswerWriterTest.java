package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tool and initialize answers written by hand are Jackson's text byte for byte; other messages are still Jackson's. */
class AnswerWriterTest {

    private final ObjectMapper mapper = JsonMappers.protocol();
    private final JacksonMcpJsonMapper jackson = new JacksonMcpJsonMapper(mapper);
    private final AnswerWriter writer = new AnswerWriter(mapper);
    private final ProtocolJsonMapper protocol = new ProtocolJsonMapper();

    @Test
    void toolAnswersAreWhatJacksonWrites() throws Exception {
        ObjectNode structured = mapper.createObjectNode();
        structured.putArray("replicas").addObject().put("id", "r1").put("name", "é \"quoted\" \n\u2028 </script>");
        structured.put("total", 1).put("ratio", 0.5).putNull("next");
        Map<String, Object> structuredMap = new LinkedHashMap<>();
        structuredMap.put("a", List.of(1, 2L, "x"));
        structuredMap.put("b", null);
        List<McpSchema.CallToolResult> results = List.of(
                McpSchema.CallToolResult.builder()
                        .structuredContent(structured)
                        .addTextContent(structured.toString())
                        .build(),
                McpSchema.CallToolResult.builder()
                        .addTextContent("Replica 'x' was not found. list_replicas shows them.")
                        .isError(true)
                        .build(),
                new McpSchema.CallToolResult(
                        List.of(new McpSchema.TextContent("one"), new McpSchema.TextContent("two")),
                        false,
                        structuredMap,
                        null),
                new McpSchema.CallToolResult(new ArrayList<>(), null, null, null),
                new McpSchema.CallToolResult(List.of(), null, "text structure", null));
        for (Object id : Arrays.asList(7, 9_007_199_254_740_993L, "req-1", Integer.MIN_VALUE)) {
            for (McpSchema.CallToolResult result : results) {
                McpSchema.JSONRPCResponse response = new McpSchema.JSONRPCResponse("2.0", id, result, null);
                String expected = jackson.writeValueAsString(response);
                assertThat(writer.write(response)).as(expected).isEqualTo(expected);
                assertThat(protocol.writeValueAsString(response)).isEqualTo(expected);
                assertThat(protocol.writeValueAsBytes(response)).isEqualTo(jackson.writeValueAsBytes(response));
            }
        }
    }

    @Test
    void aToolsStructuredResultIsCopiedWithItsTextOnlyWhenTheTextIsTheOneWrittenWithIt() throws Exception {
        WrittenJson written = WrittenJson.of("{\"copied\":true}".getBytes(StandardCharsets.UTF_8));
        McpSchema.JSONRPCResponse same = new McpSchema.JSONRPCResponse(
                "2.0",
                1,
                new McpSchema.CallToolResult(List.of(new McpSchema.TextContent(written.json())), false, written, null),
                null);
        McpSchema.JSONRPCResponse other = new McpSchema.JSONRPCResponse(
                "2.0",
                1,
                new McpSchema.CallToolResult(
                        List.of(new McpSchema.TextContent(new String(written.json()))), false, written, null),
                null);

        assertThat(writer.write(same))
                .contains("\"text\":\"{\\\"copied\\\":true}\"")
                .contains("\"structuredContent\":{\"copied\":true}");
        // Not its own text: written as Jackson writes it (raw, as it is), the text quoted by Jackson.
        assertThat(writer.write(other)).isEqualTo(jackson.writeValueAsString(other));
    }

    @Test
    void aToolsAnswerAsTheInvokerMakesItIsWhatJacksonWrites() throws Exception {
        ObjectMapper tools = JsonMappers.tools();
        ObjectNode plain = tools.createObjectNode();
        plain.putArray("events")
                .addObject()
                .put("text", "é \"q\" \\ path\\to \u2028 </x> 😀 \n\t line")
                .putObject("payload")
                .put("json", "{\"nested\":\"a\\\"b\"}");
        plain.put("total", 1)
                .put("big", 9_007_199_254_740_993L)
                .put("ratio", 1e-7)
                .putNull("next");
        ObjectNode control = tools.createObjectNode().put("name", "é \"q\" \u2028 </x> \u0001");
        for (ObjectNode tree : List.of(plain, control)) {
            WrittenJson written = WrittenJson.of(tools.writeValueAsBytes(tree));
            McpSchema.JSONRPCResponse response = new McpSchema.JSONRPCResponse(
                    "2.0",
                    "r-9",
                    McpSchema.CallToolResult.builder()
                            .structuredContent(written)
                            .addTextContent(written.json())
                            .build(),
                    null);

            assertThat(writer.write(response)).isEqualTo(jackson.writeValueAsString(response));
            assertThat(writer.writeBytes(response)).isEqualTo(jackson.writeValueAsBytes(response));
            assertThat(tools.<JsonNode>valueToTree(written)).isEqualTo(tree);
            assertThat(written.json()).isEqualTo(tools.writeValueAsString(tree));
        }
    }

    @Test
    void initializeAnswersAreWhatJacksonWrites() throws Exception {
        ServerCapabilities.ResourceCapabilities resources = new ServerCapabilities.ResourceCapabilities(true, null);
        List<ServerCapabilities> capabilities = Arrays.asList(
                ServerCapabilities.builder().logging().tools(true).build(),
                ServerCapabilities.builder()
                        .completions()
                        .logging()
                        .prompts(false)
                        .resources(true, true)
                        .tools(null)
                        .build(),
                new ServerCapabilities(
                        null, null, null, new ServerCapabilities.PromptCapabilities(null), resources, null));
        List<McpSchema.Implementation> infos = Arrays.asList(
                new McpSchema.Implementation("replicas-mcp", "0.1.0"),
                new McpSchema.Implementation("n", "Title \"q\"", "2", "about", null, "https://example.com"));
        for (ServerCapabilities capability : capabilities) {
            for (McpSchema.Implementation info : infos) {
                for (String instructions : Arrays.asList(McpServerFactory.INSTRUCTIONS, null)) {
                    McpSchema.JSONRPCResponse response = new McpSchema.JSONRPCResponse(
                            "2.0",
                            "i-1",
                            new McpSchema.InitializeResult("2025-11-25", capability, info, instructions),
                            null);
                    String expected = jackson.writeValueAsString(response);
                    assertThat(writer.write(response)).as(expected).isEqualTo(expected);
                    assertThat(writer.writeBytes(response)).isEqualTo(jackson.writeValueAsBytes(response));
                }
            }
        }
    }

    @Test
    void otherMessagesAreLeftToJackson() throws Exception {
        List<Object> others = List.of(
                new McpSchema.JSONRPCResponse(
                        "2.0", 1, null, new McpSchema.JSONRPCResponse.JSONRPCError(-32602, "Unknown tool: x", null)),
                new McpSchema.JSONRPCResponse("2.0", 1, new McpSchema.ListToolsResult(List.of(), null), null),
                new McpSchema.JSONRPCResponse(
                        "2.0",
                        1,
                        new McpSchema.CallToolResult(
                                List.of(new McpSchema.TextContent("t")), false, null, Map.of("m", 1)),
                        null),
                new McpSchema.JSONRPCResponse(
                        "2.0",
                        1,
                        new McpSchema.CallToolResult(
                                List.of(new McpSchema.ImageContent(null, "aGk=", "image/png")), false, null, null),
                        null),
                new McpSchema.JSONRPCResponse(
                        "2.0",
                        1,
                        new McpSchema.InitializeResult(
                                "2025-11-25",
                                new ServerCapabilities(null, Map.of("x", Map.of()), null, null, null, null),
                                new McpSchema.Implementation("n", "1"),
                                null),
                        null),
                new McpSchema.JSONRPCNotification("2.0", "notifications/progress", Map.of("progress", 1)));
        for (Object message : others) {
            assertThat(writer.write(message)).as(message.toString()).isNull();
            assertThat(writer.writeBytes(message)).as(message.toString()).isNull();
            assertThat(protocol.writeValueAsString(message)).isEqualTo(jackson.writeValueAsString(message));
            assertThat(protocol.writeValueAsBytes(message)).isEqualTo(jackson.writeValueAsBytes(message));
        }
    }
}
