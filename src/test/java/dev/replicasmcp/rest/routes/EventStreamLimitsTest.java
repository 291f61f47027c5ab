package dev.replicasmcp.rest.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.app.HttpApp;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.account.ApiKeyService;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.storage.Database;
import dev.replicasmcp.storage.SqlApiKeyStore;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.RawHttp;
import dev.replicasmcp.support.SseReader;
import dev.replicasmcp.support.TestCore;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event streams: a cap per key, an immediate end when the key is revoked, and many streams at once. */
class EventStreamLimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aKeyHoldsAtMostTheCapAndARevokedKeysStreamsEnd() throws Exception {
        try (HttpFixture http =
                HttpFixture.start(dir, Duration.ofSeconds(15), new HttpApp.Limits(Duration.ofMinutes(30), 100, 2))) {
            String replica = quietReplica(http, "capped");
            String key = http.core
                    .core
                    .keys()
                    .create(http.core.core.account().organizationId(), null, "streams")
                    .plaintext();
            try (SseReader a = open(http, replica, key);
                    SseReader b = open(http, replica, key);
                    SseReader refused = SseReader.open(http.client, url(http, replica), key, null);
                    SseReader others = open(http, replica, http.key)) {
                assertThat(refused.status()).isEqualTo(429);
                JsonNode body = refused.errorBody();
                assertThat(body.path("error").asText()).contains("limit is 2");
                assertThat(body.path("details").asText()).contains("--max-streams-per-key");

                // Revoked the way `keys revoke` does it: another connection to the same database file.
                try (Database db = Database.open(http.core.dataDir().resolve("replicas.db"))) {
                    new ApiKeyService(new SqlApiKeyStore(db), Clock.systemUTC(), Ids.random())
                            .revoke(key.substring(0, ApiKeyService.PREFIX.length() + 6));
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> a.ended() && b.ended());
                assertThat(others.ended()).as("another key's stream goes on").isFalse();
                assertThat(SseReader.open(http.client, url(http, replica), key, null)
                                .status())
                        .isEqualTo(401);
                RawHttp.Answer mcp = RawHttp.send(
                        http.app.port(),
                        "POST",
                        "/mcp",
                        Map.of(
                                "Host",
                                "127.0.0.1:" + http.app.port(),
                                "Authorization",
                                "Bearer " + key,
                                "Content-Type",
                                "application/json",
                                "Accept",
                                "application/json, text/event-stream"),
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":" + "\"ping\"}");
                assertThat(mcp.status()).isEqualTo(401);
            }
        }
    }

    /**
     * More streams than Jetty has threads: every stream gets the new event, and REST and MCP calls made
     * while it is delivered answer (bounded generously: this is no timing test; scripts/bench measures).
     */
    @Test
    void manyStreamsOnOneReplicaAllGetTheEventAndCallsMadeMeanwhileAnswer() throws Exception {
        int streams = 200;
        try (HttpFixture http = HttpFixture.start(
                        dir, Duration.ofSeconds(15), new HttpApp.Limits(Duration.ofMinutes(30), 100, streams + 10));
                McpSyncClient mcp = http.mcpClient(http.key)) {
            String replica = quietReplica(http, "crowded");
            mcp.initialize();
            List<SseReader> open = new ArrayList<>();
            try {
                for (int i = 0; i < streams; i++) {
                    open.add(open(http, replica, http.key));
                }
                String message = http.post("/v1/replica/" + replica + "/messages", Map.of("message", "hello all"))
                        .expect(200)
                        .path("message_id")
                        .asText();
                // While the event goes out to every stream:
                answersWithin(() -> http.get("/v1/replica").expect(200), "GET /v1/replica");
                answersWithin(
                        () -> assertThat(mcp.callTool(new McpSchema.CallToolRequest(
                                                "get_replica", Map.of("replica_id", replica)))
                                        .isError())
                                .isNotEqualTo(Boolean.TRUE),
                        "MCP get_replica");
                for (SseReader reader : open) {
                    assertThat(reader.until(
                                    e -> e.type().equals("chat.turn.accepted")
                                            && e.data()
                                                    .path("payload")
                                                    .path("messageId")
                                                    .asText()
                                                    .equals(message),
                                    WAIT))
                            .isNotEmpty();
                }
            } finally {
                for (SseReader reader : open) {
                    reader.close();
                }
            }
        }
    }

    /** Runs a call on another thread and fails when it has not answered within 5 seconds. */
    private static void answersWithin(Runnable call, String what) throws Exception {
        CompletableFuture<Void> done = CompletableFuture.runAsync(call);
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not answer within 5 s", e);
        }
    }

    private static String quietReplica(HttpFixture http, String name) throws Exception {
        Environment environment = http.core.environment(name + "-env");
        String id = http.core
                .services
                .replicas()
                .create(http.core.caller, TestCore.create(name, "warm up", environment.id()))
                .replica()
                .id();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(http.get("/v1/replica/" + id + "/chats")
                                .expect(200)
                                .path("chats")
                                .get(0)
                                .path("processing")
                                .asBoolean())
                        .isFalse());
        return id;
    }

    private static String url(HttpFixture http, String replica) {
        return http.base + "/v1/replica/" + replica + "/events";
    }

    private static SseReader open(HttpFixture http, String replica, String key) throws Exception {
        SseReader reader = SseReader.open(http.client, url(http, replica), key, null);
        assertThat(reader.status()).isEqualTo(200);
        return reader;
    }
}
