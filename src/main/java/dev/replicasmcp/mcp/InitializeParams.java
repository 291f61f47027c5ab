package dev.replicasmcp.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.Set;

/**
 * An initialize request built by hand from the Map the SDK read. Jackson's binding of it builds deserializers
 * for the request, the client's capabilities and its identity from their annotations the first time: in a
 * fresh process that was about 150 ms between the client's initialize arriving and its answer (a class
 * initialisation timeline showed it). Only the common shapes are built here: text fields, roots, an empty
 * sampling, experimental; anything else (elicitation, icons, an unknown key, a value of another type)
 * returns null and goes to Jackson, so the result is always what Jackson would give.
 */
final class InitializeParams {

    private static final Set<String> PARAMS = Set.of("protocolVersion", "capabilities", "clientInfo", "_meta");
    private static final Set<String> CAPABILITIES = Set.of("experimental", "roots", "sampling");
    private static final Set<String> ROOTS = Set.of("listChanged");
    private static final Set<String> CLIENT_INFO = Set.of("name", "title", "version", "description", "websiteUrl");

    private InitializeParams() {}

    /** The request Jackson would bind from these params, or null when they are not of a shape built here. */
    @SuppressWarnings("unchecked")
    static McpSchema.InitializeRequest from(Map<?, ?> params) {
        Object meta = params.get("_meta");
        if (!PARAMS.containsAll(params.keySet())
                || !(params.get("protocolVersion") instanceof String version)
                || !(meta == null || ProtocolJsonMapper.stringKeyed(meta))) {
            return null; // a missing version, capabilities or identity is Jackson's to refuse, as before
        }
        McpSchema.ClientCapabilities capabilities = capabilities(params.get("capabilities"));
        McpSchema.Implementation info = clientInfo(params.get("clientInfo"));
        if (capabilities == null || info == null) {
            return null;
        }
        return new McpSchema.InitializeRequest(version, capabilities, info, (Map<String, Object>) meta);
    }

    @SuppressWarnings("unchecked")
    private static McpSchema.ClientCapabilities capabilities(Object value) {
        if (!(value instanceof Map<?, ?> map) || !CAPABILITIES.containsAll(map.keySet())) {
            return null;
        }
        Object experimental = map.get("experimental");
        Object roots = map.get("roots");
        Object sampling = map.get("sampling");
        if (!(experimental == null || ProtocolJsonMapper.stringKeyed(experimental))
                || !(roots == null || roots instanceof Map<?, ?>)
                || !(sampling == null || (sampling instanceof Map<?, ?> s && s.isEmpty()))) {
            return null;
        }
        McpSchema.ClientCapabilities.RootCapabilities builtRoots = null;
        if (roots instanceof Map<?, ?> rootsMap) {
            Object listChanged = rootsMap.get("listChanged");
            if (!ROOTS.containsAll(rootsMap.keySet()) || !(listChanged == null || listChanged instanceof Boolean)) {
                return null;
            }
            builtRoots = new McpSchema.ClientCapabilities.RootCapabilities((Boolean) listChanged);
        }
        return new McpSchema.ClientCapabilities(
                (Map<String, Object>) experimental,
                builtRoots,
                sampling == null ? null : new McpSchema.ClientCapabilities.Sampling(),
                null,
                null);
    }

    private static McpSchema.Implementation clientInfo(Object value) {
        if (!(value instanceof Map<?, ?> map) || !CLIENT_INFO.containsAll(map.keySet())) {
            return null;
        }
        for (Object field : map.values()) {
            if (!(field == null || field instanceof String)) {
                return null;
            }
        }
        if (map.get("name") == null || map.get("version") == null) {
            return null; // required by the record: Jackson's refusal stays the answer
        }
        return new McpSchema.Implementation(
                (String) map.get("name"),
                (String) map.get("title"),
                (String) map.get("version"),
                (String) map.get("description"),
                null,
                (String) map.get("websiteUrl"));
    }
}
