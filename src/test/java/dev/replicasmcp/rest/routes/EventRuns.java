package dev.replicasmcp.rest.routes;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.domain.integration.Signatures;
import dev.replicasmcp.support.HttpFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Provider events end to end over real HTTP: the real server (HttpFixture: scripted agent, real git
 * workspaces), automations made through /v1/automations, deliveries signed as the providers sign them,
 * and the executions, replicas and histories they lead to read back through /v1.
 *
 * <p>"Nothing fired" is never proven by waiting: each such delivery also matches a witness automation
 * without the filter under test. The receiver matches all automations of an event at once, before it fires
 * any, so once the witness's run exists the filtered automation's fate is decided.
 */
final class EventRuns implements AutoCloseable {

    static final String GITHUB_SECRET = "gh-webhook-secret-0123456789";
    static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String SENTRY_SECRET = "b1c0f2a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1";
    private static final Duration WAIT = Duration.ofSeconds(60);

    final HttpFixture http;
    final String environmentId;
    private final List<String> automations = new ArrayList<>();
    private int deliveries;

    EventRuns(Path dir) throws Exception {
        http = HttpFixture.start(dir);
        try {
            environmentId = http.core.environment("api").id();
            connect("github", GITHUB_SECRET);
            connect("slack", SLACK_SECRET);
            connect("sentry", SENTRY_SECRET);
        } catch (Exception | AssertionError e) {
            http.close();
            throw e;
        }
    }

    private void connect(String provider, String secret) {
        http.put("/v1/integrations/" + provider, Map.of("signing_secret", secret))
                .expect(200);
    }

    static String fixture(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/integrations", name));
    }

    /** Creates an automation with these triggers ({type, config} maps); answers its id. */
    String automation(String name, String prompt, List<Map<String, Object>> triggers) {
        String id = http.post(
                        "/v1/automations",
                        Map.of("name", name, "prompt", prompt, "environment_id", environmentId, "triggers", triggers))
                .expect(201)
                .path("automation")
                .path("id")
                .asText();
        automations.add(id);
        return id;
    }

    /** Waits for the runs of an automation made without {@link #automation} too, before closing. */
    void watch(String automationId) {
        automations.add(automationId);
    }

    static Map<String, Object> trigger(String type, Map<String, Object> config) {
        return Map.of("type", type, "config", config);
    }

    HttpFixture.Reply github(String body) {
        Map<String, String> headers = new HashMap<>(
                Map.of("X-GitHub-Event", "pull_request", "X-GitHub-Delivery", "delivery-" + ++deliveries));
        headers.put("X-Hub-Signature-256", "sha256=" + hex(GITHUB_SECRET, body));
        return http.send("POST", "/v1/integrations/github/webhook", body, null, headers);
    }

    HttpFixture.Reply slack(String body) {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        return http.send(
                "POST",
                "/v1/integrations/slack/events",
                body,
                null,
                Map.of(
                        "X-Slack-Request-Timestamp",
                        ts,
                        "X-Slack-Signature",
                        "v0=" + hex(SLACK_SECRET, "v0:" + ts + ":" + body)));
    }

    HttpFixture.Reply sentry(String resource, String body) {
        return http.send(
                "POST",
                "/v1/integrations/sentry/webhook",
                body,
                null,
                Map.of(
                        "Sentry-Hook-Resource",
                        resource,
                        "Request-ID",
                        "request-" + ++deliveries,
                        "Sentry-Hook-Signature",
                        hex(SENTRY_SECRET, body)));
    }

    private static String hex(String secret, String data) {
        return HexFormat.of().formatHex(Signatures.hmac(secret, data.getBytes(StandardCharsets.UTF_8)));
    }

    /** The automation's executions, newest first. */
    List<JsonNode> executions(String automationId) {
        List<JsonNode> all = new ArrayList<>();
        http.get("/v1/automations/" + automationId + "/executions?limit=100")
                .expect(200)
                .path("executions")
                .forEach(all::add);
        return all;
    }

    /** Waits until the automation has this many executions, all ended, and answers them, newest first. */
    List<JsonNode> ended(String automationId, int count) {
        return await().atMost(WAIT)
                .until(
                        () -> executions(automationId),
                        list -> list.size() >= count
                                && list.stream()
                                        .allMatch(e -> Set.of("completed", "failed")
                                                .contains(e.path("status").asText())));
    }

    JsonNode replica(String replicaId) {
        return http.get("/v1/replica/" + replicaId).expect(200).path("replica");
    }

    /** A replica's status as the list shows it: reading the replica itself would wake it (spec §3.4). */
    String status(String replicaId) {
        for (JsonNode replica :
                http.get("/v1/replica?source=automation&limit=100").expect(200).path("replicas")) {
            if (replica.path("id").asText().equals(replicaId)) {
                return replica.path("status").asText();
            }
        }
        return "absent";
    }

    List<JsonNode> history(String replicaId) {
        List<JsonNode> events = new ArrayList<>();
        http.get("/v1/replica/" + replicaId + "/history")
                .expect(200)
                .path("events")
                .forEach(events::add);
        return events;
    }

    /**
     * The text of every user message in the replica's history, oldest first, once it shows this many
     * finished turns. Read in one go: reading the history of an archived replica wakes it, and while it
     * wakes the history is empty (spec §3.4).
     */
    List<String> userMessages(String replicaId, int turns) {
        return await()
                .atMost(WAIT)
                .until(
                        () -> history(replicaId),
                        events -> events.stream()
                                        .filter(e -> e.path("type").asText().equals("claude-result"))
                                        .count()
                                >= turns)
                .stream()
                .filter(e -> e.path("type").asText().equals("claude-user"))
                .map(e -> e.path("payload")
                        .path("payload")
                        .path("message")
                        .path("content")
                        .path(0)
                        .path("text")
                        .asText())
                .toList();
    }

    /**
     * Every execution ended before the server closes: a run still provisioning would write into a folder
     * that the test's cleanup removes.
     */
    @Override
    public void close() {
        try {
            automations.forEach(id -> await().atMost(WAIT)
                    .until(
                            () -> executions(id),
                            list -> list.stream()
                                    .allMatch(e -> Set.of("completed", "failed")
                                            .contains(e.path("status").asText()))));
        } finally {
            http.close();
        }
    }
}
