package dev.replicasmcp.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.support.HttpFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request the server refuses before reading its body (an unknown path, a missing key) still gets its
 * answer: the server reads the body it refused instead of closing the connection under a client that is
 * still sending it (which loses the answer: the client sees a reset, not the 404 or 401).
 */
class EarlyAnswerTest {

    private static final String BODY = "{\"message\":\"" + "x".repeat(2_000_000) + "\"}";

    @TempDir
    static Path dir;

    static HttpFixture http;

    @BeforeAll
    static void start() {
        http = HttpFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void aRefusedRequestWithALargeBodyGetsItsAnswer() throws Exception {
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            check("/v1/no-such-route/" + i, http.key, 404, lost);
            check("/v1/replica/none/messages", "sk_replicas_wrong", 401, lost);
            check("/mcp", "sk_replicas_wrong", 401, lost);
        }
        assertThat(lost).as("answers lost or wrong").isEmpty();
    }

    private static void check(String path, String key, int expected, List<String> lost) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
        try {
            HttpResponse<String> response = http.client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                lost.add(path + ": " + response.statusCode() + " " + response.body());
            }
        } catch (Exception e) {
            lost.add(path + ": " + e);
        }
    }
}
