package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Custom webhook tokens (spec §7.5): 32 random bytes, URL-safe base64 without padding (43 characters). A
 * token is looked up by its SHA-256 hash, so finding it is an index lookup on a value no caller chooses
 * and never a text comparison of the secret itself.
 */
public final class WebhookTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookTokens() {}

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the token's UTF-8 bytes, as lower-case hex. */
    public static String hash(String token) {
        return Sha256.hex(token);
    }
}
