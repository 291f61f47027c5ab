package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Initialize params built by hand are the record Jackson binds; shapes not built by hand still go to Jackson. */
class InitializeParamsTest {

    private final McpJsonMapper fast = new ProtocolJsonMapper();
    private final McpJsonMapper jackson = new JacksonMcpJsonMapper(JsonMappers.protocol());

    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};
    private static final TypeRef<McpSchema.InitializeRequest> INITIALIZE = new TypeRef<>() {};

    /** Built by hand: what the TypeScript SDK, the Inspector, Claude's clients and our scripts send. */
    private static final List<String> BUILT = List.of("""
            {"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}""", """
            {"protocolVersion":"2025-06-18","capabilities":{"roots":{"listChanged":true},"sampling":{}},\
            "clientInfo":{"name":"claude-ai","title":"Claude","version":"0.1.0"}}""", """
            {"protocolVersion":"2025-03-26","capabilities":{"experimental":{"x":{"on":1}},"roots":{}},\
            "clientInfo":{"name":"n","version":"2","description":"d","websiteUrl":"https://example.com"},\
            "_meta":{"trace":"t"}}""", """
            {"protocolVersion":"2024-11-05","capabilities":{"roots":{"listChanged":false}},\
            "clientInfo":{"name":"n","version":"3","title":null}}""");

    /** Left to Jackson: shapes the hand-made path does not build. */
    private static final List<String> LEFT = List.of("""
            {"protocolVersion":"2025-11-25","capabilities":{"elicitation":{}},"clientInfo":{"name":"c","version":"1"}}""", """
            {"protocolVersion":"2025-11-25","capabilities":{"elicitation":{"form":{},"url":{}}},"clientInfo":{"name":"c","version":"1"}}""", """
            {"protocolVersion":"2025-11-25","capabilities":{"sampling":{"tools":{}}},"clientInfo":{"name":"c","version":"1"}}""", """
            {"protocolVersion":"2025-11-25","capabilities":{"tasks":{}},"clientInfo":{"name":"c","version":"1"}}""", """
            {"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"c","version":"1",\
            "icons":[{"src":"https://example.com/i.png"}]}}""", """
            {"protocolVersion":"2025-11-25","capabilities":{"roots":{"listChanged":"yes"}},"clientInfo":{"name":"c"}}""", """
            {"protocolVersion":"2025-11-25","clientInfo":{"name":"c","version":1}}""", """
            {"protocolVersion":"2025-11-25","unknown":true}""", """
            {"protocolVersion":"2024-11-05"}""", """
            {"capabilities":{},"clientInfo":{"name":"c","version":"1"}}""", """
            {"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"no version"}}""", """
            {"protocolVersion":"2025-06-18","capabilities":null,"clientInfo":null}""");

    @Test
    void commonParamsAreBuiltByHandAsJacksonWouldBindThem() throws Exception {
        for (String params : BUILT) {
            Map<String, Object> map = fast.readValue(params, MAP);
            assertThat(InitializeParams.from(map)).as(params).isNotNull();
            assertThat(fast.convertValue(map, INITIALIZE)).as(params).isEqualTo(jackson.convertValue(map, INITIALIZE));
        }
    }

    /** The bound request, or the kind of error binding it raised. */
    private static Object outcome(McpJsonMapper mapper, Map<String, Object> params) {
        try {
            return mapper.convertValue(params, INITIALIZE);
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    @Test
    void otherParamsGoToJacksonAndBindAsBefore() throws Exception {
        for (String params : LEFT) {
            Map<String, Object> map = fast.readValue(params, MAP);
            assertThat(InitializeParams.from(map)).as(params).isNull();
            assertThat(outcome(fast, map)).as(params).isEqualTo(outcome(jackson, map));
        }
    }
}
