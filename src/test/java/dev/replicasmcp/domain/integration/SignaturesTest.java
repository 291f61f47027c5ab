package dev.replicasmcp.domain.integration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicasmcp.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Slack's five-minute window on a moved clock, and the known-answer HMAC of GitHub's documentation. */
class SignaturesTest {

    @Test
    void slackRequestsAreRefusedOnceTheClockIsMoreThanFiveMinutesAway() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
        Signatures signatures = new Signatures(clock);
        byte[] body = "{\"type\":\"event_callback\"}".getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(clock.instant().getEpochSecond());
        String signature = "v0="
                + HexFormat.of()
                        .formatHex(Signatures.hmac(
                                "s3cret",
                                ("v0:" + ts + ":")
                                        .concat(new String(body, StandardCharsets.UTF_8))
                                        .getBytes(StandardCharsets.UTF_8)));
        signatures.slack("s3cret", ts, signature, body);
        clock.advance(Duration.ofMinutes(5));
        assertThatCode(() -> signatures.slack("s3cret", ts, signature, body)).doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> signatures.slack("s3cret", ts, signature, body))
                .hasMessageContaining("more than 5 minutes");
    }

    @Test
    void githubKnownAnswer() throws Exception {
        // The example of GitHub's "Validating webhook deliveries" page.
        new Signatures(MutableClock.startingNow())
                .github(
                        "It's a Secret to Everybody",
                        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                        "Hello, World!".getBytes(StandardCharsets.UTF_8));
    }
}
