package dev.replicasmcp.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** A resource state as the audit log keeps it: wire JSON with the value of every secret field replaced. */
final class AuditJson {

    static final TextNode REDACTED = TextNode.valueOf("[redacted]");

    private AuditJson() {}

    static String of(ObjectMapper mapper, Object state, Set<String> secrets) {
        if (state == null) {
            return null;
        }
        JsonNode tree = mapper.valueToTree(state);
        redact(tree, secrets);
        return tree.toString();
    }

    private static void redact(JsonNode node, Set<String> secrets) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (secrets.contains(field.getKey()) && !field.getValue().isNull()) {
                    field.setValue(hideValues(field.getValue()));
                } else {
                    redact(field.getValue(), secrets);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(item -> redact(item, secrets));
        }
    }

    /** An object (headers, env) keeps its keys, so a diff still shows which entry changed; values go. */
    private static JsonNode hideValues(JsonNode value) {
        if (value instanceof ObjectNode object) {
            object.fields().forEachRemaining(entry -> entry.setValue(REDACTED));
            return object;
        }
        return REDACTED;
    }
}
