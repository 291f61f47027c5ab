package dev.replicasmcp.ops.defs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/** Cuts long strings inside JSON trees so one tool result stays a size a model can read. */
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

    /** A copy of the tree with every string longer than the budget shortened and marked. */
    JsonNode apply(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual() && node.asText().length() > maxChars) {
            cut++;
            String text = node.asText();
            return TextNode.valueOf(text.substring(0, maxChars) + " …[cut at " + maxChars + " of " + text.length()
                    + " characters]");
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), apply(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(element -> copy.add(apply(element)));
            return copy;
        }
        return node;
    }
}
