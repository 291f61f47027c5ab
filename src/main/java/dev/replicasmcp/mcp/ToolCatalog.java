package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replicasmcp.mcp.tools.ToolsetTools;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.Operations;
import dev.replicasmcp.ops.Toolset;
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

    private final List<Operation<?, ?>> specs;
    private final SchemaFactory schemas;
    private final Set<Toolset> enabled;

    /** Every toolset enabled from the start. */
    public ToolCatalog(List<Operation<?, ?>> specs, SchemaFactory schemas) {
        this(specs, schemas, Set.copyOf(Toolset.selectable()));
    }

    private ToolCatalog(List<Operation<?, ?>> specs, SchemaFactory schemas, Set<Toolset> enabled) {
        this.specs =
                specs.stream().sorted(Comparator.comparing(Operation::name)).toList();
        this.schemas = schemas;
        this.enabled = Set.copyOf(enabled);
    }

    /** The server's catalogue, with the schemas generated at packaging when the jar holds them. */
    public static ToolCatalog standard() {
        return new ToolCatalog(standardSpecs(), SchemaFactory.pregeneratedOrOnDemand());
    }

    /** The same catalogue with every schema generated from the records now (what tools.json holds). */
    public static ToolCatalog generated() {
        return new ToolCatalog(standardSpecs(), new SchemaFactory());
    }

    static List<Operation<?, ?>> standardSpecs() {
        List<Operation<?, ?>> all = new ArrayList<>(Operations.all());
        all.addAll(ToolsetTools.all(ToolsetControl.UNBOUND));
        return all;
    }

    /**
     * The same tools for a server started with --toolsets and --read-only: the selected toolsets are
     * offered from the start (see {@link Toolset#select}), and under read-only only tools hinted
     * read-only exist at all, so enable_toolset cannot bring the others either. An unknown toolset name
     * is an IllegalArgumentException listing the known ones.
     */
    public ToolCatalog select(Set<String> toolsets, boolean readOnly) {
        return new ToolCatalog(
                specs.stream()
                        .filter(spec -> !readOnly || spec.hints().readOnly())
                        .toList(),
                schemas,
                Toolset.select(toolsets));
    }

    /** Every tool this server may offer, whatever its toolset (list_toolsets and enable_toolset included). */
    public List<Operation<?, ?>> specs() {
        return specs;
    }

    /** The toolsets offered from the start. */
    public Set<Toolset> enabledToolsets() {
        return enabled;
    }

    /** The tools of one toolset. */
    public List<Operation<?, ?>> specsOf(Toolset toolset) {
        return specs.stream().filter(spec -> spec.toolset() == toolset).toList();
    }

    /** The tools offered from the start: those of the enabled toolsets, and the dynamic-toolset tools. */
    public List<Operation<?, ?>> initialSpecs() {
        return specs.stream()
                .filter(spec -> spec.toolset() == Toolset.DYNAMIC || enabled.contains(spec.toolset()))
                .toList();
    }

    public McpSchema.Tool describe(Operation<?, ?> spec) {
        Operation.Hints hints = spec.hints();
        return McpSchema.Tool.builder()
                .name(spec.name())
                .title(spec.title())
                .description(spec.description())
                .inputSchema(schemas.input(spec.input()))
                .outputSchema(schemas.output(spec.output()))
                .annotations(new McpSchema.ToolAnnotations(
                        null, hints.readOnly(), hints.destructive(), hints.idempotent(), hints.openWorld(), null))
                .build();
    }

    /** The committed catalogue: one entry per tool, sorted by name (the content of tools.json). */
    public ArrayNode toJson(ObjectMapper mapper) {
        ArrayNode tools = mapper.createArrayNode();
        for (Operation<?, ?> spec : specs) {
            ObjectNode tool = tools.addObject();
            tool.put("name", spec.name())
                    .put("title", spec.title())
                    .put("toolset", spec.toolset().wire())
                    .put("description", spec.description());
            tool.putObject("annotations")
                    .put("readOnlyHint", spec.hints().readOnly())
                    .put("destructiveHint", spec.hints().destructive())
                    .put("idempotentHint", spec.hints().idempotent())
                    .put("openWorldHint", spec.hints().openWorld());
            tool.set("inputSchema", mapper.valueToTree(schemas.input(spec.input())));
            tool.set("outputSchema", mapper.valueToTree(schemas.output(spec.output())));
        }
        return tools;
    }

    public Map<String, Object> inputSchema(Operation<?, ?> spec) {
        return schemas.input(spec.input());
    }
}
