package dev.replicasmcp.domain;

import java.util.UUID;
import java.util.function.Supplier;

/** Makes new ids; injected so tests can make them predictable. */
@FunctionalInterface
public interface Ids extends Supplier<String> {

    static Ids random() {
        return () -> UUID.randomUUID().toString();
    }

    /** True when the text is a canonical UUID, the form every resource id takes. */
    static boolean isUuid(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
