package dev.replicasmcp.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.replicasmcp.mcp.ToolCatalog;
import dev.replicasmcp.ops.Toolset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the tool catalogue (the content of tools.json) without starting a server. */
@Command(
        name = "tools",
        mixinStandardHelpOptions = true,
        description = "Write the tool catalogue as JSON (what tools.json holds).")
final class ToolsCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Option(names = "--toolsets", description = "Write the toolsets (name, description, on by default) instead.")
    boolean toolsets;

    @Override
    public Integer call() throws Exception {
        String json = toolsets ? toolsetsJson() : catalogueJson();
        if (output == null) {
            System.out.print(json); // stdout-ok: this command is not the MCP server
        } else {
            Files.writeString(output, json, StandardCharsets.UTF_8);
        }
        return 0;
    }

    static String catalogueJson() throws Exception {
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        return pretty.writeValueAsString(ToolCatalog.generated().toJson(pretty)) + "\n";
    }

    /** The toolsets, in their order, for the README's toolset table (scripts/readme-tools.py). */
    static String toolsetsJson() throws Exception {
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode all = pretty.createArrayNode();
        Toolset.selectable()
                .forEach(t -> all.addObject()
                        .put("name", t.wire())
                        .put("description", t.description())
                        .put("default", t.byDefault()));
        return pretty.writeValueAsString(all) + "\n";
    }
}
