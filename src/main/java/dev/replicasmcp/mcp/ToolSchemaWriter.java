package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replicasmcp.ops.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
        Files.writeString(output, json(JsonMappers.tools()), StandardCharsets.UTF_8);
    }

    /** One compact JSON object: "input:<record class>" and "output:<record class>" to the schema. */
    static String json(ObjectMapper toolMapper) throws IOException {
        SchemaFactory generator = new SchemaFactory();
        ObjectNode all = toolMapper.createObjectNode();
        for (Operation<?, ?> spec : ToolCatalog.standardSpecs()) {
            all.set(SchemaFactory.key(false, spec.input()), generator.inputSchema(spec.input()));
            all.set(SchemaFactory.key(true, spec.output()), generator.outputSchema(spec.output()));
        }
        return toolMapper.writeValueAsString(all);
    }
}
