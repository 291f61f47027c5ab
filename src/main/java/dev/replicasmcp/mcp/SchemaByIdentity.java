package dev.replicasmcp.mcp;

import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The SDK's output-schema check, with its compiled schemas looked up by the schema object itself. The
 * SDK's own key is the schema written out as JSON, which it does again on every tool call; our tools'
 * schemas are built once and never change, so the object is the key (the SDK's key was a visible share of
 * a tool call's time in a profile). Each schema still gets its own compiled validator, and every result is still
 * checked against its tool's schema.
 */
final class SchemaByIdentity extends DefaultJsonSchemaValidator {

    private final Map<Map<String, Object>, String> keys = Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    protected String generateCacheKey(Map<String, Object> schema) {
        return keys.computeIfAbsent(schema, ignored -> "schema-" + keys.size());
    }
}
