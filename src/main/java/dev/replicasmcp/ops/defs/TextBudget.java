package dev.replicasmcp.ops.defs;

import dev.replicasmcp.domain.agent.BoundedText;
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

    /**
     * The object with every string longer than the budget shortened and marked: a copy when something
     * was cut, else the object itself (most events have no long text, and copying them was most of
     * this class's cost).
     */
    Map<String, Object> apply(Map<String, Object> object) {
        if (object instanceof BoundedText bounded && bounded.longestTextAtMost() <= maxChars) {
            return object; // nothing in it can be cut: not read at all (a payload read back from storage)
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = object == null ? null : (Map<String, Object>) walk(object);
        return result;
    }

    /** The value with long strings cut; the same instance when nothing inside it was cut. */
    private Object walk(Object value) {
        if (value instanceof String text && text.length() > maxChars) {
            cut++;
            return text.substring(0, maxChars) + " …[cut at " + maxChars + " of " + text.length() + " characters]";
        }
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> copy = null;
            int index = 0;
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                Object walked = walk(entry.getValue());
                if (walked != entry.getValue() && copy == null) {
                    copy = firstEntries(object, index);
                }
                if (copy != null) {
                    copy.put((String) entry.getKey(), walked);
                }
                index++;
            }
            return copy == null ? object : copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = null;
            for (int i = 0; i < list.size(); i++) {
                Object walked = walk(list.get(i));
                if (walked != list.get(i) && copy == null) {
                    copy = new ArrayList<>(list.subList(0, i));
                }
                if (copy != null) {
                    copy.add(walked);
                }
            }
            return copy == null ? list : copy;
        }
        return value;
    }

    /** A new map of the object's first count entries, in order. */
    private static Map<String, Object> firstEntries(Map<?, ?> object, int count) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            if (copy.size() == count) {
                break;
            }
            copy.put((String) entry.getKey(), entry.getValue());
        }
        return copy;
    }
}
