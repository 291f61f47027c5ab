package dev.replicasmcp.rest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.domain.integration.Signatures;
import dev.replicasmcp.support.HttpFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three receivers over real HTTP, with payloads shaped like the providers' (src/test/resources/
 * integrations): no API key, a valid signature accepted, a bad or missing one 401, a retry taken once.
 */
class IntegrationReceiverTest {

    private static final String GITHUB_SECRET = "gh-webhook-secret-0123456789";
    private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String SENTRY_SECRET = "b1c0f2a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1";

    @TempDir
    static Path dir;

    static HttpFixture http;

    @BeforeAll
    static void start() {
        http = HttpFixture.start(dir);
        connect("github", GITHUB_SECRET);
        connect("slack", SLACK_SECRET);
        connect("sentry", SENTRY_SECRET);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static void connect(String provider, String secret) {
        JsonNode answer = http.put("/v1/integrations/" + provider, Map.of("signing_secret", secret))
                .expect(200);
        assertThat(answer.path("integration").path("provider").asText()).isEqualTo(provider);
        assertThat(answer.toString()).doesNotContain(secret);
    }

    static String fixture(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/integrations", name));
    }

    static String hex(String secret, String data) {
        return HexFormat.of().formatHex(Signatures.hmac(secret, data.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpFixture.Reply github(String body, String signature, String delivery) {
        Map<String, String> headers =
                new java.util.HashMap<>(Map.of("X-GitHub-Event", "pull_request", "X-GitHub-Delivery", delivery));
        if (signature != null) {
            headers.put("X-Hub-Signature-256", signature);
        }
        return http.send("POST", "/v1/integrations/github/webhook", body, null, headers);
    }

    private static HttpFixture.Reply slack(String body, String secret, long timestamp, String path) {
        String ts = Long.toString(timestamp);
        return http.send(
                "POST",
                path,
                body,
                null,
                Map.of(
                        "X-Slack-Request-Timestamp",
                        ts,
                        "X-Slack-Signature",
                        "v0=" + hex(secret, "v0:" + ts + ":" + body)));
    }

    private static HttpFixture.Reply sentry(String body, String resource, String signature, String requestId) {
        Map<String, String> headers =
                new java.util.HashMap<>(Map.of("Sentry-Hook-Resource", resource, "Request-ID", requestId));
        if (signature != null) {
            headers.put("Sentry-Hook-Signature", signature);
        }
        return http.send("POST", "/v1/integrations/sentry/webhook", body, null, headers);
    }

    @Test
    void listingShowsAMaskedHintNeverTheSecret() {
        JsonNode list = http.get("/v1/integrations").expect(200);
        assertThat(list.path("integrations")).hasSize(3);
        assertThat(list.toString()).doesNotContain(GITHUB_SECRET, SLACK_SECRET, SENTRY_SECRET);
        assertThat(list.path("integrations").get(0).path("hint").asText()).isEqualTo("…6789");
        JsonNode audit = http.get("/v1/audit-log?action=integration.connected").expect(200);
        assertThat(audit.path("entries")).hasSize(3);
        assertThat(audit.toString()).doesNotContain(GITHUB_SECRET, SLACK_SECRET, SENTRY_SECRET);
    }

    @Test
    void githubSignatureValidInvalidAndMissing() throws IOException {
        String body = fixture("github-pull_request-opened.json");
        JsonNode accepted =
                github(body, "sha256=" + hex(GITHUB_SECRET, body), "d-gh-1").expect(202);
        assertThat(accepted.path("event").asText()).isEqualTo("pull_request.opened");
        assertThat(github(body, "sha256=" + hex("another-secret", body), "d-gh-2")
                        .error(401))
                .contains("X-Hub-Signature-256 does not match");
        assertThat(github(body, null, "d-gh-3").error(401)).contains("Missing or malformed X-Hub-Signature-256");
        // A body changed after signing is refused too.
        assertThat(github(body.replace("Bump", "Drop"), "sha256=" + hex(GITHUB_SECRET, body), "d-gh-4")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aRedeliveryIsAnsweredButTakenOnce() throws IOException {
        String body = fixture("github-pull_request-synchronize.json");
        String signature = "sha256=" + hex(GITHUB_SECRET, body);
        github(body, signature, "d-gh-redelivered").expect(202);
        JsonNode again = github(body, signature, "d-gh-redelivered").expect(200);
        assertThat(again.path("accepted").asBoolean()).isFalse();
        assertThat(again.path("reason").asText()).contains("retry");
    }

    @Test
    void slackSignatureValidInvalidMissingAndOutsideFiveMinutes() throws IOException {
        String body = fixture("slack-message.json");
        long now = Instant.now().getEpochSecond();
        String path = "/v1/integrations/slack/events";
        assertThat(slack(body, SLACK_SECRET, now, path)
                        .expect(202)
                        .path("event")
                        .asText())
                .isEqualTo("message");
        assertThat(slack(body.replace("Ev0PV52K25", "Ev-other"), "wrong", now, path)
                        .error(401))
                .contains("X-Slack-Signature does not match");
        assertThat(http.send("POST", path, body, null, Map.of()).error(401)).contains("Missing X-Slack-Signature");
        String fresh = body.replace("Ev0PV52K25", "Ev-late");
        assertThat(slack(fresh, SLACK_SECRET, now - 6 * 60, path).error(401)).contains("more than 5 minutes");
        assertThat(slack(fresh, SLACK_SECRET, now + 6 * 60, path).status()).isEqualTo(401);
    }

    @Test
    void slackRetriesDoNotFireTwiceAndBotsAndEditsAreIgnored() throws IOException {
        long now = Instant.now().getEpochSecond();
        String path = "/v1/integrations/slack/events";
        String reply = fixture("slack-message-thread-reply.json");
        slack(reply, SLACK_SECRET, now, path).expect(202);
        // Slack's retry carries X-Slack-Retry-Num and the same event_id.
        String ts = Long.toString(now);
        JsonNode retried = http.send(
                        "POST",
                        path,
                        reply,
                        null,
                        Map.of(
                                "X-Slack-Request-Timestamp",
                                ts,
                                "X-Slack-Signature",
                                "v0=" + hex(SLACK_SECRET, "v0:" + ts + ":" + reply),
                                "X-Slack-Retry-Num",
                                "1",
                                "X-Slack-Retry-Reason",
                                "http_timeout"))
                .expect(200);
        assertThat(retried.path("accepted").asBoolean()).isFalse();
        assertThat(slack(fixture("slack-message-bot.json"), SLACK_SECRET, now, path)
                        .expect(200)
                        .path("accepted")
                        .asBoolean())
                .isFalse();
        assertThat(slack(fixture("slack-message-changed.json"), SLACK_SECRET, now, path)
                        .expect(200)
                        .path("accepted")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void slackUrlVerificationIsAnsweredWithTheChallenge() throws IOException {
        String body = fixture("slack-url_verification.json");
        JsonNode answer = slack(body, SLACK_SECRET, Instant.now().getEpochSecond(), "/v1/integrations/slack/events")
                .expect(200);
        assertThat(answer.path("challenge").asText()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void sentrySignatureValidInvalidAndMissing() throws IOException {
        String issue = fixture("sentry-issue-created.json");
        assertThat(sentry(issue, "issue", hex(SENTRY_SECRET, issue), "r-1")
                        .expect(202)
                        .path("event")
                        .asText())
                .isEqualTo("issue.created");
        String error = fixture("sentry-error-created.json");
        assertThat(sentry(error, "error", hex(SENTRY_SECRET, error), "r-2")
                        .expect(202)
                        .path("event")
                        .asText())
                .isEqualTo("error.created");
        String alert = fixture("sentry-event_alert-triggered.json");
        assertThat(sentry(alert, "event_alert", hex(SENTRY_SECRET, alert), "r-3")
                        .expect(202)
                        .path("event")
                        .asText())
                .isEqualTo("event_alert.triggered");
        assertThat(sentry(issue, "issue", hex("nope", issue), "r-4").error(401))
                .contains("Sentry-Hook-Signature does not match");
        assertThat(sentry(issue, "issue", null, "r-5").error(401)).contains("Missing Sentry-Hook-Signature");
    }

    @Test
    void theOrganizationInThePathMustBeThisServers() throws IOException {
        String body = fixture("slack-message.json").replace("Ev0PV52K25", "Ev-org");
        long now = Instant.now().getEpochSecond();
        String org = http.core.core.account().organizationId();
        slack(body, SLACK_SECRET, now, "/v1/integrations/slack/events/" + org).expect(202);
        assertThat(slack(body, SLACK_SECRET, now, "/v1/integrations/slack/events/00000000-0000-0000-0000-000000000000")
                        .error(404))
                .contains("No organization");
    }

    @Test
    void bodiesOver256KbAre413() {
        String big = "{\"pad\": \"" + "x".repeat(260 * 1024) + "\"}";
        assertThat(github(big, "sha256=" + hex(GITHUB_SECRET, big), "d-big").status())
                .isEqualTo(413);
    }

    @Test
    void theOtherIntegrationRoutesStillNeedAKey() {
        assertThat(http.send("GET", "/v1/integrations", null, null).status()).isEqualTo(401);
        assertThat(http.send("PUT", "/v1/integrations/github", Map.of("signing_secret", "x"), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aDisconnectedProviderIsRefused() throws Exception {
        try (HttpFixture other = HttpFixture.start(dir.resolve("disconnected"))) {
            String body = fixture("sentry-issue-created.json");
            Map<String, String> headers =
                    Map.of("Sentry-Hook-Resource", "issue", "Sentry-Hook-Signature", hex(SENTRY_SECRET, body));
            assertThat(other.send("POST", "/v1/integrations/sentry/webhook", body, null, headers)
                            .error(401))
                    .contains("Sentry is not connected");
            other.put("/v1/integrations/sentry", Map.of("signing_secret", SENTRY_SECRET))
                    .expect(200);
            other.send("POST", "/v1/integrations/sentry/webhook", body, null, headers)
                    .expect(202);
            other.delete("/v1/integrations/sentry").expect(200);
            assertThat(other.send("POST", "/v1/integrations/sentry/webhook", body, null, headers)
                            .status())
                    .isEqualTo(401);
            assertThat(other.delete("/v1/integrations/sentry").error(404)).contains("not connected");
            assertThat(other.put("/v1/integrations/gitlab", Map.of("signing_secret", "abc"))
                            .error(400))
                    .contains("Field 'provider'");
        }
    }
}
