package dev.replicasmcp.ops.defs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cuts long strings inside JSON-shaped values so one tool result stays a size a model can read. */
final class TextBudget {

    private final int maxChars;
    private int cut;

    TextBudget(int maxChars) {
        this.maxChars = maxChars;
    }

    /** How many strings were cut so far. */
    int cutCount() {
        return cut;
    }

    /** A copy of the object with every string longer than the budget shortened and marked. */
    Map<String, Object> apply(Map<String, Object> object) {
        return object == null ? null : copy(object);
    }

    private Map<String, Object> copy(Map<?, ?> object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((key, value) -> copy.put((String) key, walk(value)));
        return copy;
    }

    private Object walk(Object value) {
        if (value instanceof String text && text.length() > maxChars) {
            cut++;
            return text.substring(0, maxChars) + " …[cut at " + maxChars + " of " + text.length() + " characters]";
        }
        if (value instanceof Map<?, ?> object) {
            return copy(object);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(walk(element)));
            return copy;
        }
        return value;
    }
}
