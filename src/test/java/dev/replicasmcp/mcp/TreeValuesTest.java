package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A line parsed once and handed on gives the SDK exactly the values its own reader would. */
class TreeValuesTest {

    private static final ObjectMapper TREE = new ObjectMapper();

    static final List<String> LINES = List.of("""
            {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"list_replicas","arguments":{"limit":5,"ratio":1.5,"tags":["a",null,true]},"_meta":{"progressToken":"p"}}}""", """
            {"jsonrpc":"2.0","id":"x","method":"m","params":{"big":12345678901,"huge":123456789012345678901234567890,"neg":-0.0,"exp":1e400,"tiny":4.9e-324,"deep":[[{"a":[]}],{}],"text":"é ✓ \\u0000 \\n"}}""", """
            {"method":"notifications/initialized","jsonrpc":"2.0"}""", """
            {"jsonrpc":"2.0","id":3,"result":{"roots":[{"uri":"file:///tmp","name":"t"}]},"dup":1,"dup":2}""");

    @Test
    void valuesEqualWhatTheSdksReaderMakesOfTheSameLine() throws Exception {
        ProtocolJsonMapper sdk = new ProtocolJsonMapper();
        for (String line : LINES) {
            HashMap<String, Object> theirs = sdk.readValue(line, new TypeRef<HashMap<String, Object>>() {});
            HashMap<String, Object> ours = TreeValues.message(TREE.readTree(line));
            assertThat(ours).as(line).isEqualTo(theirs);
            assertSameTypes(ours, theirs, line);
        }
    }

    @Test
    void messagesEqualWhatTheSdksReaderMakesOfTheSameLine() throws Exception {
        ProtocolJsonMapper sdk = new ProtocolJsonMapper();
        List<String> lines = new ArrayList<>(LINES);
        lines.add("{\"jsonrpc\":\"2.0\",\"id\":12345678901,\"method\":\"ping\"}");
        lines.add(
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":1,\"progress\":0.5}}");
        lines.add("{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}");
        lines.add("{\"jsonrpc\":\"2.0\",\"method\":7,\"params\":[1,\"a\"]}");
        lines.add("{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"code\":-32601,\"message\":\"no\",\"data\":{\"x\":[1]}}}");
        for (String line : lines) {
            McpSchema.JSONRPCMessage theirs = McpSchema.deserializeJsonRpcMessage(sdk, line);
            McpSchema.JSONRPCMessage ours = StdioInput.message(sdk, TreeValues.message(TREE.readTree(line)));
            assertThat(ours).as(line).isEqualTo(theirs);
            assertSameTypes(params(ours), params(theirs), line);
        }
    }

    private static Object params(McpSchema.JSONRPCMessage message) {
        if (message instanceof McpSchema.JSONRPCRequest request) {
            return request.params();
        }
        return message instanceof McpSchema.JSONRPCNotification notification ? notification.params() : null;
    }

    /** Equal is not enough: 5 and 5L are not equal, but 1.0 and a BigDecimal must not slip through either. */
    private static void assertSameTypes(Object ours, Object theirs, String where) {
        if (theirs == null) {
            assertThat(ours).as(where).isNull();
            return;
        }
        assertThat(ours.getClass())
                .as(where)
                .isEqualTo(theirs.getClass() == HashMap.class ? HashMap.class : theirs.getClass());
        if (theirs instanceof Map<?, ?> map) {
            assertThat(List.copyOf(((Map<?, ?>) ours).keySet()))
                    .as("field order of %s", where)
                    .isEqualTo(List.copyOf(map.keySet()));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                assertSameTypes(((Map<?, ?>) ours).get(entry.getKey()), entry.getValue(), where + "/" + entry.getKey());
            }
        } else if (theirs instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertSameTypes(((List<?>) ours).get(i), list.get(i), where + "[" + i + "]");
            }
        }
    }
}
