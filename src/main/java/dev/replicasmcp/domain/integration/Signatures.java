package dev.replicasmcp.domain.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a delivery was signed with the organization's secret, the way each provider signs: an
 * HMAC-SHA256 over the raw body (GitHub as "sha256=&lt;hex&gt;", Sentry as bare hex), or for Slack over
 * "v0:&lt;timestamp&gt;:&lt;body&gt;" with the timestamp within five minutes of our clock. Comparison is
 * constant-time, so the time taken says nothing about how much of a forged signature was right.
 */
public final class Signatures {

    /** Slack's replay window: a request whose timestamp is further from now is refused. */
    public static final Duration SLACK_WINDOW = Duration.ofMinutes(5);

    private final Clock clock;

    public Signatures(Clock clock) {
        this.clock = clock;
    }

    /** Why a delivery was refused; the message is safe to answer with (it never quotes the secret). */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    public void github(String secret, String header, byte[] body) throws Refused {
        if (header == null || !header.startsWith("sha256=")) {
            throw new Refused("Missing or malformed X-Hub-Signature-256 header (expected sha256=<hex HMAC>). "
                    + "Set the webhook's Secret to the signing_secret given to connect_integration.");
        }
        expect(hmac(secret, body), header.substring("sha256=".length()), "X-Hub-Signature-256");
    }

    public void slack(String secret, String timestamp, String header, byte[] body) throws Refused {
        if (header == null || !header.startsWith("v0=") || timestamp == null) {
            throw new Refused("Missing X-Slack-Signature (v0=<hex HMAC>) or X-Slack-Request-Timestamp header.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new Refused("X-Slack-Request-Timestamp must be Unix seconds.");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > SLACK_WINDOW.toSeconds()) {
            throw new Refused("X-Slack-Request-Timestamp is more than 5 minutes from this server's clock; "
                    + "the request is refused as a possible replay.");
        }
        byte[] prefix = ("v0:" + timestamp.trim() + ":").getBytes(StandardCharsets.UTF_8);
        byte[] base = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, base, 0, prefix.length);
        System.arraycopy(body, 0, base, prefix.length, body.length);
        expect(hmac(secret, base), header.substring("v0=".length()), "X-Slack-Signature");
    }

    public void sentry(String secret, String header, byte[] body) throws Refused {
        if (header == null || header.isBlank()) {
            throw new Refused("Missing Sentry-Hook-Signature header.");
        }
        expect(hmac(secret, body), header.trim(), "Sentry-Hook-Signature");
    }

    private static void expect(byte[] expected, String givenHex, String header) throws Refused {
        byte[] given = givenHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] wanted = HexFormat.of().formatHex(expected).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(wanted, given)) {
            throw new Refused(header + " does not match the body: the signing secret differs from the one given "
                    + "to connect_integration, or the body was changed on the way.");
        }
    }

    /** HMAC-SHA256 of data under the secret. */
    public static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
