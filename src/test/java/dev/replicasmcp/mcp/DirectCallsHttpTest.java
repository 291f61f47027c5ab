package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.RawHttp;
import dev.replicasmcp.support.RawMcpSession;
import java.nio.file.Path;
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

    @TempDir
    static Path dir;

    static HttpFixture http;
    static RawMcpSession session;

    @BeforeAll
    static void start() throws Exception {
        http = HttpFixture.start(dir);
        session = RawMcpSession.open(http);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void aCallIsAnsweredAsJsonWithTheResultTheSdkGivesOverItsEventStream() throws Exception {
        RawHttp.Answer direct = session.post(call("\"a-1\"", "list_replicas", "{\"limit\":5}", null));
        assertThat(direct.status()).isEqualTo(200);
        assertThat(RawMcpSession.contentType(direct)).isEqualTo("application/json");
        JsonNode answer = JSON.readTree(direct.body());
        assertThat(answer.get("id").textValue()).isEqualTo("a-1");

        // With a progress token the call needs the SDK's event stream, where progress can go before the answer.
        RawHttp.Answer streamed = session.post(call("\"a-1\"", "list_replicas", "{\"limit\":5}", "\"p1\""));
        assertThat(streamed.status()).isEqualTo(200);
        assertThat(RawMcpSession.contentType(streamed)).isEqualTo("text/event-stream");
        assertThat(answer).isEqualTo(RawMcpSession.lastEvent(streamed.body()));
        assertThat(answer.path("result").path("structuredContent").path("limit").asInt())
                .as(direct.body())
                .isEqualTo(5);
    }

    @Test
    void aWholeNumberIdAndAToolErrorAreAnsweredAsTheSdkWould() throws Exception {
        RawHttp.Answer direct = session.post(call("7", "get_replica", "{\"replica_id\":\"nope\"}", null));
        RawHttp.Answer streamed = session.post(call("7", "get_replica", "{\"replica_id\":\"nope\"}", "2"));
        assertThat(RawMcpSession.contentType(direct)).isEqualTo("application/json");
        JsonNode answer = JSON.readTree(direct.body());
        assertThat(answer.get("id").isInt()).as(direct.body()).isTrue();
        assertThat(answer.path("result").path("isError").asBoolean())
                .as(direct.body())
                .isTrue();
        assertThat(answer).isEqualTo(RawMcpSession.lastEvent(streamed.body()));
    }

    @Test
    void switchingToolsetsOnGoesThroughTheSdkAndTheirToolsAreThenAnsweredDirectly() throws Exception {
        RawHttp.Answer enabled = session.post(call("20", "enable_toolset", "{\"name\":\"hooks\"}", null));
        assertThat(RawMcpSession.contentType(enabled))
                .as("enable_toolset changes the server's tool list: the SDK answers it")
                .isEqualTo("text/event-stream");
        JsonNode tools = RawMcpSession.lastEvent(enabled.body())
                .path("result")
                .path("structuredContent")
                .path("tools");
        assertThat(tools.size()).as(enabled.body()).isPositive();
        RawHttp.Answer hooked = session.post(call("21", tools.get(0).asText(), "{}", null));
        assertThat(RawMcpSession.contentType(hooked)).as(hooked.body()).isEqualTo("application/json");
        assertThat(JSON.readTree(hooked.body()).has("result")).as(hooked.body()).isTrue();
    }

    private static String call(String id, String tool, String arguments, String progressToken) {
        String meta = progressToken == null ? "" : ",\"_meta\":{\"progressToken\":" + progressToken + "}";
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + meta + "}}";
    }
}
