package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replicasmcp.ops.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Build step (Maven prepare-package): writes the input and output schema of every tool of the
 * standard catalogue, exactly as {@link SchemaFactory} generates them, into the file the shaded jar
 * carries as {@link SchemaFactory#PREGENERATED}. The server then skips generating them at start.
 */
public final class ToolSchemaWriter {

    private ToolSchemaWriter() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: ToolSchemaWriter OUTPUT_FILE");
        }
        Path output = Path.of(args[0]);
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Files.writeString(output, lines(JsonMappers.tools()), StandardCharsets.UTF_8);
    }

    /**
     * A line per schema: "input:<record class>" or "output:<record class>", a tab, and the schema as compact
     * JSON (Jackson escapes every line break inside a string, so the JSON holds none).
     */
    static String lines(ObjectMapper toolMapper) throws IOException {
        SchemaFactory generator = new SchemaFactory();
        Map<String, ObjectNode> all = new LinkedHashMap<>();
        for (Operation<?, ?> spec : ToolCatalog.standardSpecs()) {
            all.put(SchemaFactory.key(false, spec.input()), generator.inputSchema(spec.input()));
            all.put(SchemaFactory.key(true, spec.output()), generator.outputSchema(spec.output()));
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, ObjectNode> schema : all.entrySet()) {
            out.append(schema.getKey())
                    .append('\t')
                    .append(toolMapper.writeValueAsString(schema.getValue()))
                    .append('\n');
        }
        return out.toString();
    }
}
