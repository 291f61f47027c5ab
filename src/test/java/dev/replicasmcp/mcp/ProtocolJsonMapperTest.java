package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hand-made conversions give what Jackson's gave, message for message, as the SDK reads them from a
 * line: the fast path and the fallback are both compared against the plain SDK mapper.
 */
class ProtocolJsonMapperTest {

    private final McpJsonMapper fast = new ProtocolJsonMapper();
    private final McpJsonMapper jackson = new JacksonMcpJsonMapper(JsonMappers.protocol());

    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};
    private static final TypeRef<McpSchema.CallToolRequest> CALL = new TypeRef<>() {};

    private static final List<String> REQUESTS = List.of("""
            {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"list_replicas","arguments":{"limit":5,"ratio":1.5,"tags":["a",null]},"_meta":{"progressToken":"p"}}}""", """
            {"jsonrpc":"2.0","id":"abc","method":"tools/list"}""", """
            {"jsonrpc":"2.0","id":9007199254740993,"method":"ping","params":null}""", """
            {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x"},"extra":{"kept":false}}""");

    @Test
    void requestsAndNotificationsAreTheRecordsJacksonWouldBind() throws Exception {
        for (String line : REQUESTS) {
            assertThat(fast.convertValue(map(line), McpSchema.JSONRPCRequest.class))
                    .as(line)
                    .isEqualTo(jackson.convertValue(map(line), McpSchema.JSONRPCRequest.class));
        }
        String notification = """
                {"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":3}}""";
        assertThat(fast.convertValue(map(notification), McpSchema.JSONRPCNotification.class))
                .isEqualTo(jackson.convertValue(map(notification), McpSchema.JSONRPCNotification.class));
    }

    @Test
    void toolCallParamsAreTheRecordJacksonWouldBind() throws Exception {
        List<String> params = List.of("""
                {"name":"get_replica","arguments":{"replica_id":"r1","deep":{"n":[1,2.5,true]}},"_meta":{"progressToken":4}}""", """
                {"name":"list_replicas"}""", """
                {"name":"list_replicas","arguments":null}""", """
                {"arguments":{"a":1}}""", """
                {"name":"x","arguments":{},"unknown":1}""", """
                {"name":5,"arguments":{}}""");
        for (String line : params) {
            assertThat(fast.convertValue(map(line), CALL)).as(line).isEqualTo(jackson.convertValue(map(line), CALL));
        }
    }

    @Test
    void whatJacksonRefusesIsStillRefused() throws Exception {
        String badId = """
                {"jsonrpc":"2.0","id":1.5,"method":"tools/list"}""";
        String badArguments = """
                {"name":"x","arguments":[1,2]}""";

        assertThatThrownBy(() -> fast.convertValue(map(badId), McpSchema.JSONRPCRequest.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fast.convertValue(map(badArguments), CALL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherTypesGoToJackson() throws Exception {
        String response = """
                {"jsonrpc":"2.0","id":2,"result":{"tools":[]}}""";
        assertThat(fast.convertValue(map(response), McpSchema.JSONRPCResponse.class))
                .isEqualTo(jackson.convertValue(map(response), McpSchema.JSONRPCResponse.class));
        assertThat(fast.writeValueAsString(new McpSchema.JSONRPCNotification("2.0", "m", Map.of("a", 1))))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"a\":1}}");
    }

    private Map<String, Object> map(String line) throws Exception {
        return jackson.readValue(line, MAP);
    }
}
