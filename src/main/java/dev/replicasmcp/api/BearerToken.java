package dev.replicasmcp.api;

import java.util.Optional;

/** Reads the key out of an `Authorization: Bearer <key>` header, for both HTTP front doors. */
public final class BearerToken {

    private BearerToken() {}

    public static Optional<String> from(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7) && value.length() > 7) {
            return Optional.of(value.substring(7).trim());
        }
        return Optional.empty();
    }
}
