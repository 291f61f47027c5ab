package dev.replicasmcp.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ordered field maps for payloads that travel as JSON-shaped values (Map, List, String, Number, Boolean,
 * null): the edges write them in this order, so what a client reads keeps the spec's field order. Unlike
 * Map.of, a value may be null (written as null).
 */
public final class Fields {

    private Fields() {}

    /** A read-only map of the given key, value pairs, in that order. */
    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Fields.of takes key, value pairs; got an odd count");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(fields);
    }
}
