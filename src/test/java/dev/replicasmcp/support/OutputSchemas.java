package dev.replicasmcp.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tool's output schema from the committed catalogue (tools.json, which tools/list is checked to
 * equal), compiled once. The server does not check the results its invoker writes against them; real
 * clients do (the TypeScript SDK on every call), and so do the Java tests' calls ({@link ToolCalls#ok}).
 */
public final class OutputSchemas {

    private static final Map<String, Schema> SCHEMAS = load();

    private OutputSchemas() {}

    /** What is wrong with a tool's structured result; nothing for a tool outside the catalogue (a fixture). */
    public static List<String> errors(String tool, JsonNode structured) {
        Schema schema = SCHEMAS.get(tool);
        if (schema == null) {
            return List.of();
        }
        return schema.validate(structured).stream().map(Object::toString).toList();
    }

    private static Map<String, Schema> load() {
        SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getDraft202012());
        Map<String, Schema> schemas = new HashMap<>();
        try {
            for (JsonNode tool : ToolCalls.JSON.readTree(Files.readString(Path.of("tools.json")))) {
                if (tool.hasNonNull("outputSchema")) {
                    schemas.put(tool.path("name").asText(), registry.getSchema(tool.get("outputSchema")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("tools.json cannot be read", e);
        }
        return schemas;
    }
}
