package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replicasmcp.mcp.tools.AgentTools;
import dev.replicasmcp.mcp.tools.ConversationTools;
import dev.replicasmcp.mcp.tools.EnvironmentTools;
import dev.replicasmcp.mcp.tools.HookTools;
import dev.replicasmcp.mcp.tools.McpSkillTools;
import dev.replicasmcp.mcp.tools.VariableFileTools;
import dev.replicasmcp.mcp.tools.ReplicaTools;
import dev.replicasmcp.mcp.tools.RepositoryTools;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Every tool of the server, sorted by name, and their descriptions for tools/list and tools.json. */
public final class ToolCatalog {

    private final List<ToolSpec<?, ?>> specs;
    private final SchemaFactory schemas;

    public ToolCatalog(List<ToolSpec<?, ?>> specs, SchemaFactory schemas) {
        this.specs = specs.stream().sorted(Comparator.comparing(ToolSpec::name)).toList();
        this.schemas = schemas;
    }

    /** The server's catalogue, with the schemas generated at packaging when the jar holds them. */
    public static ToolCatalog standard(ObjectMapper toolMapper) {
        return new ToolCatalog(standardSpecs(), SchemaFactory.pregeneratedOrOnDemand(toolMapper));
    }

    /** The same catalogue with every schema generated from the records now (what tools.json holds). */
    public static ToolCatalog generated(ObjectMapper toolMapper) {
        return new ToolCatalog(standardSpecs(), new SchemaFactory(toolMapper));
    }

    static List<ToolSpec<?, ?>> standardSpecs() {
        List<ToolSpec<?, ?>> all = new ArrayList<>();
        all.addAll(ReplicaTools.all());
        all.addAll(ConversationTools.all());
        all.addAll(RepositoryTools.all());
        all.addAll(EnvironmentTools.all());
        all.addAll(VariableFileTools.all());
        all.addAll(McpSkillTools.all());
        all.addAll(HookTools.all());
        all.addAll(AgentTools.all());
        return all;
    }

    /** The toolsets tools are grouped in; --toolsets picks among them. */
    public static final List<String> TOOLSETS = List.of("replicas", "repositories", "environments", "agents");

    /**
     * Only the tools of the given toolsets (all when empty), and only read-only ones when asked.
     * An unknown toolset name is an error that lists the known ones.
     */
    public ToolCatalog filter(java.util.Set<String> toolsets, boolean readOnly) {
        toolsets.stream().filter(t -> !TOOLSETS.contains(t)).findFirst().ifPresent(unknown -> {
            throw new IllegalArgumentException("Unknown toolset '" + unknown + "'. Known toolsets: "
                    + String.join(", ", TOOLSETS) + ".");
        });
        return new ToolCatalog(specs.stream()
                .filter(spec -> toolsets.isEmpty() || toolsets.contains(spec.toolset()))
                .filter(spec -> !readOnly || spec.hints().readOnly())
                .toList(), schemas);
    }

    public List<ToolSpec<?, ?>> specs() {
        return specs;
    }

    public McpSchema.Tool describe(ToolSpec<?, ?> spec) {
        ToolSpec.Hints hints = spec.hints();
        return McpSchema.Tool.builder().name(spec.name()).title(spec.title()).description(spec.description())
                .inputSchema(schemas.input(spec.input()))
                .outputSchema(schemas.output(spec.output()))
                .annotations(new McpSchema.ToolAnnotations(spec.title(), hints.readOnly(), hints.destructive(),
                        hints.idempotent(), hints.openWorld(), null))
                .build();
    }

    /** The committed catalogue: one entry per tool, sorted by name (the content of tools.json). */
    public ArrayNode toJson(ObjectMapper mapper) {
        ArrayNode tools = mapper.createArrayNode();
        for (ToolSpec<?, ?> spec : specs) {
            ObjectNode tool = tools.addObject();
            tool.put("name", spec.name()).put("title", spec.title()).put("toolset", spec.toolset())
                    .put("description", spec.description());
            tool.putObject("annotations").put("readOnlyHint", spec.hints().readOnly())
                    .put("destructiveHint", spec.hints().destructive())
                    .put("idempotentHint", spec.hints().idempotent())
                    .put("openWorldHint", spec.hints().openWorld());
            tool.set("inputSchema", mapper.valueToTree(schemas.input(spec.input())));
            tool.set("outputSchema", mapper.valueToTree(schemas.output(spec.output())));
        }
        return tools;
    }

    public Map<String, Object> inputSchema(ToolSpec<?, ?> spec) {
        return schemas.input(spec.input());
    }
}
