package dev.replicasmcp.domain.integration;

import java.util.Map;

/** Reads a value from a parsed JSON payload (nested Maps) by path, tolerating absent or mistyped parts. */
final class Tree {

    private Tree() {}

    static Object at(Map<String, Object> root, String... path) {
        Object node = root;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    /** A string, number or boolean at the path as text; null otherwise. */
    static String text(Map<String, Object> root, String... path) {
        Object value = at(root, path);
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> root, String... path) {
        return at(root, path) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
