package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.app.HttpApp;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.JsonRpcErrors;
import dev.replicasmcp.support.OtherOrganization;
import dev.replicasmcp.support.RawHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP MCP sessions: a cap per key, bound to the key that opened them, ended after an idle limit. */
class McpSessionLimitsTest {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
    private static final Pattern SESSION = Pattern.compile("(?im)^mcp-session-id:\\s*(\\S+)");

    @TempDir
    Path dir;

    @Test
    void aKeyHoldsAtMostTheCapAndASessionAnswersOnlyItsKey() throws Exception {
        try (HttpFixture http =
                HttpFixture.start(dir, Duration.ofSeconds(15), new HttpApp.Limits(Duration.ofMinutes(30), 3, 10))) {
            String other = OtherOrganization.create(http.core.dataDir().resolve("replicas.db"), "other");
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sessions.add(initialize(http, http.key));
            }
            RawHttp.Answer refused = post(http, http.key, null, INITIALIZE);
            assertThat(refused.status()).isEqualTo(429);
            JsonNode error = JsonRpcErrors.assertJsonRpcError(refused.body(), 1);
            assertThat(error.path("message").asText()).contains("limit is 3", "DELETE /mcp");
            assertThat(initialize(http, other))
                    .as("another key has its own allowance")
                    .isNotBlank();

            String first = sessions.get(0);
            assertThat(post(http, http.key, first, LIST).status()).isEqualTo(200);
            assertThat(post(http, other, first, LIST).status())
                    .as("another key's call")
                    .isEqualTo(404);
            RawHttp.Answer foreignDelete = send(http, "DELETE", other, first, null);
            assertThat(foreignDelete.status()).as("another key's DELETE").isEqualTo(404);
            JsonRpcErrors.assertJsonRpcError(foreignDelete.body(), null);
            assertThat(post(http, http.key, first, LIST).status())
                    .as("still open for its own key")
                    .isEqualTo(200);

            assertThat(send(http, "DELETE", http.key, first, null).status()).isEqualTo(200);
            assertThat(post(http, http.key, first, LIST).status()).isEqualTo(404);
            assertThat(initialize(http, http.key)).as("a slot is free again").isNotBlank();
        }
    }

    @Test
    void aSessionWithoutRequestsEndsAfterTheIdleLimit() throws Exception {
        try (HttpFixture http =
                HttpFixture.start(dir, Duration.ofSeconds(15), new HttpApp.Limits(Duration.ofSeconds(1), 2, 10))) {
            String session = initialize(http, http.key);
            assertThat(post(http, http.key, session, LIST).status()).isEqualTo(200);
            // Each look is a request too, so look less often than the limit: one look after a quiet spell ends it.
            await().atMost(Duration.ofSeconds(30))
                    .pollDelay(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofSeconds(3))
                    .untilAsserted(
                            () -> assertThat(post(http, http.key, session, LIST).status())
                                    .isEqualTo(404));
            // The ended sessions no longer count against the key.
            initialize(http, http.key);
            initialize(http, http.key);
        }
    }

    @Test
    void aSessionBusyWithToolCallsOnlyIsNotForgottenByTheSdk() throws Exception {
        // Tool calls are answered without the SDK's servlet (DirectCalls), and the SDK sweeps every idle limit
        // (here 1 s) the sessions it has not seen: three sweeps pass while only tool calls are made.
        String call = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"list_replicas\",\"arguments\":{}}}";
        try (HttpFixture http =
                HttpFixture.start(dir, Duration.ofSeconds(15), new HttpApp.Limits(Duration.ofSeconds(1), 2, 10))) {
            String session = initialize(http, http.key);
            int direct = 0;
            long end = System.nanoTime() + Duration.ofMillis(3500).toNanos();
            while (System.nanoTime() < end) {
                RawHttp.Answer answer = post(http, http.key, session, call);
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                direct += answer.head().toLowerCase(java.util.Locale.ROOT).contains("application/json") ? 1 : 0;
                Thread.sleep(50);
            }
            assertThat(direct).as("calls answered as JSON").isPositive();
            RawHttp.Answer list = post(http, http.key, session, LIST);
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.body()).contains("\"tools\"");
        }
    }

    private static String initialize(HttpFixture http, String key) throws Exception {
        RawHttp.Answer answer = post(http, key, null, INITIALIZE);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Matcher m = SESSION.matcher(answer.head());
        assertThat(m.find()).as(answer.head()).isTrue();
        return m.group(1);
    }

    private static RawHttp.Answer post(HttpFixture http, String key, String session, String body) throws Exception {
        return send(http, "POST", key, session, body);
    }

    private static RawHttp.Answer send(HttpFixture http, String method, String key, String session, String body)
            throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1:" + http.app.port());
        headers.put("Authorization", "Bearer " + key);
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("MCP-Protocol-Version", "2025-06-18");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        if (session != null) {
            headers.put("Mcp-Session-Id", session);
        }
        return RawHttp.send(http.app.port(), method, "/mcp", headers, body);
    }
}
