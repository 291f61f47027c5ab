package dev.replicasmcp.ops.defs;

import dev.replicasmcp.domain.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The REST form of a partial update: a nullable field sent as JSON null is cleared (the tool lists such
 * fields in 'clear'); a field left out stays as it is; null for a required field is refused.
 */
final class NullsClear {

    private NullsClear() {}

    static Map<String, Object> reshape(Map<String, Object> body, Set<String> clearable, Set<String> required) {
        Set<String> clear = new TreeSet<>();
        body.forEach((field, value) -> {
            if (value != null) {
                return;
            }
            if (clearable.contains(field)) {
                clear.add(field);
            } else if (required.contains(field)) {
                throw DomainException.invalid("Field '" + field + "' cannot be null: give a value, or leave it out. "
                        + "Nullable fields: " + String.join(", ", new TreeSet<>(clearable)) + ".");
            }
        });
        if (clear.isEmpty()) {
            return body;
        }
        Map<String, Object> reshaped = new LinkedHashMap<>(body);
        clear.forEach(reshaped::remove);
        reshaped.put("clear", List.copyOf(clear));
        return reshaped;
    }
}
