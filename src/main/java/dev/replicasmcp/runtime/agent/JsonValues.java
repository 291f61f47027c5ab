package dev.replicasmcp.runtime.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.agent.JsonObjectReader;
import java.util.Map;
import java.util.Optional;

/**
 * Turns agents' JSON into the JSON-shaped values the domain carries (Map, List, String, Number, Boolean,
 * null). Field order and number types are kept, so the values write back as the same JSON text.
 */
public final class JsonValues implements JsonObjectReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    /** The fields of a JSON object, in order; null for null. */
    static Map<String, Object> fields(JsonNode object) {
        return object == null ? null : JSON.convertValue(object, OBJECT);
    }

    @Override
    public Optional<Map<String, Object>> readObject(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.isObject()) {
                return Optional.of(fields(node));
            }
        } catch (JsonProcessingException e) {
            // Not an object; the parser's message is dropped because it could quote the text (a secret).
        }
        return Optional.empty();
    }
}
