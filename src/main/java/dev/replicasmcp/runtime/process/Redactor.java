package dev.replicasmcp.runtime.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Replaces secrets (variable values, agent credentials) in what hooks and agents print, before it is
 * stored or shown anywhere. JSON output is masked in its decoded strings too, so a secret the agent
 * printed escaped ({@code sk\u002dant...}) is caught where a match on the raw line misses it.
 */
public final class Redactor {

    public static final String MASK = "[redacted]";
    /**
     * Shorter values ("1", "true", "dev", a port) are not secrets worth hiding, and masking them would
     * mangle ordinary text everywhere they occur.
     */
    public static final int MIN_LENGTH = 5;

    private final List<String> secrets;

    public Redactor(Collection<String> secrets) {
        this.secrets = secrets.stream()
                .filter(s -> s != null && s.strip().length() >= MIN_LENGTH)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** Masks every variable value of the map (the keys are names, not secrets). */
    public static Redactor ofValues(Map<String, String> variables) {
        return new Redactor(new ArrayList<>(variables.values()));
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    public String apply(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** The node with every string (and field name) masked; the same node when there is nothing to mask. */
    public JsonNode apply(JsonNode node) {
        if (node == null || secrets.isEmpty()) {
            return node;
        }
        if (node.isTextual()) {
            String masked = apply(node.asText());
            return masked.equals(node.asText()) ? node : TextNode.valueOf(masked);
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, apply(array.get(i)));
            }
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = apply(object.get(name));
                String maskedName = apply(name);
                if (!maskedName.equals(name)) {
                    object.remove(name);
                }
                object.set(maskedName, value);
            }
            return object;
        }
        return node;
    }
}
