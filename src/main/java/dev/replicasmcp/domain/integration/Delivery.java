package dev.replicasmcp.domain.integration;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One webhook request as received: the organization named in its path (null: this server's own), its
 * headers (looked up case-insensitively) and its raw body, exactly as signed.
 */
public record Delivery(String organizationId, Map<String, String> headers, byte[] body) {

    public Delivery {
        Map<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> folded.put(name.toLowerCase(Locale.ROOT), value));
        headers = folded;
    }

    public String header(String name) {
        return headers.get(name);
    }
}
