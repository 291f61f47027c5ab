package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tool's structured result that also carries its JSON text, written once, as UTF-8 and as a String. A tool
 * answer holds the same JSON twice (structuredContent, and the text content that repeats it for clients
 * that read only text): {@link AnswerWriter} copies these bytes into the answer instead of writing the tree
 * a second time or encoding the text again (profiled: both were a fifth of a history read's CPU). It is an
 * ordinary object node otherwise: the output-schema check and every other reader see the tree.
 */
final class WrittenObject extends ObjectNode {

    private static final long serialVersionUID = 1L;

    private final transient byte[] utf8;
    private final transient String json;

    private WrittenObject(Map<String, JsonNode> children, byte[] utf8) {
        super(JsonNodeFactory.instance, children);
        this.utf8 = utf8;
        this.json = new String(utf8, StandardCharsets.UTF_8);
    }

    /**
     * The node's fields (shared, not copied: the node is never changed after this), with the JSON it was
     * written as (UTF-8; never changed either).
     */
    static WrittenObject of(ObjectNode node, byte[] utf8) {
        Map<String, JsonNode> children = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> children.put(field.getKey(), field.getValue()));
        return new WrittenObject(children, utf8);
    }

    /** The text: give a tool result this very String, and {@link AnswerWriter} copies the bytes. */
    String json() {
        return json;
    }

    byte[] utf8() {
        return utf8;
    }
}
