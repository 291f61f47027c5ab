package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON tree as the plain Java values the SDK reads a message into (Jackson's untyped binding):
 * objects as maps in field order, arrays as lists, whole numbers as Integer, Long or BigInteger by size,
 * other numbers as they were parsed, text, booleans and null. A line is parsed once, for our check, and
 * then handed on as these values instead of being parsed again (TreeValuesTest compares with Jackson's).
 */
final class TreeValues {

    private TreeValues() {}

    /** A message's top level, as the SDK's reader makes it (a HashMap). */
    static HashMap<String, Object> message(JsonNode object) {
        HashMap<String, Object> map = new HashMap<>();
        fill(map, object);
        return map;
    }

    /** A nested object (a call's arguments), as the SDK's reader makes it (a LinkedHashMap). */
    static Map<String, Object> object(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        fill(map, object);
        return map;
    }

    /** Any value (a message's id), as the SDK's reader makes it. */
    static Object value(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT:
                return object(node);
            case ARRAY:
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    list.add(value(item));
                }
                return list;
            case STRING:
                return node.textValue();
            case NUMBER:
                return node.numberValue();
            case BOOLEAN:
                return node.booleanValue();
            case NULL:
            case MISSING:
                return null;
            default:
                throw new IllegalArgumentException("Not a value parsed from JSON: " + node.getNodeType());
        }
    }

    private static void fill(Map<String, Object> map, JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), value(field.getValue()));
        }
    }
}
