package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tool's structured result that also carries its JSON text, written once. A tool answer holds the same
 * JSON twice (structuredContent, and the text content that repeats it for clients that read only text):
 * {@link AnswerWriter} copies this text into the answer instead of writing the tree a second time (a tenth
 * of the answering thread's CPU, profiled). It is an ordinary object node otherwise: the output-schema
 * check and every other reader see the tree.
 */
final class WrittenObject extends ObjectNode {

    private static final long serialVersionUID = 1L;

    private final transient String json;

    private WrittenObject(Map<String, JsonNode> children, String json) {
        super(JsonNodeFactory.instance, children);
        this.json = json;
    }

    /** The node's fields (shared, not copied: the node is never changed after this), with its text. */
    static WrittenObject of(ObjectNode node, String json) {
        Map<String, JsonNode> children = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> children.put(field.getKey(), field.getValue()));
        return new WrittenObject(children, json);
    }

    String json() {
        return json;
    }
}
