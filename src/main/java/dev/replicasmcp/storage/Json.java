package dev.replicasmcp.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Map;

/** JSON columns: payloads are stored as text and read back as trees. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** A reader made once: every history event read goes through it (the mapper looks its type up per call). */
    private static final ObjectReader OBJECT = MAPPER.readerFor(new TypeReference<Map<String, Object>>() {});

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a JSON column: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON column is corrupt: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A stored JSON object, as the UTF-8 bytes of its column, as the JSON-shaped values the domain carries:
     * Jackson's byte parser, without decoding the column into a String first (every history event read).
     */
    static Map<String, Object> readObject(byte[] utf8) {
        try {
            return OBJECT.readValue(utf8);
        } catch (IOException e) {
            throw new IllegalStateException("A stored JSON column is corrupt: " + e.getMessage(), e);
        }
    }

    /** A stored JSON object as the JSON-shaped values the domain carries, in stored field order. */
    static Map<String, Object> readObject(String text) {
        try {
            return OBJECT.readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON column is corrupt: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String text, Class<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON column is corrupt: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String text, TypeReference<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON column is corrupt: " + e.getOriginalMessage(), e);
        }
    }
}
