package dev.replicasmcp.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.replicasmcp.mcp.JsonMappers;
import dev.replicasmcp.mcp.ToolCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the tool catalogue (the content of tools.json) without starting a server. */
@Command(name = "tools", mixinStandardHelpOptions = true,
        description = "Write the tool catalogue as JSON (what tools.json holds).")
final class ToolsCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        String json = catalogueJson();
        if (output == null) {
            System.out.print(json); // stdout-ok: this command is not the MCP server
        } else {
            Files.writeString(output, json, StandardCharsets.UTF_8);
        }
        return 0;
    }

    static String catalogueJson() throws Exception {
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        return pretty.writeValueAsString(ToolCatalog.generated(JsonMappers.tools()).toJson(pretty)) + "\n";
    }
}
