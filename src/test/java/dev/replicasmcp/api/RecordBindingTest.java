package dev.replicasmcp.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.Operations;
import dev.replicasmcp.ops.defs.ConversationOperations.SendInput;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * For every operation's input: what the hand-made binding gives is what Jackson's conversion gives, and
 * what it does not bind (a value of another type, a record it does not plan for) is left to Jackson.
 */
class RecordBindingTest {

    private final ObjectMapper mapper = WireJson.mapper();

    @Test
    void everyInputBoundByHandIsWhatJacksonBinds() {
        Set<String> boundByHand = new LinkedHashSet<>();
        for (Operation<?, ?> op : Operations.all()) {
            Class<?> type = op.input();
            for (Map<String, Object> fields : samples(type)) {
                Object fast = RecordBinding.bind(type, fields);
                if (fast != null) {
                    boundByHand.add(op.name());
                    assertThat(fast).as(op.name() + " " + fields).isEqualTo(mapper.convertValue(fields, type));
                } else if (fields.isEmpty() && requiresNothing(type)) {
                    assertThat(plannable(type))
                            .as(op.name() + ": no fields, nothing required")
                            .isFalse();
                }
            }
        }
        // The hot tools are among them: the test would pass vacuously if nothing were bound by hand.
        assertThat(boundByHand)
                .contains("list_replicas", "get_replica", "read_replica_history", "send_replica_message");
    }

    @Test
    void aValueOfAnotherTypeIsLeftToJackson() {
        for (Operation<?, ?> op : Operations.all()) {
            if (!op.input().isRecord()) {
                continue;
            }
            for (RecordComponent component : op.input().getRecordComponents()) {
                Map<String, Object> fields = new HashMap<>();
                fields.put(WireJson.wireName(component), component.getType() == String.class ? 5 : "5");
                assertThat(RecordBinding.bind(op.input(), fields))
                        .as(op.name() + " " + fields)
                        .isNull();
            }
        }
    }

    @Test
    void aFieldOfAnotherKindIsBoundByHandOnlyWhenAbsent() {
        // A send's images: absent in nearly every call, and then null, as Jackson makes it.
        Map<String, Object> text = Map.of("replica_id", "r-1", "message", "hi", "plan_mode", true);
        assertThat(RecordBinding.bind(SendInput.class, text))
                .isEqualTo(new SendInput("r-1", "hi", null, null, null, null, true, null))
                .isEqualTo(mapper.convertValue(text, SendInput.class));
        Map<String, Object> withImages = Map.of(
                "replica_id", "r-1", "message", "hi", "images", List.of(Map.of("type", "base64", "data", "AA==")));
        assertThat(RecordBinding.bind(SendInput.class, withImages)).isNull();
        Map<String, Object> nullImages = new HashMap<>(text);
        nullImages.put("images", null);
        assertThat(RecordBinding.bind(SendInput.class, nullImages)).isNull();
        // A list where a list is declared is still Jackson's to convert (its elements are records).
        assertThat(RecordBinding.bind(
                        SendInput.class, Map.of("replica_id", "r-1", "message", "hi", "images", List.of())))
                .isNull();
    }

    private static boolean requiresNothing(Class<?> type) {
        if (!type.isRecord()) {
            return true;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            com.fasterxml.jackson.annotation.JsonProperty property =
                    component.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            if (property != null && property.required()) {
                return false;
            }
        }
        return true;
    }

    /** Whether no component is of a primitive type (those are Jackson's to default or refuse). */
    private static boolean plannable(Class<?> type) {
        if (!type.isRecord() || type.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonInclude.class)) {
            return false;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType().isPrimitive()) {
                return false;
            }
        }
        return true;
    }

    /** No fields, an unknown one, and every field given a value of its type (plus nulls). */
    private static List<Map<String, Object>> samples(Class<?> type) {
        Map<String, Object> full = new HashMap<>();
        Map<String, Object> nulls = new HashMap<>();
        if (type.isRecord()) {
            int n = 0;
            for (RecordComponent component : type.getRecordComponents()) {
                Object value = switch (component.getType().getSimpleName()) {
                    case "String" -> "value " + n;
                    case "Integer" -> 7 + n;
                    case "Long" -> 9_000_000_000L + n;
                    case "Boolean" -> n % 2 == 0;
                    default -> null;
                };
                n++;
                if (value != null) {
                    full.put(WireJson.wireName(component), value);
                }
                nulls.put(WireJson.wireName(component), null);
            }
        }
        full.put("not_a_field", "ignored");
        Map<String, Object> fullAndNulls = new HashMap<>(nulls);
        fullAndNulls.putAll(full); // every other field given as JSON null
        return List.of(Map.of(), Map.of("not_a_field", 1), full, nulls, fullAndNulls);
    }
}
