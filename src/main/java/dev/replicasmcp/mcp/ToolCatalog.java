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
import dev.replicasmcp.mcp.tools.ToolsetTools;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tools a server may offer, sorted by name, with the toolsets it offers from the start, and their
 * descriptions for tools/list and tools.json. The tools of the other toolsets are offered later by
 * enable_toolset.
 */
public final class ToolCatalog {

    private final List<ToolSpec<?, ?>> specs;
    private final SchemaFactory schemas;
    private final Set<String> enabled;

    /** Every toolset enabled from the start. */
    public ToolCatalog(List<ToolSpec<?, ?>> specs, SchemaFactory schemas) {
        this(specs, schemas, Set.copyOf(Toolsets.names()));
    }

    private ToolCatalog(List<ToolSpec<?, ?>> specs, SchemaFactory schemas, Set<String> enabled) {
        this.specs = specs.stream().sorted(Comparator.comparing(ToolSpec::name)).toList();
        this.schemas = schemas;
        this.enabled = Set.copyOf(enabled);
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
        all.addAll(ToolsetTools.all(ToolsetControl.UNBOUND));
        return all;
    }

    /**
     * The same tools for a server started with --toolsets and --read-only: the selected toolsets are
     * offered from the start (see {@link Toolsets#select}), and under read-only only tools hinted
     * read-only exist at all, so enable_toolset cannot bring the others either. An unknown toolset name
     * is an IllegalArgumentException listing the known ones.
     */
    public ToolCatalog select(Set<String> toolsets, boolean readOnly) {
        return new ToolCatalog(specs.stream().filter(spec -> !readOnly || spec.hints().readOnly()).toList(), schemas,
                Toolsets.select(toolsets));
    }

    /** Every tool this server may offer, whatever its toolset (list_toolsets and enable_toolset included). */
    public List<ToolSpec<?, ?>> specs() {
        return specs;
    }

    /** The toolsets offered from the start. */
    public Set<String> enabledToolsets() {
        return enabled;
    }

    /** The tools of one toolset. */
    public List<ToolSpec<?, ?>> specsOf(String toolset) {
        return specs.stream().filter(spec -> spec.toolset().equals(toolset)).toList();
    }

    /** The tools offered from the start: those of the enabled toolsets, and the dynamic-toolset tools. */
    public List<ToolSpec<?, ?>> initialSpecs() {
        return specs.stream().filter(spec -> spec.toolset().equals(Toolsets.DYNAMIC)
                || enabled.contains(spec.toolset())).toList();
    }

    public McpSchema.Tool describe(ToolSpec<?, ?> spec) {
        ToolSpec.Hints hints = spec.hints();
        return McpSchema.Tool.builder().name(spec.name()).title(spec.title()).description(spec.description())
                .inputSchema(schemas.input(spec.input()))
                .outputSchema(schemas.output(spec.output()))
                .annotations(new McpSchema.ToolAnnotations(null, hints.readOnly(), hints.destructive(),
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
