package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.RawHttp;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tool calls over Streamable HTTP that the guard answers itself as one JSON body ({@link DirectCalls}), and
 * those it leaves to the SDK's event stream: the answers are the same JSON-RPC messages either way.
 */
class DirectCallsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SESSION = Pattern.compile("(?im)^mcp-session-id:\\s*(\\S+)");

    @TempDir
    static Path dir;

    static HttpFixture http;
    static String session;

    @BeforeAll
    static void start() throws Exception {
        http = HttpFixture.start(dir);
        RawHttp.Answer opened = post(null, """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                "capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""");
        Matcher m = SESSION.matcher(opened.head());
        assertThat(m.find()).as(opened.head()).isTrue();
        session = m.group(1);
        assertThat(post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                        .status())
                .isEqualTo(202);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void aCallIsAnsweredAsJsonWithTheResultTheSdkGivesOverItsEventStream() throws Exception {
        RawHttp.Answer direct = post(session, call("\"a-1\"", "list_replicas", "{\"limit\":5}", null));
        assertThat(direct.status()).isEqualTo(200);
        assertThat(contentType(direct)).isEqualTo("application/json");
        JsonNode answer = JSON.readTree(direct.body());
        assertThat(answer.get("id").textValue()).isEqualTo("a-1");

        // With a progress token the call needs the SDK's event stream, where progress can go before the answer.
        RawHttp.Answer streamed = post(session, call("\"a-1\"", "list_replicas", "{\"limit\":5}", "\"p1\""));
        assertThat(streamed.status()).isEqualTo(200);
        assertThat(contentType(streamed)).isEqualTo("text/event-stream");
        assertThat(answer).isEqualTo(lastEvent(streamed.body()));
        assertThat(answer.path("result").path("structuredContent").path("limit").asInt())
                .as(direct.body())
                .isEqualTo(5);
    }

    @Test
    void aWholeNumberIdAndAToolErrorAreAnsweredAsTheSdkWould() throws Exception {
        RawHttp.Answer direct = post(session, call("7", "get_replica", "{\"replica_id\":\"nope\"}", null));
        RawHttp.Answer streamed = post(session, call("7", "get_replica", "{\"replica_id\":\"nope\"}", "2"));
        assertThat(contentType(direct)).isEqualTo("application/json");
        JsonNode answer = JSON.readTree(direct.body());
        assertThat(answer.get("id").isInt()).as(direct.body()).isTrue();
        assertThat(answer.path("result").path("isError").asBoolean())
                .as(direct.body())
                .isTrue();
        assertThat(answer).isEqualTo(lastEvent(streamed.body()));
    }

    @Test
    void switchingToolsetsOnGoesThroughTheSdkAndTheirToolsAreThenAnsweredDirectly() throws Exception {
        RawHttp.Answer enabled = post(session, call("20", "enable_toolset", "{\"name\":\"hooks\"}", null));
        assertThat(contentType(enabled))
                .as("enable_toolset changes the server's tool list: the SDK answers it")
                .isEqualTo("text/event-stream");
        JsonNode tools = lastEvent(enabled.body())
                .path("result")
                .path("structuredContent")
                .path("tools");
        assertThat(tools.size()).as(enabled.body()).isPositive();
        RawHttp.Answer hooked = post(session, call("21", tools.get(0).asText(), "{}", null));
        assertThat(contentType(hooked)).as(hooked.body()).isEqualTo("application/json");
        assertThat(JSON.readTree(hooked.body()).has("result")).as(hooked.body()).isTrue();
    }

    private static String call(String id, String tool, String arguments, String progressToken) {
        String meta = progressToken == null ? "" : ",\"_meta\":{\"progressToken\":" + progressToken + "}";
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + meta + "}}";
    }

    private static String contentType(RawHttp.Answer answer) {
        Matcher m = Pattern.compile("(?im)^content-type:\\s*([^;\\r\\n]+)").matcher(answer.head());
        assertThat(m.find()).as(answer.head()).isTrue();
        return m.group(1).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The last message of an event stream: a call's answer comes after any progress. */
    private static JsonNode lastEvent(String body) throws Exception {
        String data = body.lines()
                .filter(line -> line.startsWith("data:"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no event in " + body));
        return JSON.readTree(data.substring(5).trim());
    }

    private static RawHttp.Answer post(String sessionId, String body) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1:" + http.app.port());
        headers.put("Authorization", "Bearer " + http.key);
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("MCP-Protocol-Version", "2025-06-18");
        headers.put("Content-Type", "application/json");
        if (sessionId != null) {
            headers.put("Mcp-Session-Id", sessionId);
        }
        return RawHttp.send(http.app.port(), "POST", "/mcp", headers, body);
    }
}
