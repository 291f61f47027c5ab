package dev.replicasmcp.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The one-time code that approves one OAuth client on the consent page instead of an API key, for an
 * owner who has none at hand: made when the server made its first key at start, printed on stderr, kept
 * only in memory, and gone once used or when the server stops.
 */
public final class SetupCode {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private String code;

    /** Makes a new code (replacing any unused one) and answers it, for the start-up log. */
    public synchronized String issue() {
        SecureRandom random = new SecureRandom();
        StringBuilder made = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                made.append('-');
            }
            made.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        code = made.toString();
        return code;
    }

    /** Whether this is the code; if so it is used up. Compared in constant time. */
    public synchronized boolean consume(String presented) {
        if (code == null || presented == null) {
            return false;
        }
        boolean same = MessageDigest.isEqual(
                code.getBytes(StandardCharsets.UTF_8),
                presented.trim().toUpperCase().getBytes(StandardCharsets.UTF_8));
        if (same) {
            code = null;
        }
        return same;
    }
}
